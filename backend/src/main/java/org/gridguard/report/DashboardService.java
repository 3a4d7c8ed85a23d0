package org.gridguard.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaNode;
import org.gridguard.report.ReportViews.Dashboard;
import org.gridguard.report.ReportViews.ReportStatus;
import org.gridguard.report.ReportViews.TileView;
import org.gridguard.security.Caller;

import io.quarkus.arc.All;

/**
 * The landing screen: every feature's tiles ({@code @All List<DashboardTiles>}), the open alerts in reach by kind,
 * and the daily report's status of the node and its children (not for grid workers).
 */
@ApplicationScoped
public class DashboardService {

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    @All
    List<DashboardTiles> features;
    @Inject
    DailyReportService reports;
    @Inject
    ReportSettings settings;
    @Inject
    ReportRepository repo;

    @Transactional
    public Dashboard dashboard(UUID areaId) {
        LocalDate today = settings.today();
        AreaNode node = reports.node(areaId, today);
        DashboardTiles.Viewer viewer = new DashboardTiles.Viewer(caller.name(), caller.roles(), node.id, node.path, node.kind,
                today, clock.instant());
        List<DashboardTiles> ordered = new ArrayList<>(features);
        ordered.sort(Comparator.comparingInt(DashboardTiles::order).thenComparing(DashboardTiles::key));
        List<TileView> tiles = new ArrayList<>();
        for (DashboardTiles f : ordered) {
            for (DashboardTiles.Tile t : f.tiles(viewer)) {
                tiles.add(new TileView(f.key(), t.key(), t.labelZh(), t.labelEn(), t.value(), t.total(), t.severity(), t.link(),
                        t.mine()));
            }
        }
        return new Dashboard(node.id, node.name, node.kind, today, tiles, repo.alertCounts(node.path, viewer.now()),
                viewer.worker() ? null : status(node, today));
    }

    /** The node's own latest submission of the day and its children's status. */
    private ReportStatus status(AreaNode node, LocalDate today) {
        DailyReportService.Own own = reports.own(node.id, today);
        return new ReportStatus(settings.cutoff(node.kind, today), own.latest(), reports.children(node.id, today, own.firstAt()));
    }
}
