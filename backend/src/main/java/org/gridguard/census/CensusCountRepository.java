package org.gridguard.census;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.area.AreaNode;
import org.gridguard.security.Jurisdiction;

/**
 * The counting queries of {@code household} and {@code resident} by area (grid cell, compound, building),
 * with the caller's jurisdiction applied to the areas counted. {@code col} is one of the household's area
 * columns ({@code grid_cell_id}, {@code compound_id}, {@code building_id}), never input.
 */
@ApplicationScoped
public class CensusCountRepository {

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** Households per grid cell: (grid cell, count). */
    @SuppressWarnings("unchecked")
    List<Object[]> householdsByGridCell(UUID[] ids) {
        return em.createNativeQuery(
                "select grid_cell_id, count(*) from household where grid_cell_id = any(?1) group by 1")
                .setParameter(1, ids).getResultList();
    }

    /** Living residents per grid cell: (grid cell, count). */
    @SuppressWarnings("unchecked")
    List<Object[]> livingByGridCell(UUID[] ids) {
        return em.createNativeQuery(
                "select grid_cell_id, count(*) from resident where grid_cell_id = any(?1) and status = 'LIVING' group by 1")
                .setParameter(1, ids).getResultList();
    }

    /** Whether a household lives in this subtree. */
    boolean hasPeople(String path) {
        return (Boolean) em.createNativeQuery("""
                select exists (select 1 from household where area_id in
                  (select id from area_node where path like ?1))""").setParameter(1, path + "%").getSingleResult();
    }

    /** Up to 5001 area nodes of this kind under {@code rootPath} (null: anywhere) in the caller's reach, by code. */
    @SuppressWarnings("unchecked")
    List<AreaNode> nodes(String kind, String rootPath) {
        StringBuilder sql = new StringBuilder("select * from area_node where kind = :kind");
        Map<String, Object> p = new HashMap<>();
        p.put("kind", kind);
        if (rootPath != null) {
            sql.append(" and path like :root");
            p.put("root", rootPath + "%");
        }
        if (!jurisdiction.isGlobal()) {
            sql.append(" and path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
        sql.append(" order by code limit 5001");
        var q = em.createNativeQuery(sql.toString(), AreaNode.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Households per area: (area, count). */
    @SuppressWarnings("unchecked")
    List<Object[]> households(String col, UUID[] ids, UUID[] communities) {
        return em.createNativeQuery("select h." + col + ", count(*) from household h"
                + " where h.community_id = any(?2) and h." + col + " = any(?1) group by 1")
                .setParameter(1, ids).setParameter(2, communities).getResultList();
    }

    /** Living residents per area and category: (area, category or null, count). */
    @SuppressWarnings("unchecked")
    List<Object[]> livingByCategory(String col, UUID[] ids, UUID[] communities) {
        return em.createNativeQuery("select h." + col + ", c.cat, count(*)"
                + " from resident r join household h on h.id = r.household_id"
                + " left join lateral unnest(r.categories) as c(cat) on true"
                + " where r.community_id = any(?2) and h." + col + " = any(?1) and r.status = 'LIVING' group by 1, 2")
                .setParameter(1, ids).setParameter(2, communities).getResultList();
    }

    /** Living residents with at least one category per area: (area, count). */
    @SuppressWarnings("unchecked")
    List<Object[]> livingWithCategories(String col, UUID[] ids, UUID[] communities) {
        return em.createNativeQuery("select h." + col + ", count(*)"
                + " from resident r join household h on h.id = r.household_id"
                + " where r.community_id = any(?2) and h." + col + " = any(?1) and r.status = 'LIVING'"
                + " and cardinality(r.categories) > 0 group by 1")
                .setParameter(1, ids).setParameter(2, communities).getResultList();
    }
}
