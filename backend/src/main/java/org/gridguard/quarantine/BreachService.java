package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.alert.Alerts;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.TimeConfig;
import org.gridguard.quarantine.BreachViews.BreachView;
import org.gridguard.quarantine.BreachViews.NewBreach;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.RecordingRights;

/**
 * A person under an active order seen trying to go out at a checkpoint (issue 17 part 5). Whoever may record at the
 * checkpoint (their area, or a shift there today) records it for a person who lives in the area the checkpoint
 * guards, or in their own reach. Every attempt is kept; the QUARANTINE_BREACH alert for the leaders of the person's
 * cell is raised once per order, checkpoint and hour (ADR 0035).
 */
@ApplicationScoped
public class BreachService {

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    @Inject
    Clock clock;
    @Inject
    TimeConfig time;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RecordingRights rights;
    @Inject
    Alerts alerts;
    @Inject
    Idempotency idempotency;
    @Inject
    BreachRepository repo;

    /** What a retry must repeat: the order and the body. */
    record Keyed(UUID orderId, NewBreach request) {
    }

    @Transactional
    public Idempotency.Outcome<BreachView> record(UUID orderId, NewBreach req, String key) {
        return idempotency.once(caller.name(), key, "QUARANTINE_BREACH", new Keyed(orderId, req),
                BreachView.class, () -> new Idempotency.Outcome<>(create(orderId, req), null, false));
    }

    private BreachView create(UUID orderId, NewBreach req) {
        // the checkpoint first: the same answer whether the order exists or not
        String guard = rights.recordingPlace(req.checkpointId());
        BreachRepository.OrderPlace o = repo.order(orderId);
        if (o == null || !o.path().startsWith(guard) && !jurisdiction.covers(o.path())) {
            throw ApiProblem.notFound("Quarantine order");
        }
        if (!"ACTIVE".equals(o.status())) {
            throw ApiProblem.conflict("Quarantine order " + o.number() + " is " + o.status() + ", not active: nothing to breach");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String checkpointName = repo.checkpointName(req.checkpointId());
        String note = req.note() == null || req.note().isBlank() ? null : req.note().trim();
        UUID alertId = alerts.raise(new Alerts.Raise(BreachAlerts.QUARANTINE_BREACH, "QUARANTINE_ORDER", o.id(),
                o.number() + " " + checkpointName, o.gridCellId(), dedupeKey(o.id(), req.checkpointId(), at, time.zone()),
                details(o, req.checkpointId(), checkpointName, at)), caller.name());
        UUID id = UUID.randomUUID();
        repo.insert(id, o, req.checkpointId(), at, caller.name(), note, alertId);
        return new BreachView(id, o.id(), o.number(), req.checkpointId(), checkpointName, at, caller.name(), note, alertId);
    }

    /** One alert per order, checkpoint and local hour. */
    static String dedupeKey(UUID orderId, UUID checkpointId, Instant at, ZoneId zone) {
        return "breach:" + orderId + ":" + checkpointId + ":" + HOUR.format(at.atZone(zone));
    }

    private static Map<String, Object> details(BreachRepository.OrderPlace o, UUID checkpointId, String checkpointName,
            Instant at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("orderId", o.id().toString());
        d.put("orderNumber", o.number());
        d.put("kind", o.kind());
        d.put("checkpointId", checkpointId.toString());
        d.put("checkpointName", checkpointName);
        d.put("at", at.toString());
        return d;
    }
}
