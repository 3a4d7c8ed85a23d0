package org.gridguard.need;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Port;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;

/**
 * The needs register's board as another feature reads it: the open needs in the caller's reach, oldest first (the
 * delivery runs offer them to a leader to group into a run).
 */
@Port
@ApplicationScoped
public class OpenNeeds {

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** The open needs in the caller's reach, within the area at {@code areaPath} if given, oldest first, at most limit. */
    public List<Needs.NeedRef> inReach(String areaPath, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select n.id, n.community_id, n.grid_cell_id, n.area_id, n.household_id, n.resident_id, n.quarantine_order_id,
                       n.kind, n.detail, n.medicine_name, n.medicine_quantity, n.urgency, n.status, n.run_id, n.assigned_to,
                       n.version
                from need n join area_node an on an.id = n.area_id where n.status = 'OPEN'""");
        if (!jurisdiction.isGlobal()) {
            p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
            p.put("patterns", jurisdiction.likePatterns());
            sql.append(" and n.community_id = any(cast(:communities as uuid[])) and an.path like any(cast(:patterns as text[]))");
        }
        if (areaPath != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPath + "%");
        }
        sql.append(" order by n.created_at, n.id limit :lim");
        p.put("lim", limit);
        List<Needs.NeedRef> out = new ArrayList<>();
        for (Object[] r : Rows.list(em, sql, p)) {
            out.add(new Needs.NeedRef((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (UUID) r[4], (UUID) r[5],
                    (UUID) r[6], Needs.Kind.valueOf((String) r[7]), (String) r[8], (String) r[9], (String) r[10],
                    Needs.Urgency.valueOf((String) r[11]), Needs.Status.valueOf((String) r[12]), (UUID) r[13],
                    (String) r[14], ((Number) r[15]).longValue()));
        }
        return out;
    }
}
