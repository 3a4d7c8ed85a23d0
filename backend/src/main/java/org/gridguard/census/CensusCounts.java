package org.gridguard.census;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaCensus;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.gridguard.census.CensusViews.CountLevel;
import org.gridguard.census.CensusViews.CountView;
import org.gridguard.common.ApiProblem;
import org.gridguard.security.Jurisdiction;

/**
 * Households and living residents per grid cell, compound or building, by category; also the area feature's
 * {@link AreaCensus} SPI (grid cell counts, and "people still live here" before an area is deleted).
 */
@ApplicationScoped
public class CensusCounts implements AreaCensus {

    @Inject
    EntityManager em;
    @Inject
    AreaRepository areas;
    @Inject
    Jurisdiction jurisdiction;

    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, Counts> countsByGridCell(Collection<UUID> gridCellIds) {
        Map<UUID, Counts> out = new HashMap<>();
        if (gridCellIds.isEmpty()) {
            return out;
        }
        UUID[] ids = gridCellIds.toArray(UUID[]::new);
        Map<UUID, Long> hh = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "select grid_cell_id, count(*) from household where grid_cell_id = any(?1) group by 1")
                .setParameter(1, ids).getResultList()) {
            hh.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "select grid_cell_id, count(*) from resident where grid_cell_id = any(?1) and status = 'LIVING' group by 1")
                .setParameter(1, ids).getResultList()) {
            out.put((UUID) r[0], new Counts(hh.getOrDefault((UUID) r[0], 0L), ((Number) r[1]).longValue()));
        }
        hh.forEach((k, v) -> out.putIfAbsent(k, new Counts(v, 0)));
        return out;
    }

    @Override
    public boolean hasPeople(String path) {
        return (Boolean) em.createNativeQuery("""
                select exists (select 1 from household where area_id in
                  (select id from area_node where path like ?1))""").setParameter(1, path + "%").getSingleResult();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<CountView> counts(UUID areaId, CountLevel level) {
        CountLevel lv = level == null ? CountLevel.GRID_CELL : level;
        StringBuilder sql = new StringBuilder("select * from area_node where kind = :kind");
        Map<String, Object> p = new HashMap<>();
        p.put("kind", lv.name());
        if (areaId != null) {
            AreaNode root = areas.visible(areaId).orElseThrow(() -> ApiProblem.notFound("Area node"));
            sql.append(" and path like :root");
            p.put("root", root.path + "%");
        }
        if (!jurisdiction.isGlobal()) {
            sql.append(" and path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
        sql.append(" order by code limit 5001");
        var q = em.createNativeQuery(sql.toString(), AreaNode.class);
        p.forEach(q::setParameter);
        List<AreaNode> nodes = q.getResultList();
        if (nodes.size() > 5000) {
            throw ApiProblem.unprocessable("too-many-areas", "More than 5000 areas: narrow the counts with areaId");
        }
        if (nodes.isEmpty()) {
            return List.of();
        }
        String col = switch (lv) {
            case GRID_CELL -> "grid_cell_id";
            case COMPOUND -> "compound_id";
            case BUILDING -> "building_id";
        };
        UUID[] ids = nodes.stream().map(n -> n.id).toArray(UUID[]::new);
        UUID[] communities = nodes.stream().map(n -> n.communityId).distinct().toArray(UUID[]::new);
        Map<UUID, Long> hh = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select h." + col + ", count(*) from household h"
                + " where h.community_id = any(?2) and h." + col + " = any(?1) group by 1")
                .setParameter(1, ids).setParameter(2, communities).getResultList()) {
            hh.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        Map<UUID, Long> res = new HashMap<>();
        Map<UUID, Map<String, Long>> cats = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select h." + col + ", c.cat, count(*)"
                + " from resident r join household h on h.id = r.household_id"
                + " left join lateral unnest(r.categories) as c(cat) on true"
                + " where r.community_id = any(?2) and h." + col + " = any(?1) and r.status = 'LIVING' group by 1, 2")
                .setParameter(1, ids).setParameter(2, communities).getResultList()) {
            UUID id = (UUID) r[0];
            long n = ((Number) r[2]).longValue();
            if (r[1] == null) {
                res.merge(id, n, Long::sum);
            } else {
                cats.computeIfAbsent(id, k -> new TreeMap<>()).put((String) r[1], n);
            }
        }
        // residents with categories appear once per category above; count people separately
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select h." + col + ", count(*)"
                + " from resident r join household h on h.id = r.household_id"
                + " where r.community_id = any(?2) and h." + col + " = any(?1) and r.status = 'LIVING'"
                + " and cardinality(r.categories) > 0 group by 1")
                .setParameter(1, ids).setParameter(2, communities).getResultList()) {
            res.merge((UUID) r[0], ((Number) r[1]).longValue(), Long::sum);
        }
        List<CountView> out = new ArrayList<>();
        for (AreaNode n : nodes) {
            out.add(new CountView(n.id, lv, n.code, n.name, hh.getOrDefault(n.id, 0L), res.getOrDefault(n.id, 0L),
                    cats.getOrDefault(n.id, Map.of())));
        }
        return out;
    }
}
