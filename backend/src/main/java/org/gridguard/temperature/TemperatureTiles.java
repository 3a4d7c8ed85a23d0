package org.gridguard.temperature;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.report.DashboardTiles;
import org.gridguard.temperature.TemperatureViews.ReportWindow;

/**
 * The temperature tiles: today's watch reports still missing in the windows opened so far (两测温、两报告) — a
 * worker's own cells, or the leader's area — and, for leaders and supervisors, the fever alerts still open.
 */
@ApplicationScoped
public class TemperatureTiles implements DashboardTiles {

    @Inject
    TemperatureReportRepository report;
    @Inject
    ReportWindows windows;

    @Override
    public String key() {
        return "checkpoints";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional
    public List<Tile> tiles(Viewer viewer) {
        boolean mine = viewer.worker();
        List<String> opened = new ArrayList<>();
        for (ReportWindow w : ReportWindow.values()) {
            if (!windows.span(w).start().atDate(viewer.today()).atZone(windows.zone()).toInstant()
                    .isAfter(viewer.now())) {
                opened.add(w.name());
            }
        }
        long missing = report.missingReports(viewer.path(), mine ? viewer.subject() : "", viewer.today(),
                opened.toArray(String[]::new));
        List<Tile> out = new ArrayList<>();
        out.add(new Tile("checkpoints.reportsMissing", "今日未报体温", "Temperature reports missing today", missing,
                null, missing > 0 ? Severity.WARN : Severity.OK, mine ? "/checkpoint" : "/watch-reports", mine));
        if (!mine) {
            long fevers = report.openFevers(viewer.path());
            out.add(new Tile("checkpoints.feversOpen", "未结发热预警", "Fever alerts open", fevers, null,
                    fevers > 0 ? Severity.DANGER : Severity.OK, "/alerts", false));
        }
        return out;
    }
}
