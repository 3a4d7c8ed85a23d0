package org.gridguard.quarantine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.census.CensusPlaces.Place;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Jdbc;
import org.gridguard.quarantine.ListItemRules.Checked;
import org.gridguard.quarantine.ListItemRules.Rejected;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.PiiCipher;

/** The job's side of the lists: the list as sent, its status, and its items' outcomes (plain JDBC, no request). */
@ApplicationScoped
public class QuarantineListRepository {

    @Inject
    DataSource ds;
    @Inject
    PiiCipher pii;

    record ListRow(UUID id, String owner, UUID communityId, UUID areaId, String areaPath, String format,
            byte[] payload, int itemCount) {
    }

    /** An item's outcome, ready to write; {@code item} is null for a rejected one. */
    record Outcome(int line, UUID communityId, UUID areaId, UUID gridCellId, String outcome, String field,
            String problem, UUID orderId, UUID residentId, Checked item, String name) {

        static Outcome rejected(ListRow l, Rejected r) {
            return new Outcome(r.line(), l.communityId(), l.areaId(), null, "REJECTED", r.field(), r.problem(), null,
                    null, null, null);
        }

        static Outcome of(ListRow l, Checked c, Place p, String outcome, String problem) {
            return new Outcome(c.line(), l.communityId(), p == null ? l.areaId() : p.areaId(),
                    p == null ? null : p.gridCellId(), outcome, null, problem, null, null, c, c.name());
        }

        Outcome withOrder(UUID order, UUID resident, UUID area, UUID cell) {
            return new Outcome(line, communityId, area, cell, outcome, field, problem, order, resident, item, name);
        }
    }

    ListRow load(UUID id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select l.owner, l.community_id, l.area_id, a.path, l.format, l.payload, l.item_count
                from quarantine_list l join area_node a on a.id = l.area_id where l.id = ?""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiProblem.notFound("Quarantine list");
                }
                return new ListRow(id, rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getInt(7));
            }
        }
    }

    void start(UUID id) throws SQLException {
        update("update quarantine_list set status = 'RUNNING' where id = ?", id);
    }

    /** The list's end: its status, and the list as sent forgotten (its items hold what is kept). */
    void finish(UUID id, String status, String error) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update quarantine_list set status = ?, error = ?, finished_at = now(),
                  payload = case when ? = 'DONE' then null else payload end where id = ?""")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setString(3, status);
            ps.setObject(4, id);
            ps.executeUpdate();
        }
    }

    private void update(String sql, UUID id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    Set<Integer> decidedLines(UUID id) throws SQLException {
        Set<Integer> lines = new HashSet<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select line from quarantine_list_item where list_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getInt(1));
                }
            }
        }
        return lines;
    }

    /** Items per outcome. */
    Map<String, Long> counts(UUID id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return counts(c, id);
        }
    }

    static Map<String, Long> counts(Connection c, UUID id) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String o : List.of("MATCHED", "UNMATCHED", "DUPLICATE", "REJECTED")) {
            m.put(o, 0L);
        }
        for (Object[] r : Jdbc.rows(c, "select outcome, count(*) from quarantine_list_item where list_id = ? group by outcome",
                id)) {
            m.put((String) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }

    /** Writes the outcomes of a chunk (one batch); an item written already is left as it is. */
    void saveItems(Connection c, UUID listId, List<Outcome> items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into quarantine_list_item (id, list_id, line, community_id, area_id, grid_cell_id, outcome, field,
                  problem, order_id, resident_id, person_name, doc_type, doc_cipher, doc_hmac, doc_mask, phone_cipher,
                  phone_hmac, phone_mask, compound, building, door, kind, reason, reason_place, source_case_ref,
                  starts_on, ends_on, worklist_status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (list_id, line) do nothing""")) {
            for (Outcome o : items) {
                Checked i = o.item();
                boolean keep = i != null;
                Object[] v = { UUID.randomUUID(), listId, o.line(), o.communityId(), o.areaId(), o.gridCellId(),
                        o.outcome(), o.field(), o.problem(), o.orderId(), o.residentId(), o.name(),
                        keep && i.docType() != null ? i.docType().name() : null,
                        keep ? pii.encrypt(i.docNumber()) : null, keep ? i.docHmac() : null,
                        keep ? IdentityRules.maskDocument(i.docType(), i.docNumber()) : null,
                        keep ? pii.encrypt(i.phone()) : null, keep ? i.phoneHmac() : null,
                        keep ? IdentityRules.maskPhone(i.phone()) : null, keep ? i.compound() : null,
                        keep ? i.building() : null, keep ? i.door() : null, keep ? i.kind() : null,
                        keep ? i.reason() : null, keep ? i.place() : null, keep ? i.caseRef() : null,
                        keep ? i.startsOn() : null, keep ? i.endsOn() : null,
                        "UNMATCHED".equals(o.outcome()) ? "OPEN" : null };
                for (int j = 0; j < v.length; j++) {
                    ps.setObject(j + 1, v[j]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
