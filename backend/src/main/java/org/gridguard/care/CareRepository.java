package org.gridguard.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code care_plan}, {@code care_plan_event} and {@code care_visit}, with the caller's reach applied
 * here (the resident's home under the caller's area paths). The people are read through the census's published views
 * {@code census_resident} and {@code census_household}.
 */
@ApplicationScoped
public class CareRepository {

    /** A plan with the labels of its resident and home, its last visit, and its last visit that reached the person. */
    private static final String PLAN_ROWS = """
            select p.id, p.resident_id, r.name, r.categories, p.household_id,
                   nullif(concat_ws(' ', cn.name, bn.name, h.door_number), ''), p.grid_cell_id, cell.name, r.phone_mask,
                   p.responsible, p.visit_every_days, p.delivery_every_days, p.note, p.status, p.end_reason, p.started_at,
                   p.ended_at, lv.visited_at, lv.condition, p.created_by, p.created_at, p.updated_at, p.version, p.area_id,
                   lc.visited_at
            from care_plan p join area_node an on an.id = p.area_id join area_node cell on cell.id = p.grid_cell_id
            join census_resident r on r.id = p.resident_id
            left join census_household h on h.id = p.household_id
            left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
            left join lateral (select v.visited_at, v.condition from care_visit v where v.plan_id = p.id
                               order by v.visited_at desc, v.id desc limit 1) lv on true
            left join lateral (select max(v.visited_at) as visited_at from care_visit v
                               where v.plan_id = p.id and v.condition <> 'NOT_REACHED') lc on true
            """;

    /** The day the next visit is due, as {@link CareRules#nextDue} computes it, for ordering and filtering lists. */
    private static final String NEXT_DUE = "(greatest(cast(p.started_at at time zone :zone as date), "
            + "cast(lc.visited_at at time zone :zone as date)) + p.visit_every_days)";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** A plan as read for a view: everything but the deliveries (asked of the needs register). */
    record PlanRow(UUID id, UUID residentId, String residentName, List<String> categories, UUID householdId,
            String doorLabel, UUID gridCellId, String cellName, String phoneMasked, String responsible, int visitEveryDays,
            int deliveryEveryDays, String note, CareViews.PlanStatus status, String endReason, Instant startedAt,
            Instant endedAt, Instant lastVisitAt, CareViews.Condition lastCondition, String createdBy, Instant createdAt,
            Instant updatedAt, long version, UUID areaId, Instant lastContactAt) {

        static PlanRow of(Object[] r) {
            return new PlanRow((UUID) r[0], (UUID) r[1], (String) r[2], strings(r[3]), (UUID) r[4], (String) r[5],
                    (UUID) r[6], (String) r[7], (String) r[8], (String) r[9], ((Number) r[10]).intValue(),
                    ((Number) r[11]).intValue(), (String) r[12], CareViews.PlanStatus.valueOf((String) r[13]),
                    (String) r[14], Rows.instant(r[15]), Rows.instant(r[16]), Rows.instant(r[17]),
                    r[18] == null ? null : CareViews.Condition.valueOf((String) r[18]), (String) r[19], Rows.instant(r[20]),
                    Rows.instant(r[21]), ((Number) r[22]).longValue(), (UUID) r[23], Rows.instant(r[24]));
        }
    }

    /** A resident as a plan needs them: where they live, their categories and whether they live. */
    record Person(UUID id, UUID communityId, UUID gridCellId, UUID areaId, UUID householdId, List<String> categories,
            boolean living, String path) {
    }

    static List<String> strings(Object array) {
        if (array == null) {
            return List.of();
        }
        try {
            Object[] a = array instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) array;
            return Arrays.stream(a).map(String::valueOf).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resident if the caller reaches their home, else 404 "Resident". */
    Person visiblePerson(UUID residentId) {
        List<Object[]> rows = Rows.list(em, """
                select r.id, r.community_id, r.grid_cell_id, r.area_id, r.household_id, r.categories, r.status = :living,
                       an.path
                from census_resident r join area_node an on an.id = r.area_id where r.id = :id""",
                Map.of("id", residentId, "living", CensusPeople.LIVING));
        if (rows.isEmpty() || !jurisdiction.covers((String) rows.get(0)[7])) {
            throw ApiProblem.notFound("Resident");
        }
        Object[] r = rows.get(0);
        return new Person((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (UUID) r[4], strings(r[5]), (Boolean) r[6],
                (String) r[7]);
    }

    /** True when the user is a grid worker or leader assigned to the cell or one of its ancestors up to the zone. */
    boolean assignedAround(String username, UUID cellId) {
        return !Rows.list(em, """
                select 1 from assignment a join area_node n on n.id = a.node_id join area_node cell on cell.id = :cell
                where a.principal = :who and a.principal_type = 'USER' and a.role in ('grid-worker', 'grid-leader')
                  and a.site_id is null and n.kind in ('GRID_CELL', 'ZONE') and cell.path like n.path || '%'
                limit 1""", Map.of("cell", cellId, "who", username)).isEmpty();
    }

    /** The resident's active plan, if any. */
    UUID activePlanOf(UUID residentId) {
        return (UUID) em.createNativeQuery("select id from care_plan where resident_id = ?1 and status = 'ACTIVE'")
                .setParameter(1, residentId).getResultList().stream().findFirst().orElse(null);
    }

    /** Inserts an active plan; false when the resident already has one (also when another request just made it). */
    boolean insert(UUID id, Person p, String responsible, int visitEvery, int deliveryEvery, String note, String actor,
            Instant now) {
        Object[] values = { id, p.communityId(), p.gridCellId(), p.areaId(), p.householdId(), p.id(), responsible,
                visitEvery, deliveryEvery, note, now, actor };
        var insert = em.createNativeQuery("""
                insert into care_plan (id, community_id, grid_cell_id, area_id, household_id, resident_id, responsible,
                  visit_every_days, delivery_every_days, note, status, started_at, created_by, created_at, updated_by, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'ACTIVE', ?11, ?12, ?11, ?12, ?11)
                on conflict (resident_id) where status = 'ACTIVE' do nothing""");
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        return insert.executeUpdate() == 1;
    }

    /** The plan if the caller reaches it, else 404 (never "403: it exists"). */
    CarePlan visible(UUID id) {
        CarePlan p = CarePlan.findById(id);
        if (p == null) {
            throw ApiProblem.notFound("Care plan");
        }
        String path = (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, p.areaId)
                .getSingleResult();
        if (!jurisdiction.covers(path)) {
            throw ApiProblem.notFound("Care plan");
        }
        return p;
    }

    /** The path of an area node the caller sees into, else 404. */
    String visibleArea(UUID areaId) {
        String path = (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
        if (path == null || !jurisdiction.overlaps(path)) {
            throw ApiProblem.notFound("Area node");
        }
        return path;
    }

    /** The caller's reach as SQL on {@code an.path} and the given community column, its parameters into {@code p}. */
    private void reach(StringBuilder sql, String communityColumn, Map<String, Object> p) {
        if (!jurisdiction.isGlobal()) {
            p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
            p.put("patterns", jurisdiction.likePatterns());
            sql.append(" and ").append(communityColumn)
                    .append(" = any(cast(:communities as uuid[])) and an.path like any(cast(:patterns as text[]))");
        }
    }

    PlanRow row(UUID id) {
        return PlanRow.of(Rows.list(em, PLAN_ROWS + " where p.id = :id", Map.of("id", id)).get(0));
    }

    /** What a list of plans is filtered on; null fields filter nothing. */
    record Filter(CareViews.PlanStatus status, String areaPath, String responsible, LocalDate dueBy) {
    }

    /** Most urgent first (next visit due, then id), keyset-paged after ({@code afterDue}, {@code afterId}), within reach. */
    List<PlanRow> page(Filter f, ZoneId zone, LocalDate afterDue, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = filtered(f, zone, p);
        if (afterDue != null) {
            sql.append(" and (").append(NEXT_DUE).append(", p.id) > (:afterDue, :afterId)");
            p.put("afterDue", afterDue);
            p.put("afterId", afterId);
        }
        sql.append(" order by ").append(NEXT_DUE).append(", p.id limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p).stream().map(PlanRow::of).toList();
    }

    /** How many plans the list would show with this filter (the dashboard's care visits due). */
    long count(Filter f, ZoneId zone) {
        Map<String, Object> p = new HashMap<>();
        var q = em.createNativeQuery("select count(*) from (" + filtered(f, zone, p) + ") x");
        p.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The plans of the caller's reach matching the filter, as {@link #PLAN_ROWS} and its conditions. */
    private StringBuilder filtered(Filter f, ZoneId zone, Map<String, Object> p) {
        p.put("zone", zone.getId());
        StringBuilder sql = new StringBuilder(PLAN_ROWS).append(" where 1 = 1");
        reach(sql, "p.community_id", p);
        if (f.status() != null) {
            sql.append(" and p.status = :status");
            p.put("status", f.status().name());
        }
        if (f.areaPath() != null) {
            sql.append(" and an.path like :area");
            p.put("area", f.areaPath() + "%");
        }
        if (f.responsible() != null) {
            sql.append(" and p.responsible = :responsible");
            p.put("responsible", f.responsible());
        }
        if (f.dueBy() != null) {
            sql.append(" and ").append(NEXT_DUE).append(" <= :dueBy");
            p.put("dueBy", f.dueBy());
        }
        return sql;
    }

    /** Records a change of a plan. */
    void event(UUID planId, String action, String actor, Instant at, String detail) {
        em.createNativeQuery("insert into care_plan_event (plan_id, action, actor, at, detail) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, planId).setParameter(2, action).setParameter(3, actor).setParameter(4, at)
                .setParameter(5, detail).executeUpdate();
    }

    /** The history of each plan, oldest first. */
    Map<UUID, List<CareViews.CarePlanEvent>> history(UUID[] planIds) {
        Map<UUID, List<CareViews.CarePlanEvent>> out = new HashMap<>();
        for (Object[] r : Rows.list(em, """
                select plan_id, action, actor, at, detail from care_plan_event
                where plan_id = any(cast(:ids as uuid[])) order by plan_id, id""", Map.of("ids", planIds))) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new CareViews.CarePlanEvent((String) r[1], (String) r[2], Rows.instant(r[3]), (String) r[4]));
        }
        return out;
    }

    /** Living residents of a vulnerable category without an active plan, within reach, by id after {@code afterId}. */
    List<CareViews.UncoveredResident> uncovered(String areaPath, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("living", CensusPeople.LIVING);
        p.put("vulnerable", CareRules.VULNERABLE.toArray(String[]::new));
        StringBuilder sql = new StringBuilder("""
                select r.id, r.name, r.categories, r.household_id, r.grid_cell_id, cell.name, cn.name, bn.name,
                       h.door_number, r.phone_mask
                from census_resident r join area_node an on an.id = r.area_id join area_node cell on cell.id = r.grid_cell_id
                left join census_household h on h.id = r.household_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                where r.status = :living and r.categories && cast(:vulnerable as text[])
                  and not exists (select 1 from care_plan c where c.resident_id = r.id and c.status = 'ACTIVE')""");
        reach(sql, "r.community_id", p);
        if (areaPath != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPath + "%");
        }
        if (afterId != null) {
            sql.append(" and r.id > :after");
            p.put("after", afterId);
        }
        sql.append(" order by r.id limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p).stream().map(r -> new CareViews.UncoveredResident((UUID) r[0], (String) r[1],
                CareRules.vulnerableOf(strings(r[2])), (UUID) r[3], (UUID) r[4], (String) r[5], (String) r[6],
                (String) r[7], (String) r[8], (String) r[9])).toList();
    }

    /** Inserts a visit. */
    void insertVisit(CareViews.CareVisitView v, CarePlan plan) {
        em.createNativeQuery("""
                insert into care_visit (id, plan_id, community_id, area_id, visited_at, mode, condition, note, need_ids,
                  recorded_by, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as uuid[]), ?10, ?11)""")
                .setParameter(1, v.id()).setParameter(2, plan.id).setParameter(3, plan.communityId)
                .setParameter(4, plan.areaId).setParameter(5, v.visitedAt()).setParameter(6, v.mode().name())
                .setParameter(7, v.condition().name()).setParameter(8, v.note())
                .setParameter(9, v.needIds().toArray(UUID[]::new)).setParameter(10, v.recordedBy())
                .setParameter(11, v.recordedAt()).executeUpdate();
    }

    /** A plan's visits, newest first, keyset-paged after ({@code afterAt}, {@code afterId}). */
    List<CareViews.CareVisitView> visits(UUID planId, Instant afterAt, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>(Map.of("plan", planId, "lim", limit));
        StringBuilder sql = new StringBuilder("""
                select id, plan_id, visited_at, mode, condition, note, need_ids, recorded_by, recorded_at
                from care_visit where plan_id = :plan""");
        if (afterAt != null) {
            sql.append(" and (visited_at, id) < (:afterAt, :afterId)");
            p.put("afterAt", afterAt);
            p.put("afterId", afterId);
        }
        sql.append(" order by visited_at desc, id desc limit :lim");
        return Rows.list(em, sql, p).stream().map(r -> new CareViews.CareVisitView((UUID) r[0], (UUID) r[1],
                Rows.instant(r[2]), CareViews.Mode.valueOf((String) r[3]), CareViews.Condition.valueOf((String) r[4]),
                (String) r[5], strings(r[6]).stream().map(UUID::fromString).toList(), (String) r[7], Rows.instant(r[8])))
                .toList();
    }

    /**
     * Every active plan for the sweep (no caller: all communities): id, area, household, start, cadences, last visit
     * that reached the person, labels.
     */
    List<Object[]> activeForSweep() {
        return Rows.list(em, """
                select p.id, p.area_id, p.household_id, p.started_at, p.visit_every_days, p.delivery_every_days,
                       (select max(v.visited_at) from care_visit v where v.plan_id = p.id and v.condition <> 'NOT_REACHED'),
                       r.name, cell.name
                from care_plan p join census_resident r on r.id = p.resident_id join area_node cell on cell.id = p.grid_cell_id
                where p.status = 'ACTIVE' order by p.id""", Map.of());
    }

    /** Metrics: active plans now and vulnerable living residents without one, within areaPath (null = everything). */
    long[] coverageNow(String areaPath) {
        Map<String, Object> p = new HashMap<>(Map.of("area", areaPath == null ? "%" : areaPath + "%",
                "living", CensusPeople.LIVING, "vulnerable", CareRules.VULNERABLE.toArray(String[]::new)));
        Object[] r = Rows.list(em, """
                select (select count(*) from care_plan c join area_node an on an.id = c.area_id
                        where c.status = 'ACTIVE' and an.path like :area),
                       (select count(*) from census_resident r join area_node an on an.id = r.area_id
                        where an.path like :area and r.status = :living and r.categories && cast(:vulnerable as text[])
                          and not exists (select 1 from care_plan c where c.resident_id = r.id and c.status = 'ACTIVE'))""",
                p).get(0);
        return new long[] { ((Number) r[0]).longValue(), ((Number) r[1]).longValue() };
    }

    /** Metrics: the plans active at some time in [from, to) within areaPath: started, ended, visit cadence. */
    List<Object[]> plansDuring(String areaPath, Instant from, Instant to) {
        return Rows.list(em, """
                select c.started_at, c.ended_at, c.visit_every_days from care_plan c join area_node an on an.id = c.area_id
                where an.path like :area and c.started_at < :to and (c.ended_at is null or c.ended_at > :from)""",
                Map.of("area", areaPath == null ? "%" : areaPath + "%", "from", from, "to", to));
    }

    /**
     * The daily report: care visits recorded and CARE_MISSED alerts raised under areaPath per day of [from, to) in the
     * zone, as rows of (day, figure, count); the figures are the section's measure keys care.careVisitsDone and
     * care.careVisitsMissed.
     */
    List<Object[]> doneAndMissedByDay(String areaPath, Instant from, Instant to, ZoneId zone) {
        return Rows.list(em, """
                select cast(v.visited_at at time zone :zone as date), 'care.careVisitsDone', count(*)
                from care_visit v join area_node an on an.id = v.area_id
                where an.path like :area and v.visited_at >= :from and v.visited_at < :to group by 1
                union all
                select cast(a.raised_at at time zone :zone as date), 'care.careVisitsMissed', count(*)
                from alert_raised a join area_node an on an.id = a.area_id
                where a.kind = :kind and an.path like :area and a.raised_at >= :from and a.raised_at < :to group by 1""",
                Map.of("area", areaPath + "%", "from", from, "to", to, "zone", zone.getId(), "kind", CareAlerts.CARE_MISSED.code()));
    }

    /** Metrics: visits done and CARE_MISSED alerts raised in [from, to) within areaPath. */
    long[] doneAndMissed(String areaPath, Instant from, Instant to) {
        Object[] r = Rows.list(em, """
                select (select count(*) from care_visit v join area_node an on an.id = v.area_id
                        where an.path like :area and v.visited_at >= :from and v.visited_at < :to),
                       (select count(*) from alert_raised a join area_node an on an.id = a.area_id
                        where a.kind = :kind and an.path like :area and a.raised_at >= :from and a.raised_at < :to)""",
                Map.of("area", areaPath == null ? "%" : areaPath + "%", "from", from, "to", to, "kind",
                        CareAlerts.CARE_MISSED.code())).get(0);
        return new long[] { ((Number) r[0]).longValue(), ((Number) r[1]).longValue() };
    }
}
