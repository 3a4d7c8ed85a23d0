package org.gridguard.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The demo's supplies: a small catalogue (masks, gloves, disinfectant, thermometers, rice), the first community's
 * office and the KK4 gate as storage places, a donation and a purchase into the office, a transfer to the gate, and a
 * low-stock threshold the gate is under. Written as movements with their lines, so the balances equal the ledger.
 */
final class SupplyDemo {

    record Item(String code, String name, String unit, String unitKind, String category) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("MASK", "医用外科口罩", "只", "COUNT", "PROTECTIVE_EQUIPMENT"),
            new Item("GLOVE", "一次性手套", "副", "COUNT", "PROTECTIVE_EQUIPMENT"),
            new Item("DISINFECT", "84消毒液", "L", "LITRE", "DISINFECTANT"),
            new Item("THERMO", "电子体温计", "支", "COUNT", "MEDICAL"),
            new Item("RICE", "大米", "kg", "KG", "FOOD"));

    private SupplyDemo() {
    }

    static UUID item(DemoCommunity d, String code) {
        return d.id("SUPPLY-ITEM-" + code);
    }

    static void load(Connection c, DemoCommunity d, Instant now) throws SQLException {
        UUID community = d.id("BH-C001");
        UUID office = d.id("SUPPLY-PLACE-OFFICE");
        UUID gate = d.id("SUPPLY-PLACE-KK4");
        UUID kk4 = d.id("BH-C001-KK4");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into supply_item (id, name, unit, unit_kind, category, created_by, created_at)
                values (?, ?, ?, ?, ?, 'demo', ?) on conflict do nothing""")) {
            for (Item i : ITEMS) {
                ps.setObject(1, item(d, i.code()));
                ps.setString(2, i.name());
                ps.setString(3, i.unit());
                ps.setString(4, i.unitKind());
                ps.setString(5, i.category());
                ps.setTimestamp(6, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into supply_place (id, kind, name, area_id, community_id, checkpoint_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, 'demo', ?)
                on conflict do nothing""")) {
            place(ps, office, "COMMUNITY_OFFICE", "燕泉社区居委会物资室", community, null, community, now);
            UUID guarded = d.checkpoints.stream().filter(p -> p.id().equals(kk4)).findFirst().orElseThrow().guardsNodeId();
            place(ps, gate, "CHECKPOINT", "4号卡口物资点", guarded, kk4, community, now);
            ps.executeBatch();
        }
        Instant day = now.minusSeconds(3 * 86400);
        java.util.Map<List<UUID>, BigDecimal> balances = new java.util.LinkedHashMap<>();
        movement(c, d, balances, "DONATION", "DONATION_IN", office, null, day, "燕泉商会", new Object[][] {
                { "MASK", 2000 }, { "GLOVE", 500 }, { "THERMO", 40 } });
        movement(c, d, balances, "PURCHASE", "PURCHASE_IN", office, null, day.plusSeconds(3600), null, new Object[][] {
                { "DISINFECT", new BigDecimal("60.5") }, { "RICE", new BigDecimal("250") } });
        movement(c, d, balances, "TRANSFER", "TRANSFER", office, gate, day.plusSeconds(86400), null, new Object[][] {
                { "MASK", 300 }, { "GLOVE", 80 }, { "DISINFECT", new BigDecimal("10") } });
        try (PreparedStatement ps = c.prepareStatement("""
                insert into supply_balance (place_id, item_id, on_hand, updated_at) values (?, ?, ?, ?)
                on conflict do nothing""")) {
            for (var b : balances.entrySet()) {
                ps.setObject(1, b.getKey().get(0));
                ps.setObject(2, b.getKey().get(1));
                ps.setBigDecimal(3, b.getValue());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into supply_threshold (place_id, item_id, low, updated_by, updated_at) values (?, ?, ?, 'demo', ?)
                on conflict do nothing""")) {
            ps.setObject(1, gate);
            ps.setObject(2, item(d, "GLOVE"));
            ps.setBigDecimal(3, new BigDecimal("100"));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    private static void place(PreparedStatement ps, UUID id, String kind, String name, UUID area, UUID checkpoint,
            UUID community, Instant now) throws SQLException {
        ps.setObject(1, id);
        ps.setString(2, kind);
        ps.setString(3, name);
        ps.setObject(4, area);
        ps.setObject(5, community);
        ps.setObject(6, checkpoint);
        ps.setTimestamp(7, Timestamp.from(now));
        ps.addBatch();
    }

    /** One movement with its lines; the balances it moves are added up in {@code balances}. */
    private static void movement(Connection c, DemoCommunity d, java.util.Map<List<UUID>, BigDecimal> balances, String code, String kind, UUID place, UUID to,
            Instant at, String donor, Object[][] lines) throws SQLException {
        UUID id = d.id("SUPPLY-MOVE-" + code);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into supply_movement (id, kind, place_id, to_place_id, community_id, donor, receipt_number, supplier,
                  actor, at)
                values (?, ?, ?, ?, ?, ?, case when ? is null then null
                  else 'JZ-' || extract(year from cast(? as timestamptz) at time zone 'Asia/Shanghai') || '-'
                    || lpad(cast(nextval('supply_receipt_seq') as text), 6, '0') end, ?, 'supervisor', ?)""")) {
            ps.setObject(1, id);
            ps.setString(2, kind);
            ps.setObject(3, place);
            ps.setObject(4, to);
            ps.setObject(5, d.id("BH-C001"));
            ps.setString(6, donor);
            ps.setObject(7, donor, java.sql.Types.VARCHAR);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setString(9, "PURCHASE_IN".equals(kind) ? "燕泉粮油店" : null);
            ps.setTimestamp(10, Timestamp.from(at));
            ps.executeUpdate();
        }
        int no = 0;
        try (PreparedStatement line = c.prepareStatement("""
                insert into supply_movement_line (movement_id, line_no, place_id, item_id, delta) values (?, ?, ?, ?, ?)""")) {
            for (Object[] l : lines) {
                BigDecimal q = new BigDecimal(l[1].toString());
                UUID item = item(d, (String) l[0]);
                for (Object[] change : to == null ? new Object[][] { { place, q } }
                        : new Object[][] { { place, q.negate() }, { to, q } }) {
                    line.setObject(1, id);
                    line.setInt(2, ++no);
                    line.setObject(3, change[0]);
                    line.setObject(4, item);
                    line.setBigDecimal(5, (BigDecimal) change[1]);
                    line.addBatch();
                    balances.merge(List.of((UUID) change[0], item), (BigDecimal) change[1], BigDecimal::add);
                }
            }
            line.executeBatch();
        }
    }
}
