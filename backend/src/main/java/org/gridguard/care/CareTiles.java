package org.gridguard.care;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.need.Needs;
import org.gridguard.report.DashboardTiles;

/**
 * The care tiles of the landing screens: a worker's deliveries to carry (needs assigned to them) and the care visits
 * of their plans due today or earlier (mine); a leader's or supervisor's needs overdue and the care visits due in the
 * area (plans of their reach).
 */
@ApplicationScoped
public class CareTiles implements DashboardTiles {

    @Inject
    Needs needs;
    @Inject
    CareRepository repo;
    @Inject
    Clock clock;

    @Override
    public String key() {
        return "care";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional
    public List<Tile> tiles(Viewer v) {
        boolean mine = v.worker();
        long due = repo.count(new CareRepository.Filter(CareViews.PlanStatus.ACTIVE, v.path(), mine ? v.subject() : null,
                v.today()), clock.getZone());
        Tile visits = new Tile(mine ? "care.myVisitsDue" : "care.visitsDue", mine ? "我的待关爱走访" : "待关爱走访",
                mine ? "My care visits due" : "Care visits due", due, null, due > 0 ? Severity.WARN : Severity.OK,
                mine ? "/care-visits" : "/care", mine);
        List<Tile> out = new ArrayList<>();
        if (mine) {
            long carry = needs.assignedTo(v.subject(), v.path());
            out.add(new Tile("care.myDeliveries", "我的待送物资", "My deliveries", carry, null,
                    carry > 0 ? Severity.WARN : Severity.OK, "/delivery", true));
        } else {
            long overdue = needs.figures(v.path(), v.now(), v.now()).overdue();
            out.add(new Tile("care.needsOverdue", "超时未送达诉求", "Needs overdue", overdue, null,
                    overdue > 0 ? Severity.DANGER : Severity.OK, "/needs", false));
        }
        out.add(visits);
        return out;
    }
}
