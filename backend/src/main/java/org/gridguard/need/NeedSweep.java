package org.gridguard.need;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.alert.Alerts;

import io.quarkus.scheduler.Scheduled;

/**
 * Every minute: an urgent medical need still OPEN (nobody has taken it) after its limit raises one NEED_URGENT alert
 * for the leaders of its cell. The dedupe key makes it once per need, on every API instance.
 */
@ApplicationScoped
public class NeedSweep {

    @Inject
    Clock clock;
    @Inject
    NeedRepository repo;
    @Inject
    Alerts alerts;

    @ConfigProperty(name = "gridguard.needs.urgent-limit")
    Duration urgentLimit;

    @Scheduled(every = "${gridguard.needs.sweep-every}", delay = 50, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweep();
    }

    /** @return how many alerts this call raised */
    @Transactional
    public int sweep() {
        List<Object[]> rows = repo.urgentOpenBefore(clock.instant().minus(urgentLimit));
        List<Alerts.Raise> raises = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID need = (UUID) r[0];
            raises.add(new Alerts.Raise(NeedAlerts.NEED_URGENT, "NEED", need, (String) r[2], (UUID) r[1],
                    NeedRules.urgentKey(need), Map.of("needId", need.toString(), "openSince", r[4].toString())));
        }
        alerts.raiseAll(raises, "system");
        return raises.size();
    }
}
