package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridguard.testing.RoundService;
import org.gridguard.testing.TaskRepository;

/**
 * The demo's nucleic-acid round (第四轮全员核酸检测, 5 April): the whole community, sampling, assigned to lab-demo,
 * with a central site and three pools in worker1's cell G01: one negative, one closed and waiting for the lab, one
 * still open. Door-to-door tasks for bed-ridden and quarantined residents are listed as when a round starts.
 * Deterministic: ids from the seed, people picked in id order.
 */
final class DemoRound {

    private DemoRound() {
    }

    static void load(Connection c, DemoCommunity d) throws SQLException {
        String cc = "BH-C001";
        UUID community = d.id(cc);
        UUID cell = d.id(cc + "-G01");
        UUID round = d.id("ROUND-4");
        Instant from = Instant.parse("2022-04-04T23:00:00Z");
        Instant to = Instant.parse("2022-04-06T11:00:00Z");
        Instant started = from;
        String path;
        try (PreparedStatement ps = c.prepareStatement("select path from area_node where id = ?")) {
            ps.setObject(1, community);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                path = rs.getString(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into test_round (id, name, scope_ids, scope_paths, community_ids, scope_key, round_date, sampling_from,
                  sampling_to, modes, pool_size, labs, status, started_at, created_by, created_at, updated_at)
                values (?, '第四轮全员核酸检测', ?, ?, ?, ?, date '2022-04-05', ?, ?, '{CENTRAL,DOOR_TO_DOOR}', 10,
                  '{lab-demo}', 'SAMPLING', ?, 'supervisor', ?, ?)""")) {
            ps.setObject(1, round);
            ps.setArray(2, c.createArrayOf("uuid", new Object[] { community }));
            ps.setArray(3, c.createArrayOf("text", new Object[] { path }));
            ps.setArray(4, c.createArrayOf("uuid", new Object[] { community }));
            ps.setString(5, community.toString());
            ps.setTimestamp(6, Timestamp.from(from));
            ps.setTimestamp(7, Timestamp.from(to));
            ps.setTimestamp(8, Timestamp.from(started));
            ps.setTimestamp(9, Timestamp.from(from.minusSeconds(86400)));
            ps.setTimestamp(10, Timestamp.from(started));
            ps.executeUpdate();
        }
        UUID site = d.id("ROUND-4:SITE-1");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into test_site (id, round_id, community_id, area_id, name, address, opens_at, closes_at, created_by,
                  created_at) values (?, ?, ?, ?, '社区广场采样点', '社区服务中心前广场', time '07:00', time '19:00', 'supervisor', ?)""")) {
            ps.setObject(1, site);
            ps.setObject(2, round);
            ps.setObject(3, community);
            ps.setObject(4, d.id(cc + "-XQ01"));
            ps.setTimestamp(5, Timestamp.from(from));
            ps.executeUpdate();
        }
        List<Object[]> people = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, household_id from resident where grid_cell_id = ? and status = 'LIVING' order by id limit 25""")) {
            ps.setObject(1, cell);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    people.add(new Object[] { rs.getObject(1), rs.getObject(2) });
                }
            }
        }
        // pool 1: 10 people, negative; pool 2: 10 people, closed, at the lab; pool 3: 5 people, open
        int[][] pools = { { 0, 10 }, { 10, 20 }, { 20, 25 } };
        String[] results = { "NEGATIVE", null, null };
        for (int p = 0; p < pools.length; p++) {
            UUID tube = d.id("ROUND-4:TUBE-" + (p + 1));
            int n = Math.min(pools[p][1], people.size()) - pools[p][0];
            if (n <= 0) {
                break;
            }
            boolean closed = n == 10;
            Instant opened = from.plusSeconds(3600L * (p + 1));
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into test_tube (id, round_id, barcode, community_id, grid_cell_id, area_id, site_id, capacity, members,
                      status, result, tested_at, lab, lab_ref, result_at, opened_by, opened_at, closed_at)
                    values (?, ?, ?, ?, ?, ?, ?, 10, ?, ?, ?, ?, ?, ?, ?, 'worker1', ?, ?)""")) {
                ps.setObject(1, tube);
                ps.setObject(2, round);
                ps.setString(3, "BH0405" + String.format("%04d", p + 1));
                ps.setObject(4, community);
                ps.setObject(5, cell);
                ps.setObject(6, d.id(cc + "-XQ01"));
                ps.setObject(7, site);
                ps.setInt(8, n);
                ps.setString(9, closed ? "CLOSED" : "OPEN");
                ps.setString(10, results[p]);
                Timestamp tested = results[p] == null ? null : Timestamp.from(opened.plusSeconds(4 * 3600));
                ps.setTimestamp(11, tested);
                ps.setString(12, results[p] == null ? null : "lab-demo");
                ps.setString(13, results[p] == null ? null : "LD-20220405-" + (p + 1));
                ps.setTimestamp(14, tested);
                ps.setTimestamp(15, Timestamp.from(opened));
                ps.setTimestamp(16, closed ? Timestamp.from(opened.plusSeconds(600)) : null);
                ps.executeUpdate();
            }
            if (results[p] != null) {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into test_tube_result (tube_id, round_id, result, tested_at, lab, lab_ref, received_at)
                        values (?, ?, ?, ?, 'lab-demo', ?, ?)""")) {
                    ps.setObject(1, tube);
                    ps.setObject(2, round);
                    ps.setString(3, results[p]);
                    ps.setTimestamp(4, Timestamp.from(opened.plusSeconds(4 * 3600)));
                    ps.setString(5, "LD-20220405-" + (p + 1));
                    ps.setTimestamp(6, Timestamp.from(opened.plusSeconds(4 * 3600)));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, household_id, resident_id, kind,
                      sampled_at, sampled_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'ORDINARY', ?, 'worker1', ?)""")) {
                for (int i = pools[p][0]; i < pools[p][0] + n; i++) {
                    Timestamp at = Timestamp.from(opened.plusSeconds(30L * (i - pools[p][0])));
                    ps.setObject(1, d.id("ROUND-4:SAMPLE-" + i));
                    ps.setObject(2, round);
                    ps.setObject(3, tube);
                    ps.setObject(4, community);
                    ps.setObject(5, cell);
                    ps.setObject(6, people.get(i)[1]);
                    ps.setObject(7, people.get(i)[0]);
                    ps.setTimestamp(8, at);
                    ps.setTimestamp(9, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        // the round's own statement, with JDBC's plain markers (order of appearance: ?1 ?4 ?4 ?2 ?3 ?5 ?1)
        try (PreparedStatement ps = c.prepareStatement(TaskRepository.AT_HOME_SQL.replaceAll("\\?\\d", "?"))) {
            Timestamp now = Timestamp.from(started);
            ps.setObject(1, round);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setArray(4, c.createArrayOf("uuid", new Object[] { community }));
            ps.setArray(5, c.createArrayOf("text", new Object[] { path + "%" }));
            ps.setArray(6, c.createArrayOf("text", RoundService.AT_HOME));
            ps.setObject(7, round);
            ps.executeUpdate();
        }
        // the coverage rollup of every cell is computed by the first refresh
        try (PreparedStatement ps = c.prepareStatement("""
                insert into test_dirty_cell (round_id, grid_cell_id)
                select ?, id from area_node where kind = 'GRID_CELL' and community_id = ? on conflict do nothing""")) {
            ps.setObject(1, round);
            ps.setObject(2, community);
            ps.executeUpdate();
        }
    }
}
