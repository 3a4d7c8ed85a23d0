package org.gridguard.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;
import org.gridguard.supply.SupplyViews.IssuedTo;
import org.gridguard.supply.SupplyViews.LineView;
import org.gridguard.supply.SupplyViews.MovementKind;
import org.gridguard.supply.SupplyViews.MovementView;

/**
 * Every query of the append-only ledger ({@code supply_movement} and its lines). The reach of a movement is the
 * reach of its places: the service hands the ids of the places the caller reaches (null for an admin).
 */
@ApplicationScoped
public class LedgerRepository {

    @Inject
    EntityManager em;

    /** One signed change of an item at a place; a stocktake line also carries what was counted. */
    record Change(UUID placeId, UUID itemId, BigDecimal delta, BigDecimal counted) {
    }

    /** What a ledger list is filtered on; null fields filter nothing; {@code places} null = every place. */
    record Filter(UUID[] places, UUID placeId, UUID itemId, MovementKind kind, Instant from, Instant to) {
    }

    long nextReceipt() {
        return ((Number) em.createNativeQuery("select nextval('supply_receipt_seq')").getSingleResult()).longValue();
    }

    /** Writes the movement (the view's names and lines are not stored: they come from its lines and places). */
    void insert(MovementView m, UUID communityId) {
        Object[] values = { m.id(), m.kind().name(), m.placeId(), m.toPlaceId(), communityId,
                m.issuedTo() == null ? null : m.issuedTo().name(), m.toCheckpointId(), m.toPerson(), m.runId(), m.needId(),
                m.householdId(), m.donor(), m.receiptNumber(), m.supplier(), m.reference(), m.reason(), m.note(),
                m.correctsId(), m.actor(), m.at() };
        var q = em.createNativeQuery("""
                insert into supply_movement (id, kind, place_id, to_place_id, community_id, issued_to, to_checkpoint_id,
                  to_person, run_id, need_id, household_id, donor, receipt_number, supplier, reference, reason, note,
                  corrects_id, actor, at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)""");
        for (int i = 0; i < values.length; i++) {
            q.setParameter(i + 1, values[i]);
        }
        q.executeUpdate();
    }

    void insertLines(UUID movementId, List<Change> changes) {
        var q = em.createNativeQuery("""
                insert into supply_movement_line (movement_id, line_no, place_id, item_id, delta, counted)
                values (?1, ?2, ?3, ?4, ?5, ?6)""");
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            q.setParameter(1, movementId).setParameter(2, i + 1).setParameter(3, c.placeId()).setParameter(4, c.itemId())
                    .setParameter(5, c.delta()).setParameter(6, c.counted()).executeUpdate();
        }
    }

    boolean exists(UUID movementId) {
        return !Rows.list(em, "select id, 0 from supply_movement where id = :id", Map.of("id", movementId)).isEmpty();
    }

    private static final String SELECT = """
            select m.id, m.kind, m.place_id, p.name, m.to_place_id, tp.name, m.issued_to, m.to_checkpoint_id, m.to_person,
              m.run_id, m.need_id, m.household_id, m.donor, m.receipt_number, m.supplier, m.reference, m.reason, m.note,
              m.corrects_id, m.actor, m.at
            from supply_movement m join supply_place p on p.id = m.place_id
            left join supply_place tp on tp.id = m.to_place_id""";

    /** The movement if one of its places is among {@code places} (null = any), with its lines; else null. */
    MovementView one(UUID id, UUID[] places) {
        List<MovementView> list = page(new Filter(places, null, null, null, null, null), null, null, 1, id);
        return list.isEmpty() ? null : list.get(0);
    }

    /** Newest first, keyset-paged after ({@code afterAt}, {@code afterId}). */
    List<MovementView> page(Filter f, Instant afterAt, UUID afterId, int limit) {
        return page(f, afterAt, afterId, limit, null);
    }

    private List<MovementView> page(Filter f, Instant afterAt, UUID afterId, int limit, UUID only) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        where(sql, p, f);
        if (only != null) {
            sql.append(" and m.id = :only");
            p.put("only", only);
        }
        if (afterAt != null) {
            sql.append(" and (m.at, m.id) < (:afterAt, :afterId)");
            p.put("afterAt", afterAt);
            p.put("afterId", afterId);
        }
        sql.append(" order by m.at desc, m.id desc limit :lim");
        p.put("lim", limit);
        List<Object[]> rows = Rows.list(em, sql, p);
        Map<UUID, List<LineView>> lines = lines(rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new));
        return rows.stream().map(r -> view(r, lines.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    private static void where(StringBuilder sql, Map<String, Object> p, Filter f) {
        if (f.places() != null) {
            sql.append(" and (m.place_id = any(cast(:places as uuid[])) or m.to_place_id = any(cast(:places as uuid[])))");
            p.put("places", f.places());
        }
        if (f.placeId() != null) {
            sql.append(" and (m.place_id = :place or m.to_place_id = :place)");
            p.put("place", f.placeId());
        }
        if (f.itemId() != null) {
            sql.append(" and exists (select 1 from supply_movement_line l where l.movement_id = m.id and l.item_id = :item)");
            p.put("item", f.itemId());
        }
        if (f.kind() != null) {
            sql.append(" and m.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.from() != null) {
            sql.append(" and m.at >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and m.at < :to");
            p.put("to", f.to());
        }
    }

    private Map<UUID, List<LineView>> lines(UUID[] movementIds) {
        Map<UUID, List<LineView>> out = new HashMap<>();
        if (movementIds.length == 0) {
            return out;
        }
        for (Object[] r : Rows.list(em, """
                select l.movement_id, l.place_id, l.item_id, i.name, i.unit, l.delta, l.counted
                from supply_movement_line l join supply_item i on i.id = l.item_id
                where l.movement_id = any(cast(:ids as uuid[])) order by l.movement_id, l.line_no""",
                Map.of("ids", movementIds))) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new LineView((UUID) r[1], (UUID) r[2],
                    (String) r[3], (String) r[4], (BigDecimal) r[5], (BigDecimal) r[6]));
        }
        return out;
    }

    /** A row of {@link #SELECT}, read column after column. */
    private static MovementView view(Object[] row, List<LineView> lines) {
        java.util.Iterator<Object> c = java.util.Arrays.asList(row).iterator();
        UUID id = (UUID) c.next();
        MovementKind kind = MovementKind.valueOf((String) c.next());
        UUID place = (UUID) c.next();
        String placeName = (String) c.next();
        UUID to = (UUID) c.next();
        String toName = (String) c.next();
        String issued = (String) c.next();
        return new MovementView(id, kind, place, placeName, to, toName, issued == null ? null : IssuedTo.valueOf(issued),
                (UUID) c.next(), (String) c.next(), (UUID) c.next(), (UUID) c.next(), (UUID) c.next(), (String) c.next(),
                (String) c.next(), (String) c.next(), (String) c.next(), (String) c.next(), (String) c.next(),
                (UUID) c.next(), (String) c.next(), Rows.instant(c.next()), lines);
    }

    /** Per category: on hand now, and issued in [from, to), over the places within {@code areaPath} (null = all). */
    Map<String, BigDecimal[]> figures(String areaPath, Instant from, Instant to) {
        Map<String, BigDecimal[]> out = new LinkedHashMap<>();
        for (SupplyViews.Category c : SupplyViews.Category.values()) {
            out.put(c.name(), new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
        }
        Map<String, Object> p = new HashMap<>();
        p.put("area", areaPath == null ? "%" : areaPath + "%");
        for (Object[] r : Rows.list(em, """
                select i.category, sum(b.on_hand) from supply_balance b join supply_item i on i.id = b.item_id
                join supply_place sp on sp.id = b.place_id join area_node an on an.id = sp.area_id
                where an.path like :area group by i.category""", p)) {
            out.get((String) r[0])[0] = (BigDecimal) r[1];
        }
        p.put("from", from);
        p.put("to", to);
        for (Object[] r : Rows.list(em, """
                select i.category, -sum(l.delta) from supply_movement m join supply_movement_line l on l.movement_id = m.id
                join supply_item i on i.id = l.item_id
                join supply_place sp on sp.id = m.place_id join area_node an on an.id = sp.area_id
                where m.kind = 'ISSUE_OUT' and m.at >= :from and m.at < :to and an.path like :area
                group by i.category""", p)) {
            out.get((String) r[0])[1] = (BigDecimal) r[1];
        }
        return out;
    }
}
