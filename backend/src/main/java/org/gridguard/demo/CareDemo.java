package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Care-plan demo data in worker1's cell (G01), so the screens show something: three vulnerable residents with a plan
 * (one visited daily up to yesterday, one whose visits stopped three days ago, one every other day started two days ago
 * without a visit yet), worker1 responsible; the other vulnerable residents of the cell stay without a plan.
 */
final class CareDemo {

    private CareDemo() {
    }

    /** A plan: days since it started, visit cadence, days since each visit. */
    private record Plan(int startedDaysAgo, int visitEvery, int[] visitedDaysAgo) {
    }

    private static final List<Plan> PLANS = List.of(new Plan(10, 1, new int[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 }),
            new Plan(6, 1, new int[] { 5, 4, 3 }), new Plan(2, 2, new int[] {}));

    static int load(Connection c, DemoCommunity d, LocalDate today, ZoneId zone) throws SQLException {
        List<UUID[]> people = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, household_id, area_id, community_id from resident
                where grid_cell_id = ? and status = 'LIVING' and household_id is not null
                  and categories && array['ELDERLY_ALONE','CHRONIC_ILLNESS','DISABLED','BED_RIDDEN','NEEDS_DELIVERY']
                order by id limit ?""")) {
            ps.setObject(1, d.id("BH-C001-G01"));
            ps.setInt(2, PLANS.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    people.add(new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class) });
                }
            }
        }
        for (int i = 0; i < people.size(); i++) {
            plan(c, d.id("care:" + i), d.id("BH-C001-G01"), people.get(i), PLANS.get(i), today, zone);
        }
        return people.size();
    }

    private static void plan(Connection c, UUID id, UUID cell, UUID[] person, Plan p, LocalDate today, ZoneId zone)
            throws SQLException {
        java.sql.Timestamp started = at(today.minusDays(p.startedDaysAgo()), LocalTime.of(9, 0), zone);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into care_plan (id, community_id, grid_cell_id, area_id, household_id, resident_id, responsible,
                  visit_every_days, delivery_every_days, note, status, started_at, created_by, created_at, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, 'worker1', ?, 7, '一对一联系人：worker1', 'ACTIVE', ?, 'leader1', ?, 'leader1', ?)
                on conflict do nothing""")) {
            Object[] values = { id, person[3], cell, person[2], person[1], person[0], p.visitEvery(), started, started, started };
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into care_plan_event (plan_id, action, actor, at, detail) "
                + "values (?, 'CREATED', 'leader1', ?, 'responsible worker1')")) {
            ps.setObject(1, id);
            ps.setTimestamp(2, started);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into care_visit (id, plan_id, community_id, area_id, visited_at, mode, condition, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, 'WELL', 'worker1', ?)""")) {
            for (int daysAgo : p.visitedDaysAgo()) {
                java.sql.Timestamp visited = at(today.minusDays(daysAgo), LocalTime.of(10, 30), zone);
                Object[] values = { UUID.nameUUIDFromBytes((id + ":" + daysAgo).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        id, person[3], person[2], visited, daysAgo % 2 == 0 ? "DOOR" : "PHONE", visited };
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static java.sql.Timestamp at(LocalDate day, LocalTime time, ZoneId zone) {
        return java.sql.Timestamp.from(ZonedDateTime.of(day, time, zone).toInstant());
    }
}
