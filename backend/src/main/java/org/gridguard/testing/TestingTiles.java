package org.gridguard.testing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.report.DashboardTiles;

/**
 * The testing tiles: the coverage of the rounds sampling now (sampled of expected, from the coverage rollup) and the
 * open re-tests — in a worker's own cells — and, for leaders and supervisors, the positive pools whose re-tests are
 * not all done.
 */
@ApplicationScoped
public class TestingTiles implements DashboardTiles {

    @Inject
    TestingReportRepository report;

    @Override
    public String key() {
        return "testing";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public List<Tile> tiles(Viewer viewer) {
        boolean mine = viewer.worker();
        Object[] r = report.tiles(viewer.path(), mine ? viewer.subject() : "");
        long sampled = ((Number) r[0]).longValue();
        long expected = ((Number) r[1]).longValue();
        long retests = ((Number) r[2]).longValue();
        Severity retestSeverity = ((Number) r[3]).longValue() > 0 ? Severity.DANGER
                : retests > 0 ? Severity.WARN : Severity.OK;
        Tile coverage = new Tile("testing.coverage", "本轮采样进度", "Running round coverage", sampled, expected,
                sampled < expected ? Severity.WARN : Severity.OK, mine ? "/sampling" : "/rounds", mine);
        Tile due = new Tile("testing.retestsDue", "待复检", "Re-tests due", retests, null, retestSeverity,
                mine ? "/sampling" : "/rounds", mine);
        if (mine) {
            return List.of(coverage, due);
        }
        long pools = ((Number) r[4]).longValue();
        return List.of(coverage, due, new Tile("testing.positivePoolsOpen", "阳性混管待处置", "Positive pools open",
                pools, null, pools > 0 ? Severity.DANGER : Severity.OK, "/rounds", false));
    }
}
