package org.gridguard.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridguard.area.AreaKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.common.Port;

/**
 * A feature's tiles on the landing screens (GET /api/v1/dashboard). The feature owns a bean implementing this;
 * the dashboard collects every bean and shows the tiles in the order of {@link DailySection#order()}-like
 * {@link #order()}.
 */
@Port
public interface DashboardTiles {

    /** Stable lower-case key of the feature (same as its DailySection's key when it has one). */
    String key();

    int order();

    /**
     * The tiles for this viewer now: for a grid worker their own work today (tiles with {@code mine = true}:
     * visits, deliveries, re-tests, missing reports, their shift); for a leader, supervisor or admin the area's
     * figures that need attention. An empty list when nothing applies to the viewer's roles. Must be cheap: a
     * leader's whole dashboard answers in under 200 ms (p95) on a 1M-resident city.
     */
    List<Tile> tiles(Viewer viewer);

    /**
     * Who is looking and at what.
     *
     * @param subject the caller's user name (the JWT's preferred_username / principal name)
     * @param roles the caller's realm roles
     * @param areaId the node the dashboard is about (in the caller's reach); {@code path} its materialised path
     */
    record Viewer(String subject, Set<String> roles, UUID areaId, String path, AreaKind kind, LocalDate today,
            Instant now) {

        public boolean worker() {
            return roles.contains("grid-worker") && !roles.contains("grid-leader") && !roles.contains("supervisor")
                    && !roles.contains("admin");
        }
    }

    /**
     * One tile.
     *
     * @param key {@code <feature>.<camelCase>}
     * @param value the figure; {@code total} the "of how many" beside it, or null
     * @param severity OK (nothing to do), WARN (due today), DANGER (overdue, fever, positive)
     * @param link the web app's route that lists the items behind the figure ("/quarantine-visits?due=today")
     * @param mine true when the figure counts the viewer's own assigned work
     */
    record Tile(String key, String labelZh, String labelEn, long value, Long total, Severity severity, String link,
            boolean mine) {
    }

    @Schema(name = "DashboardTileSeverity")
    enum Severity {
        OK, WARN, DANGER
    }
}
