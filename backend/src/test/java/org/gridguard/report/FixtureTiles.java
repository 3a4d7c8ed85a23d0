package org.gridguard.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** A test-only feature's tiles: a worker's own tile, or the area's tile for everyone else. */
@ApplicationScoped
public class FixtureTiles implements DashboardTiles {

    @Override
    public String key() {
        return "fixture";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public List<Tile> tiles(Viewer viewer) {
        if (viewer.worker()) {
            return List.of(new Tile("fixture.mine", "我的任务", "My tasks", 2, null, Severity.WARN, "/needs", true));
        }
        return List.of(new Tile("fixture.area", "片区任务", "Area tasks", 7, 10L, Severity.OK, "/needs", false));
    }
}
