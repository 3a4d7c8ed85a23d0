package org.gridguard.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;
import org.gridguard.supply.SupplyViews.Category;
import org.gridguard.supply.SupplyViews.ItemView;
import org.gridguard.supply.SupplyViews.PlaceKind;
import org.gridguard.supply.SupplyViews.PlaceView;
import org.gridguard.supply.SupplyViews.UnitKind;

/**
 * Every query of the catalogue, the places, the thresholds and the balances, with the caller's reach applied here:
 * a place is in reach when it stands within the caller's nodes or on a node above one of them (the community office
 * serves the whole community), ADR 0039.
 */
@ApplicationScoped
public class SupplyRepository {

    static final String PLACE = "Storage place";
    static final String ITEM = "Supply item";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** A place and the path of its area node. */
    record Place(PlaceView view, String path) {
        UUID id() {
            return view.id();
        }
    }

    /** An area node: its path, its community and its name. */
    record Node(UUID id, String path, UUID communityId, String name) {
    }

    private static final String PLACE_SELECT = """
            select p.id, p.kind, p.name, p.area_id, an.name, p.community_id, p.checkpoint_id, p.version, an.path
            from supply_place p join area_node an on an.id = p.area_id""";

    private static Place place(Object[] r) {
        return new Place(new PlaceView((UUID) r[0], PlaceKind.valueOf((String) r[1]), (String) r[2], (UUID) r[3],
                (String) r[4], (UUID) r[5], (UUID) r[6], ((Number) r[7]).longValue()), (String) r[8]);
    }

    /** The place if the caller reaches it, else 404 "Storage place" (never "403: it exists"). */
    Place visiblePlace(UUID id) {
        List<Object[]> rows = Rows.list(em, PLACE_SELECT + " where p.id = :id", Map.of("id", id));
        if (rows.isEmpty() || !jurisdiction.overlaps((String) rows.get(0)[8])) {
            throw ApiProblem.notFound(PLACE);
        }
        return place(rows.get(0));
    }

    /** The places in the caller's reach, by name; within {@code areaPath} when given. */
    List<PlaceView> places(String areaPath) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(PLACE_SELECT).append(" where 1 = 1");
        reach(sql, p);
        if (areaPath != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPath + "%");
        }
        sql.append(" order by p.name, p.id");
        return Rows.list(em, sql, p).stream().map(r -> place(r).view()).toList();
    }

    /** Adds the reach of places to a query over {@code an} (the place's node): within or above the caller's nodes. */
    void reach(StringBuilder sql, Map<String, Object> p) {
        if (jurisdiction.isGlobal()) {
            return;
        }
        sql.append(" and (an.path like any(cast(:patterns as text[])) or an.path = any(cast(:above as text[])))");
        p.put("patterns", jurisdiction.likePatterns());
        p.put("above", ancestorPaths(jurisdiction.pathPrefixes()).toArray(String[]::new));
    }

    /** Every path on the way down to each of the given paths: "/a/b/" gives "/a/" and "/a/b/". */
    static Set<String> ancestorPaths(Collection<String> paths) {
        Set<String> out = new LinkedHashSet<>();
        for (String path : paths) {
            int i = path.indexOf('/', 1);
            while (i > 0) {
                out.add(path.substring(0, i + 1));
                i = path.indexOf('/', i + 1);
            }
        }
        return out;
    }

    Node node(UUID id) {
        return firstNode("select id, path, community_id, name from area_node where id = :id", id);
    }

    /** The node a checkpoint guards, or null when there is no such checkpoint. */
    Node checkpointNode(UUID checkpointId) {
        return firstNode("""
                select an.id, an.path, c.community_id, c.name from checkpoint c join area_node an on an.id = c.guards_node_id
                where c.id = :id""", checkpointId);
    }

    private Node firstNode(String sql, UUID id) {
        return Rows.list(em, sql, Map.of("id", id)).stream()
                .map(r -> new Node((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3])).findFirst().orElse(null);
    }

    /** Runs an insert or update with positional parameters ?1, ?2 …; the number of rows it changed. */
    private int update(String sql, Object... values) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < values.length; i++) {
            q.setParameter(i + 1, values[i]);
        }
        return q.executeUpdate();
    }

    boolean anyPlaceOn(UUID areaId) {
        return !Rows.list(em, "select id, 0 from supply_place where area_id = :area limit 1", Map.of("area", areaId))
                .isEmpty();
    }

    void insertPlace(PlaceView v, String actor, Instant at) {
        update("""
                insert into supply_place (id, kind, name, area_id, community_id, checkpoint_id, created_by, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""", v.id(), v.kind().name(), v.name(), v.areaId(), v.communityId(),
                v.checkpointId(), actor, at);
    }

    // ---- the catalogue

    private static final String ITEM_SELECT = "select id, name, unit, unit_kind, category, active, version from supply_item";

    private static ItemView item(Object[] r) {
        return new ItemView((UUID) r[0], (String) r[1], (String) r[2], UnitKind.valueOf((String) r[3]),
                Category.valueOf((String) r[4]), (Boolean) r[5], ((Number) r[6]).longValue());
    }

    List<ItemView> items(boolean activeOnly) {
        return Rows.list(em, ITEM_SELECT + (activeOnly ? " where active" : "") + " order by category, name", Map.of())
                .stream().map(SupplyRepository::item).toList();
    }

    /** The items of the given ids that exist, by id. */
    Map<UUID, ItemView> items(Collection<UUID> ids) {
        Map<UUID, ItemView> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object[] r : Rows.list(em, ITEM_SELECT + " where id = any(cast(:ids as uuid[]))",
                Map.of("ids", ids.toArray(UUID[]::new)))) {
            out.put((UUID) r[0], item(r));
        }
        return out;
    }

    ItemView item(UUID id) {
        ItemView v = items(List.of(id)).get(id);
        if (v == null) {
            throw ApiProblem.notFound(ITEM);
        }
        return v;
    }

    boolean nameTaken(String name, UUID except) {
        return !Rows.list(em, "select id from supply_item where lower(name) = lower(:name) and id <> :except",
                Map.of("name", name, "except", except)).isEmpty();
    }

    void insertItem(ItemView v, String actor, Instant at) {
        update("""
                insert into supply_item (id, name, unit, unit_kind, category, active, created_by, created_at)
                values (?1, ?2, ?3, ?4, ?5, true, ?6, ?7)""", v.id(), v.name(), v.unit(), v.unitKind().name(),
                v.category().name(), actor, at);
    }

    /** Updates an item at the version the client saw; false when it has moved on. */
    boolean updateItem(UUID id, long version, String name, String unit, Category category, boolean active) {
        return update("""
                update supply_item set name = ?1, unit = ?2, category = ?3, active = ?4, version = version + 1
                where id = ?5 and version = ?6""", name, unit, category.name(), active, id, version) == 1;
    }

    // ---- balances and thresholds

    /** Puts stock in: the balance row is created or raised. */
    void add(UUID placeId, UUID itemId, BigDecimal q, Instant at) {
        update("""
                insert into supply_balance (place_id, item_id, on_hand, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (place_id, item_id) do update set on_hand = supply_balance.on_hand + excluded.on_hand,
                  updated_at = excluded.updated_at""", placeId, itemId, q, at);
    }

    /**
     * Takes stock out in one conditional update: the row is locked by the update, a concurrent taker waits and then
     * re-reads the committed quantity (ADR 0039). False, changing nothing, when there is not enough.
     */
    boolean take(UUID placeId, UUID itemId, BigDecimal q, Instant at) {
        return update("""
                update supply_balance set on_hand = on_hand - ?3, updated_at = ?4
                where place_id = ?1 and item_id = ?2 and on_hand >= ?3""", placeId, itemId, q, at) == 1;
    }

    BigDecimal onHand(UUID placeId, UUID itemId) {
        List<Object[]> rows = Rows.list(em, """
                select on_hand, 0 from supply_balance where place_id = :place and item_id = :item""",
                Map.of("place", placeId, "item", itemId));
        return rows.isEmpty() ? BigDecimal.ZERO : (BigDecimal) rows.get(0)[0];
    }

    /** The quantity on hand, the row locked until the end of the transaction (a stocktake counts against it). */
    BigDecimal lockOnHand(UUID placeId, UUID itemId, Instant at) {
        add(placeId, itemId, BigDecimal.ZERO, at);
        return (BigDecimal) em.createNativeQuery(
                "select on_hand from supply_balance where place_id = ?1 and item_id = ?2 for update")
                .setParameter(1, placeId).setParameter(2, itemId).getSingleResult();
    }

    /** What a place holds: every item with stock or a threshold there, by category and name. */
    List<SupplyViews.StockLine> stock(UUID placeId) {
        List<SupplyViews.StockLine> out = new ArrayList<>();
        for (Object[] r : Rows.list(em, """
                select i.id, i.name, i.unit, i.unit_kind, i.category, i.active, i.version, coalesce(b.on_hand, 0), t.low
                from supply_item i
                left join supply_balance b on b.item_id = i.id and b.place_id = :place
                left join supply_threshold t on t.item_id = i.id and t.place_id = :place
                where b.place_id is not null or t.place_id is not null
                order by i.category, i.name""", Map.of("place", placeId))) {
            ItemView i = item(r);
            BigDecimal onHand = (BigDecimal) r[7];
            BigDecimal low = (BigDecimal) r[8];
            out.add(new SupplyViews.StockLine(i.id(), i.name(), i.unit(), i.unitKind(), i.category(), onHand, low,
                    SupplyRules.low(onHand, low)));
        }
        return out;
    }

    void setThreshold(UUID placeId, UUID itemId, BigDecimal low, String actor, Instant at) {
        update("""
                insert into supply_threshold (place_id, item_id, low, updated_by, updated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (place_id, item_id) do update set low = excluded.low, updated_by = excluded.updated_by,
                  updated_at = excluded.updated_at""", placeId, itemId, low, actor, at);
    }
}
