package org.gridguard.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.alert.AlertViews.AlertDetail;
import org.gridguard.alert.AlertViews.AlertView;
import org.gridguard.alert.AlertViews.EventView;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * One alert model for the product: features {@link #raise} alerts; leaders of the alert's area handle
 * them in one inbox through each kind's workflow; alerts not closed in time become overdue.
 */
@ApplicationScoped
public class AlertService {

    public static final String ENTITY = "ALERT";

    @Inject
    EntityManager em;
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
    ObjectMapper json;
    @Inject
    AlertKindRegistry kinds;
    @Inject
    AssignmentService assignments;

    @ConfigProperty(name = "gridguard.alerts.overdue-after")
    Duration overdueAfter;

    @ConfigProperty(name = "gridguard.alerts.sweep-every")
    Duration sweepEvery;

    void event(UUID alertId, AlertState from, AlertState to, String actor, Instant at, String note,
            Map<String, Object> data) {
        try {
            em.createNativeQuery("""
                    insert into alert_event (alert_id, from_state, to_state, actor, at, note, data)
                    values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                    .setParameter(1, alertId).setParameter(2, from == null ? null : from.name())
                    .setParameter(3, to.name()).setParameter(4, actor).setParameter(5, at).setParameter(6, note)
                    .setParameter(7, json.writeValueAsString(data == null ? Map.of() : data)).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inbox: alerts in the caller's jurisdiction, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<AlertView> inbox(List<AlertState> states, String kindCode, Integer olderThanMinutes, Boolean overdue,
            UUID areaId, Instant updatedSince, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        StringBuilder sql = new StringBuilder(
                "select a.* from alert a join area_node n on n.id = a.area_id where 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (!jurisdiction.isGlobal()) {
            sql.append(" and a.community_id = any(cast(:communities as uuid[])) and n.path like any(cast(:patterns as text[]))");
            p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
            p.put("patterns", jurisdiction.likePatterns());
        }
        if (states != null && !states.isEmpty()) {
            sql.append(" and a.state = any(cast(:states as text[]))");
            p.put("states", states.stream().map(Enum::name).toArray(String[]::new));
        }
        if (kindCode != null) {
            sql.append(" and a.kind = :kind");
            p.put("kind", kinds.parameter("kind", kindCode).code());
        }
        if (olderThanMinutes != null) {
            if (olderThanMinutes < 0) {
                throw ApiProblem.invalid("olderThanMinutes", "must be 0 or more");
            }
            sql.append(" and a.raised_at <= :olderThan");
            p.put("olderThan", clock.instant().minus(Duration.ofMinutes(olderThanMinutes)));
        }
        if (overdue != null) {
            sql.append(overdue ? " and a.overdue_since is not null and a.state <> 'CLOSED'" : " and a.overdue_since is null");
        }
        if (areaId != null) {
            Object path = em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                    .getResultList().stream().findFirst().orElse(null);
            if (path == null || !jurisdiction.overlaps((String) path)) {
                throw ApiProblem.notFound("Area node");
            }
            sql.append(" and n.path like :area");
            p.put("area", path + "%");
        }
        if (updatedSince != null) {
            sql.append(" and a.updated_at >= :since");
            p.put("since", updatedSince);
        }
        if (c != null) {
            try {
                p.put("afterAt", Instant.parse(c.get(0)));
                p.put("afterId", UUID.fromString(c.get(1)));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
            sql.append(updatedSince != null ? " and (a.updated_at, a.id) > (:afterAt, :afterId)"
                    : " and (a.raised_at, a.id) < (:afterAt, :afterId)");
        }
        sql.append(updatedSince != null ? " order by a.updated_at, a.id limit :lim"
                : " order by a.raised_at desc, a.id desc limit :lim");
        p.put("lim", lim + 1);
        var q = em.createNativeQuery(sql.toString(), Alert.class);
        p.forEach(q::setParameter);
        List<Alert> rows = q.getResultList();
        if (updatedSince != null) {
            Map<UUID, Instant> updated = new HashMap<>();
            rows.forEach(a -> updated.put(a.id, a.updatedAt));
            return Page.of(views(rows), lim, v -> Cursor.encode(updated.get(v.id()).toString(), v.id().toString()));
        }
        List<AlertView> views = views(rows);
        return Page.of(views, lim, v -> Cursor.encode(v.raisedAt().toString(), v.id().toString()));
    }

    @Transactional
    public AlertDetail get(UUID id) {
        Alert a = visible(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, from_state, to_state, actor, at, note, cast(data as text) from alert_event
                where alert_id = ?1 order by id""").setParameter(1, id).getResultList();
        List<EventView> events = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = json.readValue((String) r[6], Map.class);
                events.add(new EventView(((Number) r[0]).longValue(), r[1] == null ? null : AlertState.valueOf((String) r[1]),
                        AlertState.valueOf((String) r[2]), (String) r[3],
                        r[4] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[4]).toInstant(), (String) r[5], data));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new AlertDetail(views(List.of(a)).get(0), events);
    }

    private Alert visible(UUID id) {
        Alert a = Alert.findById(id);
        if (a == null) {
            throw ApiProblem.notFound("Alert");
        }
        String path = (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, a.areaId)
                .getSingleResult();
        if (!jurisdiction.covers(path)) {
            throw ApiProblem.notFound("Alert");
        }
        return a;
    }

    /** Moves an alert along its kind's workflow. Forbidden transitions are 409; a stale version is 412. */
    @Transactional
    public AlertView transition(UUID id, Transition t, String ifMatch) {
        Alert a = visible(id);
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
        em.flush();
        event(a.id, from, a.state, caller.name(), now, t.note(), t.data());
        String path = (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, a.areaId)
                .getSingleResult();
        changes.record(ENTITY, a.id, a.communityId, path, ChangeLog.Op.UPSERT);
        return views(List.of(a)).get(0);
    }

    @SuppressWarnings("unchecked")
    List<AlertView> views(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<UUID> areaIds = alerts.stream().map(a -> a.areaId).distinct().toList();
        Map<UUID, String> names = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, name from area_node where id = any(?1)")
                .setParameter(1, areaIds.toArray(UUID[]::new)).getResultList()) {
            names.put((UUID) r[0], (String) r[1]);
        }
        // the handlers of an alert: the holders of its kind's role at its area or above it
        Map<String, AlertKind> kindOf = new HashMap<>();
        alerts.forEach(a -> kindOf.computeIfAbsent(a.kind, kinds::stored));
        Map<UUID, Map<String, List<String>>> holders = assignments.holders(areaIds,
                kindOf.values().stream().map(AlertKind::assigneeRole).collect(java.util.stream.Collectors.toSet()));
        Instant now = clock.instant();
        return alerts.stream().map(a -> new AlertView(a.id, a.kind, a.state, a.subjectType, a.subjectId, a.subjectLabel,
                a.areaId, names.get(a.areaId), a.communityId, a.details, a.raisedAt, a.dueAt,
                !AlertKind.terminal(a.state) && (a.overdueSince != null || now.isAfter(a.dueAt)), a.overdueSince,
                holders.getOrDefault(a.areaId, Map.of()).getOrDefault(kindOf.get(a.kind).assigneeRole(), List.of()), a.takenBy, a.closedAt, kinds.stored(a.kind).next(a.state), a.version,
                a.updatedAt))
                .toList();
    }

    /** Marks alerts past their due time as overdue, once per sweep window across all instances. */
    @Scheduled(every = "${gridguard.alerts.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        onceOnly.run("alert-overdue-sweep", OnceOnly.windowStart(now, sweepEvery), () -> Map.of("marked", markOverdue(now)));
    }

    /** Runs inside the once-only claim's transaction. */
    int markOverdue(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                update alert set overdue_since = ?1, updated_at = ?1
                where overdue_since is null and state <> 'CLOSED' and due_at < ?1 returning id""")
                .setParameter(1, now).getResultList();
        for (UUID id : ids) {
            em.createNativeQuery("""
                    insert into alert_event (alert_id, from_state, to_state, actor, at, note)
                    select id, state, state, 'system', ?2, 'overdue' from alert where id = ?1""")
                    .setParameter(1, id).setParameter(2, now).executeUpdate();
        }
        return ids.size();
    }
}
