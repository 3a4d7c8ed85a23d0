package org.gridguard.quarantine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.Tokens;

/**
 * Orders inserted with SQL (until the core part's order API is merged: then these go through it), visit bodies and
 * database look-ups for the visit tests.
 */
final class VisitFixture {
    private VisitFixture() {
    }

    /** Living residents of a cell, as the cell's leader sees them, from the {@code skip}-th on. */
    static List<String> residents(UUID cell, int skip, int n) {
        String token = cell.equals(Demo.CELL1) ? Tokens.leader1() : Tokens.leader2();
        List<String> all = Api.as(token).get("/api/v1/residents?status=LIVING&limit=" + (skip + n) + "&areaId=" + cell).then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        return all.subList(skip, skip + n);
    }

    /** An order of a resident, in the resident's cell and home. */
    static UUID residentOrder(String residentId, String kind, String status, String startsOn, String endsOn) {
        UUID id = UUID.randomUUID();
        exec("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id, person_key,
                    kind, reason, status, starts_on, ends_on, released_at, created_by, updated_by, created_at)
                select ?, ?, 'CHK', r.community_id, r.grid_cell_id, r.area_id, r.id, 'R:' || r.id, ?, 'CLOSE_CONTACT', ?,
                    cast(? as date), cast(? as date), case when ? = 'ACTIVE' then null else now() end, 'leader1', 'leader1',
                    timestamptz '2000-01-01 00:00:00+00'
                from resident r where r.id = cast(? as uuid)""", id, "QT-" + id.toString().substring(0, 8), kind, status, startsOn,
                endsOn, status, residentId);
        return id;
    }

    /** An order of a non-resident (name and document's HMAC only), homed in a cell. */
    static UUID personOrder(UUID cell, String kind, String startsOn, String endsOn, byte[] docHmac) {
        UUID id = UUID.randomUUID();
        exec("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, person_name, doc_type,
                    doc_hmac, person_key, kind, reason, status, starts_on, ends_on, created_by, updated_by, created_at)
                select ?, ?, 'CHK', n.community_id, n.id, n.id, '隔离人员乙', 'MAINLAND_ID', ?, ?, ?, 'RETURNEE', 'ACTIVE',
                    cast(? as date), cast(? as date), 'leader1', 'leader1', timestamptz '2000-01-01 00:00:00+00'
                from area_node n where n.id = ?""", id, "QT-" + id.toString().substring(0, 8), docHmac,
                "D:" + HexFormat.of().formatHex(docHmac), kind, startsOn, endsOn, cell);
        return id;
    }

    static Map<String, Object> visit(String at, String temperature, String... symptoms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientRef", UUID.randomUUID().toString());
        m.put("visitedAt", at);
        m.put("mode", "DOOR");
        if (temperature != null) {
            m.put("temperature", new java.math.BigDecimal(temperature));
        }
        m.put("symptoms", symptoms.length == 0 ? List.of("NONE") : List.of(symptoms));
        return m;
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    static long count(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void exec(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /** A global webhook subscription to visits' events (its deliveries are counted, never sent anywhere useful). */
    static UUID subscription() {
        UUID id = UUID.randomUUID();
        exec("""
                insert into webhook_subscription (id, owner, global, url, events, secret, created_at)
                values (?, 'admin', true, 'https://hooks.example.com/q', array['quarantine.fever','quarantine.visit_missed'], 'x', now())""",
                id);
        return id;
    }

    static long deliveries(UUID subscription, String type, UUID orderId) {
        return count("select count(*) from webhook_delivery where subscription_id = ? and event_type = ? and body like ?",
                subscription, type, "%" + orderId + "%");
    }
}
