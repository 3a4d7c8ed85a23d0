package org.gridguard.census;

import static org.gridguard.census.CensusHistory.HOUSEHOLD;
import static org.gridguard.census.CensusRules.afterId;
import static org.gridguard.census.CensusRules.blankToNull;
import static org.gridguard.census.CensusRules.change;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaKind;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.gridguard.census.CensusViews.HouseholdPatch;
import org.gridguard.census.CensusViews.HouseholdView;
import org.gridguard.census.CensusViews.NewHousehold;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;

/** Households: where they hang in the area tree, one per door, optimistic locking, client ids, history. */
@ApplicationScoped
public class HouseholdService {

    @Inject
    HouseholdRepository households;
    @Inject
    AreaRepository areas;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;
    @Inject
    ResidentRepository residents;
    @Inject
    CensusHistory changes;

    /** Where a household hangs in the area tree. */
    record Placement(AreaNode node, UUID communityId, UUID gridCellId, UUID compoundId, UUID buildingId) {
    }

    /** A building, compound or grid cell inside the caller's jurisdiction. */
    Placement place(UUID areaId) {
        AreaNode n = areas.covered(areaId).orElseThrow(() -> ApiProblem.invalid("areaId", "no such area node"));
        if (n.kind != AreaKind.BUILDING && n.kind != AreaKind.COMPOUND && n.kind != AreaKind.GRID_CELL) {
            throw ApiProblem.invalid("areaId", "a household belongs to a building, a compound or a grid cell");
        }
        List<UUID> ids = Arrays.stream(n.path.split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
        UUID cell = null, compound = null, building = null;
        for (AreaNode a : areas.byIds(ids).values()) {
            switch (a.kind) {
                case GRID_CELL -> cell = a.id;
                case COMPOUND -> compound = a.id;
                case BUILDING -> building = a.id;
                default -> {
                }
            }
        }
        return new Placement(n, n.communityId, cell, compound, building);
    }

    @Transactional
    public Page<HouseholdView> households(UUID areaId, Household.Status status, Resident.Category category,
            Instant updatedSince, String door, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        UUID after = afterId(cursor);
        if (door != null && door.length() > 50) {
            throw ApiProblem.invalid("door", "must be at most 50 characters");
        }
        List<HouseholdView> rows = households.list(CensusScope.areaPath(areas, areaId), status, category, updatedSince, door, after, lim)
                .stream().map(HouseholdView::of).toList();
        return Page.of(rows, lim, v -> Cursor.encode(v.id().toString()));
    }

    @Transactional
    public HouseholdView household(UUID id) {
        return HouseholdView.of(visibleHousehold(id));
    }

    Household visibleHousehold(UUID id) {
        return households.visible(id).orElseThrow(() -> ApiProblem.notFound("Household"));
    }

    @Transactional
    public Idempotency.Outcome<HouseholdView> createHousehold(NewHousehold req, String key) {
        return idempotency.once(caller.name(), key, HOUSEHOLD, req, HouseholdView.class, () -> {
            if (req.id() != null) {
                Household existing = households.findById(req.id());
                if (existing != null) {
                    if (households.visible(req.id()).isPresent() && existing.areaId.equals(req.areaId())
                            && existing.doorNumber.equals(req.doorNumber().trim())) {
                        return new Idempotency.Outcome<>(HouseholdView.of(existing), existing.id, true);
                    }
                    throw ApiProblem.conflict("A household with this id already exists");
                }
            }
            Placement pl = place(req.areaId());
            String door = req.doorNumber().trim();
            doorFree(pl.node().id, door, null);
            Household h = new Household();
            h.id = req.id() != null ? req.id() : UUID.randomUUID();
            h.communityId = pl.communityId();
            h.gridCellId = pl.gridCellId();
            h.compoundId = pl.compoundId();
            h.buildingId = pl.buildingId();
            h.areaId = pl.node().id;
            h.doorNumber = door;
            counted(req.livingCount(), req.tenantCount(), h);
            h.contactName = blankToNull(req.contactName());
            h.notes = blankToNull(req.notes());
            h.status = req.status() == null ? Household.Status.OCCUPIED : req.status();
            stamp(h, true);
            households.persist(h);
            households.flush();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("areaId", h.areaId.toString());
            c.put("doorNumber", h.doorNumber);
            c.put("status", h.status.name());
            changes.record(HOUSEHOLD, h.id, h.communityId, "CREATE", c);
            return new Idempotency.Outcome<>(HouseholdView.of(h), h.id, false);
        });
    }

    private void doorFree(UUID areaId, String door, UUID except) {
        households.atDoor(areaId, door).filter(o -> !o.id.equals(except)).ifPresent(o -> {
            throw ApiProblem.conflict("This door number is already registered here", Map.of("existingId", o.id));
        });
    }

    @Transactional
    public HouseholdView updateHousehold(UUID id, HouseholdPatch patch, String ifMatch) {
        Household h = visibleHousehold(id);
        Versions.check(h.version, ifMatch, patch.version());
        Map<String, Object> diff = new LinkedHashMap<>();
        if (patch.areaId() != null && !patch.areaId().equals(h.areaId)) {
            Placement pl = place(patch.areaId());
            if (!pl.communityId().equals(h.communityId)) {
                throw ApiProblem.invalid("areaId", "a household cannot move to another community");
            }
            diff.put("areaId", change(h.areaId, pl.node().id));
            h.areaId = pl.node().id;
            h.gridCellId = pl.gridCellId();
            h.compoundId = pl.compoundId();
            h.buildingId = pl.buildingId();
        }
        String door = patch.doorNumber() == null ? h.doorNumber : patch.doorNumber().trim();
        if (!door.equals(h.doorNumber)) {
            diff.put("doorNumber", change(h.doorNumber, door));
            h.doorNumber = door;
        }
        if (diff.containsKey("areaId") || diff.containsKey("doorNumber")) {
            doorFree(h.areaId, h.doorNumber, h.id);
        }
        patchFields(h, patch, diff);
        if (!diff.isEmpty()) {
            stamp(h, false);
            households.flush();
            if (diff.containsKey("areaId")) {
                residents.followHousehold(h.id, h.areaId, h.gridCellId);
            }
            changes.record(HOUSEHOLD, h.id, h.communityId, diff.containsKey("areaId") ? "MOVE" : "UPDATE", diff);
        }
        return HouseholdView.of(h);
    }

    /** The patch's plain fields (contact, notes, status), into {@code diff}. */
    private static void patchFields(Household h, HouseholdPatch patch, Map<String, Object> diff) {
        counted(patch.livingCount(), patch.tenantCount(), h);
        if (patch.contactName() != null && !Objects.equals(blankToNull(patch.contactName()), h.contactName)) {
            diff.put("contactName", change(h.contactName, blankToNull(patch.contactName())));
            h.contactName = blankToNull(patch.contactName());
        }
        if (patch.notes() != null && !Objects.equals(blankToNull(patch.notes()), h.notes)) {
            diff.put("notes", change(h.notes, blankToNull(patch.notes())));
            h.notes = blankToNull(patch.notes());
        }
        if (patch.status() != null && patch.status() != h.status) {
            diff.put("status", change(h.status, patch.status()));
            h.status = patch.status();
        }
    }

    /**
     * The counts are the residents' (ADR 0056): a request may repeat them, but a different figure is refused, naming
     * what to do instead.
     */
    private static void counted(Integer living, Integer tenants, Household h) {
        if (living != null && living != h.livingCount) {
            throw ApiProblem.invalid("livingCount", "livingCount is counted from the household's living residents (" + h.livingCount
                    + "): register, move out or remove residents instead");
        }
        if (tenants != null && tenants != h.tenantCount) {
            throw ApiProblem.invalid("tenantCount", "tenantCount is counted from the household's living residents with the TENANT "
                    + "category (" + h.tenantCount + "): change the residents instead");
        }
    }

    void stamp(Household h, boolean created) {
        Instant now = clock.instant();
        if (created) {
            h.createdAt = now;
            h.createdBy = caller.name();
        }
        h.updatedAt = now;
        h.updatedBy = caller.name();
    }
}
