package org.gridguard.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.area.AreaKind;
import org.gridguard.report.DashboardTiles.Tile;
import org.gridguard.report.DashboardTiles.Viewer;
import org.gridguard.report.Measure;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The inspections section of the daily report against the tables: enterprises resuming on two days, one checked the
 * day it resumed, one not; a failed inspection; a task left past its due time (back-dated by SQL); a disinfection
 * round. The figures of cell 1 and its zone, that day and the day before, equal what plain SQL counts; an empty area is
 * zeros; leader1's tiles; a worker gets none.
 */
@QuarkusTest
class InspectionDailySectionTest {

    static final LocalDate DAY = LocalDate.parse("2044-05-10");
    static final String NOW = "2044-05-10T15:00:00+08:00";
    static final String Z = " at time zone 'Asia/Shanghai'";
    static final String IN_AREA = " join area_node an on an.id = x.area_id where an.path like ? ";

    @Inject
    InspectionDailySection section;
    @Inject
    InspectionTiles tiles;
    @Inject
    DataSource ds;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void at(String local) {
        TestClock.set(OffsetDateTime.parse(local).toInstant());
    }

    synchronized void seed() {
        if (count("select count(*) from inspection_task where reason = 'daily-report inspection test'") > 0) {
            return;
        }
        String inspector = Tokens.user("inspector1", "inspector");
        at("2044-05-09T09:00:00+08:00");
        String early = FirstCheckTest.enterprise("日报复工五金厂", 640001, DAY.minusDays(1));
        String checked = FirstCheckTest.enterprise("日报复工食品厂", 640002, DAY);
        FirstCheckTest.enterprise("日报复工印刷厂", 640003, DAY);
        InspectionTest.post(inspector, FirstCheckTest.inspect(early)).statusCode(201);
        at("2044-05-09T10:00:00+08:00");
        InspectionTest.post(inspector, InspectionTest.body(Demo.COMPOUND1, InspectionTest.COMPOUND_TEMPLATE,
                InspectionTest.answers(InspectionTest.COMPOUND_TEMPLATE, 1))).statusCode(201);
        exec("""
                insert into inspection_task (id, kind, place_kind, place_id, place_name, area_id, reason, due_at, status, created_at)
                values (?, 'RECTIFY', 'AREA', ?, '日报测试小区', ?, 'daily-report inspection test',
                        timestamptz '2044-05-09 12:00:00+08', 'OPEN', timestamptz '2044-05-09 08:00:00+08')""",
                UUID.randomUUID(), Demo.COMPOUND1, Demo.COMPOUND1);
        at("2044-05-10T10:00:00+08:00");
        InspectionTest.post(inspector, FirstCheckTest.inspect(checked)).statusCode(201);
        exec("""
                insert into disinfection_round (id, community_id, place_kind, place_id, place_name, area_id, done_at, area_m2,
                    agent, concentration_mg_l, recorded_by, recorded_at)
                select ?, community_id, 'AREA', id, name, id, timestamptz '2044-05-10 09:00:00+08', 120, '含氯消毒剂', 500,
                       'worker1', now() from area_node where id = ?""", UUID.randomUUID(), Demo.COMPOUND1);
    }

    @Test
    void figuresOfTheCellAndItsZoneTheDayAndTheDayBeforeEqualTheTables() {
        seed();
        at(NOW);
        for (UUID node : List.of(Demo.CELL1, Demo.ZONE1)) {
            String p = path(node);
            Map<LocalDate, Map<String, Long>> f = section.figures(p, DAY.minusDays(1), DAY);
            assertThat(f).containsOnlyKeys(DAY.minusDays(1), DAY);
            for (LocalDate d : List.of(DAY.minusDays(1), DAY)) {
                assertThat(f.get(d)).as(node + " " + d).isEqualTo(expected(p, d));
            }
        }
        Map<LocalDate, Map<String, Long>> zone = section.figures(path(Demo.ZONE1), DAY.minusDays(1), DAY);
        assertThat(zone.get(DAY.minusDays(1))).containsEntry("inspections.enterprisesResumed", 1L)
                .containsEntry("inspections.enterprisesChecked", 1L);
        assertThat(zone.get(DAY.minusDays(1)).get("inspections.inspectionsFailed")).isGreaterThanOrEqualTo(1);
        assertThat(zone.get(DAY)).containsEntry("inspections.enterprisesResumed", 2L).containsEntry("inspections.enterprisesChecked", 1L);
        assertThat(zone.get(DAY).get("inspections.tasksOverdue")).isGreaterThanOrEqualTo(1);
        assertThat(zone.get(DAY).get("inspections.disinfectionDone")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEmptyAreaIsZeros() {
        at(NOW);
        List<String> keys = section.measures().stream().filter(m -> m.kind() != Measure.Kind.RATIO).map(Measure::key).toList();
        assertThat(section.figures("/no-such-node/", DAY.minusDays(1), DAY)).hasSize(2).allSatisfy((d, m) -> {
            assertThat(m).containsOnlyKeys(keys);
            assertThat(m.values()).containsOnly(0L);
        });
        assertThat(section.key()).isEqualTo("inspections");
        assertThat(section.order()).isEqualTo(70);
    }

    @Test
    @TestSecurity(user = "leader1", roles = "grid-leader")
    void aLeaderSeesTasksOverdueAndEnterprisesResumingTodayNotYetChecked() {
        seed();
        at(NOW);
        String zone = path(Demo.ZONE1);
        OffsetDateTime now = OffsetDateTime.parse(NOW);
        List<Tile> t = tiles.tiles(new Viewer("leader1", Set.of("grid-leader"), Demo.ZONE1, zone, AreaKind.ZONE, DAY,
                now.toInstant()));
        assertThat(t).extracting(Tile::key).containsExactly("inspections.tasksOverdue", "inspections.resumingUnchecked");
        assertThat(t).noneMatch(Tile::mine);
        assertThat(t.get(0).value()).isEqualTo(count("select count(*) from inspection_task x" + IN_AREA
                + " and x.status <> 'CLOSED' and x.due_at <= ?", zone + "%", now)).isGreaterThanOrEqualTo(1);
        assertThat(t.get(0).link()).isEqualTo("/inspection-tasks");
        assertThat(t.get(1).value()).isEqualTo(1);
        assertThat(t.get(1).total()).isEqualTo(2);
        assertThat(t.get(1).link()).isEqualTo("/enterprises");
        assertThat(tiles.tiles(new Viewer("worker1", Set.of("grid-worker"), Demo.CELL1, path(Demo.CELL1), AreaKind.GRID_CELL,
                DAY, now.toInstant()))).isEmpty();
    }

    /** Every COUNT and LEVEL figure of a day, counted from the tables. */
    Map<String, Long> expected(String path, LocalDate d) {
        String like = path + "%";
        String day = " as date) = ?";
        OffsetDateTime end = d.plusDays(1).atStartOfDay(TestClock.ZONE).toOffsetDateTime();
        OffsetDateTime at = end.isAfter(OffsetDateTime.parse(NOW)) ? OffsetDateTime.parse(NOW) : end;
        String inspections = "select count(*) from inspection x" + IN_AREA + "and cast(x.inspected_at" + Z + day;
        String tasks = "select count(*) from inspection_task x" + IN_AREA;
        String resumed = "select count(*) from enterprise x" + IN_AREA + "and x.status = 'RESUMED' and x.resumed_on = ?";
        String rounds = " x" + IN_AREA + "and cast(x.";
        return Map.of("inspections.inspectionsDone", count(inspections, like, d),
                "inspections.inspectionsFailed", count(inspections + " and x.result = 'FAILED'", like, d),
                "inspections.tasksOpened", count(tasks + "and cast(x.created_at" + Z + day, like, d),
                "inspections.tasksClosed", count(tasks + "and cast(x.closed_at" + Z + day, like, d),
                "inspections.tasksOverdue", count(tasks + "and x.created_at < ? and x.due_at < ?"
                        + " and (x.closed_at is null or x.closed_at > ?)", like, at, at, at),
                "inspections.enterprisesResumed", count(resumed, like, d),
                "inspections.enterprisesChecked", count(resumed + " and exists (select 1 from inspection i"
                        + " where i.place_kind = 'ENTERPRISE' and i.place_id = x.id and cast(i.inspected_at" + Z + day + ")", like, d, d),
                "inspections.disinfectionDone", count("select count(*) from disinfection_round" + rounds + "done_at" + Z + day, like, d),
                "inspections.disinfectionMissed", count("select count(*) from disinfection_missed" + rounds + "slot_at" + Z + day,
                        like, d));
    }

    String path(UUID node) {
        try (var c = ds.getConnection(); var ps = c.prepareStatement("select path from area_node where id = ?")) {
            ps.setObject(1, node);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... params) {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void exec(String sql, Object... params) {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
