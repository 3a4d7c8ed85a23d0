package org.gridguard.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.need.Needs;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

/**
 * Every query of the delivery tables, with the caller's reach applied here: supervisors and leaders see the runs whose
 * area they cover, carriers the runs they carry (a worker sees no other run: out of reach answers like missing).
 */
@ApplicationScoped
public class DeliveryRepository {

    static final String RUN = "Delivery run";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;

    /** A stop as planned: the need's description when the run was made. */
    record StopRow(UUID needId, UUID householdId, Needs.Kind kind, String detail, String medicineName,
            String medicineQuantity, Needs.Urgency urgency) {
    }

    /** A drop as recorded, without its items. */
    record DropRow(UUID id, UUID needId, DeliveryRules.Outcome outcome, String receivedBy, String note, UUID movementId,
            String recordedBy, Instant recordedAt) {
    }

    /** Whether the caller manages runs (a supervisor or leader; admins manage everything). */
    boolean manager() {
        return caller.isAdmin() || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.LEADER);
    }

    /** The run if the caller manages its area or carries it, else 404. */
    DeliveryRun visible(UUID id) {
        DeliveryRun r = DeliveryRun.findById(id);
        if (r == null || !(manages(r) || carriers(r.id).contains(caller.name()))) {
            throw ApiProblem.notFound(RUN);
        }
        return r;
    }

    /** The run if the caller manages its area, else 404 (a carrier without a leader's reach: 403). */
    DeliveryRun manageable(UUID id) {
        DeliveryRun r = visible(id);
        if (!manages(r)) {
            throw ApiProblem.forbidden("Only a leader or supervisor of the run's area may change the run");
        }
        return r;
    }

    boolean manages(DeliveryRun r) {
        String path = areaPath(r.areaId);
        return path != null && jurisdiction.coversAs(path, List.of(Roles.SUPERVISOR, Roles.LEADER));
    }

    /** The path of an area node, or null. */
    String areaPath(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
    }

    /** The name of an area node, or null. */
    String areaName(UUID areaId) {
        return (String) em.createNativeQuery("select name from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
    }

    /** The paths of the area nodes, by id. */
    Map<UUID, String> paths(Collection<UUID> areaIds) {
        Map<UUID, String> out = new HashMap<>();
        for (Object[] r : Rows.list(em, "select id, path from area_node where id = any(cast(:ids as uuid[]))",
                Map.of("ids", areaIds.toArray(UUID[]::new)))) {
            out.put((UUID) r[0], (String) r[1]);
        }
        return out;
    }

    /** The area paths each of the usernames is assigned to as a grid worker or grid leader. */
    Map<String, List<String>> carrierReach(List<String> usernames) {
        Map<String, List<String>> out = new HashMap<>();
        for (Object[] r : Rows.list(em, """
                select a.principal, n.path from assignment a join area_node n on n.id = a.node_id
                where a.principal = any(cast(:names as text[])) and a.role in ('grid-worker', 'grid-leader')
                  and a.site_id is null""", Map.of("names", usernames.toArray(String[]::new)))) {
            out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return out;
    }

    /** Runs the caller sees, newest first, keyset-paged after ({@code afterAt}, {@code afterId}). */
    @SuppressWarnings("unchecked")
    List<DeliveryRun> page(LocalDate date, DeliveryRules.RunStatus status, Instant afterAt, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select r.* from delivery_run r join area_node an on an.id = r.area_id where ");
        String carried = "exists (select 1 from delivery_carrier c where c.run_id = r.id and c.username = :me)";
        if (caller.isAdmin()) {
            sql.append("true");
        } else if (manager()) {
            p.put("me", caller.name());
            p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
            p.put("patterns", jurisdiction.likePatterns());
            sql.append("((r.community_id = any(cast(:communities as uuid[])) and an.path like any(cast(:patterns as text[])))"
                    + " or ").append(carried).append(')');
        } else {
            p.put("me", caller.name());
            sql.append(carried);
        }
        if (date != null) {
            sql.append(" and r.run_date = :date");
            p.put("date", date);
        }
        if (status != null) {
            sql.append(" and r.status = :status");
            p.put("status", status.name());
        }
        if (afterAt != null) {
            sql.append(" and (r.created_at, r.id) < (:afterAt, :afterId)");
            p.put("afterAt", afterAt);
            p.put("afterId", afterId);
        }
        sql.append(" order by r.created_at desc, r.id desc limit :lim");
        p.put("lim", limit);
        var q = em.createNativeQuery(sql.toString(), DeliveryRun.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    void persist(DeliveryRun r, List<String> carriers, List<StopRow> stops) {
        r.persist();
        em.flush();
        for (String c : carriers) {
            em.createNativeQuery("insert into delivery_carrier (run_id, username) values (?1, ?2)").setParameter(1, r.id)
                    .setParameter(2, c).executeUpdate();
        }
        for (StopRow s : stops) {
            Object[] v = { r.id, s.needId(), s.householdId(), s.kind().name(), s.detail(), s.medicineName(),
                    s.medicineQuantity(), s.urgency().name() };
            insert("""
                    insert into delivery_stop (run_id, need_id, household_id, kind, detail, medicine_name, medicine_quantity,
                    urgency) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""", v);
        }
    }

    private void insert(String sql, Object[] values) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < values.length; i++) {
            q.setParameter(i + 1, values[i]);
        }
        q.executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<String> carriers(UUID runId) {
        return em.createNativeQuery("select username from delivery_carrier where run_id = ?1 order by username")
                .setParameter(1, runId).getResultList();
    }

    /** Carriers by run, for a page of runs. */
    Map<UUID, List<String>> carriers(UUID[] runIds) {
        Map<UUID, List<String>> out = new HashMap<>();
        for (Object[] r : Rows.list(em, "select run_id, username from delivery_carrier where run_id = any(cast(:ids as uuid[]))"
                + " order by username", Map.of("ids", runIds))) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return out;
    }

    /** Stops and drops counted by run: {stops, dropped}. */
    Map<UUID, int[]> counts(UUID[] runIds) {
        Map<UUID, int[]> out = new HashMap<>();
        for (Object[] r : Rows.list(em, """
                select s.run_id, count(*), count(d.id) from delivery_stop s
                left join delivery_drop d on d.run_id = s.run_id and d.need_id = s.need_id
                where s.run_id = any(cast(:ids as uuid[])) group by s.run_id""", Map.of("ids", runIds))) {
            out.put((UUID) r[0], new int[] { ((Number) r[1]).intValue(), ((Number) r[2]).intValue() });
        }
        return out;
    }

    List<StopRow> stops(UUID runId) {
        return stopRows("where run_id = :run", Map.of("run", runId));
    }

    /** The stop of a need on the run, locked against a concurrent drop; null when the need is not on the run. */
    StopRow lockStop(UUID runId, UUID needId) {
        return stopRows("where run_id = :run and need_id = :need for update", Map.of("run", runId, "need", needId)).stream()
                .findFirst().orElse(null);
    }

    private List<StopRow> stopRows(String where, Map<String, Object> params) {
        List<StopRow> out = new ArrayList<>();
        for (Object[] r : Rows.list(em, "select need_id, household_id, kind, detail, medicine_name, medicine_quantity,"
                + " urgency from delivery_stop " + where, params)) {
            out.add(new StopRow((UUID) r[0], (UUID) r[1], Needs.Kind.valueOf((String) r[2]), (String) r[3], (String) r[4],
                    (String) r[5], Needs.Urgency.valueOf((String) r[6])));
        }
        return out;
    }

    /** The needs of the run without a drop. */
    @SuppressWarnings("unchecked")
    List<UUID> undropped(UUID runId) {
        return em.createNativeQuery("""
                select s.need_id from delivery_stop s where s.run_id = ?1 and not exists
                (select 1 from delivery_drop d where d.run_id = s.run_id and d.need_id = s.need_id)""")
                .setParameter(1, runId).getResultList();
    }

    /** The drops of a run, by need. */
    Map<UUID, DropRow> drops(UUID runId) {
        Map<UUID, DropRow> out = new HashMap<>();
        for (Object[] r : Rows.list(em, """
                select id, need_id, outcome, received_by, note, movement_id, recorded_by, recorded_at
                from delivery_drop where run_id = :run""", Map.of("run", runId))) {
            out.put((UUID) r[1], new DropRow((UUID) r[0], (UUID) r[1], DeliveryRules.Outcome.valueOf((String) r[2]),
                    (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], Rows.instant(r[7])));
        }
        return out;
    }

    /** The items of the drops of a run: drop id -> item id -> quantity. */
    Map<UUID, Map<UUID, BigDecimal>> dropItems(UUID runId) {
        Map<UUID, Map<UUID, BigDecimal>> out = new HashMap<>();
        for (Object[] r : Rows.list(em, """
                select i.drop_id, i.item_id, i.quantity from delivery_drop_item i join delivery_drop d on d.id = i.drop_id
                where d.run_id = :run order by i.item_id""", Map.of("run", runId))) {
            out.computeIfAbsent((UUID) r[0], k -> new java.util.LinkedHashMap<>()).put((UUID) r[1], plain((BigDecimal) r[2]));
        }
        return out;
    }

    /** 3.000 as 3, 1.250 as 1.25 (the column keeps 3 decimals for kg and litres). */
    static BigDecimal plain(BigDecimal q) {
        return q.setScale(Math.max(0, q.stripTrailingZeros().scale()));
    }

    void insertDrop(UUID runId, DropRow d, List<DeliveryViews.Line> items) {
        insert("""
                insert into delivery_drop (id, run_id, need_id, outcome, received_by, note, movement_id, recorded_by,
                recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""", new Object[] { d.id(), runId, d.needId(),
                d.outcome().name(), d.receivedBy(), d.note(), d.movementId(), d.recordedBy(), d.recordedAt() });
        for (DeliveryViews.Line l : items) {
            insert("insert into delivery_drop_item (drop_id, item_id, quantity) values (?1, ?2, ?3)",
                    new Object[] { d.id(), l.itemId(), l.quantity() });
        }
    }

    boolean dropped(UUID runId, UUID needId) {
        return !Rows.list(em, "select 1 from delivery_drop where run_id = :run and need_id = :need",
                Map.of("run", runId, "need", needId)).isEmpty();
    }

    /**
     * The daily report: per day of [first, last] the delivery runs that went out (started) whose area lies under
     * {@code areaPath}, as rows of (run day, count). No reach: the caller scoped the area.
     */
    List<Object[]> runsStarted(String areaPath, LocalDate first, LocalDate last) {
        return Rows.list(em, """
                select r.run_date, count(*) from delivery_run r join area_node an on an.id = r.area_id
                where r.run_date between :first and :last and r.started_at is not null and an.path like :area
                group by r.run_date""", Map.of("first", first, "last", last, "area", areaPath + "%"));
    }

    void flush() {
        em.flush();
    }
}
