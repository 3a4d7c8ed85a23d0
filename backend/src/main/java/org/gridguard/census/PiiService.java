package org.gridguard.census;

import org.gridguard.common.Rows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaRepository;
import org.gridguard.census.CensusViews.AuditView;
import org.gridguard.census.CensusViews.ExportRequest;
import org.gridguard.census.CensusViews.PiiField;
import org.gridguard.census.CensusViews.ResidentSearch;
import org.gridguard.census.CensusViews.ResidentView;
import org.gridguard.census.CensusViews.UnmaskRequest;
import org.gridguard.census.CensusViews.UnmaskedView;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Csv;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.common.Problem;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.security.pii.IdentityRules;

/**
 * Personal data on the way out: exact lookup by keyed hash, explicit unmasking with a reason (one audit row per
 * unmasked read, rate-limited per caller), the audit trail itself, and CSV exports.
 */
@ApplicationScoped
public class PiiService {

    @Inject
    ResidentRepository residents;
    @Inject
    AreaRepository areas;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    PiiCipher pii;
    @Inject
    PiiAuditRepository audits;
    @Inject
    HouseholdRepository households;
    @Inject
    ObjectMapper json;
    @Inject
    java.time.Clock clock;

    @ConfigProperty(name = "gridguard.pii.unmask-per-minute", defaultValue = "30")
    int unmaskPerMinute;

    static final Duration EXPORT_BUDGET = Duration.ofMinutes(1);

    @Inject
    org.gridguard.common.Jdbc jdbc;

    @ConfigProperty(name = "gridguard.census.export-max-rows", defaultValue = "200000")
    int exportMaxRows;

    /** A clear export of more people than this needs a second supervisor's approval (ADR 0029). */
    @ConfigProperty(name = "gridguard.census.export-approval-above", defaultValue = "1000")
    int approvalAbove;

    @Inject
    org.gridguard.common.RateLimitFilter rateLimits;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Transactional
    public Page<ResidentView> search(ResidentSearch req) {
        boolean hasId = req.idNumber() != null && !req.idNumber().isBlank();
        boolean hasPhone = req.phone() != null && !req.phone().isBlank();
        if (!hasId && !hasPhone) {
            throw ApiProblem.invalid("idNumber", "send an idNumber or a phone to look up");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        byte[] idHmac = null, phoneHmac = null;
        if (hasId) {
            DocType t = req.idType() == null ? DocType.MAINLAND_ID : req.idType();
            String n = IdentityRules.normaliseDocument(req.idNumber());
            for (String m : IdentityRules.documentProblems(t, n, java.time.LocalDate.now(clock))) {
                errors.add(new Problem.FieldError("idNumber", m));
            }
            idHmac = pii.hmac(t.name(), n);
        }
        if (hasPhone) {
            String p = IdentityRules.normalisePhone(req.phone());
            if (p == null) {
                errors.add(new Problem.FieldError("phone", IdentityRules.phoneProblem(req.phone())));
            }
            phoneHmac = pii.hmac("PHONE", p);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return new Page<>(residents.byHash(idHmac, phoneHmac, 100).stream().map(ResidentView::of).toList(), null);
    }

    /** Per-caller token bucket; spent before the lookup so probing unknown ids costs the same. */
    void takeUnmaskToken() {
        Bucket b = buckets.computeIfAbsent(caller.name(), k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(unmaskPerMinute).refillGreedy(unmaskPerMinute, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = b.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ApiProblem.tooMany(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
        }
    }

    /** May the caller see this field of a resident registered at {@code path}? */
    boolean mayUnmask(PiiField f, String path) {
        if (jurisdiction.coversAs(path, List.of(Roles.SUPERVISOR, Roles.LEADER))
                && (caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.LEADER)) && !jurisdiction.isGlobal()) {
            return true;
        }
        return f == PiiField.PHONE && caller.hasRole(Roles.WORKER) && !jurisdiction.isGlobal()
                && jurisdiction.coversAs(path, List.of(Roles.WORKER));
    }

    @Transactional
    public UnmaskedView unmask(UUID id, UnmaskRequest req) {
        takeUnmaskToken();
        Resident r = residents.visible(id).orElseThrow(() -> ApiProblem.notFound("Resident"));
        String path = areas.findById(r.areaId).path;
        List<PiiField> fields = req.fields().stream().distinct().sorted().toList();
        for (PiiField f : fields) {
            if (!mayUnmask(f, path)) {
                throw ApiProblem.forbidden(f == PiiField.ID_NUMBER
                        ? "Your role may not see ID numbers in clear"
                        : "Your role may not see this resident's phone in clear");
            }
        }
        String idNumber = fields.contains(PiiField.ID_NUMBER) ? pii.decrypt(r.idCipher) : null;
        String phone = fields.contains(PiiField.PHONE) ? pii.decrypt(r.phoneCipher) : null;
        audit("UNMASK", "RESIDENT", r.id, r.communityId, fields, req.reason().trim(), Map.of());
        return new UnmaskedView(r.id, r.idType, idNumber, phone);
    }

    void audit(String action, String subjectType, UUID subjectId, UUID communityId, List<PiiField> fields,
            String reason, Map<String, Object> details) {
        try {
            audits.insert(action, subjectType, subjectId, communityId, fields.stream().map(Enum::name).toArray(String[]::new),
                    reason, json.writeValueAsString(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit of the caller's communities, newest first. */
    @Transactional
    public Page<AuditView> auditLog(UUID subjectId, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        Long after = null;
        if (c != null) {
            try {
                after = Long.parseLong(c.get(0));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        List<Object[]> rows = audits.page(subjectId, after, lim + 1);
        List<AuditView> out = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> d = json.readValue((String) r[9], Map.class);
                out.add(new AuditView(((Number) r[0]).longValue(), Rows.instant(r[1]), (String) r[2],
                        (String) r[3], (String) r[4], (UUID) r[5], (UUID) r[6], Arrays.asList((String[]) r[7]),
                        (String) r[8], d));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Page.of(out, lim, v -> Cursor.encode(Long.toString(v.id())));
    }

    // ---------- exports ----------

    /**
     * CSV of residents (UTF-8 with BOM, for Excel), masked unless clear fields are requested and allowed. A clear
     * export of more than gridguard.census.export-approval-above people is refused: it goes through an export
     * request that another supervisor approves ({@link ExportApprovalService}).
     */
    @Transactional
    public String exportResidents(ExportRequest req) {
        ExportScope s = exportScope(req);
        List<Object[]> rows = clearResidentRows(s);
        if (!s.clear().isEmpty() && rows.size() > approvalAbove) {
            throw new ApiProblem(403, "export-approval-required", "Approval required", "A clear export of "
                    + rows.size() + " people (more than " + approvalAbove + ") needs a second supervisor's approval:"
                    + " ask for it at POST /api/v1/census/export-requests", null,
                    Map.of("people", rows.size(), "approvalAbove", approvalAbove), null);
        }
        return residentsCsv(s, rows, req == null ? null : req.areaId(), Map.of());
    }

    /** The export's rows; an export in clear first takes one of the caller's clear-export allowance. */
    List<Object[]> clearResidentRows(ExportScope s) {
        if (!s.clear().isEmpty()) {
            rateLimits.take("clear-export");
        }
        jdbc.allowLongWork(EXPORT_BUDGET); // a whole community's rows: batch work, not an interactive read (ADR 0030)
        return exportRows(residents.exportRows(s.areaPath(), exportMaxRows + 1));
    }

    /** How many people an export of this scope holds (at most one more than an export may). */
    int people(ExportScope s) {
        return residents.exportCount(s.areaPath(), exportMaxRows + 1);
    }

    boolean needsApproval(int people) {
        return people > approvalAbove;
    }

    /** The CSV of these rows, audited as one EXPORT with {@code extra} details (an approved request's ids). */
    String residentsCsv(ExportScope s, List<Object[]> rows, UUID areaId, Map<String, Object> extra) {
        List<PiiField> clear = s.clear();
        String out = Csv.excel(new String[] { "id", "householdId", "doorNumber", "name", "idType", "idNumber", "phone",
                "sex", "birthDate", "relation", "categories", "status", "gridCellId", "updatedAt" }, csv -> {
                    for (Object[] r : rows) {
                        String id = clear.contains(PiiField.ID_NUMBER) ? pii.decrypt((String) r[6]) : (String) r[5];
                        String phone = clear.contains(PiiField.PHONE) ? pii.decrypt((String) r[8]) : (String) r[7];
                        csv.printRecord(r[0], r[1], r[2], r[3], r[4], id, phone, r[9], r[10], r[11], r[12], r[13],
                                r[14], Rows.instant(r[15]));
                    }
                });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "RESIDENTS");
        details.put("rows", rows.size());
        details.put("areaId", String.valueOf(areaId));
        details.putAll(extra);
        audit("EXPORT", "RESIDENTS", areaId, s.communityId(), clear, s.reason(), details);
        return out;
    }

    @Transactional
    public String exportHouseholds(ExportRequest req) {
        ExportScope s = exportScope(req);
        if (!s.clear().isEmpty()) {
            throw ApiProblem.invalid("unmask", "a household export holds no ID numbers or phones");
        }
        jdbc.allowLongWork(EXPORT_BUDGET);
        List<Object[]> rows = exportRows(households.exportRows(s.areaPath(), exportMaxRows + 1));
        String out = Csv.excel(new String[] { "id", "gridCellId", "compoundId", "buildingId", "doorNumber",
                "livingCount", "tenantCount", "contactName", "status", "lastVerifiedOn", "updatedAt" }, csv -> {
                    for (Object[] r : rows) {
                        csv.printRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                                Rows.instant(r[10]));
                    }
                });
        audit("EXPORT", "HOUSEHOLDS", req == null ? null : req.areaId(), s.communityId(), List.of(), s.reason(),
                Map.of("kind", "HOUSEHOLDS", "rows", rows.size()));
        return out;
    }

    /** The rows of an export (at most one more than it holds): more than the most an export holds is 422. */
    private List<Object[]> exportRows(List<Object[]> rows) {
        if (rows.size() > exportMaxRows) {
            throw ApiProblem.unprocessable("export-too-large",
                    "More than " + exportMaxRows + " rows: narrow the export with areaId");
        }
        return rows;
    }

    record ExportScope(String areaPath, UUID communityId, List<PiiField> clear, String reason) {
    }

    ExportScope exportScope(ExportRequest req) {
        String path = null;
        UUID community = null;
        if (req != null && req.areaId() != null) {
            var n = areas.findByIdOptional(req.areaId()).filter(x -> jurisdiction.covers(x.path))
                    .orElseThrow(() -> ApiProblem.notFound("Area node"));
            path = n.path;
            community = n.communityId;
        } else if (jurisdiction.communityIds().size() == 1) {
            community = jurisdiction.communityIds().iterator().next();
        }
        List<PiiField> clear = req == null || req.unmask() == null ? List.of()
                : req.unmask().stream().distinct().sorted().toList();
        String reason = req == null || req.reason() == null ? "" : req.reason().trim();
        if (!clear.isEmpty()) {
            if (reason.length() < 2) {
                throw ApiProblem.invalid("reason", "an export in clear needs a reason");
            }
            // supervisors export in clear only where they supervise: the whole area asked for must be theirs
            boolean ok = caller.hasRole(Roles.SUPERVISOR) && !jurisdiction.isGlobal() && (path != null
                    ? jurisdiction.coversAs(path, List.of(Roles.SUPERVISOR))
                    : jurisdiction.scopes().stream().allMatch(sc -> sc.role().equals(Roles.SUPERVISOR)));
            if (!ok) {
                throw ApiProblem.forbidden("Your role may not export personal data in clear here");
            }
        }
        return new ExportScope(path, community, clear, reason.isEmpty() ? "export" : reason);
    }
}
