package org.gridguard.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.alert.Alerts;
import org.gridguard.area.AreaKind;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.report.ReportViews.Child;
import org.gridguard.report.ReportViews.ChildStatus;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.NewSubmission;
import org.gridguard.report.ReportViews.Section;
import org.gridguard.report.ReportViews.Source;
import org.gridguard.report.ReportViews.SubmissionPage;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Submitting a node's daily report upward, frozen: a zone's live figures; a community's and above the sum of its
 * children's latest submitted versions. Every version is kept; reading one answers its frozen document.
 */
@ApplicationScoped
public class SubmissionService {

    static final String WHAT = "Daily report submission";

    /** The document a submission freezes: its sections (with the day before) and its children's status. */
    public record Frozen(List<Section> sections, List<Child> children) {
    }

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    AreaRepository areas;
    @Inject
    Sections sections;
    @Inject
    ReportSettings settings;
    @Inject
    ReportRepository repo;
    @Inject
    DailyReportService reports;
    @Inject
    Alerts alerts;
    @Inject
    ObjectMapper json;

    @Transactional
    public Idempotency.Outcome<DailyReport> submit(NewSubmission req, String key) {
        return idempotency.once(caller.name(), key, "DAILY_REPORT_SUBMISSION", req, DailyReport.class, () -> {
            ReportRepository.Row row = write(req);
            return new Idempotency.Outcome<>(report(row), row.id(), false);
        });
    }

    private ReportRepository.Row write(NewSubmission req) {
        AreaNode node = areas.covered(req.areaId()).orElseThrow(() -> ApiProblem.notFound("Area node"));
        String role = node.kind.reportingRole();
        if (role == null) {
            throw ReportRules.unprocessable("areaId", "a " + node.kind + " does not submit a daily report: its zone does");
        }
        if (!caller.hasRole(role) || !jurisdiction.coversAs(node.path, Set.of(role))) {
            throw ApiProblem.forbidden("A " + node.kind + "'s daily report is submitted by its " + role);
        }
        ReportRules.notFuture(req.date(), settings.today());
        String highlights = ReportRules.text("highlights", req.highlights());
        if (highlights == null) {
            throw ApiProblem.invalid("highlights", "must not be blank");
        }
        int version = repo.nextVersion(node.id, req.date());
        String reason = version == 1 ? null : ReportRules.text("reason", req.reason());
        ReportRules.reasonFor(version, reason);
        Instant now = clock.instant();
        ReportRepository.NewRow row = new ReportRepository.NewRow(UUID.randomUUID(), node.id, node.communityId, req.date(),
                version, toJson(freeze(node, req.date())), highlights, ReportRules.text("problems", req.problems()),
                ReportRules.text("requests", req.requests()), reason, caller.name(), now,
                now.isAfter(settings.cutoff(node.kind, req.date()).toInstant()));
        if (!repo.insert(row)) {
            throw ApiProblem.conflict("Version " + version + " of this report for " + req.date()
                    + " was submitted a moment ago: read it, and send a correction with a reason if it needs one");
        }
        alerts.resolve(ReportAlerts.REPORT_LATE, List.of(ReportRules.lateKey(node.id, req.date())), "submitted",
                Map.of("submissionId", row.id().toString(), "version", version));
        return repo.byId(row.id()).orElseThrow();
    }

    /** The figures as submitted now, with the day before beside them. */
    Frozen freeze(AreaNode node, LocalDate day) {
        Map<String, BigDecimal> previous = previousDay(node, day);
        if (node.kind == AreaKind.ZONE) {
            Map<LocalDate, Map<String, BigDecimal>> live = sections.values(node.path, day.minusDays(1), day);
            return new Frozen(sections.sections(live.get(day), previous != null ? previous : live.get(day.minusDays(1))),
                    List.of());
        }
        // a child that first came after this node's first version is LATE in a correction too: folded in, never silently
        List<Child> children = reports.children(node.id, day, reports.own(node.id, day).firstAt());
        List<UUID> submittedIds = children.stream().filter(c -> c.status() != ChildStatus.MISSING).map(Child::areaId).toList();
        List<Map<String, BigDecimal>> parts = new ArrayList<>(repo.latest(submittedIds, day).stream()
                .map(l -> Sections.valuesOf(read(l.row().figures()).sections(), false)).toList());
        parts.add(ownPart(node, day));
        Map<String, BigDecimal> sum = ReportRules.sum(parts, sections.measures().values());
        if (previous == null) {
            previous = sections.values(node.path, day.minusDays(1), day.minusDays(1)).get(day.minusDays(1));
        }
        return new Frozen(sections.sections(sum, previous), children);
    }

    /** What lies on the node itself and under none of its reporting children, counted live (ADR 0048). */
    private Map<String, BigDecimal> ownPart(AreaNode node, LocalDate day) {
        List<Map<String, BigDecimal>> children = repo.children(node.id).stream()
                .map(c -> sections.values(c.path(), day, day).get(day)).toList();
        return ReportRules.own(sections.values(node.path, day, day).get(day), children, sections.measures().values());
    }

    /** The day before's figures as the node last submitted them, or null when it did not. */
    private Map<String, BigDecimal> previousDay(AreaNode node, LocalDate day) {
        List<ReportRepository.Row> before = repo.versions(node.id, day.minusDays(1));
        return before.isEmpty() ? null : Sections.valuesOf(read(before.get(0).figures()).sections(), false);
    }

    @Transactional
    public SubmissionPage list(UUID areaId, LocalDate date) {
        if (areaId == null) {
            throw ApiProblem.invalid("areaId", "required");
        }
        AreaNode node = areas.covered(areaId).orElseThrow(() -> ApiProblem.notFound("Area node"));
        LocalDate day = date != null ? date : settings.today();
        return new SubmissionPage(repo.versions(node.id, day).stream().map(DailyReportService::summary).toList());
    }

    @Transactional
    public DailyReport get(UUID id) {
        ReportRepository.Row row = repo.byId(id).filter(r -> jurisdiction.covers(r.path()))
                .orElseThrow(() -> ApiProblem.notFound(WHAT));
        return report(row);
    }

    /** The submitted report: its frozen document, as the node is now named. */
    private DailyReport report(ReportRepository.Row row) {
        AreaNode node = areas.findById(row.areaId());
        Frozen f = read(row.figures());
        return new DailyReport(node.id, node.name, node.kind, row.day(), row.day().minusDays(1), row.submittedAt(),
                Source.SUBMITTED, row.version(), settings.cutoff(node.kind, row.day()),
                reports.submittable(node.kind, node.path, row.day()), f.sections(), f.children(), DailyReportService.summary(row));
    }

    private String toJson(Frozen f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Frozen read(String figures) {
        try {
            return json.readValue(figures, Frozen.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frozen daily report is unreadable", e);
        }
    }
}
