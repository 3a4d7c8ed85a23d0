package org.gridguard.duty.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Rows;
import org.gridguard.duty.DutySettings;
import org.gridguard.report.DashboardTiles;

/**
 * The duty tiles: a worker's own shift today (1 with its hours in the label, or 0); for a leader or supervisor
 * today's fill rate (seats filled of seats needed) and gaps at the posts guarding the area.
 */
@ApplicationScoped
public class DutyTiles implements DashboardTiles {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    DutyReportRepository report;
    @Inject
    DutyDailySection section;
    @Inject
    DutySettings settings;

    @Override
    public String key() {
        return "duty";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional
    public List<Tile> tiles(Viewer viewer) {
        if (viewer.worker()) {
            return List.of(myShift(viewer.subject(), viewer.today()));
        }
        Map<String, Long> today = section.figures(viewer.path(), viewer.today(), viewer.today()).get(viewer.today());
        long needed = today.get("duty.seatsNeeded");
        long filled = today.get("duty.seatsFilled");
        long gaps = today.get("duty.gaps");
        return List.of(
                new Tile("duty.fillRate", "今日排班到位", "Seats filled today", filled, needed,
                        filled < needed ? Severity.WARN : Severity.OK, "/duty-board", false),
                new Tile("duty.gaps", "今日脱岗班次", "Gaps today", gaps, null, gaps > 0 ? Severity.DANGER : Severity.OK,
                        "/duty-board", false));
    }

    private Tile myShift(String username, LocalDate day) {
        ZoneId z = settings.zone();
        String hours = report.myShifts(username, day).stream()
                .map(r -> HH_MM.format(Rows.instant(r[0]).atZone(z)) + "–" + HH_MM.format(Rows.instant(r[1]).atZone(z)))
                .collect(Collectors.joining(", "));
        boolean on = !hours.isEmpty();
        return new Tile("duty.myShift", on ? "今日值班 " + hours : "今日无值班",
                on ? "My shift today " + hours : "No shift today", on ? 1 : 0, null, on ? Severity.WARN : Severity.OK,
                "/duty", true);
    }
}
