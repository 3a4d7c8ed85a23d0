package org.gridguard.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gridguard.area.AreaKind;
import org.gridguard.report.DashboardTiles.Tile;
import org.gridguard.report.DashboardTiles.Viewer;

/**
 * Plain JDBC for the daily-report section tests: the figures they expect are counted here, by queries of their
 * own, straight from the tables (never through the section's statement), and rows a test must back-date are
 * written here.
 */
public final class SectionSql {

    public static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private SectionSql() {
    }

    public static long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
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

    public static void exec(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The materialised path of an area node. */
    public static String path(UUID node) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select path from area_node where id = ?")) {
            ps.setObject(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of a node's parent (the demo community's: its street). */
    public static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
    }

    /** Midnight at the start of a day in Asia/Shanghai. */
    public static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(CST);
    }

    /** Midnight at the end of a day in Asia/Shanghai. */
    public static OffsetDateTime end(LocalDate day) {
        return start(day.plusDays(1));
    }

    /** A time of a day in Asia/Shanghai, "HH:mm". */
    public static OffsetDateTime at(LocalDate day, String time) {
        return OffsetDateTime.parse(day + "T" + time + ":00+08:00");
    }

    /** A viewer of the dashboard of a node as the given user and role, at the test clock's now. */
    public static Viewer viewer(String user, String role, UUID node, AreaKind kind, LocalDate today) {
        return new Viewer(user, Set.of(role), node, path(node), kind, today, TestClock.instantNow());
    }

    /** Tiles by key. */
    public static Map<String, Tile> byKey(java.util.List<Tile> tiles) {
        java.util.Map<String, Tile> out = new java.util.LinkedHashMap<>();
        tiles.forEach(t -> out.put(t.key(), t));
        return out;
    }
}
