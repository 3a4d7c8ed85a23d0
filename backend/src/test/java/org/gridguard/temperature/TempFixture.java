package org.gridguard.temperature;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.Tokens;

/** Readings, residents and direct database look-ups shared by the temperature tests. */
final class TempFixture {
    private TempFixture() {
    }

    /** KK4 guards a compound of worker1's cell G01; KK1 guards the whole community. */
    static final UUID KK4 = Demo.id("BH-C001-KK4");
    static final UUID KK1 = Demo.id("BH-C001-KK1");
    static final UUID WORKER2_PERSON = Demo.id("BH-C001-P05");

    /** The first residents of a cell, as the cell's leader sees them. */
    static List<String> residents(UUID cell, int n) {
        String token = cell.equals(Demo.CELL1) ? Tokens.leader1() : Tokens.leader2();
        return Api.as(token).get("/api/v1/residents?status=LIVING&limit=" + n + "&areaId=" + cell).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    static Map<String, Object> gate(UUID checkpoint, String residentId, String temperature, OffsetDateTime at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID().toString());
        m.put("checkpointId", checkpoint.toString());
        m.put("source", "GATE");
        m.put("direction", "IN");
        m.put("measuredAt", at.toString());
        m.put("temperature", new java.math.BigDecimal(temperature));
        m.put("residentId", residentId);
        return m;
    }

    static Map<String, Object> report(String residentId, String temperature, OffsetDateTime at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID().toString());
        m.put("source", "PHONE");
        m.put("measuredAt", at.toString());
        m.put("temperature", new java.math.BigDecimal(temperature));
        m.put("residentId", residentId);
        return m;
    }

    static Map<String, Object> visitor(UUID checkpoint, String temperature, OffsetDateTime at, String doc, String phone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID().toString());
        m.put("checkpointId", checkpoint.toString());
        m.put("source", "GATE");
        m.put("direction", "IN");
        m.put("measuredAt", at.toString());
        m.put("temperature", new java.math.BigDecimal(temperature));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "访客甲");
        if (doc != null) {
            v.put("documentType", "MAINLAND_ID");
            v.put("documentNumber", doc);
        }
        if (phone != null) {
            v.put("phone", phone);
        }
        v.put("fromPlace", "长沙市");
        v.put("reason", "探亲");
        m.put("visitor", v);
        return m;
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    static long count(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
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
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
