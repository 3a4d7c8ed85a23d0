package org.gridguard.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaKind;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaPeriod;
import org.gridguard.area.AreaRepository;
import org.gridguard.common.ApiProblem;
import org.gridguard.report.ReportViews.Child;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.Section;
import org.gridguard.report.ReportViews.Source;
import org.gridguard.report.ReportViews.SubmissionSummary;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

/**
 * The LIVE daily report of a node for a day: every section's figures for the day and the day before (one
 * {@link DailySection#figures} call per section), the children's submission status and the node's latest submission.
 */
@ApplicationScoped
public class DailyReportService {

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    AreaPeriod areaPeriod;
    @Inject
    AreaRepository areas;
    @Inject
    Sections sections;
    @Inject
    ReportSettings settings;
    @Inject
    ReportRepository repo;

    @Transactional
    public DailyReport live(UUID areaId, LocalDate date) {
        LocalDate day = date != null ? date : settings.today();
        AreaNode node = node(areaId, day);
        Map<LocalDate, Map<String, BigDecimal>> values = sections.values(node.path, day.minusDays(1), day);
        List<Section> list = sections.sections(values.get(day), values.get(day.minusDays(1)));
        Own own = own(node.id, day);
        return new DailyReport(node.id, node.name, node.kind, day, day.minusDays(1), clock.instant(), Source.LIVE, null,
                settings.cutoff(node.kind, day), submittable(node.kind, node.path, day), list,
                children(node.id, day, own.firstAt()), own.latest());
    }

    /** The node in the caller's reach (default their own top node), 404 otherwise. */
    AreaNode node(UUID areaId, LocalDate day) {
        AreaPeriod.Window w = areaPeriod.resolve(areaId, day, day);
        if (w.areaId() == null) {
            throw ApiProblem.notFound("Area node");
        }
        return areas.findById(w.areaId());
    }

    /** The caller holds the node's reporting role over it, and the day has begun. */
    boolean submittable(AreaKind kind, String path, LocalDate day) {
        String role = kind.reportingRole();
        return role != null && caller.hasRole(role) && !caller.isAdmin() && jurisdiction.coversAs(path, Set.of(role))
                && !day.isAfter(settings.today());
    }

    /** The child nodes that submit, with their status for the day (LATE after the parent's first submission). */
    List<Child> children(UUID nodeId, LocalDate day, Instant parentFirst) {
        List<ReportRepository.Node> nodes = repo.children(nodeId);
        Map<UUID, ReportRepository.Latest> latest = new HashMap<>();
        for (ReportRepository.Latest l : repo.latest(nodes.stream().map(ReportRepository.Node::id).toList(), day)) {
            latest.put(l.row().areaId(), l);
        }
        List<Child> out = new ArrayList<>();
        for (ReportRepository.Node n : nodes) {
            ReportRepository.Latest l = latest.get(n.id());
            if (l == null) {
                out.add(new Child(n.id(), n.name(), n.kind(), ReportViews.ChildStatus.MISSING, null, null, false));
            } else {
                out.add(new Child(n.id(), n.name(), n.kind(), ReportRules.status(l.firstAt(), l.firstLate(), parentFirst),
                        l.row().version(), l.row().submittedAt(), l.firstLate()));
            }
        }
        return out;
    }

    /** A node's latest submission of a day (null: none) and when its first one came. */
    record Own(SubmissionSummary latest, Instant firstAt) {
    }

    Own own(UUID nodeId, LocalDate day) {
        List<ReportRepository.Row> versions = repo.versions(nodeId, day);
        return versions.isEmpty() ? new Own(null, null)
                : new Own(summary(versions.get(0)), versions.get(versions.size() - 1).submittedAt());
    }

    static SubmissionSummary summary(ReportRepository.Row r) {
        return new SubmissionSummary(r.id(), r.areaId(), r.areaName(), r.day(), r.version(), r.submittedAt(), r.submittedBy(),
                r.late(), r.highlights(), r.problems(), r.requests(), r.reason());
    }
}
