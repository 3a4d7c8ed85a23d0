package org.gridguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.testsupport.SectionSql.at;
import static org.gridguard.testsupport.SectionSql.count;
import static org.gridguard.testsupport.SectionSql.path;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.area.AreaKind;
import org.gridguard.report.DashboardTiles.Tile;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.SectionSql;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The testing section and tiles against counts taken straight from samples, tasks, exemptions and lab results. */
@QuarkusTest
class TestingDailySectionTest {

    static final LocalDate DAY = LocalDate.of(2032, 2, 10);

    @Inject
    TestingDailySection section;
    @Inject
    TestingTiles tiles;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void clock(LocalDate d, String time) {
        TestClock.set(at(d, time).toInstant());
    }

    static void sample(String round, String barcode, Object resident, String kind) {
        Rounds.sample(Tokens.worker1(), round, barcode, resident, kind, 201);
    }

    @Test
    void figuresOfADayAndTheDayBeforeAndTheTiles() {
        clock(DAY.minusDays(1), "10:00");
        String round = Rounds.sampling(Rounds.uniq("日报"), 10, Demo.CELL1);
        List<Object> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 6).stream().map(m -> m.get("id")).toList();
        String b1 = Rounds.uniq("T");
        sample(round, b1, people.get(0), null);
        sample(round, b1, people.get(1), null);
        clock(DAY, "09:00");
        String b2 = Rounds.uniq("T");
        sample(round, b2, people.get(2), null);
        sample(round, b2, people.get(3), null);
        sample(round, Rounds.uniq("T"), people.get(4), "MAKEUP");
        clock(DAY, "15:00");
        assertThat(Rounds.labPost(Tokens.lab(), round, Rounds.result(b1, "POSITIVE", at(DAY, "14:00").toInstant().toString(),
                "R-1"), 200).getList("items.status")).containsExactly("CREATED");
        clock(DAY, "16:00");
        sample(round, Rounds.uniq("T"), people.get(0), "RETEST");
        SectionSql.exec("""
                insert into test_exemption (id, round_id, resident_id, community_id, grid_cell_id, household_id, kind,
                  reason, granted_by, granted_at)
                select ?, cast(? as uuid), r.id, r.community_id, r.grid_cell_id, r.household_id, 'AWAY', '外出', 'leader1', ?
                from resident r where r.id = cast(? as uuid)""", UUID.randomUUID(), round, at(DAY, "11:00"),
                people.get(5));
        clock(DAY, "20:00");
        for (UUID node : List.of(Demo.CELL1, Demo.ZONE1)) {
            var figures = section.figures(path(node), DAY.minusDays(1), DAY);
            assertThat(figures.keySet()).containsExactly(DAY.minusDays(1), DAY);
            for (LocalDate d : figures.keySet()) {
                assertThat(figures.get(d)).as(node + " " + d).isEqualTo(expected(path(node), d));
            }
        }
        assertThat(section.figures(path(Demo.CELL1), DAY, DAY).get(DAY)).containsEntry("testing.positivePools", 1L)
                .containsEntry("testing.retestsDone", 1L).containsEntry("testing.exemptions", 1L)
                .containsEntry("testing.makeupSampled", 1L);

        Map<String, Tile> mine = SectionSql.byKey(tiles.tiles(SectionSql.viewer("worker1", "grid-worker", Demo.ZONE1,
                AreaKind.ZONE, DAY)));
        assertThat(mine.keySet()).containsExactly("testing.coverage", "testing.retestsDue");
        assertThat(mine.get("testing.retestsDue").value()).isEqualTo(openRetests(path(Demo.CELL1))).isPositive();
        assertThat(mine.get("testing.retestsDue").mine()).isTrue();
        assertThat(mine.get("testing.retestsDue").link()).isEqualTo("/sampling");
        Map<String, Tile> zone = SectionSql.byKey(tiles.tiles(SectionSql.viewer("leader1", "grid-leader", Demo.ZONE1,
                AreaKind.ZONE, DAY)));
        assertThat(zone.get("testing.retestsDue").value()).isEqualTo(openRetests(path(Demo.ZONE1)));
        assertThat(zone.get("testing.positivePoolsOpen").value()).isEqualTo(count("""
                select count(distinct k.tube_id) from test_task k join test_round r on r.id = k.round_id
                join area_node n on n.id = k.grid_cell_id where n.path like ? || '%' and r.status = 'SAMPLING'
                  and k.kind = 'RETEST' and k.status = 'OPEN'""", path(Demo.ZONE1))).isPositive();
        String coverage = """
                select coalesce(sum(c.%s), 0) from test_coverage_cell c join test_round r on r.id = c.round_id
                join area_node n on n.id = c.grid_cell_id where n.path like ? || '%%' and r.status = 'SAMPLING'""";
        assertThat(zone.get("testing.coverage").value()).isEqualTo(count(coverage.formatted("sampled"), path(Demo.ZONE1)));
        assertThat(zone.get("testing.coverage").total()).isEqualTo(count(coverage.formatted("expected"), path(Demo.ZONE1)));
    }

    @Test
    void aDayWithNothingIsZeroAndEveryDayOfTheRangeIsThere() {
        clock(DAY, "12:00");
        LocalDate first = LocalDate.of(2001, 1, 1);
        var figures = section.figures(path(Demo.COMMUNITY), first, first.plusDays(3));
        assertThat(figures).hasSize(4);
        figures.values().forEach(f -> assertThat(f).hasSize(6).allSatisfy((k, v) -> assertThat(v).isZero()));
    }

    static long openRetests(String path) {
        return count("""
                select count(*) from test_task k join test_round r on r.id = k.round_id
                join area_node n on n.id = k.grid_cell_id where n.path like ? || '%' and r.status = 'SAMPLING'
                  and k.kind = 'RETEST' and k.status = 'OPEN'""", path);
    }

    /** A day's figures, row by row. */
    static Map<String, Long> expected(String path, LocalDate d) {
        Object[] day = { path, SectionSql.start(d), SectionSql.end(d) };
        String samples = """
                from test_sample s join area_node n on n.id = s.grid_cell_id
                where n.path like ? || '%' and s.sampled_at >= ? and s.sampled_at < ?""";
        String tasks = """
                select count(*) from test_task k join area_node n on n.id = k.grid_cell_id
                where n.path like ? || '%' and k.done_at >= ? and k.done_at < ? and k.status = 'DONE' and k.kind = """;
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("testing.sampled", count("select count(distinct s.resident_id) " + samples, day));
        m.put("testing.makeupSampled", count("select count(*) " + samples + " and s.kind = 'MAKEUP'", day));
        m.put("testing.retestsDone", count(tasks + "'RETEST'", day));
        m.put("testing.doorVisitsDone", count(tasks + "'DOOR_TO_DOOR'", day));
        m.put("testing.exemptions", count("""
                select count(*) from test_exemption e join area_node n on n.id = e.grid_cell_id
                where n.path like ? || '%' and e.granted_at >= ? and e.granted_at < ?""", day));
        m.put("testing.positivePools", count("""
                select count(*) from test_tube t where exists (select 1 from test_tube_result r where r.tube_id = t.id
                    and r.result = 'POSITIVE' and r.received_at >= ? and r.received_at < ?)
                  and exists (select 1 from test_sample s join area_node n on n.id = s.grid_cell_id
                              where s.tube_id = t.id and n.path like ? || '%')""", day[1], day[2], path));
        return m;
    }
}
