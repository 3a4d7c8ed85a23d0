package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Disinfection demo data (消杀): the default schedule (08:00 and 16:00, 60 minutes either side) of every compound and
 * every checkpoint of the demo community, from the load on; and the rounds of yesterday (both slots) and of this
 * morning, once passed, at the compounds of worker1's cell (G01), so the log shows records.
 */
final class DisinfectionDemo {

    private DisinfectionDemo() {
    }

    static int load(Connection c, DemoCommunity d, Instant now, ZoneId zone) throws SQLException {
        Timestamp at = Timestamp.from(now);
        int n;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into disinfection_schedule (id, community_id, place_kind, place_id, place_name, area_id, times,
                  tolerance_minutes, note, created_by, created_at, updated_by, updated_at)
                select cast(md5('disinfection:' || p.id) as uuid), p.community_id, p.kind, p.id, p.name, p.area_id,
                       '08:00,16:00', 60, '公共区域每日两次消杀', 'leader1', ?, 'leader1', ?
                from (select 'AREA' as kind, n.id, n.name, n.id as area_id, n.community_id from area_node n
                      where n.kind = 'COMPOUND' and n.community_id = ?
                      union all
                      select 'CHECKPOINT', k.id, k.name, k.guards_node_id, k.community_id from checkpoint k
                      where k.community_id = ?) p
                on conflict do nothing""")) {
            ps.setTimestamp(1, at);
            ps.setTimestamp(2, at);
            ps.setObject(3, d.id("BH-C001"));
            ps.setObject(4, d.id("BH-C001"));
            n = ps.executeUpdate();
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        round(c, d, ZonedDateTime.of(today.minusDays(1), LocalTime.of(8, 10), zone).toInstant());
        round(c, d, ZonedDateTime.of(today.minusDays(1), LocalTime.of(16, 20), zone).toInstant());
        Instant morning = ZonedDateTime.of(today, LocalTime.of(8, 5), zone).toInstant();
        if (morning.isBefore(now)) {
            round(c, d, morning);
        }
        return n;
    }

    /** A round at every compound of cell G01 with a schedule, by worker1. */
    private static void round(Connection c, DemoCommunity d, Instant doneAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into disinfection_round (id, community_id, place_kind, place_id, place_name, area_id, schedule_id,
                  done_at, area_m2, agent, concentration_mg_l, note, recorded_by, recorded_at)
                select cast(md5('disinfection-round:' || s.id || ?) as uuid), s.community_id, s.place_kind, s.place_id,
                       s.place_name, s.area_id, s.id, ?, 1500, '含氯消毒剂 84', 500, null, 'worker1', ?
                from disinfection_schedule s join area_node n on n.id = s.area_id join area_node cell on cell.id = ?
                where s.place_kind = 'AREA' and n.path like cell.path || '%'
                on conflict do nothing""")) {
            Timestamp at = Timestamp.from(doneAt);
            ps.setString(1, doneAt.toString());
            ps.setTimestamp(2, at);
            ps.setTimestamp(3, at);
            ps.setObject(4, d.id("BH-C001-G01"));
            ps.executeUpdate();
        }
    }
}
