package org.gridguard.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.alert.AlertViews.EventView;
import org.gridguard.common.ApiProblem;
import org.gridguard.security.Jurisdiction;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every query of {@code alert} and {@code alert_event} (and the {@code area_node} lookups they need), with
 * the caller's reach applied here: the inbox lists only alerts in the caller's jurisdiction, and an alert
 * outside it is 404. The two statements of {@link #insertNew} and {@link #idsOf} are the measured hot path
 * of temperature ingestion (ADR 0016).
 */
@ApplicationScoped
public class AlertRepository {

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    ObjectMapper json;

    /** What the inbox lists; null fields do not filter. {@code afterAt}/{@code afterId} come from the cursor. */
    record InboxFilter(List<AlertState> states, String kind, Instant olderThan, Boolean overdue, Boolean escalated,
            String areaPath, Instant updatedSince, AlertOrder order, Instant afterAt, UUID afterId, int limit) {
    }

    /** The columns of a batch of new alerts, one array element per alert (ADR 0016). */
    record NewAlerts(UUID[] ids, String[] kinds, String[] types, UUID[] subjects, String[] labels, UUID[] areas,
            String[] keys, String[] details) {
    }

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

    /** The path of an area node, or null when there is none. */
    String areaPath(UUID areaId) {
        Object path = em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
        return (String) path;
    }

    /** The path of an alert's area (the area exists: alerts reference it). */
    String pathOf(Alert a) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, a.areaId)
                .getSingleResult();
    }

    /** The alert if the caller's jurisdiction covers its area, else 404. */
    Alert visible(UUID id) {
        Alert a = Alert.findById(id);
        if (a == null) {
            throw ApiProblem.notFound("Alert");
        }
        String path = pathOf(a);
        if (!jurisdiction.covers(path)) {
            throw ApiProblem.notFound("Alert");
        }
        return a;
    }

    /** The inbox page (one row more than the limit), within the caller's jurisdiction. */
    @SuppressWarnings("unchecked")
    List<Alert> inbox(InboxFilter f) {
        StringBuilder sql = new StringBuilder(
                "select a.* from alert a join area_node n on n.id = a.area_id where 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (!jurisdiction.isGlobal()) {
            // a street's or district's alert has no community: its path alone decides
            sql.append(" and (a.community_id = any(cast(:communities as uuid[])) or a.community_id is null)"
                    + " and n.path like any(cast(:patterns as text[]))");
            p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
            p.put("patterns", jurisdiction.likePatterns());
        }
        if (f.states() != null && !f.states().isEmpty()) {
            sql.append(" and a.state = any(cast(:states as text[]))");
            p.put("states", f.states().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.kind() != null) {
            sql.append(" and a.kind = :kind");
            p.put("kind", f.kind());
        }
        if (f.olderThan() != null) {
            sql.append(" and a.raised_at <= :olderThan");
            p.put("olderThan", f.olderThan());
        }
        if (f.overdue() != null) {
            sql.append(f.overdue() ? " and a.overdue_since is not null and a.state <> 'CLOSED'" : " and a.overdue_since is null");
        }
        if (f.escalated() != null) {
            sql.append(f.escalated() ? " and a.escalated_at is not null and a.state <> 'CLOSED'" : " and a.escalated_at is null");
        }
        if (f.areaPath() != null) {
            sql.append(" and n.path like :area");
            p.put("area", f.areaPath() + "%");
        }
        boolean feed = f.updatedSince() != null;
        if (feed) {
            sql.append(" and a.updated_at >= :since");
            p.put("since", f.updatedSince());
        }
        // keyset: the feed by change, the most overdue by due time, else newest first
        String key = feed ? "(a.updated_at, a.id) > " : f.order() == AlertOrder.MOST_OVERDUE ? "(a.due_at, a.id) > "
                : "(a.raised_at, a.id) < ";
        if (f.afterAt() != null) {
            p.put("afterAt", f.afterAt());
            p.put("afterId", f.afterId());
            sql.append(" and ").append(key).append("(:afterAt, :afterId)");
        }
        sql.append(feed ? " order by a.updated_at, a.id" : f.order() == AlertOrder.MOST_OVERDUE
                ? " order by a.due_at, a.id" : " order by a.raised_at desc, a.id desc").append(" limit :lim");
        p.put("lim", f.limit() + 1);
        var q = em.createNativeQuery(sql.toString(), Alert.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** The history of an alert, oldest first. */
    List<EventView> events(UUID id) {
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
        return events;
    }

    /** The names of these area nodes by id. */
    @SuppressWarnings("unchecked")
    Map<UUID, String> areaNames(List<UUID> areaIds) {
        Map<UUID, String> names = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, name from area_node where id = any(?1)")
                .setParameter(1, areaIds.toArray(UUID[]::new)).getResultList()) {
            names.put((UUID) r[0], (String) r[1]);
        }
        return names;
    }

    /** Marks alerts past their due time as overdue, with an event each; answers how many. */
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

    /**
     * Escalates, in one statement, every alert not closed whose due time (or last escalation) lies more than its
     * kind's delay before {@code now}: to the nearest ancestor of its current level (its escalation area, else its
     * area) whose kind is one of {@code targets} and strictly above that level in {@code levels} and above the level
     * its kind is handled at ({@code handledAt}, aligned with {@code kinds}; null: none). Each escalation
     * gets an event (note {@code escalated}) and a change-feed row. Answers how many escalated.
     */
    int escalate(Instant now, String[] kinds, Long[] delaySeconds, String[] handledAt, String[] levels, String[] targets,
            String entity) {
        Object n = em.createNativeQuery("""
                with recursive due as (
                  select a.id, coalesce(a.escalation_area_id, a.area_id) as node, d.handled_at
                  from alert a join unnest(cast(?2 as text[]), cast(?3 as bigint[]), cast(?7 as text[])) d(kind, secs, handled_at)
                    on d.kind = a.kind
                  where a.state <> 'CLOSED' and coalesce(a.escalated_at, a.due_at) < cast(?1 as timestamptz) - d.secs * interval '1 second'),
                up as (
                  select due.id, n.parent_id as node,
                         least(array_position(cast(?4 as text[]), n.kind), array_position(cast(?4 as text[]), due.handled_at)) as from_level
                  from due join area_node n on n.id = due.node
                  union all
                  select up.id, n.parent_id, up.from_level from up join area_node n on n.id = up.node
                  where not (n.kind = any(cast(?5 as text[])) and array_position(cast(?4 as text[]), n.kind) < up.from_level)),
                target as (
                  select up.id, up.node from up join area_node n on n.id = up.node
                  where n.kind = any(cast(?5 as text[])) and array_position(cast(?4 as text[]), n.kind) < up.from_level),
                esc as (
                  update alert a set escalated_at = ?1, escalation_area_id = t.node, updated_at = ?1
                  from target t where a.id = t.id and a.state <> 'CLOSED'
                  returning a.id, a.state, a.area_id, a.community_id, t.node),
                ev as (
                  insert into alert_event (alert_id, from_state, to_state, actor, at, note, data)
                  select esc.id, esc.state, esc.state, 'system', ?1, 'escalated',
                         jsonb_build_object('escalationAreaId', esc.node, 'escalationAreaName', n.name, 'level', n.kind)
                  from esc join area_node n on n.id = esc.node),
                feed as (
                  insert into change_log (entity, entity_id, community_id, path, op)
                  select ?6, esc.id, esc.community_id, n.path, 'UPSERT' from esc join area_node n on n.id = esc.area_id)
                select count(*) from esc""")
                .setParameter(1, now).setParameter(2, kinds).setParameter(3, delaySeconds).setParameter(4, levels)
                .setParameter(5, targets).setParameter(6, entity).setParameter(7, handledAt).getSingleResult();
        return ((Number) n).intValue();
    }

    /** Open, overdue and escalated alerts by kind within an area path (open: not closed), at {@code now}. */
    @SuppressWarnings("unchecked")
    List<Object[]> countsByKind(String path, Instant now) {
        return em.createNativeQuery("""
                select a.kind, count(*),
                       count(*) filter (where a.overdue_since is not null or a.due_at < ?2),
                       count(*) filter (where a.escalated_at is not null)
                from alert a join area_node n on n.id = a.area_id
                where a.state <> 'CLOSED' and n.path like ?1
                group by a.kind order by a.kind""").setParameter(1, path + "%").setParameter(2, now).getResultList();
    }

    /**
     * The first statement of ADR 0016: the alerts that are new, their OPEN events and their change-feed rows.
     * Rows in (kind, dedupe key) order: concurrent raisers take the unique index's locks in the same order.
     */
    void insertNew(NewAlerts a, Instant now, Instant dueAt, String actor, String entity) {
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
                .setParameter(1, a.ids()).setParameter(2, a.kinds()).setParameter(3, a.types()).setParameter(4, a.subjects())
                .setParameter(5, a.labels()).setParameter(6, a.areas()).setParameter(7, a.keys()).setParameter(8, a.details())
                .setParameter(9, now).setParameter(10, dueAt).setParameter(11, actor)
                .setParameter(12, entity).executeUpdate();
    }

    /**
     * The second statement of ADR 0016: (id, "kind:dedupe key") of the alerts with these ids or raised under
     * these kinds and dedupe keys.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> idsOf(UUID[] ids, String[] kinds, String[] keys) {
        return em.createNativeQuery("""
                select a.id, a.kind || ':' || coalesce(a.dedupe_key, '') from alert a
                where a.id = any(cast(?1 as uuid[]))
                   or (a.kind, a.dedupe_key) in (select * from unnest(cast(?2 as text[]), cast(?3 as text[])))""")
                .setParameter(1, ids).setParameter(2, kinds).setParameter(3, keys).getResultList();
    }

    /** Closes the open alerts of a kind with these dedupe keys; answers (id, former state, community, path). */
    @SuppressWarnings("unchecked")
    List<Object[]> close(String kind, String[] dedupeKeys, Instant now) {
        return em.createNativeQuery("""
                with t as (select id, state from alert where kind = ?1 and dedupe_key = any(cast(?2 as text[]))
                           and state <> 'CLOSED' order by id for update)
                update alert a set state = 'CLOSED', closed_at = ?3, updated_at = ?3, version = a.version + 1
                from t, area_node n where a.id = t.id and n.id = a.area_id
                returning a.id, t.state, a.community_id, n.path""")
                .setParameter(1, kind).setParameter(2, dedupeKeys)
                .setParameter(3, now).getResultList();
    }

    /** Whether any alert belongs to this area node. */
    boolean anyInArea(UUID nodeId) {
        return !em.createNativeQuery("""
                select 1 from alert where area_id = ?1 union all select 1 from alert where escalation_area_id = ?1 limit 1""")
                .setParameter(1, nodeId).getResultList().isEmpty();
    }
}
