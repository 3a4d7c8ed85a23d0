package org.gridguard.quarantine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridguard.testsupport.PostgresResource;

/**
 * Quarantine orders put straight into the database, until the core's order API is merged (then these become API
 * calls): an active home order for a resident, an order released, residents living where a checkpoint guards.
 */
public final class BreachOrders {
    private BreachOrders() {
    }

    /** Puts the resident under an active order of this kind, releasing one they had; answers the order's id. */
    public static UUID activeOrder(UUID residentId, String kind) {
        release("R:" + residentId);
        UUID id = UUID.randomUUID();
        exec("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id, person_key,
                    kind, reason, status, starts_on, ends_on, site_id, created_by, updated_by)
                select ?, 'QT-' || substr(md5(random()::text), 1, 10), 'CHECK', r.community_id, r.grid_cell_id, r.area_id, r.id,
                    'R:' || r.id, ?, 'CLOSE_CONTACT', 'ACTIVE', current_date - 2, current_date + 12,
                    case when ? = 'CENTRAL_ISOLATION' then (select id from checkpoint limit 1) end, 'leader1', 'leader1'
                from resident r where r.id = ?""", id, kind, kind, residentId);
        return id;
    }

    /** An active order of a non-resident (name and a document's keyed hash only), living in the resident's place. */
    public static UUID nonResidentOrder(UUID sameAreaAsResident) {
        UUID id = UUID.randomUUID();
        exec("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, person_name, doc_type,
                    doc_hmac, person_key, kind, reason, status, starts_on, ends_on, created_by, updated_by)
                select ?, 'QT-' || substr(md5(random()::text), 1, 10), 'CHECK', r.community_id, r.grid_cell_id, r.area_id, '外来甲',
                    'PASSPORT', decode(md5(?), 'hex'), 'D:' || md5(?), 'HOME_ISOLATION', 'RETURNEE', 'ACTIVE', current_date,
                    current_date + 7, 'leader1', 'leader1'
                from resident r where r.id = ?""", id, id.toString(), id.toString(), sameAreaAsResident);
        return id;
    }

    /** Releases the order(s) of a person key. */
    public static void release(String personKey) {
        exec("update quarantine_order set status = 'RELEASED', released_at = now() where person_key = ? and status = 'ACTIVE'",
                personKey);
    }

    /** Releases an order by id. */
    public static void releaseOrder(UUID id) {
        exec("update quarantine_order set status = 'RELEASED', released_at = now() where id = ? and status = 'ACTIVE'", id);
    }

    /** Living residents under the area a checkpoint guards, by id: resident id, household id. */
    public static List<UUID[]> residentsGuardedBy(UUID checkpointId, int n) {
        List<UUID[]> out = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                select r.id, r.household_id from resident r join area_node an on an.id = r.area_id
                join checkpoint cp on cp.id = ? join area_node g on g.id = cp.guards_node_id
                where an.path like g.path || '%' and r.status = 'LIVING' order by r.id limit ?""")) {
            ps.setObject(1, checkpointId);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) });
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static long count(String sql, Object... args) {
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

    public static void exec(String sql, Object... args) {
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

    static Connection db() throws SQLException {
        return DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
    }
}
