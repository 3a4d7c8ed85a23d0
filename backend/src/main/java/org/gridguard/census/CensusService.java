package org.gridguard.census;

import org.gridguard.common.Rows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaKind;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.gridguard.census.CensusViews.ChangeView;
import org.gridguard.census.CensusViews.HouseholdPatch;
import org.gridguard.census.CensusViews.HouseholdView;
import org.gridguard.census.CensusViews.NewHousehold;
import org.gridguard.census.CensusViews.NewResident;
import org.gridguard.census.CensusViews.NewVerification;
import org.gridguard.census.CensusViews.ResidentPatch;
import org.gridguard.census.CensusViews.ResidentView;
import org.gridguard.census.CensusViews.VerificationView;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.security.pii.IdentityRules;

/**
 * Households, residents and verification rounds: validation of identity data, encryption of ID numbers and
 * phones, optimistic locking, client ids and Idempotency-Keys, and a history of every change (personal data
 * only as "changed", never its value).
 */
@ApplicationScoped
public class CensusService {

    public static final String HOUSEHOLD = "HOUSEHOLD";
    public static final String RESIDENT = "RESIDENT";

    @Inject
    HouseholdRepository households;
    @Inject
    ResidentRepository residents;
    @Inject
    AreaRepository areas;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    PiiCipher pii;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

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

    // ---------- households ----------

    @Transactional
    public Page<HouseholdView> households(UUID areaId, Household.Status status, Resident.Category category,
            Instant updatedSince, String door, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        UUID after = afterId(cursor);
        if (door != null && door.length() > 50) {
            throw ApiProblem.invalid("door", "must be at most 50 characters");
        }
        List<HouseholdView> rows = households.list(areaPath(areaId), status, category, updatedSince, door, after, lim)
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
            h.livingCount = req.livingCount() == null ? 0 : req.livingCount();
            h.tenantCount = req.tenantCount() == null ? 0 : req.tenantCount();
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
            history(HOUSEHOLD, h.id, h.communityId, "CREATE", c);
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
        if (patch.livingCount() != null && patch.livingCount() != h.livingCount) {
            diff.put("livingCount", change(h.livingCount, patch.livingCount()));
            h.livingCount = patch.livingCount();
        }
        if (patch.tenantCount() != null && patch.tenantCount() != h.tenantCount) {
            diff.put("tenantCount", change(h.tenantCount, patch.tenantCount()));
            h.tenantCount = patch.tenantCount();
        }
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
        if (!diff.isEmpty()) {
            stamp(h, false);
            households.flush();
            if (diff.containsKey("areaId")) {
                em.createNativeQuery("update resident set area_id = ?2, grid_cell_id = ?3 where household_id = ?1")
                        .setParameter(1, h.id).setParameter(2, h.areaId).setParameter(3, h.gridCellId).executeUpdate();
            }
            history(HOUSEHOLD, h.id, h.communityId, diff.containsKey("areaId") ? "MOVE" : "UPDATE", diff);
        }
        return HouseholdView.of(h);
    }

    // ---------- verification rounds ----------

    @Transactional
    public Idempotency.Outcome<VerificationView> verify(UUID householdId, NewVerification req, String key) {
        return idempotency.once(caller.name(), key, "VERIFICATION", req, VerificationView.class, () -> {
            Household h = visibleHousehold(householdId);
            if (req.verifiedOn().isAfter(LocalDate.now(clock))) {
                throw ApiProblem.invalid("verifiedOn", "cannot be in the future");
            }
            if (req.id() != null) {
                List<VerificationView> same = verifications(householdId).stream().filter(v -> v.id().equals(req.id()))
                        .toList();
                if (!same.isEmpty()) {
                    return new Idempotency.Outcome<>(same.get(0), req.id(), true);
                }
            }
            UUID id = req.id() != null ? req.id() : UUID.randomUUID();
            Instant now = clock.instant();
            em.createNativeQuery("""
                    insert into household_verification (id, household_id, community_id, grid_cell_id, verified_on, method,
                      findings, verified_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                    .setParameter(1, id).setParameter(2, h.id).setParameter(3, h.communityId)
                    .setParameter(4, h.gridCellId).setParameter(5, req.verifiedOn())
                    .setParameter(6, req.method().name()).setParameter(7, blankToNull(req.findings()))
                    .setParameter(8, caller.name()).setParameter(9, now).executeUpdate();
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("verifiedOn", req.verifiedOn().toString());
            diff.put("method", req.method().name());
            if (h.lastVerifiedOn == null || req.verifiedOn().isAfter(h.lastVerifiedOn)) {
                h.lastVerifiedOn = req.verifiedOn();
            }
            if (req.householdStatus() != null && req.householdStatus() != h.status) {
                diff.put("status", change(h.status, req.householdStatus()));
                h.status = req.householdStatus();
            }
            stamp(h, false);
            history(HOUSEHOLD, h.id, h.communityId, "VERIFY", diff);
            return new Idempotency.Outcome<>(new VerificationView(id, h.id, req.verifiedOn(), req.method(),
                    blankToNull(req.findings()), caller.name(), now), id, false);
        });
    }

    @Transactional
    public List<VerificationView> verifications(UUID householdId) {
        visibleHousehold(householdId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, household_id, verified_on, method, findings, verified_by, created_at
                from household_verification where household_id = ?1 order by verified_on desc, created_at desc limit 500""")
                .setParameter(1, householdId).getResultList();
        return rows.stream().map(r -> new VerificationView((UUID) r[0], (UUID) r[1], toDate(r[2]),
                CensusViews.VerificationMethod.valueOf((String) r[3]), (String) r[4], (String) r[5], Rows.instant(r[6])))
                .toList();
    }

    // ---------- residents ----------

    @Transactional
    public Page<ResidentView> residents(UUID areaId, UUID householdId, Resident.Status status,
            Resident.Category category, Instant updatedSince, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        UUID after = afterId(cursor);
        List<ResidentView> rows = residents.list(areaPath(areaId), householdId, status, category, updatedSince, after,
                lim).stream().map(ResidentView::of).toList();
        return Page.of(rows, lim, v -> Cursor.encode(v.id().toString()));
    }

    @Transactional
    public ResidentView resident(UUID id) {
        return ResidentView.of(visibleResident(id));
    }

    Resident visibleResident(UUID id) {
        return residents.visible(id).orElseThrow(() -> ApiProblem.notFound("Resident"));
    }

    /** Validated identity data of a create or a patch. */
    record Identity(DocType type, String number, String phone) {
    }

    Identity validate(String name, DocType type, String number, String phone, boolean numberRequired) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name != null && name.isBlank()) {
            errors.add(new Problem.FieldError("name", "must not be blank"));
        }
        DocType t = type == null ? DocType.MAINLAND_ID : type;
        String n = IdentityRules.normaliseDocument(number);
        if (n != null || numberRequired) {
            for (String m : IdentityRules.documentProblems(t, n, LocalDate.now(clock))) {
                errors.add(new Problem.FieldError("idNumber", m));
            }
        }
        String p = null;
        if (phone != null && !phone.isBlank()) {
            String problem = IdentityRules.phoneProblem(phone);
            if (problem != null) {
                errors.add(new Problem.FieldError("phone", problem));
            }
            p = IdentityRules.normalisePhone(phone);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " problems with the resident's data", errors);
        }
        return new Identity(t, n, p);
    }

    @Transactional
    public Idempotency.Outcome<ResidentView> createResident(NewResident req, String key) {
        return idempotency.once(caller.name(), key, RESIDENT, req, ResidentView.class, () -> {
            if (req.id() != null) {
                Resident existing = residents.findById(req.id());
                if (existing != null) {
                    if (residents.visible(req.id()).isPresent() && existing.householdId.equals(req.householdId())
                            && existing.name.equals(req.name().trim())) {
                        return new Idempotency.Outcome<>(ResidentView.of(existing), existing.id, true);
                    }
                    throw ApiProblem.conflict("A resident with this id already exists");
                }
            }
            Household h = households.visible(req.householdId())
                    .orElseThrow(() -> ApiProblem.invalid("householdId", "no such household"));
            Identity ident = validate(req.name(), req.idType(), req.idNumber(), req.phone(), true);
            Resident r = new Resident();
            r.id = req.id() != null ? req.id() : UUID.randomUUID();
            r.householdId = h.id;
            r.communityId = h.communityId;
            r.gridCellId = h.gridCellId;
            r.areaId = h.areaId;
            r.name = req.name().trim();
            setIdentity(r, ident.type(), ident.number());
            setPhone(r, ident.phone());
            r.relation = blankToNull(req.relation());
            r.categories = categories(req.categories());
            r.returneeFrom = blankToNull(req.returneeFrom());
            r.returnedOn = req.returnedOn();
            r.healthCode = req.healthCode();
            r.healthCodeSource = blankToNull(req.healthCodeSource());
            r.healthCodeSeenAt = req.healthCodeSeenAt();
            r.status = Resident.Status.LIVING;
            stampResident(r, true);
            residents.persist(r);
            residents.flush();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("householdId", h.id.toString());
            c.put("name", r.name);
            c.put("idType", r.idType.name());
            c.put("idNumber", Map.of("changed", true));
            if (r.phoneCipher != null) {
                c.put("phone", Map.of("changed", true));
            }
            c.put("categories", List.of(r.categories));
            history(RESIDENT, r.id, r.communityId, "CREATE", c);
            return new Idempotency.Outcome<>(ResidentView.of(r), r.id, false);
        });
    }

    void setIdentity(Resident r, DocType type, String number) {
        byte[] hmac = pii.hmac(type.name(), number);
        residents.holderOf(r.communityId, hmac).filter(other -> !other.equals(r.id)).ifPresent(other -> {
            throw ApiProblem.conflict("A resident with this identity document is already registered in this community",
                    Map.of("existingId", other));
        });
        r.idType = type;
        r.idHmac = hmac;
        r.idCipher = pii.encrypt(number);
        r.idMask = IdentityRules.maskDocument(type, number);
        if (type == DocType.MAINLAND_ID) {
            r.sex = IdentityRules.sex(number);
            r.birthDate = IdentityRules.birthDate(number);
        } else {
            r.sex = null;
            r.birthDate = null;
        }
    }

    void setPhone(Resident r, String phone) {
        r.phoneCipher = pii.encrypt(phone);
        r.phoneHmac = pii.hmac("PHONE", phone);
        r.phoneMask = IdentityRules.maskPhone(phone);
    }

    @Transactional
    public ResidentView updateResident(UUID id, ResidentPatch patch, String ifMatch) {
        Resident r = visibleResident(id);
        Versions.check(r.version, ifMatch, patch.version());
        boolean newNumber = patch.idNumber() != null || patch.idType() != null;
        Identity ident = validate(patch.name(), patch.idType() != null ? patch.idType() : r.idType,
                patch.idNumber() != null ? patch.idNumber() : newNumber ? pii.decrypt(r.idCipher) : null,
                patch.phone(), newNumber);
        Map<String, Object> diff = new LinkedHashMap<>();
        if (patch.householdId() != null && !patch.householdId().equals(r.householdId)) {
            Household h = households.visible(patch.householdId())
                    .orElseThrow(() -> ApiProblem.invalid("householdId", "no such household"));
            if (!h.communityId.equals(r.communityId)) {
                throw ApiProblem.invalid("householdId", "a resident cannot move to another community's household");
            }
            diff.put("householdId", change(r.householdId, h.id));
            r.householdId = h.id;
            r.areaId = h.areaId;
            r.gridCellId = h.gridCellId;
        }
        if (patch.name() != null && !patch.name().trim().equals(r.name)) {
            diff.put("name", change(r.name, patch.name().trim()));
            r.name = patch.name().trim();
        }
        if (newNumber && (ident.type() != r.idType || !Arrays.equals(pii.hmac(ident.type().name(), ident.number()), r.idHmac))) {
            if (ident.type() != r.idType) {
                diff.put("idType", change(r.idType, ident.type()));
            }
            diff.put("idNumber", Map.of("changed", true));
            setIdentity(r, ident.type(), ident.number());
        }
        if (patch.phone() != null) {
            byte[] ph = pii.hmac("PHONE", ident.phone());
            if (!Arrays.equals(ph, r.phoneHmac)) {
                diff.put("phone", Map.of("changed", true));
                setPhone(r, ident.phone());
            }
        }
        if (patch.relation() != null && !Objects.equals(blankToNull(patch.relation()), r.relation)) {
            diff.put("relation", change(r.relation, blankToNull(patch.relation())));
            r.relation = blankToNull(patch.relation());
        }
        if (patch.categories() != null) {
            String[] cats = categories(patch.categories());
            if (!Arrays.equals(cats, r.categories)) {
                diff.put("categories", change(List.of(r.categories), List.of(cats)));
                r.categories = cats;
            }
        }
        if (patch.returneeFrom() != null && !Objects.equals(blankToNull(patch.returneeFrom()), r.returneeFrom)) {
            diff.put("returneeFrom", change(r.returneeFrom, blankToNull(patch.returneeFrom())));
            r.returneeFrom = blankToNull(patch.returneeFrom());
        }
        if (patch.returnedOn() != null && !patch.returnedOn().equals(r.returnedOn)) {
            diff.put("returnedOn", change(r.returnedOn, patch.returnedOn()));
            r.returnedOn = patch.returnedOn();
        }
        if (patch.healthCode() != null && patch.healthCode() != r.healthCode) {
            diff.put("healthCode", change(r.healthCode, patch.healthCode()));
            r.healthCode = patch.healthCode();
        }
        if (patch.healthCodeSource() != null && !patch.healthCodeSource().equals(r.healthCodeSource)) {
            diff.put("healthCodeSource", change(r.healthCodeSource, patch.healthCodeSource()));
            r.healthCodeSource = patch.healthCodeSource();
        }
        if (patch.healthCodeSeenAt() != null && !patch.healthCodeSeenAt().equals(r.healthCodeSeenAt)) {
            diff.put("healthCodeSeenAt", change(r.healthCodeSeenAt, patch.healthCodeSeenAt()));
            r.healthCodeSeenAt = patch.healthCodeSeenAt();
        }
        String action = "UPDATE";
        if (patch.status() != null && patch.status() != r.status) {
            diff.put("status", change(r.status, patch.status()));
            r.status = patch.status();
            action = diff.size() == 1 ? "STATUS" : "UPDATE";
        }
        if (!diff.isEmpty()) {
            stampResident(r, false);
            residents.flush();
            history(RESIDENT, r.id, r.communityId, action, diff);
        }
        return ResidentView.of(r);
    }

    // ---------- history ----------

    @Transactional
    public List<ChangeView> history(String subjectType, UUID id) {
        if (subjectType.equals(HOUSEHOLD)) {
            visibleHousehold(id);
        } else {
            visibleResident(id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, actor, at, action, cast(changes as text) from census_change
                where subject_id = ?1 and subject_type = ?2 order by id desc limit 500""")
                .setParameter(1, id).setParameter(2, subjectType).getResultList();
        List<ChangeView> out = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> ch = json.readValue((String) r[4], Map.class);
                out.add(new ChangeView(((Number) r[0]).longValue(), (String) r[1], Rows.instant(r[2]), (String) r[3], ch));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    void history(String type, UUID id, UUID communityId, String action, Map<String, Object> changes) {
        try {
            em.createNativeQuery("""
                    insert into census_change (subject_type, subject_id, community_id, actor, at, action, changes)
                    values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                    .setParameter(1, type).setParameter(2, id).setParameter(3, communityId)
                    .setParameter(4, caller.name()).setParameter(5, clock.instant()).setParameter(6, action)
                    .setParameter(7, json.writeValueAsString(changes)).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------- helpers ----------

    String areaPath(UUID areaId) {
        if (areaId == null) {
            return null;
        }
        return areas.visible(areaId).orElseThrow(() -> ApiProblem.notFound("Area node")).path;
    }

    static UUID afterId(String cursor) {
        List<String> c = Cursor.decode(cursor, 1);
        if (c == null) {
            return null;
        }
        try {
            return UUID.fromString(c.get(0));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
        }
    }

    static String[] categories(List<Resident.Category> cats) {
        if (cats == null) {
            return new String[0];
        }
        return cats.stream().filter(Objects::nonNull).map(Enum::name).distinct().sorted().toArray(String[]::new);
    }

    private static Map<String, Object> change(Object old, Object now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", old == null ? null : old.toString());
        m.put("new", now == null ? null : now.toString());
        return m;
    }

    private void stamp(Household h, boolean created) {
        Instant now = clock.instant();
        if (created) {
            h.createdAt = now;
            h.createdBy = caller.name();
        }
        h.updatedAt = now;
        h.updatedBy = caller.name();
    }

    private void stampResident(Resident r, boolean created) {
        Instant now = clock.instant();
        if (created) {
            r.createdAt = now;
            r.createdBy = caller.name();
        }
        r.updatedAt = now;
        r.updatedBy = caller.name();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) o).toLocalDate();
    }
}
