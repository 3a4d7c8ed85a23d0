package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Quarantine demo data in worker1's cell (G01), so the screens show something: a close contact under home
 * isolation (from an external case), a secondary contact of theirs under home isolation (the chain), a returnee under
 * home monitoring, and, when the community has a QUARANTINE_SITE checkpoint, a close contact in central isolation.
 * Residents 41 to 44 of the cell (clear of the temperature demo and the tests' first residents); dates follow the day of loading.
 */
final class QuarantineDemo {

    private QuarantineDemo() {
    }

    static int load(Connection c, DemoCommunity d, LocalDate today) throws SQLException {
        UUID cell = d.id("BH-C001-G01");
        List<UUID> people = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id from resident where grid_cell_id = ? and status = 'LIVING' order by id offset 40 limit 4")) {
            ps.setObject(1, cell);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    people.add(rs.getObject(1, UUID.class));
                }
            }
        }
        UUID site = null;
        try (PreparedStatement ps = c.prepareStatement(
                "select id from checkpoint where community_id = ? and kind = 'QUARANTINE_SITE' order by code limit 1")) {
            ps.setObject(1, d.id("BH-C001"));
            try (ResultSet rs = ps.executeQuery()) {
                site = rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
        if (people.size() < 4) {
            return 0;
        }
        UUID first = d.id("quarantine:0");
        int n = order(c, first, people.get(0), "HOME_ISOLATION", "CLOSE_CONTACT", null, null, "鄂A-20220405-03", null,
                today.minusDays(3), today.plusDays(10));
        n += order(c, d.id("quarantine:1"), people.get(1), "HOME_ISOLATION", "SECONDARY_CONTACT", null, first, null, null,
                today.minusDays(2), today.plusDays(4));
        n += order(c, d.id("quarantine:2"), people.get(2), "HOME_MONITORING", "RETURNEE", "上海市浦东新区", null, null, null,
                today.minusDays(1), today.plusDays(5));
        if (site != null) {
            n += order(c, d.id("quarantine:3"), people.get(3), "CENTRAL_ISOLATION", "CLOSE_CONTACT", null, null,
                    "鄂A-20220405-03", site, today.minusDays(1), today.plusDays(12));
        }
        return n;
    }

    private static int order(Connection c, UUID id, UUID resident, String kind, String reason, String place, UUID source,
            String caseRef, UUID site, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id, person_key,
                  kind, reason, reason_place, source_order_id, source_case_ref, status, starts_on, ends_on, site_id,
                  created_by, created_at, updated_by, updated_at)
                select ?, 'Q' || to_char(cast(? as date), 'YYYYMMDD') || '-' || nextval('quarantine_order_number_seq'),
                       upper(substr(md5(random()::text), 1, 8)), r.community_id, r.grid_cell_id, r.area_id, r.id,
                       case when r.id_hmac is not null then 'D:' || encode(r.id_hmac, 'hex') else 'R:' || r.id::text end,
                       ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 'leader1', now(), 'leader1', now()
                from resident r where r.id = ? on conflict do nothing""")) {
            ps.setObject(1, id);
            ps.setObject(2, from);
            ps.setString(3, kind);
            ps.setString(4, reason);
            ps.setString(5, place);
            ps.setObject(6, source);
            ps.setString(7, caseRef);
            ps.setObject(8, from);
            ps.setObject(9, to);
            ps.setObject(10, site);
            ps.setObject(11, resident);
            if (ps.executeUpdate() == 0) {
                return 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into quarantine_order_event (order_id, action, from_status, to_status, actor, at, reason)
                values (?, 'CREATED', null, 'ACTIVE', 'leader1', now(), '演示数据')""")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        return 1;
    }
}
