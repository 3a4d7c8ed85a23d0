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
