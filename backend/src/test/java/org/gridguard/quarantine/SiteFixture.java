package org.gridguard.quarantine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.gridguard.testsupport.Demo;

/**
 * Sites and orders for the site tests, written with SQL: until the order API (issue 17, part 1) is merged, an order
 * is a row of quarantine_order. A non-resident person of worker1's cell G01 (zone 1), unique per call.
 */
final class SiteFixture {

    private final DataSource ds;

    SiteFixture(DataSource ds) {
        this.ds = ds;
    }

    static UUID id(String what) {
        return UUID.nameUUIDFromBytes(("site-test-" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** A central isolation site guarding {@code node}, created once. */
    UUID site(String code, UUID node) throws SQLException {
        UUID id = id("site:" + code);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into checkpoint (id, code, name, kind, guards_node_id, community_id)
                values (?, ?, ?, 'QUARANTINE_SITE', ?, ?) on conflict do nothing""")) {
            ps.setObject(1, id);
            ps.setString(2, code);
            ps.setString(3, "隔离点" + code);
            ps.setObject(4, node);
            ps.setObject(5, Demo.COMMUNITY);
            ps.executeUpdate();
        }
        return id;
    }

    /** A new active order of a non-resident of cell G01: {@code kind} at {@code siteId} (null for home orders). */
    UUID order(String kind, UUID siteId) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, person_name,
                    doc_type, doc_hmac, doc_mask, phone_mask, person_key, kind, reason, status, starts_on, ends_on, site_id,
                    created_by, updated_by)
                values (?, ?, 'CHECK', ?, ?, ?, '李四', 'PASSPORT', ?, 'E1****89', '138****0000', ?, ?, 'CLOSE_CONTACT',
                    'ACTIVE', '2035-01-01', '2035-01-14', ?, 'test', 'test')""")) {
            ps.setObject(1, id);
            ps.setString(2, "QTEST-" + id.toString().substring(0, 8));
            ps.setObject(3, Demo.COMMUNITY);
            ps.setObject(4, Demo.CELL1);
            ps.setObject(5, Demo.CELL1);
            ps.setBytes(6, id.toString().getBytes(StandardCharsets.UTF_8));
            ps.setString(7, "TEST:" + id);
            ps.setString(8, kind);
            ps.setObject(9, siteId);
            ps.executeUpdate();
        }
        return id;
    }
}
