package org.gridguard.quarantine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/** SQL helpers of the quarantine tests: residents without an order, a site, counts. */
final class QuarantineFixture {

    private final DataSource ds;

    QuarantineFixture(DataSource ds) {
        this.ds = ds;
    }

    /**
     * {@code n} living residents of the cell with no quarantine order at all, skipping the first {@code skip} of them
     * after the cell's first 100 (which the temperature tests and the demo use).
     */
    List<String> freeResidents(UUID cell, int skip, int n) {
        List<String> out = new ArrayList<>();
        query("""
                select cast(r.id as text) from resident r where r.grid_cell_id = ? and r.status = 'LIVING'
                  and not exists (select 1 from quarantine_order o where o.resident_id = r.id)
                order by r.id offset ? limit ?""", rs -> out.add(rs.getString(1)), cell, 100 + skip, n);
        return out;
    }

    /** A checkpoint of the kind guarding the node (QUARANTINE_SITE: a central isolation site). */
    UUID checkpoint(String code, String kind, UUID guards, UUID community) {
        UUID id = UUID.nameUUIDFromBytes(("quarantine-test-" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        update("""
                insert into checkpoint (id, code, name, kind, guards_node_id, community_id) values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""", id, code, "测试" + code, kind, guards, community);
        return id;
    }

    long count(String sql, Object... args) {
        long[] n = new long[1];
        query(sql, rs -> n[0] = rs.getLong(1), args);
        return n[0];
    }

    void update(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    void query(String sql, Row row, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
