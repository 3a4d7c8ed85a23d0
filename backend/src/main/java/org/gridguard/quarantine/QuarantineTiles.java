package org.gridguard.quarantine;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.report.DashboardTiles;

/**
 * The quarantine tiles of the landing screens: a worker's visits still to make today in their cells (mine); a leader's
 * or supervisor's visits still due, windows closed today without a visit, and orders whose last day is today. Counted
 * over the caller's reach under the dashboard's node, as the visit list ({@code /quarantine-visits}) shows them.
 */
@ApplicationScoped
public class QuarantineTiles implements DashboardTiles {

    private static final String VISITS = "/quarantine-visits";

    @Inject
    VisitRepository visits;
    @Inject
    VisitWindows windows;

    @Override
    public String key() {
        return "quarantine";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional
    public List<Tile> tiles(Viewer v) {
        Map<String, Long> n = visits.dueCounts(v.today(), windows.on(v.today()), v.now(), v.path());
        long open = n.get("DUE") + n.get("OVERDUE");
        long all = open + n.get("DONE");
        Severity todo = n.get("OVERDUE") > 0 ? Severity.DANGER : open > 0 ? Severity.WARN : Severity.OK;
        if (v.worker()) {
            return List.of(new Tile("quarantine.myVisitsDue", "今日待随访", "My visits due today", open, all, todo, VISITS, true));
        }
        long ending = visits.endingOn(v.today(), v.path());
        return List.of(new Tile("quarantine.visitsDue", "今日待随访", "Visits due today", open, all, todo, VISITS, false),
                new Tile("quarantine.visitsOverdue", "今日已超时未随访", "Visits overdue today", n.get("OVERDUE"), null,
                        n.get("OVERDUE") > 0 ? Severity.DANGER : Severity.OK, VISITS, false),
                new Tile("quarantine.ordersEnding", "今日到期解除", "Orders ending today", ending, null,
                        ending > 0 ? Severity.WARN : Severity.OK, "/quarantines", false));
    }
}
