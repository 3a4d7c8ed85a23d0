package org.gridguard.quarantine;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.common.Jdbc;

/**
 * MERGE SWAP POINT (issue 17): the lists' one way of writing orders, until the core engineer's
 * {@code QuarantineOrderService.create(...)} is merged; the lead replaces {@link #createOrExtend}'s body with calls to
 * it (keeping it set-based per chunk). Rules (ADR 0036): a person with no active order gets a new one; a person whose
 * active order comes from the same source (case reference, or the source person's order) is a DUPLICATE; any other
 * active order is kept and extended to the later end (never shortened, kind and reason kept), and the item is MATCHED
 * to it. One statement per step for the whole chunk, on the caller's connection and transaction.
 */
@ApplicationScoped
public class QuarantineListOrders {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** An order to create for a matched resident. {@code sourceKey}: the source person's key ('D:' + hex), or null. */
    record NewOrder(int line, UUID residentId, UUID communityId, UUID gridCellId, UUID areaId, String personKey,
            String kind, String reason, String reasonPlace, String caseRef, String sourceKey, LocalDate startsOn,
            LocalDate endsOn) {
    }

    /** What became of it: the order the item is matched to, or a duplicate of. */
    record Written(int line, UUID orderId, String number, boolean duplicate, String note) {
    }

    private record Active(UUID id, String number, String caseRef, UUID sourceOrderId, LocalDate endsOn) {
    }

    /** Creates or extends the orders of one chunk; one answer per order, in the same order. */
    List<Written> createOrExtend(Connection c, List<NewOrder> orders, String actor, LocalDate today)
            throws SQLException {
        Map<String, Active> active = active(c, orders.stream().map(NewOrder::personKey).distinct().toArray(String[]::new));
        Map<String, UUID> sources = sources(c, orders.stream().map(NewOrder::sourceKey).filter(Objects::nonNull)
                .distinct().toArray(String[]::new));
        List<Written> out = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> extensions = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (NewOrder o : orders) {
            UUID source = o.sourceKey() == null ? null : sources.get(o.sourceKey());
            Active a = active.get(o.personKey());
            Integer earlier = taken.putIfAbsent(o.personKey(), o.line());
            if (earlier != null) {
                out.add(new Written(o.line(), null, null, true, "the same person as line " + earlier));
            } else if (a == null) {
                UUID id = UUID.randomUUID();
                inserts.add(new Object[] { id, o, source });
                out.add(new Written(o.line(), id, null, false, null));
            } else if ((o.caseRef() != null && o.caseRef().equals(a.caseRef()))
                    || (source != null && source.equals(a.sourceOrderId()))) {
                out.add(new Written(o.line(), a.id(), a.number(), true,
                        "already on the active order " + a.number() + " of the same source"));
            } else {
                if (o.endsOn().isAfter(a.endsOn())) {
                    extensions.add(new Object[] { a.id(), o.endsOn(), a.endsOn() });
                }
                out.add(new Written(o.line(), a.id(), a.number(), false, null));
            }
        }
        Map<UUID, String> numbers = insert(c, inserts, actor, today);
        extend(c, extensions, actor);
        return out.stream().map(w -> w.number() == null && w.orderId() != null
                ? new Written(w.line(), w.orderId(), numbers.get(w.orderId()), w.duplicate(), w.note()) : w).toList();
    }

    private static Map<String, Active> active(Connection c, String[] keys) throws SQLException {
        Map<String, Active> m = new HashMap<>();
        for (Object[] r : Jdbc.rows(c, """
                select person_key, id, number, source_case_ref, source_order_id, ends_on from quarantine_order
                where status = 'ACTIVE' and person_key = any(?) for update""", (Object) keys)) {
            m.put((String) r[0], new Active((UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                    ((java.sql.Date) r[5]).toLocalDate()));
        }
        return m;
    }

    /** The latest order of each source person (active first). */
    private static Map<String, UUID> sources(Connection c, String[] keys) throws SQLException {
        Map<String, UUID> m = new HashMap<>();
        if (keys.length > 0) {
            for (Object[] r : Jdbc.rows(c, """
                    select distinct on (person_key) person_key, id from quarantine_order where person_key = any(?)
                    order by person_key, status = 'ACTIVE' desc, created_at desc""", (Object) keys)) {
                m.put((String) r[0], (UUID) r[1]);
            }
        }
        return m;
    }

    private static Map<UUID, String> insert(Connection c, List<Object[]> rows, String actor, LocalDate today)
            throws SQLException {
        Map<UUID, String> numbers = new HashMap<>();
        if (rows.isEmpty()) {
            return numbers;
        }
        List<Long> seq = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval('quarantine_order_number_seq') from generate_series(1, ?)")) {
            ps.setInt(1, rows.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seq.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id,
                  person_key, kind, reason, reason_place, source_order_id, source_case_ref, status, starts_on, ends_on,
                  created_by, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)""");
                PreparedStatement ev = c.prepareStatement("""
                        insert into quarantine_order_event (order_id, action, to_status, actor, at, reason)
                        values (?, 'CREATED', 'ACTIVE', ?, now(), 'the health bureau''s list')""")) {
            for (int i = 0; i < rows.size(); i++) {
                UUID id = (UUID) rows.get(i)[0];
                NewOrder o = (NewOrder) rows.get(i)[1];
                String number = "Q" + today.format(DAY) + "-" + seq.get(i);
                numbers.put(id, number);
                Object[] v = { id, number, checkCode(), o.communityId(), o.gridCellId(), o.areaId(), o.residentId(),
                        o.personKey(), o.kind(), o.reason(), o.reasonPlace(), rows.get(i)[2], o.caseRef(), o.startsOn(),
                        o.endsOn(), actor, actor };
                for (int j = 0; j < v.length; j++) {
                    ps.setObject(j + 1, v[j]);
                }
                ps.addBatch();
                ev.setObject(1, id);
                ev.setString(2, actor);
                ev.addBatch();
            }
            ps.executeBatch();
            ev.executeBatch();
        }
        return numbers;
    }

    private static void extend(Connection c, List<Object[]> rows, String actor) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update quarantine_order set ends_on = ?, updated_by = ?, updated_at = now(), version = version + 1
                where id = ?""");
                PreparedStatement ev = c.prepareStatement("""
                        insert into quarantine_order_event (order_id, action, from_status, to_status, actor, at, reason, data)
                        values (?, 'EXTENDED', 'ACTIVE', 'ACTIVE', ?, now(), 'the health bureau''s list',
                          jsonb_build_object('from', cast(? as text), 'to', cast(? as text)))""")) {
            for (Object[] r : rows) {
                ps.setObject(1, r[1]);
                ps.setString(2, actor);
                ps.setObject(3, r[0]);
                ps.addBatch();
                ev.setObject(1, r[0]);
                ev.setString(2, actor);
                ev.setString(3, r[2].toString());
                ev.setString(4, r[1].toString());
                ev.addBatch();
            }
            ps.executeBatch();
            ev.executeBatch();
        }
    }

    private static String checkCode() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
