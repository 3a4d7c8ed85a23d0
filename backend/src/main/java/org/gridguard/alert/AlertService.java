package org.gridguard.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.alert.AlertViews.AlertDetail;
import org.gridguard.alert.AlertViews.AlertView;
import org.gridguard.alert.AlertViews.Transition;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.OnceOnly;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.security.AssignmentService;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * One alert model for the product: features {@link #raise} alerts; leaders of the alert's area handle
 * them in one inbox through each kind's workflow; alerts not closed in time become overdue.
 */
@ApplicationScoped
public class AlertService {

    public static final String ENTITY = "ALERT";
    /** The first part of a most-overdue cursor. */
    private static final String MOST_OVERDUE_CURSOR = "due";

    @Inject
    AlertRepository repository;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    ChangeLog changes;
    @Inject
    OnceOnly onceOnly;
    @Inject
    AlertKindRegistry kinds;
    @Inject
    AssignmentService assignments;

    @ConfigProperty(name = "gridguard.alerts.overdue-after")
    Duration overdueAfter;

    @ConfigProperty(name = "gridguard.alerts.sweep-every")
    Duration sweepEvery;

    /** The escalation delay of kinds without their own gridguard.alerts.escalate.KIND (a duration or off). */
    @ConfigProperty(name = EscalationRules.DEFAULT_KEY, defaultValue = "PT2H")
    Duration escalateAfter;

    @Inject
    Config config;

    /** The inbox: alerts in the caller's jurisdiction, newest first or most overdue first. */
    @Transactional
    public Page<AlertView> inbox(List<AlertState> states, String kindCode, Integer olderThanMinutes, Boolean overdue,
            Boolean escalated, UUID areaId, Instant updatedSince, AlertOrder sort, String cursor, Integer limit) {
        AlertOrder order = sort == null ? AlertOrder.NEWEST : sort;
        if (updatedSince != null && order != AlertOrder.NEWEST) {
            throw ApiProblem.invalid("sort", "must be NEWEST or left out with updatedSince: a delta read is always ordered by change");
        }
        int lim = Cursor.limit(limit);
        // a most-overdue cursor says so (3 parts), so that it is never read as another order's
        List<String> c = order == AlertOrder.MOST_OVERDUE ? mostOverdueCursor(cursor) : Cursor.decode(cursor, 2);
        String kind = kindCode == null ? null : kinds.parameter("kind", kindCode).code();
        Instant olderThan = null;
        if (olderThanMinutes != null) {
            if (olderThanMinutes < 0) {
                throw ApiProblem.invalid("olderThanMinutes", "must be 0 or more");
            }
            olderThan = clock.instant().minus(Duration.ofMinutes(olderThanMinutes));
        }
        String areaPath = areaId == null ? null : reachableArea(areaId);
        Instant afterAt = c == null ? null : Cursor.instant(c.get(c.size() - 2));
        UUID afterId = c == null ? null : Cursor.uuid(c.get(c.size() - 1));
        List<Alert> rows = repository.inbox(new AlertRepository.InboxFilter(states, kind, olderThan, overdue, escalated, areaPath,
                updatedSince, order, afterAt, afterId, lim));
        if (updatedSince != null) {
            Map<UUID, Instant> updated = new HashMap<>();
            rows.forEach(a -> updated.put(a.id, a.updatedAt));
            return Page.of(views(rows), lim, v -> Cursor.encode(updated.get(v.id()).toString(), v.id().toString()));
        }
        List<AlertView> views = views(rows);
        return Page.of(views, lim, v -> order == AlertOrder.MOST_OVERDUE
                ? Cursor.encode(MOST_OVERDUE_CURSOR, v.dueAt().toString(), v.id().toString())
                : Cursor.encode(v.raisedAt().toString(), v.id().toString()));
    }

    private static List<String> mostOverdueCursor(String cursor) {
        List<String> c = Cursor.decode(cursor, 3);
        if (c != null && !MOST_OVERDUE_CURSOR.equals(c.get(0))) {
            throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
        }
        return c;
    }

    /** The path of an area the caller's jurisdiction overlaps, else 404. */
    private String reachableArea(UUID areaId) {
        String path = repository.areaPath(areaId);
        if (path == null || !jurisdiction.overlaps(path)) {
            throw ApiProblem.notFound("Area node");
        }
        return path;
    }

    @Transactional
    public AlertDetail get(UUID id) {
        Alert a = repository.visible(id);
        return new AlertDetail(views(List.of(a)).get(0), repository.events(id));
    }

    /** Moves an alert along its kind's workflow. Forbidden transitions are 409; a stale version is 412. */
    @Transactional
    public AlertView transition(UUID id, Transition t, String ifMatch) {
        Alert a = repository.visible(id);
        if (!caller.isAdmin() && !caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.SUPERVISOR)) {
            throw ApiProblem.forbidden("Only leaders and supervisors handle alerts");
        }
        Versions.check(a.version, ifMatch, t.version());
        AlertKind kind = kinds.stored(a.kind);
        if (!kind.allows(a.state, t.to())) {
            throw new ApiProblem(409, "transition-not-allowed", "Transition not allowed",
                    "A " + a.kind + " alert cannot go from " + a.state + " to " + t.to(), null,
                    Map.of("allowed", kind.next(a.state)), null);
        }
        kind.steps().check(t.to(), t.data());
        Instant now = clock.instant();
        AlertState from = a.state;
        a.state = t.to();
        a.updatedAt = now;
        if (a.takenBy == null) {
            a.takenBy = caller.name();
        }
        if (AlertKind.terminal(a.state)) {
            a.closedAt = now;
            if (kind.newAlertAfterClose() && a.dedupeKey != null) {
                // the subject's key is free again: a new alert opens instead of joining a closed one that nobody
                // looks at any more (one fever alert per person and day)
                a.dedupeKey = a.dedupeKey + "#closed:" + a.id;
            }
        }
        Alert.flush();
        repository.event(a.id, from, a.state, caller.name(), now, t.note(), t.data());
        changes.record(ENTITY, a.id, a.communityId, repository.pathOf(a), ChangeLog.Op.UPSERT);
        return views(List.of(a)).get(0);
    }

    List<AlertView> views(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<UUID> areaIds = alerts.stream().map(a -> a.areaId).distinct().toList();
        Map<UUID, String> names = repository.areaNames(areaIds);
        // the handlers of an alert: the holders of its kind's role at its area or above it
        Map<String, AlertKind> kindOf = new HashMap<>();
        alerts.forEach(a -> kindOf.computeIfAbsent(a.kind, kinds::stored));
        Map<UUID, Map<String, List<String>>> holders = assignments.holders(areaIds,
                kindOf.values().stream().map(AlertKind::assigneeRole).collect(java.util.stream.Collectors.toSet()));
        Instant now = clock.instant();
        return alerts.stream().map(a -> new AlertView(a.id, a.kind, a.state, a.subjectType, a.subjectId, a.subjectLabel,
                a.areaId, names.get(a.areaId), a.communityId, a.details, a.raisedAt, a.dueAt,
                !AlertKind.terminal(a.state) && (a.overdueSince != null || now.isAfter(a.dueAt)), a.overdueSince,
                a.escalatedAt, a.escalationAreaId,
                holders.getOrDefault(a.areaId, Map.of()).getOrDefault(kindOf.get(a.kind).assigneeRole(), List.of()), a.takenBy, a.closedAt, kinds.stored(a.kind).next(a.state), a.version,
                a.updatedAt))
                .toList();
    }

    /**
     * Marks alerts past their due time as overdue and escalates those open too long, once per sweep window across
     * all instances.
     */
    @Scheduled(every = "${gridguard.alerts.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        onceOnly.run("alert-overdue-sweep", OnceOnly.windowStart(now, sweepEvery),
                () -> Map.of("marked", markOverdue(now), "escalated", escalate(now)));
    }

    /** The escalation delay of every kind that escalates, from the configuration. */
    Map<String, Duration> escalationDelays() {
        return EscalationRules.delays(kinds.all().stream().map(AlertKind::code).toList(), escalateAfter,
                key -> config.getOptionalValue(key, String.class));
    }

    /** A misspelt escalation delay fails startup, not every sweep. */
    void checkEscalationDelays(@Observes StartupEvent start) {
        escalationDelays();
    }

    /**
     * Escalates every open alert past its due time by its kind's delay one level up ({@link EscalationRules}); runs
     * in the caller's transaction (the sweep's once-only claim). Answers how many escalated.
     */
    int escalate(Instant now) {
        Map<String, Duration> delays = escalationDelays();
        if (delays.isEmpty()) {
            return 0;
        }
        return repository.escalate(now, delays.keySet().toArray(String[]::new),
                delays.values().stream().map(Duration::toSeconds).toArray(Long[]::new),
                delays.keySet().stream().map(k -> EscalationRules.handledAt(kinds.stored(k).assigneeRole())).toArray(String[]::new),
                EscalationRules.levels(), EscalationRules.escalationLevels(), ENTITY);
    }

    /** Runs inside the once-only claim's transaction. */
    int markOverdue(Instant now) {
        return repository.markOverdue(now);
    }
}
