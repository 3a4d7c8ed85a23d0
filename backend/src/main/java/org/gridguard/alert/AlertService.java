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

    /** What a feature says when it raises an alert. */
    public record Raise(AlertKind kind, String subjectType, UUID subjectId, String subjectLabel, UUID areaId,
            String dedupeKey, Map<String, Object> details) {
    }

    /**
     * Raises an alert in the caller's transaction. With a dedupe key the same alert is raised at most once
     * (e.g. one fever alert per person and day): the existing alert's id is returned instead.
     */
    @Transactional
    public UUID raise(Raise r, String actor) {
        return raiseAll(List.of(r), actor).get(0);
    }

    /**
     * Raises many alerts in the caller's transaction with two statements, whatever their number (ADR 0016):
     * the alerts that are new, their OPEN events and their change-feed rows in one statement; then the ids of
     * all of them, new or already raised under the same dedupe key. Answers the ids in the order given.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> raiseAll(List<Raise> raises, String actor) {
        int n = raises.size();
        if (n == 0) {
            return List.of();
        }
        UUID[] ids = new UUID[n], subjects = new UUID[n], areas = new UUID[n];
        String[] kinds = new String[n], types = new String[n], labels = new String[n], keys = new String[n],
                details = new String[n];
        for (int i = 0; i < n; i++) {
            Raise r = raises.get(i);
            ids[i] = UUID.randomUUID();
            kinds[i] = r.kind().code();
            types[i] = r.subjectType();
            subjects[i] = r.subjectId();
            labels[i] = r.subjectLabel();
            areas[i] = r.areaId();
            keys[i] = r.dedupeKey();
            try {
                details[i] = json.writeValueAsString(r.details() == null ? Map.of() : r.details());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Instant now = clock.instant();
        // rows in (kind, dedupe key) order: concurrent raisers take the unique index's locks in the same order
        em.createNativeQuery("""
                with r as (
                  select * from unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as uuid[]),
                    cast(?5 as text[]), cast(?6 as uuid[]), cast(?7 as text[]), cast(?8 as text[]))
                    as r(id, kind, subject_type, subject_id, label, area_id, dedupe_key, details)),
                ins as (
                  insert into alert (id, kind, state, subject_type, subject_id, subject_label, area_id, community_id,
                                     dedupe_key, details, raised_at, due_at, updated_at)
                  select r.id, r.kind, 'OPEN', r.subject_type, r.subject_id, r.label, r.area_id, n.community_id,
                         r.dedupe_key, cast(r.details as jsonb), ?9, ?10, ?9
                  from r join area_node n on n.id = r.area_id
                  order by r.kind, r.dedupe_key
                  on conflict (kind, dedupe_key) do nothing
                  returning id, community_id, area_id),
                ev as (
                  insert into alert_event (alert_id, from_state, to_state, actor, at, note, data)
                  select id, null, 'OPEN', ?11, ?9, null, cast('{}' as jsonb) from ins)
                insert into change_log (entity, entity_id, community_id, path, op)
                select ?12, ins.id, ins.community_id, n.path, 'UPSERT' from ins join area_node n on n.id = ins.area_id""")
                .setParameter(1, ids).setParameter(2, kinds).setParameter(3, types).setParameter(4, subjects)
                .setParameter(5, labels).setParameter(6, areas).setParameter(7, keys).setParameter(8, details)
                .setParameter(9, now).setParameter(10, now.plus(overdueAfter)).setParameter(11, actor)
                .setParameter(12, ENTITY).executeUpdate();
        // every raise's alert: its own new row, or the one already raised under its dedupe key
        Map<String, UUID> byKey = new HashMap<>();
        Set<UUID> own = new HashSet<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select a.id, a.kind || ':' || coalesce(a.dedupe_key, '') from alert a
                where a.id = any(cast(?1 as uuid[]))
                   or (a.kind, a.dedupe_key) in (select * from unnest(cast(?2 as text[]), cast(?3 as text[])))""")
                .setParameter(1, ids).setParameter(2, kinds).setParameter(3, keys).getResultList()) {
            byKey.putIfAbsent((String) row[1], (UUID) row[0]);
            own.add((UUID) row[0]);
        }
        List<UUID> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID id = own.contains(ids[i]) ? ids[i]
                    : keys[i] == null ? null : byKey.get(kinds[i] + ":" + keys[i]);
            if (id == null) {
                throw new IllegalArgumentException("alert area does not exist");
            }
            out.add(id);
        }
        return out;
    }

    /**
     * Closes the open alerts of a kind with these dedupe keys, as the system (e.g. a late report resolves the
     * missing-report alert of its window). Runs in the caller's transaction; answers the ids closed.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> resolve(AlertKind kind, java.util.Collection<String> dedupeKeys, String note, Map<String, Object> data) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Object[]> rows = em.createNativeQuery("""
                with t as (select id, state from alert where kind = ?1 and dedupe_key = any(cast(?2 as text[]))
                           and state <> 'CLOSED' order by id for update)
                update alert a set state = 'CLOSED', closed_at = ?3, updated_at = ?3, version = a.version + 1
                from t, area_node n where a.id = t.id and n.id = a.area_id
                returning a.id, t.state, a.community_id, n.path""")
                .setParameter(1, kind.code()).setParameter(2, dedupeKeys.stream().sorted().toArray(String[]::new))
                .setParameter(3, now).getResultList();
        List<UUID> ids = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            event(id, AlertState.valueOf((String) r[1]), AlertState.CLOSED, "system", now, note, data);
            changes.record(ENTITY, id, (UUID) r[2], (String) r[3], ChangeLog.Op.UPSERT);
            ids.add(id);
        }
        return ids;
    }

    private void event(UUID alertId, AlertState from, AlertState to, String actor, Instant at, String note,
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
