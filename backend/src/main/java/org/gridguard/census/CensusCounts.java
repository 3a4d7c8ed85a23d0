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
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaCensus;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.gridguard.census.CensusViews.CountLevel;
import org.gridguard.census.CensusViews.CountView;
import org.gridguard.common.ApiProblem;

/**
 * Households and living residents per grid cell, compound or building, by category; also the area feature's
 * {@link AreaCensus} SPI (grid cell counts, and "people still live here" before an area is deleted).
 */
@ApplicationScoped
public class CensusCounts implements AreaCensus {

    @Inject
    CensusCountRepository counts;
    @Inject
    AreaRepository areas;

    @Override
    public Map<UUID, Counts> countsByGridCell(Collection<UUID> gridCellIds) {
        Map<UUID, Counts> out = new HashMap<>();
        if (gridCellIds.isEmpty()) {
            return out;
        }
        UUID[] ids = gridCellIds.toArray(UUID[]::new);
        Map<UUID, Long> hh = new HashMap<>();
        for (Object[] r : counts.householdsByGridCell(ids)) {
            hh.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        for (Object[] r : counts.livingByGridCell(ids)) {
            out.put((UUID) r[0], new Counts(hh.getOrDefault((UUID) r[0], 0L), ((Number) r[1]).longValue()));
        }
        hh.forEach((k, v) -> out.putIfAbsent(k, new Counts(v, 0)));
        return out;
    }

    @Override
    public boolean hasPeople(String path) {
        return counts.hasPeople(path);
    }

    @Transactional
    public List<CountView> counts(UUID areaId, CountLevel level) {
        CountLevel lv = level == null ? CountLevel.GRID_CELL : level;
        List<AreaNode> nodes = counts.nodes(lv.name(), CensusScope.areaPath(areas, areaId));
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
        for (Object[] r : counts.households(col, ids, communities)) {
            hh.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        Map<UUID, Long> res = new HashMap<>();
        Map<UUID, Map<String, Long>> cats = new HashMap<>();
        for (Object[] r : counts.livingByCategory(col, ids, communities)) {
            UUID id = (UUID) r[0];
            long n = ((Number) r[2]).longValue();
            if (r[1] == null) {
                res.merge(id, n, Long::sum);
            } else {
                cats.computeIfAbsent(id, k -> new TreeMap<>()).put((String) r[1], n);
            }
        }
        // residents with categories appear once per category above; count people separately
        for (Object[] r : counts.livingWithCategories(col, ids, communities)) {
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
