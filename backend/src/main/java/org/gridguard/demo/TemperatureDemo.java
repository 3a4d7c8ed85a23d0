package org.gridguard.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Temperature demo data, so the screens show something: four residents of worker1's cell (G01) under watch
 * from two days ago for two weeks, yesterday's two reports for three of them (one missed the afternoon, with
 * its MISSING_REPORT alert), and yesterday's gate registrations at KK4 including one fever with its FEVER alert.
 * Which residents, readings and temperatures is fixed by the seed; the dates follow the day of loading.
 */
final class TemperatureDemo {

    private TemperatureDemo() {
    }

    record Person(UUID id, UUID community, UUID cell, UUID area, String name) {
    }

    static int load(Connection c, DemoCommunity d, long seed, LocalDate today, ZoneId zone) throws SQLException {
        UUID cell = d.id("BH-C001-G01");
        UUID kk4 = d.id("BH-C001-KK4");
        List<Person> people = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, community_id, grid_cell_id, area_id, name from resident where grid_cell_id = ? and status = 'LIVING' order by id limit 10")) {
            ps.setObject(1, cell);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    people.add(new Person(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), rs.getString(5)));
                }
            }
        }
        if (people.size() < 10) {
            return 0;
        }
        Random rnd = new Random(seed * 17 + 5);
        LocalDate yesterday = today.minusDays(1);
        String[] reasons = { "RETURNEE", "BACK_TO_WORK", "RETURNEE", "BACK_TO_WORK" };
        int readings = 0;
        try (PreparedStatement w = c.prepareStatement("""
                insert into watch (id, community_id, resident_id, grid_cell_id, area_id, reason, starts_on, ends_on, note,
                                   created_by, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'worker1', 'worker1')""")) {
            for (int i = 0; i < 4; i++) {
                Person p = people.get(i);
                w.setObject(1, d.id("watch:" + i));
                w.setObject(2, p.community());
                w.setObject(3, p.id());
                w.setObject(4, p.cell());
                w.setObject(5, p.area());
                w.setString(6, reasons[i]);
                w.setObject(7, today.minusDays(2));
                w.setObject(8, today.plusDays(12));
                w.setString(9, i == 0 ? "自武汉返回" : null);
                w.addBatch();
            }
            w.executeBatch();
        }
        // yesterday's reports: three people both windows, the fourth only the morning
        for (int i = 0; i < 4; i++) {
            Person p = people.get(i);
            readings += reading(c, d.id("reading:" + i + ":m"), p, null, "PHONE", at(yesterday, 8, rnd.nextInt(60), zone),
                    temp(rnd, false), "MORNING", null, zone);
            if (i < 3) {
                readings += reading(c, d.id("reading:" + i + ":a"), p, null, i == 1 ? "PHOTO" : "DOOR",
                        at(yesterday, 15, rnd.nextInt(60), zone), temp(rnd, false), "AFTERNOON", null, zone);
            }
        }
        alert(c, d.id("alert:missing"), "MISSING_REPORT", people.get(3), people.get(3).name() + " " + yesterday + " 午报",
                "missing:" + people.get(3).id() + ":" + yesterday + ":AFTERNOON", at(yesterday, 18, 0, zone),
                "{\"date\":\"" + yesterday + "\",\"window\":\"AFTERNOON\"}", "system");
        // yesterday's gate at KK4: six residents going out and in, one of them with a fever
        for (int i = 4; i < 10; i++) {
            Person p = people.get(i);
            boolean fever = i == 7;
            BigDecimal t = fever ? new BigDecimal("38.2") : temp(rnd, false);
            UUID alertId = fever ? d.id("alert:fever") : null;
            Instant when = at(yesterday, 7 + i, rnd.nextInt(60), zone);
            if (fever) {
                alert(c, alertId, "FEVER", p, p.name() + " " + t + " °C · " + d.checkpoints.get(3).name(),
                        "fever:resident:" + p.id() + ":" + yesterday, when,
                        "{\"temperature\":" + t + ",\"source\":\"GATE\",\"checkpointId\":\"" + kk4 + "\"}", "worker1");
            }
            readings += reading(c, d.id("reading:gate:" + i), p, kk4, "GATE", when, t, null, alertId, zone);
        }
        return readings;
    }

    static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
        return ZonedDateTime.of(day, java.time.LocalTime.of(hour, minute), zone).toInstant();
    }

    static BigDecimal temp(Random rnd, boolean fever) {
        return new BigDecimal(fever ? "38.0" : "36." + (1 + rnd.nextInt(8)));
    }

    static int reading(Connection c, UUID id, Person p, UUID checkpoint, String source, Instant measured, BigDecimal t,
            String window, UUID alertId, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into temperature_check (id, community_id, area_id, grid_cell_id, checkpoint_id, source, direction,
                  measured_at, received_at, late, business_date, report_window, temperature, fever, health_code, resident_id,
                  recorded_by, request_hash, alert_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, 'GREEN', ?, 'worker1', 'demo', ?)""")) {
            OffsetDateTime m = OffsetDateTime.ofInstant(measured, java.time.ZoneOffset.UTC);
            ps.setObject(1, id);
            ps.setObject(2, p.community());
            ps.setObject(3, p.area());
            ps.setObject(4, p.cell());
            ps.setObject(5, checkpoint);
            ps.setString(6, source);
            ps.setString(7, checkpoint == null ? null : "IN");
            ps.setObject(8, m);
            ps.setObject(9, m.plusMinutes(1));
            ps.setObject(10, measured.atZone(zone).toLocalDate());
            ps.setString(11, window);
            ps.setBigDecimal(12, t);
            ps.setBoolean(13, t.compareTo(new BigDecimal("37.3")) >= 0);
            ps.setObject(14, p.id());
            ps.setObject(15, alertId);
            return ps.executeUpdate();
        }
    }

    static void alert(Connection c, UUID id, String kind, Person p, String label, String key, Instant raised, String details,
            String actor) throws SQLException {
        OffsetDateTime r = OffsetDateTime.ofInstant(raised, java.time.ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into alert (id, kind, state, subject_type, subject_id, subject_label, area_id, community_id, dedupe_key,
                                   details, raised_at, due_at, updated_at)
                values (?, ?, 'OPEN', 'RESIDENT', ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")) {
            ps.setObject(1, id);
            ps.setString(2, kind);
            ps.setObject(3, p.id());
            ps.setString(4, label);
            ps.setObject(5, p.cell());
            ps.setObject(6, p.community());
            ps.setString(7, key);
            ps.setString(8, details);
            ps.setObject(9, r);
            ps.setObject(10, r.plusHours(2));
            ps.setObject(11, r);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into alert_event (alert_id, from_state, to_state, actor, at) values (?, null, 'OPEN', ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, actor);
            ps.setObject(3, r);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into change_log (entity, entity_id, community_id, path, op)
                select 'ALERT', ?, community_id, path, 'UPSERT' from area_node where id = ?""")) {
            ps.setObject(1, id);
            ps.setObject(2, p.cell());
            ps.executeUpdate();
        }
    }
}
