package org.gridguard.quarantine;

import java.math.BigDecimal;
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
import org.gridguard.common.Rows;
import org.gridguard.quarantine.VisitViews.Slot;
import org.gridguard.quarantine.VisitWindows.Window;

/**
 * Every query of {@code quarantine_visit}, and the little of {@code quarantine_order} visits need (until the order
 * repository of the core part is merged: then {@link #order} moves to it). The caller's reach is applied here: an
 * order out of reach is 404, and the day's list holds the caller's cells (workers), zone (leaders) or community.
 */
@ApplicationScoped
public class VisitRepository {

    @Inject
    EntityManager em;
    @Inject
    QuarantineReach reach;

    /** What a visit needs of its order. */
    record Order(UUID id, String number, String kind, String status, UUID residentId, String name, byte[] docHmac,
            String personKey, UUID communityId, UUID areaId, String areaPath) {
        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** The order if the caller reaches its person's home, else 404 (never "it exists"). */
    @SuppressWarnings("unchecked")
    Order visibleOrder(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                select o.id, o.number, o.kind, o.status, o.resident_id, coalesce(r.name, o.person_name), o.doc_hmac,
                       o.person_key, o.community_id, o.area_id, an.path, o.site_id
                from quarantine_order o join area_node an on an.id = o.area_id
                left join census_resident r on r.id = o.resident_id where o.id = ?1""").setParameter(1, id).getResultList();
        if (rows.isEmpty() || !reach.covers((String) rows.get(0)[10], (UUID) rows.get(0)[11])) {
            throw ApiProblem.notFound("Quarantine order");
        }
        Object[] r = rows.get(0);
        return new Order((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4], (String) r[5], (byte[]) r[6],
                (String) r[7], (UUID) r[8], (UUID) r[9], (String) r[10]);
    }

    /** The visit already recorded under a client ref: (id, order id, request hash), or null. */
    @SuppressWarnings("unchecked")
    Object[] byClientRef(UUID clientRef) {
        List<Object[]> rows = em.createNativeQuery("select id, order_id, request_hash from quarantine_visit where client_ref = ?1")
                .setParameter(1, clientRef).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A new visit's row. */
    record NewRow(UUID id, Order order, LocalDate day, Slot slot, Instant visitedAt, String mode, BigDecimal temperature,
            boolean fever, String[] symptoms, Boolean sealIntact, String needsJson, String note, UUID clientRef, String hash,
            String actor, Instant now) {
    }

    /** Inserts the visit; false when its client ref was taken meanwhile (a concurrent retry). */
    boolean insert(NewRow v) {
        return em.createNativeQuery("""
                insert into quarantine_visit (id, order_id, community_id, visit_date, slot, visited_at, mode, temperature, fever,
                    symptoms, seal_intact, needs, note, client_ref, request_hash, recorded_by, recorded_at)
                values (:id, :order, :community, :day, :slot, :visitedAt, :mode, :temperature, :fever, cast(:symptoms as text[]),
                    :seal, cast(:needs as jsonb), :note, :clientRef, :hash, :actor, :now)
                on conflict (client_ref) do nothing""")
                .setParameter("id", v.id()).setParameter("order", v.order().id()).setParameter("community", v.order().communityId())
                .setParameter("day", v.day()).setParameter("slot", v.slot().name()).setParameter("visitedAt", v.visitedAt())
                .setParameter("mode", v.mode()).setParameter("temperature", v.temperature()).setParameter("fever", v.fever())
                .setParameter("symptoms", v.symptoms()).setParameter("seal", v.sealIntact()).setParameter("needs", v.needsJson())
                .setParameter("note", v.note()).setParameter("clientRef", v.clientRef()).setParameter("hash", v.hash())
                .setParameter("actor", v.actor()).setParameter("now", v.now()).executeUpdate() == 1;
    }

    void linkAlerts(UUID visitId, UUID feverAlertId, UUID symptomAlertId) {
        em.createNativeQuery("update quarantine_visit set fever_alert_id = ?2, symptom_alert_id = ?3 where id = ?1")
                .setParameter(1, visitId).setParameter(2, feverAlertId).setParameter(3, symptomAlertId).executeUpdate();
    }

    /** Whether the order had a fever at another visit of the day (its webhook went out then). */
    boolean feverEarlier(UUID orderId, LocalDate day, UUID besides) {
        return !em.createNativeQuery("""
                select 1 from quarantine_visit where order_id = ?1 and visit_date = ?2 and fever and id <> ?3 limit 1""")
                .setParameter(1, orderId).setParameter(2, day).setParameter(3, besides).getResultList().isEmpty();
    }

    static final String VISIT_COLUMNS = """
            select id, order_id, visit_date, slot, visited_at, mode, temperature, fever, symptoms, seal_intact,
                   cast(needs as text), note, client_ref, recorded_by, recorded_at, fever_alert_id, symptom_alert_id
            from quarantine_visit""";

    /** Visits of an order, newest first, keyset-paged by (visited at, id). */
    List<Object[]> visits(UUID orderId, Instant before, UUID beforeId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(VISIT_COLUMNS).append(" where order_id = :order");
        p.put("order", orderId);
        if (before != null) {
            sql.append(" and (visited_at, id) < (:before, :beforeId)");
            p.put("before", before);
            p.put("beforeId", beforeId);
        }
        sql.append(" order by visited_at desc, id desc limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p);
    }

    Object[] visit(UUID id) {
        return Rows.list(em, VISIT_COLUMNS + " where id = :id", Map.of("id", id)).get(0);
    }

    /** The windows of a day as the columns of {@code unnest(:kinds, :slots, :starts, :ends) as w(kind, slot, starts_at, ends_at)}. */
    private static void windows(Map<String, Object> p, List<Window> ws) {
        p.put("kinds", ws.stream().map(Window::kind).toArray(String[]::new));
        p.put("slots", ws.stream().map(w -> w.slot().name()).toArray(String[]::new));
        p.put("starts", ws.stream().map(w -> w.start().toString()).toArray(String[]::new));
        p.put("ends", ws.stream().map(w -> w.end().toString()).toArray(String[]::new));
    }

    private static final String WINDOWS = """
            join unnest(cast(:kinds as text[]), cast(:slots as text[]), cast(:starts as timestamptz[]), cast(:ends as timestamptz[]))
                 as w(kind, slot, starts_at, ends_at) on w.kind = o.kind""";

    /** Where to continue the day's list: after this rank, window start and order. */
    record DueCursor(int rank, Instant windowStart, UUID orderId) {
    }

    /**
     * The day's visits, in one statement: per order of the caller's reach running that day and per window of its kind,
     * the first visit of the window if any and its status. Overdue first (rank 0), then by window and order. An order
     * released today leaves today's list at once (nothing is left to do; a visit would be refused), while a day that is
     * over still shows its windows up to the release. Columns:
     * order id, number, kind, resident id, name, address, cell name, slot, window start, window end, visit id, visited
     * at, mode, fever, status, rank.
     * <p>
     * The inner query ranks, sorts and limits narrow rows (order, window, visit); the person's name, home and cell are
     * joined only for the page's rows (ADR 0037): a cell of 500 orders is 1,000 windows, of which a page shows 50.
     */
    List<Object[]> due(LocalDate day, List<Window> ws, Instant now, boolean dayOver, String areaPath, DueCursor after, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select d.order_id, d.number, d.kind, d.resident_id, coalesce(r.name, d.person_name) as name,
                       coalesce(concat_ws(' ', cn.name, bn.name, h.door_number), d.address) as address, cell.name as cell,
                       d.slot, d.starts_at, d.ends_at, d.visit_id, d.visited_at, d.mode, d.fever, d.status, d.rank
                from (select * from (""").append(dueWindows(p, day, ws, now, dayOver, areaPath));
        sql.append(") n");
        if (after != null) {
            sql.append(" where (n.rank, n.starts_at, n.order_id) > (:afterRank, :afterStart, :afterId)");
            p.put("afterRank", after.rank());
            p.put("afterStart", after.windowStart());
            p.put("afterId", after.orderId());
        }
        sql.append("""
                 order by n.rank, n.starts_at, n.order_id limit :lim) d
                left join census_resident r on r.id = d.resident_id
                left join census_household h on h.id = r.household_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                join area_node cell on cell.id = d.grid_cell_id
                order by d.rank, d.starts_at, d.order_id""");
        p.put("lim", limit);
        return Rows.list(em, sql, p);
    }

    /**
     * The day's windows per order of the caller's reach (and under {@code areaPath} when given) with their first visit,
     * status (DONE, DUE, MISSED, OVERDUE) and rank: the inner query of {@link #due} and {@link #dueCounts}.
     */
    private StringBuilder dueWindows(Map<String, Object> p, LocalDate day, List<Window> ws, Instant now, boolean dayOver,
            String areaPath) {
        windows(p, ws);
        StringBuilder sql = new StringBuilder("""
                  select o.id as order_id, o.number, o.kind, o.resident_id, o.person_name, o.address, o.grid_cell_id,
                         w.slot, w.starts_at, w.ends_at, v.id as visit_id, v.visited_at, v.mode, v.fever,
                         case when v.id is not null then 'DONE' when w.ends_at > :now then 'DUE'
                              when :dayOver then 'MISSED' else 'OVERDUE' end as status,
                         case when v.id is null and w.ends_at <= :now and not :dayOver then 0 else 1 end as rank
                  from quarantine_order o
                """).append(WINDOWS).append("""

                  left join lateral (select v.id, v.visited_at, v.mode, v.fever from quarantine_visit v
                                     where v.order_id = o.id and v.visit_date = :day and v.slot = w.slot
                                     order by v.visited_at, v.id limit 1) v on true
                  where o.starts_on <= :day and o.ends_on >= :day
                    and (o.released_at is null or o.released_at > w.starts_at and (:dayOver or o.released_at > :now))
                """);
        p.put("day", day);
        p.put("now", now);
        p.put("dayOver", dayOver);
        sql.append(" and ").append(reach.predicate("o", p));
        if (areaPath != null) {
            sql.append(" and exists (select 1 from area_node an where an.id = o.area_id and an.path like :area)");
            p.put("area", areaPath + "%");
        }
        return sql;
    }

    /** How many of today's windows in the caller's reach under {@code areaPath} are DONE, DUE and OVERDUE (the dashboard). */
    Map<String, Long> dueCounts(LocalDate day, List<Window> ws, Instant now, String areaPath) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select n.status, count(*) from (").append(dueWindows(p, day, ws, now, false, areaPath))
                .append(") n group by n.status");
        Map<String, Long> out = new HashMap<>(Map.of("DONE", 0L, "DUE", 0L, "OVERDUE", 0L));
        Rows.list(em, sql, p).forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    /**
     * The active orders in the caller's reach under {@code areaPath} whose last day is {@code day}: the dashboard's
     * "orders ending today" (release notices to prepare).
     */
    long endingOn(LocalDate day, String areaPath) {
        Map<String, Object> p = new HashMap<>(Map.of("day", day, "area", areaPath + "%"));
        String sql = "select count(*) from quarantine_order o where o.status = 'ACTIVE' and o.ends_on = :day and "
                + reach.predicate("o", p) + " and exists (select 1 from area_node an where an.id = o.area_id and an.path like :area)";
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /**
     * The windows {@code ws} (all of one day) that closed without a visit, for every order running through them (not
     * released before the window closed, created before it did). Not limited to a caller's reach: the sweep runs as the
     * system. Columns: order id, number, name, area id, area path, slot.
     */
    List<Object[]> missed(LocalDate day, List<Window> ws) {
        Map<String, Object> p = new HashMap<>();
        windows(p, ws);
        p.put("day", day);
        return Rows.list(em, new StringBuilder("""
                select o.id, o.number, coalesce(r.name, o.person_name), o.area_id, an.path, w.slot
                from quarantine_order o join area_node an on an.id = o.area_id
                """).append(WINDOWS).append("""

                left join census_resident r on r.id = o.resident_id
                where o.starts_on <= :day and o.ends_on >= :day and o.created_at < w.ends_at
                  and (o.released_at is null or o.released_at > w.ends_at)
                  and not exists (select 1 from quarantine_visit v where v.order_id = o.id and v.visit_date = :day and v.slot = w.slot)
                order by o.id, w.slot"""), p);
    }
}
