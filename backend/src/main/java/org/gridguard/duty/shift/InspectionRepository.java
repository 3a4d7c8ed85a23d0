package org.gridguard.duty.shift;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Cursor;
import org.gridguard.duty.DutyScope;

/**
 * Every query of spot inspections (duty_inspection). An inspection belongs to its checkpoint's guarded node: the
 * caller sees the inspections of the posts in their jurisdiction.
 */
@ApplicationScoped
public class InspectionRepository {

    @Inject
    EntityManager em;
    @Inject
    DutyScope scope;

    void add(UUID id, DutyScope.Post post, Instant at, String inspector, int present, boolean staffed, String note) {
        em.createNativeQuery("""
                insert into duty_inspection (id, community_id, checkpoint_id, inspected_at, inspector, present, staffed, note)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""").setParameter(1, id).setParameter(2, post.communityId())
                .setParameter(3, post.id()).setParameter(4, at).setParameter(5, inspector).setParameter(6, present)
                .setParameter(7, staffed).setParameter(8, note).executeUpdate();
    }

    /**
     * [id, checkpoint id, code, at, inspector, present, staffed, note] of the inspections the caller sees in the
     * period, of posts guarding the area (path) inside or above it, oldest first.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> visible(Instant from, Instant to, String areaPath) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select i.id, i.checkpoint_id, c.code, i.inspected_at, i.inspector, i.present, i.staffed, i.note
                from duty_inspection i join checkpoint c on c.id = i.checkpoint_id join area_node g on g.id = c.guards_node_id
                where i.inspected_at >= :from and i.inspected_at < :to""");
        p.put("from", from);
        p.put("to", to);
        if (!scope.jurisdiction().isGlobal()) {
            sql.append(" and (g.path like any(cast(:patterns as text[])) or g.id = any(cast(:ancestors as uuid[])))");
            p.put("patterns", scope.jurisdiction().likePatterns());
            p.put("ancestors", scope.jurisdiction().ancestorIds().toArray(UUID[]::new));
        }
        if (areaPath != null) {
            sql.append(" and (g.path like :area or :areaPath like g.path || '%')");
            p.put("area", areaPath + "%");
            p.put("areaPath", areaPath);
        }
        sql.append(" order by i.inspected_at limit ").append(Cursor.MAX_LIMIT);
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        return q.getResultList();
    }
}
