package org.gridguard.census;

import static org.gridguard.census.CensusHistory.RESIDENT;
import static org.gridguard.census.CensusRules.afterId;
import static org.gridguard.census.CensusRules.blankToNull;
import static org.gridguard.census.CensusRules.categories;
import static org.gridguard.census.CensusRules.change;

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
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaRepository;
import org.gridguard.census.CensusViews.NewResident;
import org.gridguard.census.CensusViews.ResidentPatch;
import org.gridguard.census.CensusViews.ResidentView;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;

/**
 * Residents: validation of identity data, encryption of ID numbers and phones, one holder of a document per
 * community, optimistic locking, client ids and Idempotency-Keys, and a history of every change (personal data only
 * as "changed", never its value).
 */
@ApplicationScoped
public class ResidentService {

    @Inject
    HouseholdRepository households;
    @Inject
    ResidentRepository residents;
    @Inject
    AreaRepository areas;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    PiiCipher pii;
    @Inject
    Clock clock;

    @Inject
    CensusHistory changes;

    @Transactional
    public Page<ResidentView> residents(UUID areaId, UUID householdId, Resident.Status status,
            Resident.Category category, Instant updatedSince, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        UUID after = afterId(cursor);
        List<ResidentView> rows = residents.list(CensusScope.areaPath(areas, areaId), householdId, status, category, updatedSince, after,
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
            Resident r = newResident(req, h, ident);
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
            changes.record(RESIDENT, r.id, r.communityId, "CREATE", c);
            return new Idempotency.Outcome<>(ResidentView.of(r), r.id, false);
        });
    }

    /** A living resident of the household, from a validated create. */
    private Resident newResident(NewResident req, Household h, Identity ident) {
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
        return r;
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
        moveAndIdentify(r, patch, ident, newNumber, diff);
        patchFields(r, patch, diff);
        String action = "UPDATE";
        if (patch.status() != null && patch.status() != r.status) {
            diff.put("status", change(r.status, patch.status()));
            r.status = patch.status();
            action = diff.size() == 1 ? "STATUS" : "UPDATE";
        }
        if (!diff.isEmpty()) {
            stampResident(r, false);
            residents.flush();
            changes.record(RESIDENT, r.id, r.communityId, action, diff);
        }
        return ResidentView.of(r);
    }

    /** The patch's household (in the same community), name, identity document and phone, into {@code diff}. */
    private void moveAndIdentify(Resident r, ResidentPatch patch, Identity ident, boolean newNumber,
            Map<String, Object> diff) {
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
    }

    /** The patch's plain fields (relation, categories, return, health code), into {@code diff}. */
    private static void patchFields(Resident r, ResidentPatch patch, Map<String, Object> diff) {
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
}
