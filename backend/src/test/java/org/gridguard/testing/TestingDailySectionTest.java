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
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.SectionSql;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The testing section and tiles against counts taken straight from samples, tasks, exemptions and lab results. */
@QuarkusTest
class TestingDailySectionTest {

    static final LocalDate DAY = LocalDate.of(2032, 2, 10);

    @Inject
    TestingDailySection section;
    @Inject
    TestingTiles tiles;
    @Inject
    CoverageRollup rollup;

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
                // the day's events; coverage is the next test's (rounds of other tests run on these days)
                assertThat(figures.get(d)).as(node + " " + d).containsAllEntriesOf(expected(path(node), d));
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
        figures.values().forEach(f -> assertThat(f).hasSize(9).allSatisfy((k, v) -> assertThat(v).isZero()));
    }

    /** Before any other test's clock: the round below is the only one sampling on these days. */
    static final LocalDate EARLY = LocalDate.of(2019, 3, 12);

    /** Everything queued so far is counted (a refresh that ran and found nothing left to claim). */
    void refresh() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> r = rollup.refreshNow();
            if (!r.containsKey("skipped") && ((Number) r.get("claimed")).intValue() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the coverage queue did not drain");
    }

    @Test
    void coverageAndMissingOfEachDayAreThatDaysNotTodays() throws InterruptedException {
        LocalDate day1 = EARLY, day2 = EARLY.plusDays(1);
        clock(day1, "08:00");
        String round = Api.as(Tokens.supervisor()).body("""
                {"name":"%s","scope":["%s"],"roundDate":"%s","samplingFrom":"%s","samplingTo":"%s",
                 "modes":["CENTRAL"],"poolSize":10,"labs":["lab-demo"]}""".formatted(Rounds.uniq("覆盖日"), Demo.CELL1,
                day1, at(day1, "08:00").toInstant(), at(day1.plusDays(3), "20:00").toInstant()))
                .post("/api/v1/test-rounds").then().statusCode(201).extract().path("id");
        refresh();
        clock(day1, "09:00");
        Api.as(Tokens.supervisor()).header("If-Match", "\"0\"").body("{\"to\":\"SAMPLING\"}")
                .post("/api/v1/test-rounds/" + round + "/transitions").then().statusCode(200);
        refresh();
        List<Object> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 4).stream().map(m -> m.get("id")).toList();
        clock(day1, "10:00");
        String tube = Rounds.uniq("T");
        sample(round, tube, people.get(0), null);
        sample(round, tube, people.get(1), null);
        refresh();
        clock(day2, "09:00");
        sample(round, Rounds.uniq("T"), people.get(2), null);
        Api.as(Tokens.worker1()).body("{\"residentId\":\"" + people.get(3) + "\",\"kind\":\"AWAY\",\"reason\":\"外出\"}")
                .post("/api/v1/test-rounds/" + round + "/exemptions").then().statusCode(201);
        refresh();
        clock(day2, "20:00");

        String cell = path(Demo.CELL1);
        Map<String, Long> first = coverage(cell, day1), second = coverage(cell, day2);
        assertThat(first.get("testing.sampledInRound")).as("day 1: the two sampled that day").isEqualTo(2);
        assertThat(second.get("testing.sampledInRound")).isEqualTo(3);
        assertThat(second.get("testing.toSample")).as("one exempted on day 2").isEqualTo(first.get("testing.toSample") - 1);
        JsonPath report1 = report(day1), report2 = report(day2);
        for (String key : first.keySet()) {
            assertThat(figure(report1, key, "value")).as(key + " of day 1").isEqualTo(first.get(key).intValue());
            assertThat(figure(report2, key, "value")).as(key + " of day 2").isEqualTo(second.get(key).intValue());
            assertThat(figure(report2, key, "previous")).as(key + " of day 1 beside day 2").isEqualTo(first.get(key).intValue());
            assertThat(figure(report1, key, "previous")).as(key + " the day before the round").isEqualTo(0);
        }
        assertThat(((Number) figure(report1, "testing.coverage", "value")).doubleValue())
                .isCloseTo(2.0 / first.get("testing.toSample"), org.assertj.core.data.Offset.offset(0.0001));
        assertThat(((Number) figure(report2, "testing.coverage", "value")).doubleValue())
                .isCloseTo(3.0 / second.get("testing.toSample"), org.assertj.core.data.Offset.offset(0.0001));
        assertThat(section.figures(cell, day2.plusDays(1), day2.plusDays(1)).get(day2.plusDays(1)))
                .as("a day after today").containsEntry("testing.toSample", 0L).containsEntry("testing.missing", 0L);

        clock(day2.plusDays(1), "18:00");
        Api.as(Tokens.supervisor()).header("If-Match", "\"1\"").body("{\"to\":\"CLOSED\"}")
                .post("/api/v1/test-rounds/" + round + "/transitions").then().statusCode(200);
        refresh();
        assertThat(section.figures(cell, day2.plusDays(2), day2.plusDays(2)).get(day2.plusDays(2)))
                .as("closed the day before").containsEntry("testing.toSample", 0L);
    }

    /** The grid leader's live report of the cell on a day. */
    static JsonPath report(LocalDate d) {
        return Api.as(Tokens.leader1()).queryParam("areaId", Demo.CELL1).queryParam("date", d.toString())
                .get("/api/v1/daily-reports").then().statusCode(200).extract().jsonPath();
    }

    static Object figure(JsonPath report, String key, String field) {
        return report.get("sections.find { it.key == 'testing' }.figures.find { it.key == '" + key + "' }." + field);
    }

    /**
     * The coverage at the end of a day, counted from the people the rollup counts in the rounds sampling that day,
     * their samples taken and exemptions granted before the day's end (the census does not move in the test).
     */
    static Map<String, Long> coverage(String path, LocalDate d) {
        String people = """
                from test_coverage_person p join test_round r on r.id = p.round_id join area_node n on n.id = p.grid_cell_id
                where n.path like ? || '%' and r.started_at < ? and (r.closed_at is null or r.closed_at >= ?)
                  and not exists (select 1 from test_exemption e where e.round_id = p.round_id
                                  and e.resident_id = p.resident_id and e.granted_at < ?)""";
        Object[] args = { path, SectionSql.end(d), SectionSql.start(d), SectionSql.end(d) };
        long toSample = count("select count(*) " + people, args);
        long sampled = count("select count(*) " + people + """
                  and exists (select 1 from test_sample s where s.round_id = p.round_id and s.resident_id = p.resident_id
                              and s.sampled_at < ?)""", path, SectionSql.end(d), SectionSql.start(d), SectionSql.end(d),
                SectionSql.end(d));
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("testing.toSample", toSample);
        m.put("testing.sampledInRound", sampled);
        m.put("testing.missing", toSample - sampled);
        return m;
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
