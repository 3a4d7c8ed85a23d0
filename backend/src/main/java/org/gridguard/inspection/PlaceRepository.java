package org.gridguard.inspection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.security.Jurisdiction;

/**
 * The places of the foundation's tables that may be inspected: compounds and buildings ({@code area_node}),
 * checkpoints and isolation sites ({@code checkpoint}), with the area node that gives their reach.
 */
@ApplicationScoped
public class PlaceRepository {

    static final int LIMIT = 50;

    private static final String AREA = """
            select 'AREA', n.id, case when n.kind = 'BUILDING' then concat_ws(' ', p.name, n.name) else n.name end,
                   'COMPOUND', n.id, n.name, n.path
            from area_node n left join area_node p on p.id = n.parent_id
            where n.kind in ('COMPOUND', 'BUILDING')""";
    private static final String CHECKPOINT = """
            select 'CHECKPOINT', c.id, c.name, case when c.kind = 'QUARANTINE_SITE' then 'ISOLATION_SITE' else 'CHECKPOINT' end,
                   an.id, an.name, an.path
            from checkpoint c join area_node an on an.id = c.guards_node_id where 1 = 1""";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** A place with its area node's name and path. */
    record Place(PlaceKind kind, UUID id, String name, PlaceType type, UUID areaId, String areaName, String areaPath) {
        InspectionViews.PlaceView view() {
            return new InspectionViews.PlaceView(kind, id, name, type, areaId, areaName);
        }
    }

    /** The place (AREA or CHECKPOINT) whatever the reach, or null. */
    Place find(PlaceKind kind, UUID id) {
        String sql = (kind == PlaceKind.AREA ? AREA + " and n.id = :id" : CHECKPOINT + " and c.id = :id");
        List<Object[]> rows = Rows.list(em, sql, Map.of("id", id));
        return rows.isEmpty() ? null : place(rows.get(0));
    }

    /** The names of area nodes by id. */
    Map<UUID, String> areaNames(java.util.Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            Rows.list(em, "select id, name from area_node where id = any(cast(:ids as uuid[]))",
                    Map.of("ids", ids.stream().distinct().toArray(UUID[]::new))).forEach(r -> out.put((UUID) r[0], (String) r[1]));
        }
        return out;
    }

    /** Compounds, buildings and checkpoints in the caller's reach whose name contains q, by name. */
    List<Place> search(String q, PlaceType type) {
        Map<String, Object> p = new HashMap<>();
        String reach = "";
        if (!jurisdiction.isGlobal()) {
            reach = " and %s.path like any(cast(:patterns as text[]))";
            p.put("patterns", jurisdiction.likePatterns());
        }
        String name = "";
        if (q != null && !q.isBlank()) {
            name = " and %s.name ilike :q";
            p.put("q", "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        StringBuilder sql = new StringBuilder();
        if (type == null || type == PlaceType.COMPOUND) {
            sql.append("(").append(AREA).append(reach.formatted("n")).append(name.formatted("n")).append(" order by 3 limit ")
                    .append(LIMIT).append(")");
        }
        if (type == null || type == PlaceType.CHECKPOINT || type == PlaceType.ISOLATION_SITE) {
            sql.append(sql.isEmpty() ? "" : " union all ").append("(").append(CHECKPOINT).append(reach.formatted("an"))
                    .append(name.formatted("c"));
            if (type != null) {
                sql.append(type == PlaceType.ISOLATION_SITE ? " and c.kind = 'QUARANTINE_SITE'"
                        : " and c.kind <> 'QUARANTINE_SITE'");
            }
            sql.append(" order by 3 limit ").append(LIMIT).append(")");
        }
        if (sql.isEmpty()) {
            return List.of();
        }
        return Rows.list(em, sql, p).stream().map(PlaceRepository::place).toList();
    }

    private static Place place(Object[] r) {
        return new Place(PlaceKind.valueOf((String) r[0]), (UUID) r[1], (String) r[2], PlaceType.valueOf((String) r[3]),
                (UUID) r[4], (String) r[5], (String) r[6]);
    }
}
