package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.quarantine.QuarantineViews.Kind;
import org.gridguard.quarantine.QuarantineViews.Reason;
import org.gridguard.quarantine.QuarantineViews.Status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every query of {@code quarantine_order} and its events, with the caller's reach applied through
 * {@link QuarantineReach}. A resident is read through the census's port view {@code census_resident}.
 */
@ApplicationScoped
public class QuarantineRepository {

    /** A chain is cut at this many orders (a case with hundreds of contacts, each with their own). */
    static final int CHAIN_CAP = 1000;
    static final int CHAIN_DEPTH = 20;

    @Inject
    EntityManager em;
    @Inject
    QuarantineReach reach;
    @Inject
    ObjectMapper json;

    /** A resident as an order needs them. */
    record ResidentRow(UUID id, UUID communityId, UUID gridCellId, UUID areaId, String path, String name, byte[] idHmac,
            String status) {
    }

    /** An area node where a non-resident lives, with the grid cell above it (null when above cell level). */
    record Place(UUID id, String kind, UUID communityId, String path, UUID gridCellId) {
    }

    /** A checkpoint: its kind and the node it guards. */
    record Site(UUID id, String kind, UUID communityId, String path, String name) {
    }

    @SuppressWarnings("unchecked")
    ResidentRow resident(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, r.community_id, r.grid_cell_id, r.area_id, an.path, r.name, r.id_hmac, r.status
                from census_resident r join area_node an on an.id = r.area_id where r.id = ?1""")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new ResidentRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (String) r[4], (String) r[5],
                (byte[]) r[6], (String) r[7]);
    }

    @SuppressWarnings("unchecked")
    Place place(UUID areaId) {
        List<Object[]> rows = em.createNativeQuery("""
                select n.id, n.kind, n.community_id, n.path,
                       (select g.id from area_node g where g.kind = 'GRID_CELL' and n.path like g.path || '%')
                from area_node n where n.id = ?1""").setParameter(1, areaId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Place((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (UUID) r[4]);
    }

    @SuppressWarnings("unchecked")
    Site site(UUID checkpointId) {
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, c.kind, c.community_id, n.path, c.name from checkpoint c join area_node n on n.id = c.guards_node_id
                where c.id = ?1""").setParameter(1, checkpointId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Site((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4]);
    }

    String areaPath(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
    }

    /** The order if the caller reaches it, else 404 (never "it exists"). */
    QuarantineOrder visible(UUID id) {
        QuarantineOrder o = QuarantineOrder.findById(id);
        if (o == null || !reach.covers(areaPath(o.areaId), o.siteId)) {
            throw ApiProblem.notFound("Quarantine order");
        }
        return o;
    }

    /** The active order of a person, whoever reaches it; null when none. */
    QuarantineOrder activeFor(String personKey) {
        return QuarantineOrder.find("personKey = ?1 and status = ?2", personKey, Status.ACTIVE).firstResult();
    }

    long nextSequence() {
        return ((Number) em.createNativeQuery("select nextval('quarantine_order_number_seq')").getSingleResult()).longValue();
    }

    void event(UUID orderId, String action, Status from, Status to, String actor, Instant at, String reason,
            Map<String, Object> data) {
        String d;
        try {
            d = json.writeValueAsString(data == null ? Map.of() : data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                insert into quarantine_order_event (order_id, action, from_status, to_status, actor, at, reason, data)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))""")
                .setParameter(1, orderId).setParameter(2, action).setParameter(3, from == null ? null : from.name())
                .setParameter(4, to.name()).setParameter(5, actor).setParameter(6, at).setParameter(7, reason)
                .setParameter(8, d).executeUpdate();
    }

    /** Events of an order, oldest first: action, from, to, actor, at, reason, data (json text). */
    @SuppressWarnings("unchecked")
    List<Object[]> events(UUID orderId) {
        return em.createNativeQuery("""
                select action, from_status, to_status, actor, at, reason, cast(data as text) from quarantine_order_event
                where order_id = ?1 order by id""").setParameter(1, orderId).getResultList();
    }

    /** What a list may be filtered by; null fields do not filter. */
    record Filter(Status status, Kind kind, Reason reason, UUID residentId, String areaPath, LocalDate from, LocalDate to) {
    }

    /** Newest first, keyset-paged by (created_at, id), within the caller's reach. */
    @SuppressWarnings("unchecked")
    List<QuarantineOrder> page(Filter f, Instant beforeAt, UUID beforeId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select o.* from quarantine_order o where ").append(reach.predicate("o", p));
        if (f.status() != null) {
            sql.append(" and o.status = :status");
            p.put("status", f.status().name());
        }
        if (f.kind() != null) {
            sql.append(" and o.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.reason() != null) {
            sql.append(" and o.reason = :reason");
            p.put("reason", f.reason().name());
        }
        if (f.residentId() != null) {
            sql.append(" and o.resident_id = :resident");
            p.put("resident", f.residentId());
        }
        if (f.areaPath() != null) {
            sql.append(" and exists (select 1 from area_node fan where fan.id = o.area_id and fan.path like :area)");
            p.put("area", f.areaPath() + "%");
        }
        if (f.from() != null) {
            sql.append(" and o.ends_on >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and o.starts_on <= :to");
            p.put("to", f.to());
        }
        if (beforeAt != null) {
            sql.append(" and (o.created_at, o.id) < (:beforeAt, :beforeId)");
            p.put("beforeAt", beforeAt);
            p.put("beforeId", beforeId);
        }
        sql.append(" order by o.created_at desc, o.id desc limit :lim");
        p.put("lim", limit);
        var q = em.createNativeQuery(sql.toString(), QuarantineOrder.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Residents by id: id, name, id type, id mask, phone mask. */
    @SuppressWarnings("unchecked")
    Map<UUID, Object[]> residents(UUID[] ids) {
        Map<UUID, Object[]> out = new HashMap<>();
        if (ids.length == 0) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "select id, name, id_type, id_mask, phone_mask from census_resident where id = any(?1)")
                .setParameter(1, ids).getResultList()) {
            out.put((UUID) r[0], r);
        }
        return out;
    }

    /** Names of area nodes and checkpoints by id. */
    @SuppressWarnings("unchecked")
    Map<UUID, String> names(UUID[] ids) {
        Map<UUID, String> out = new HashMap<>();
        if (ids.length == 0) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select id, name from area_node where id = any(?1) union all select id, name from checkpoint where id = any(?1)""")
                .setParameter(1, ids).getResultList()) {
            out.put((UUID) r[0], (String) r[1]);
        }
        return out;
    }

    /**
     * The chain of an order: its sources up to the root and all its descendants, at most {@link #CHAIN_CAP} orders
     * {@link #CHAIN_DEPTH} generations either way. Columns: id, number, source order id, depth, person name, kind,
     * reason, status, starts on, ends on, source case ref, whether the caller reaches it.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> chain(UUID id) {
        Map<String, Object> p = new HashMap<>();
        String visible = reach.predicate("o", p);
        var q = em.createNativeQuery("""
                with recursive up (id, source_order_id, depth) as (
                    select id, source_order_id, 0 from quarantine_order where id = :id
                    union all
                    select o.id, o.source_order_id, up.depth - 1 from quarantine_order o join up on o.id = up.source_order_id
                    where up.depth > :minDepth
                ), down (id, depth) as (
                    select id, 0 from quarantine_order where id = :id
                    union all
                    select o.id, down.depth + 1 from quarantine_order o join down on o.source_order_id = down.id
                    where down.depth < :maxDepth
                ), c as (select id, min(depth) as depth from (select id, depth from up union all select id, depth from down) a group by id)
                select o.id, o.number, o.source_order_id, c.depth, coalesce(r.name, o.person_name), o.kind, o.reason, o.status,
                       o.starts_on, o.ends_on, o.source_case_ref, """ + visible + " as reached " + """
                from c join quarantine_order o on o.id = c.id left join census_resident r on r.id = o.resident_id
                order by c.depth, o.created_at, o.id limit :cap""");
        p.put("id", id);
        p.put("maxDepth", CHAIN_DEPTH);
        p.put("minDepth", -CHAIN_DEPTH);
        p.put("cap", CHAIN_CAP + 1);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** True when an order names the node as the person's home or cell. */
    boolean anyInArea(UUID nodeId) {
        return (Boolean) em.createNativeQuery(
                "select exists (select 1 from quarantine_order where area_id = ?1 or grid_cell_id = ?1)")
                .setParameter(1, nodeId).getSingleResult();
    }
}
