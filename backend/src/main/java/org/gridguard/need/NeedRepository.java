package org.gridguard.need;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code need} and {@code need_event}, with the caller's reach applied here: needs of the caller's
 * communities under their area paths (workers their cells, leaders their zone, supervisors their community). The
 * people are read through the census's and the quarantine's published views.
 */
@ApplicationScoped
public class NeedRepository {

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** Where a need's subject lives: community, grid cell, area, household, resident, order, and the area's path. */
    record Place(UUID communityId, UUID gridCellId, UUID areaId, UUID householdId, UUID residentId, UUID orderId,
            String path) {
    }

    /** The subject's place (exactly one of the ids is given); null when there is no such subject. */
    Place place(UUID householdId, UUID residentId, UUID orderId) {
        String sql;
        Object id;
        if (residentId != null) {
            id = residentId;
            sql = """
                    select r.community_id, r.grid_cell_id, r.area_id, r.household_id, r.id, cast(null as uuid), an.path
                    from census_resident r join area_node an on an.id = r.area_id where r.id = ?1""";
        } else if (householdId != null) {
            id = householdId;
            sql = """
                    select h.community_id, h.grid_cell_id, h.area_id, h.id, cast(null as uuid), cast(null as uuid), an.path
                    from census_household h join area_node an on an.id = h.area_id where h.id = ?1""";
        } else {
            id = orderId;
            sql = """
                    select q.community_id, q.grid_cell_id, q.area_id, r.household_id, q.resident_id, q.id, an.path
                    from quarantine_active q join area_node an on an.id = q.area_id
                    left join census_resident r on r.id = q.resident_id where q.id = ?1""";
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Place((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (UUID) r[4], (UUID) r[5], (String) r[6]);
    }

    /** The path of an area node, or null. */
    String areaPath(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
    }

    /** The need if the caller reaches it, else 404 (never "403: it exists"). */
    Need visible(UUID id) {
        Need n = Need.findById(id);
        if (n == null) {
            throw ApiProblem.notFound("Need");
        }
        String path = areaPath(n.areaId);
        if (path == null || !jurisdiction.covers(path)) {
            throw ApiProblem.notFound("Need");
        }
        return n;
    }

    /** As {@link #visible}, locked for update (a run and a worker at the door may move the same need at once). */
    Need lockVisible(UUID id) {
        Need n = visible(id);
        em.lock(n, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(n);
        return n;
    }

    /** Whether the user is a grid worker or leader assigned to the cell or to a node above it. */
    boolean carries(String username, UUID gridCellId) {
        return !em.createNativeQuery("""
                select 1 from assignment a join area_node an on an.id = a.node_id, area_node cell
                where cell.id = ?2 and a.principal = ?1 and a.principal_type = 'USER'
                  and a.role in ('grid-worker', 'grid-leader') and cell.path like an.path || '%' limit 1""")
                .setParameter(1, username).setParameter(2, gridCellId).getResultList().isEmpty();
    }

    /** The last delivery to each household. */
    Map<UUID, Instant> lastDelivered(java.util.Collection<UUID> householdIds) {
        Map<UUID, Instant> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        for (Object[] r : Rows.list(em, """
                select household_id, max(delivered_at) from need
                where status = 'DELIVERED' and household_id = any(cast(:ids as uuid[])) group by household_id""",
                Map.of("ids", householdIds.toArray(UUID[]::new)))) {
            out.put((UUID) r[0], Rows.instant(r[1]));
        }
        return out;
    }

    /** Urgent medical needs still open and raised before {@code before}: id, area, label. */
    List<Object[]> urgentOpenBefore(Instant before) {
        return Rows.list(em, """
                select n.id, n.area_id, concat_ws(' · ', nullif(concat_ws(' ', cn.name, bn.name, h.door_number), ''),
                       coalesce(n.medicine_name, n.detail, n.kind)), n.community_id, n.created_at
                from need n left join census_household h on h.id = n.household_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                where n.status = 'OPEN' and n.urgency = 'URGENT_MEDICAL' and n.created_at <= :before
                  and not exists (select 1 from alert_raised a where a.dedupe_key = 'need-urgent:' || n.id)
                order by n.created_at limit 1000""", Map.of("before", before));
    }

    /** The prescription photo of a need: content type and bytes, or null. */
    Object[] prescription(UUID needId) {
        List<Object[]> rows = Rows.list(em, "select content_type, bytes from need_prescription where need_id = :id",
                Map.of("id", needId));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Puts (or replaces) the prescription photo of a need. */
    void putPrescription(UUID needId, String contentType, byte[] bytes, String actor, Instant at) {
        em.createNativeQuery("""
                insert into need_prescription (need_id, content_type, bytes, uploaded_by, uploaded_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (need_id) do update set content_type = excluded.content_type,
                bytes = excluded.bytes, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at""")
                .setParameter(1, needId).setParameter(2, contentType).setParameter(3, bytes).setParameter(4, actor)
                .setParameter(5, at).executeUpdate();
    }

    /** Which of the needs have a prescription photo. */
    java.util.Set<UUID> withPrescription(UUID[] needIds) {
        java.util.Set<UUID> out = new java.util.HashSet<>();
        for (Object r : em.createNativeQuery("select need_id from need_prescription where need_id = any(cast(?1 as uuid[]))")
                .setParameter(1, needIds).getResultList()) {
            out.add((UUID) r);
        }
        return out;
    }

    /**
     * The figures of the needs under {@code areaPath} (null: all) raised or closed in [from, to): opened, delivered,
     * cancelled; open now; overdue now (not closed, past the time it should have been delivered by, ADR 0043); the
     * median hours from raised to delivered by urgency.
     */
    Needs.Figures figures(String areaPath, Instant from, Instant to, Instant now, java.time.Duration urgent,
            java.time.Duration routine, String zone) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("to", to);
        p.put("now", now);
        p.put("area", areaPath == null ? "%" : areaPath + "%");
        p.put("urgent", urgent.toSeconds());
        p.put("routine", routine.toSeconds());
        p.put("zone", zone);
        String scope = " from need n join area_node an on an.id = n.area_id where an.path like :area ";
        Object[] c = Rows.list(em, "select count(*) filter (where n.created_at >= :from and n.created_at < :to),"
                + " count(*) filter (where n.status = 'DELIVERED' and n.delivered_at >= :from and n.delivered_at < :to),"
                + " count(*) filter (where n.status = 'CANCELLED' and n.updated_at >= :from and n.updated_at < :to),"
                + " count(*) filter (where n.status not in ('DELIVERED','CANCELLED')),"
                + " count(*) filter (where n.status not in ('DELIVERED','CANCELLED') and " + DUE + " < :now)" + scope, p)
                .get(0);
        Map<Needs.Urgency, Double> medians = new java.util.EnumMap<>(Needs.Urgency.class);
        for (Object[] r : Rows.list(em, "select n.urgency, percentile_cont(0.5) within group (order by "
                + "extract(epoch from n.delivered_at - n.created_at) / 3600.0)" + scope
                + " and n.status = 'DELIVERED' and n.delivered_at >= :from and n.delivered_at < :to group by n.urgency",
                Map.of("area", p.get("area"), "from", from, "to", to))) {
            medians.put(Needs.Urgency.valueOf((String) r[0]), Math.round(((Number) r[1]).doubleValue() * 100) / 100.0);
        }
        return new Needs.Figures(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), ((Number) c[2]).longValue(),
                ((Number) c[3]).longValue(), ((Number) c[4]).longValue(), medians);
    }

    /**
     * The daily report's figures of the needs under {@code areaPath} per day of [first, last] in the zone, as rows of
     * (day, figure, count): raised, delivered, cancelled (by the day of the cancel event), and overdue: the needs at the
     * day's end (or {@code now}, for today) raised, past the time they should have been delivered by (ADR 0043), and
     * neither delivered nor cancelled yet then. One statement for the whole range.
     */
    List<Object[]> daily(String areaPath, java.time.LocalDate first, java.time.LocalDate last, Instant now, java.time.Duration urgent,
            java.time.Duration routine, java.time.ZoneId zone) {
        Map<String, Object> p = new HashMap<>();
        p.put("area", areaPath + "%");
        p.put("first", first.toString());
        p.put("last", last.toString());
        p.put("from", first.atStartOfDay(zone).toInstant());
        p.put("to", last.plusDays(1).atStartOfDay(zone).toInstant());
        p.put("now", now);
        p.put("urgent", urgent.toSeconds());
        p.put("routine", routine.toSeconds());
        p.put("zone", zone.getId());
        return Rows.list(em, """
                with n as (select n.* from need n join area_node an on an.id = n.area_id where an.path like :area),
                d as (select cast(g as date) as day,
                             least(cast(g + interval '1 day' as timestamp) at time zone :zone, :now) as day_end
                      from generate_series(cast(:first as timestamp), cast(:last as timestamp), interval '1 day') g
                      where cast(g as timestamp) at time zone :zone < :now)
                select cast(n.created_at at time zone :zone as date), 'raised', count(*) from n
                where n.created_at >= :from and n.created_at < :to group by 1
                union all
                select cast(n.delivered_at at time zone :zone as date), 'delivered', count(*) from n
                where n.delivered_at >= :from and n.delivered_at < :to group by 1
                union all
                select cast(e.at at time zone :zone as date), 'cancelled', count(*) from need_event e join n on n.id = e.need_id
                where e.to_status = 'CANCELLED' and e.at >= :from and e.at < :to group by 1
                union all
                select d.day, 'overdue', count(*) from d join n on n.created_at < d.day_end and """ + DUE + """
                 < d.day_end
                  and (n.delivered_at is null or n.delivered_at > d.day_end)
                  and not exists (select 1 from need_event e where e.need_id = n.id and e.to_status = 'CANCELLED'
                                  and e.at <= d.day_end)
                group by d.day""", p);
    }

    /** The needs under {@code areaPath} assigned to the user and not yet delivered (ASSIGNED or OUT_FOR_DELIVERY). */
    long assignedTo(String user, String areaPath) {
        return ((Number) em.createNativeQuery("""
                select count(*) from need n join area_node an on an.id = n.area_id
                where n.assigned_to = :user and n.status in ('ASSIGNED', 'OUT_FOR_DELIVERY') and an.path like :area""")
                .setParameter("user", user).setParameter("area", areaPath + "%").getSingleResult()).longValue();
    }

    /** SQL of {@link NeedRules#dueBy}. */
    private static final String DUE = "(case n.urgency when 'URGENT_MEDICAL' then n.created_at + make_interval(secs => :urgent)"
            + " when 'TODAY' then (date_trunc('day', n.created_at at time zone :zone) + interval '1 day') at time zone :zone"
            + " else n.created_at + make_interval(secs => :routine) end)";

    /** What a list is filtered on; null fields filter nothing. */
    record Filter(Needs.Status status, Needs.Kind kind, Needs.Urgency urgency, String areaPath) {
    }

    /** Newest first, keyset-paged after ({@code afterAt}, {@code afterId}), within the caller's reach. */
    @SuppressWarnings("unchecked")
    List<Need> page(Filter f, Instant afterAt, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select n.* from need n join area_node an on an.id = n.area_id where 1 = 1");
        if (!jurisdiction.isGlobal()) {
            p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
            p.put("patterns", jurisdiction.likePatterns());
            sql.append(" and n.community_id = any(cast(:communities as uuid[])) and an.path like any(cast(:patterns as text[]))");
        }
        if (f.status() != null) {
            sql.append(" and n.status = :status");
            p.put("status", f.status().name());
        }
        if (f.kind() != null) {
            sql.append(" and n.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.urgency() != null) {
            sql.append(" and n.urgency = :urgency");
            p.put("urgency", f.urgency().name());
        }
        if (f.areaPath() != null) {
            sql.append(" and an.path like :area");
            p.put("area", f.areaPath() + "%");
        }
        if (afterAt != null) {
            sql.append(" and (n.created_at, n.id) < (:afterAt, :afterId)");
            p.put("afterAt", afterAt);
            p.put("afterId", afterId);
        }
        sql.append(" order by n.created_at desc, n.id desc limit :lim");
        p.put("lim", limit);
        var q = em.createNativeQuery(sql.toString(), Need.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Records a change of status. */
    void event(UUID needId, String action, Needs.Status from, Needs.Status to, String actor, Instant at, String reason) {
        Object[] values = { needId, action, from == null ? null : from.name(), to.name(), actor, at, reason };
        var insert = em.createNativeQuery("""
                insert into need_event (need_id, action, from_status, to_status, actor, at, reason)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""");
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        insert.executeUpdate();
    }

    /** The history of each need, oldest first. */
    Map<UUID, List<NeedViews.NeedEventView>> history(UUID[] needIds) {
        Map<UUID, List<NeedViews.NeedEventView>> out = new HashMap<>();
        for (Object[] r : Rows.list(em, """
                select need_id, action, from_status, to_status, actor, at, reason from need_event
                where need_id = any(cast(:ids as uuid[])) order by need_id, id""", Map.of("ids", needIds))) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new NeedViews.NeedEventView((String) r[1],
                    r[2] == null ? null : Needs.Status.valueOf((String) r[2]), Needs.Status.valueOf((String) r[3]),
                    (String) r[4], Rows.instant(r[5]), (String) r[6]));
        }
        return out;
    }

    /** Names of the people and places of the needs: resident name, door label, cell name, order number by need id. */
    Map<UUID, Object[]> labels(UUID[] needIds) {
        Map<UUID, Object[]> out = new HashMap<>();
        for (Object[] r : Rows.list(em, """
                select n.id, r.name, nullif(concat_ws(' ', cn.name, bn.name, h.door_number), ''), cell.name, q.number
                from need n join area_node cell on cell.id = n.grid_cell_id
                left join census_resident r on r.id = n.resident_id
                left join census_household h on h.id = n.household_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                left join quarantine_active q on q.id = n.quarantine_order_id
                where n.id = any(cast(:ids as uuid[]))""", Map.of("ids", needIds))) {
            out.put((UUID) r[0], r);
        }
        return out;
    }
}
