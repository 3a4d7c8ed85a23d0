package org.gridguard.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.alert.Alerts;
import org.gridguard.area.AreaKind;

import io.quarkus.scheduler.Scheduled;

/**
 * Every minute: each zone, community, street and district still without a submitted report at its level's cut-off
 * + 30 min raises one REPORT_LATE alert (its dedupe key makes it once per node and day, on every instance): a zone's
 * on its community, the others' on the late node itself, where the supervisors of the level above see it too.
 * Submitting closes it.
 */
@ApplicationScoped
public class ReportSweep {

    @Inject
    Clock clock;
    @Inject
    ReportSettings settings;
    @Inject
    ReportRepository repo;
    @Inject
    Alerts alerts;

    @Scheduled(every = "${gridguard.reports.sweep-every}", delay = 65, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweep();
    }

    /** @return how many late nodes this call found (their alerts raised now or already) */
    @Transactional
    public int sweep() {
        LocalDate today = settings.today();
        Instant now = clock.instant();
        List<AreaKind> due = new ArrayList<>();
        for (AreaKind k : List.of(AreaKind.ZONE, AreaKind.COMMUNITY, AreaKind.STREET, AreaKind.DISTRICT)) {
            if (!now.isBefore(settings.cutoff(k, today).toInstant().plus(settings.lateAfter()))) {
                due.add(k);
            }
        }
        List<Alerts.Raise> raises = new ArrayList<>();
        for (Object[] r : repo.unsubmitted(due, today)) {
            UUID node = (UUID) r[0];
            raises.add(new Alerts.Raise(ReportAlerts.REPORT_LATE, "AREA_NODE", node, (String) r[1], (UUID) r[2],
                    ReportRules.lateKey(node, today), Map.of("areaId", node.toString(), "date", today.toString())));
        }
        alerts.raiseAll(raises, "system");
        return raises.size();
    }
}
