package org.gridguard.alert;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Port;

/** How many alerts are open, overdue and escalated, by kind: what a dashboard shows of the inbox. */
@Port
@ApplicationScoped
public class AlertCounts {

    /** Alerts not closed of one kind; of those, the overdue and the escalated ones. */
    public record ByKind(String kind, long open, long overdue, long escalated) {
    }

    @Inject
    AlertRepository alerts;
    @Inject
    Clock clock;

    /**
     * The counts of the alerts whose area lies within {@code path} (an area node's materialised path, which the
     * caller has checked is within its reach), by kind code; kinds without open alerts are absent.
     */
    @Transactional
    public List<ByKind> byKind(String path) {
        return alerts.countsByKind(path, clock.instant()).stream()
                .map(r -> new ByKind((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue()))
                .toList();
    }
}
