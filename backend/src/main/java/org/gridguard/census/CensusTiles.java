package org.gridguard.census;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.report.DashboardTiles;

/**
 * The census's tiles: households never verified (摸排) and living residents, of the worker's own cells or of the
 * area the leader or supervisor looks at.
 */
@ApplicationScoped
public class CensusTiles implements DashboardTiles {

    @Inject
    CensusReportRepository report;

    @Override
    public String key() {
        return "census";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public List<Tile> tiles(Viewer viewer) {
        boolean mine = viewer.worker();
        Object[] r = report.tiles(viewer.path(), mine ? viewer.subject() : null);
        long unverified = ((Number) r[0]).longValue();
        List<Tile> out = new ArrayList<>();
        out.add(new Tile("census.unverified", "未核查户数", "Households never verified", unverified, null,
                unverified > 0 ? Severity.WARN : Severity.OK, "/households", mine));
        out.add(new Tile("census.residents", "在住人口", "Residents living", ((Number) r[1]).longValue(), null,
                Severity.OK, "/households", mine));
        return out;
    }
}
