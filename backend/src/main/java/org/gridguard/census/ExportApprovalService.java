package org.gridguard.census;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaRepository;
import org.gridguard.census.CensusViews.ExportApprovalStatus;
import org.gridguard.census.CensusViews.ExportApprovalView;
import org.gridguard.census.CensusViews.ExportDecision;
import org.gridguard.census.CensusViews.ExportRequest;
import org.gridguard.census.CensusViews.PiiField;
import org.gridguard.common.ApiProblem;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

/**
 * Four eyes on bulk personal data (ADR 0029): a clear export of more than gridguard.census.export-approval-above
 * people is asked for with its reason, approved (or rejected) by another supervisor of the area or an admin, and
 * downloaded once by the requester within gridguard.census.export-approval-valid. Every step is audited.
 */
@ApplicationScoped
public class ExportApprovalService {

    @Inject
    ExportApprovalRepository requests;
    @Inject
    PiiService pii;
    @Inject
    AreaRepository areas;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Clock clock;

    @ConfigProperty(name = "gridguard.census.export-approval-valid", defaultValue = "PT24H")
    Duration valid;

    /** A PENDING request for a clear export that needs approval; smaller or masked exports need none (422). */
    @Transactional
    public ExportApprovalView request(ExportRequest req) {
        if (req == null || req.unmask() == null || req.unmask().isEmpty()) {
            throw ApiProblem.invalid("unmask", "only an export in clear needs approval: say which fields");
        }
        PiiService.ExportScope s = pii.exportScope(req);
        UUID areaId = req.areaId() != null ? req.areaId() : s.communityId();
        if (areaId == null) {
            throw ApiProblem.invalid("areaId", "say which area the export is for");
        }
        PiiService.ExportScope scoped = s.areaPath() != null ? s : pii.exportScope(new ExportRequest(areaId, req.unmask(), req.reason()));
        int people = pii.people(scoped);
        if (!pii.needsApproval(people)) {
            throw ApiProblem.unprocessable("approval-not-needed", "An export of " + people
                    + " people needs no approval: export it directly at POST /api/v1/exports/residents");
        }
        UUID id = UUID.randomUUID();
        List<PiiField> fields = scoped.clear();
        requests.insert(id, scoped.communityId(), areaId, fields.stream().map(Enum::name).toArray(String[]::new),
                scoped.reason(), people, caller.name(), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", id.toString());
        details.put("areaId", areaId.toString());
        details.put("people", people);
        pii.audit("EXPORT_REQUEST", "RESIDENTS", areaId, scoped.communityId(), fields, scoped.reason(), details);
        return get(id);
    }

    @Transactional
    public ExportApprovalView get(UUID id) {
        return requests.visible(id).orElseThrow(() -> ApiProblem.notFound("Export request"));
    }

    @Transactional
    public List<ExportApprovalView> list(ExportApprovalStatus status) {
        return requests.list(status, 200);
    }

    /** Approves or rejects a PENDING request: another supervisor of the whole area asked for, or an admin. */
    @Transactional
    public ExportApprovalView decide(UUID id, boolean approve, ExportDecision body) {
        ExportApprovalView r = get(id);
        if (r.requestedBy().equals(caller.name())) {
            throw ApiProblem.forbidden("A second supervisor decides on your export request, not you");
        }
        String path = areas.findByIdOptional(r.areaId()).map(n -> n.path).orElse(null);
        boolean mayDecide = jurisdiction.isGlobal() && caller.isAdmin()
                || caller.hasRole(Roles.SUPERVISOR) && !jurisdiction.isGlobal() && path != null
                        && jurisdiction.coversAs(path, List.of(Roles.SUPERVISOR));
        if (!mayDecide) {
            throw ApiProblem.forbidden("Only a supervisor of the whole area exported (or an admin) decides on this request");
        }
        Instant now = clock.instant();
        ExportApprovalStatus to = approve ? ExportApprovalStatus.APPROVED : ExportApprovalStatus.REJECTED;
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().trim();
        if (!requests.decide(id, to, caller.name(), now, note, approve ? now.plus(valid) : null)) {
            throw ApiProblem.conflict("The export request is " + r.status() + "; only a PENDING request is decided");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", id.toString());
        details.put("decision", to.name());
        details.put("requestedBy", r.requestedBy());
        pii.audit("EXPORT_DECISION", "RESIDENTS", r.areaId(), r.communityId(),
                r.fields().stream().map(PiiField::valueOf).toList(), note == null ? r.reason() : note, details);
        return get(id);
    }

    /** The approved export, once, for its requester, before it expires. */
    @Transactional
    public String download(UUID id) {
        ExportApprovalView r = get(id);
        if (!r.requestedBy().equals(caller.name())) {
            throw ApiProblem.forbidden("Only the supervisor who asked for this export downloads it");
        }
        Instant now = clock.instant();
        if (!requests.markDownloaded(id, caller.name(), now)) {
            String why = switch (r.status()) {
                case PENDING -> "is not approved yet";
                case REJECTED -> "was rejected";
                case DOWNLOADED -> "was already downloaded; ask again";
                case APPROVED -> "expired; ask again";
            };
            throw ApiProblem.conflict("The export request " + why);
        }
        // the requester must still supervise the area: the scope is checked again, as for any export
        PiiService.ExportScope s = pii.exportScope(new ExportRequest(r.areaId(),
                r.fields().stream().map(PiiField::valueOf).toList(), r.reason()));
        List<Object[]> rows = pii.clearResidentRows(s);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("requestId", id.toString());
        extra.put("approvedBy", r.decidedBy());
        return pii.residentsCsv(s, rows, r.areaId(), extra);
    }
}
