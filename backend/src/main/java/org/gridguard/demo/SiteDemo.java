package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The demo's central isolation site (燕泉健康驿站, checkpoint BH-C001-GL1, kind QUARANTINE_SITE) guarding the first
 * community: ten rooms (101–104 with two beds, 105–110 with one) and its staff member {@code site1}, assigned to
 * the site (ADR 0032). Deterministic ids from the seed.
 */
final class SiteDemo {

    static final String CODE = "BH-C001-GL1";

    private SiteDemo() {
    }

    static void load(Connection c, DemoCommunity d) throws SQLException {
        UUID community = d.id("BH-C001");
        UUID site = d.id(CODE);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into checkpoint (id, code, name, kind, watched_24h, guards_node_id, community_id)
                values (?, ?, '燕泉健康驿站', 'QUARANTINE_SITE', false, ?, ?) on conflict do nothing""")) {
            ps.setObject(1, site);
            ps.setString(2, CODE);
            ps.setObject(3, community);
            ps.setObject(4, community);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into quarantine_site_room (id, community_id, site_id, number, beds, created_by, updated_by)
                values (?, ?, ?, ?, ?, 'demo', 'demo') on conflict do nothing""")) {
            for (int room = 101; room <= 110; room++) {
                ps.setObject(1, d.id(CODE + "-" + room));
                ps.setObject(2, community);
                ps.setObject(3, site);
                ps.setString(4, Integer.toString(room));
                ps.setInt(5, room <= 104 ? 2 : 1);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into assignment (id, principal, principal_type, role, node_id, site_id, created_by)
                values (?, 'site1', 'USER', 'site-staff', ?, ?, 'demo') on conflict do nothing""")) {
            ps.setObject(1, d.id("assignment:site1:site-staff:" + site));
            ps.setObject(2, community);
            ps.setObject(3, site);
            ps.executeUpdate();
        }
    }
}
