package org.gridguard.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.testsupport.SectionSql.at;
import static org.gridguard.testsupport.SectionSql.count;
import static org.gridguard.testsupport.SectionSql.path;

import java.time.LocalDate;
import java.time.LocalTime;
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

/** The checkpoints and temperatures section and tiles against counts taken straight from the readings. */
@QuarkusTest
class CheckpointDailySectionTest {

    static final LocalDate DAY = LocalDate.of(2032, 3, 10);

    @Inject
    CheckpointDailySection section;
    @Inject
    TemperatureTiles tiles;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void clock(LocalDate d, String time) {
        TestClock.set(at(d, time).toInstant());
    }

    static void post(String token, Map<String, Object> reading) {
        Api.as(token).body(reading).post("/api/v1/temperature-checks").then().statusCode(201);
    }

    @Test
    void figuresOfADayAndTheDayBeforeEqualTheTables() {
        List<String> people = TempFixture.residents(Demo.CELL1, 12).subList(9, 12);
        String a = people.get(0);
        String b = people.get(1);
        String c = people.get(2);
        clock(DAY.minusDays(1), "07:00");
        for (String r : List.of(a, b)) {
            Api.as(Tokens.worker1()).body(Map.of("residentId", r, "reason", "RETURNEE", "startsOn",
                    DAY.minusDays(1).toString(), "endsOn", DAY.plusDays(3).toString())).post("/api/v1/watches")
                    .then().statusCode(201);
        }
        clock(DAY.minusDays(1), "09:00");
        post(Tokens.worker1(), TempFixture.report(a, "36.5", at(DAY.minusDays(1), "08:30")));
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, c, "36.4", at(DAY.minusDays(1), "08:40")));
        clock(DAY, "15:00");
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, c, "38.2", at(DAY, "14:00")));
        Map<String, Object> car = TempFixture.visitor(TempFixture.KK4, "36.6", at(DAY, "14:10"), null, null);
        car.put("vehiclePlate", "湘A12345");
        post(Tokens.worker1(), car);
        post(Tokens.worker1(), TempFixture.report(b, "36.7", at(DAY, "09:00")));
        clock(DAY, "19:00");
        // below a community (rows narrowed to the nodes), a community and a street (rows found by their community)
        String community = path(Demo.COMMUNITY);
        for (String path : List.of(path(Demo.CELL1), path(Demo.ZONE1), community, SectionSql.parent(community))) {
            var figures = section.figures(path, DAY.minusDays(1), DAY);
            assertThat(figures.keySet()).containsExactly(DAY.minusDays(1), DAY);
            for (LocalDate d : figures.keySet()) {
                assertThat(figures.get(d)).as(path + " " + d).isEqualTo(expected(path, d));
            }
        }
        assertThat(section.figures(path(Demo.CELL1), DAY, DAY).get(DAY)).containsEntry("checkpoints.vehicles", 1L)
                .containsEntry("checkpoints.visitors", 1L).extractingByKey("checkpoints.fevers").isNotEqualTo(0L);
    }

    @Test
    void aDayWithNothingIsZeroAndEveryDayOfTheRangeIsThere() {
        clock(DAY, "12:30");
        LocalDate first = LocalDate.of(2001, 1, 1);
        var figures = section.figures(path(Demo.COMMUNITY), first, first.plusDays(2));
        assertThat(figures).hasSize(3);
        figures.values().forEach(f -> assertThat(f).hasSize(8).allSatisfy((k, v) -> assertThat(v).isZero()));
        assertThat(section.figures(path(Demo.COMMUNITY), DAY.plusDays(1), DAY.plusDays(1)).get(DAY.plusDays(1)).values())
                .allMatch(v -> v == 0L);
    }

    @Test
    void theWorkerSeesTheirCellsMissingReportsTheLeaderTheZoneAndItsFevers() {
        String d = "2032-04-02";
        LocalDate day = LocalDate.parse(d);
        List<String> people = TempFixture.residents(Demo.CELL1, 15).subList(12, 15);
        clock(day, "07:00");
        for (String r : people) {
            Api.as(Tokens.worker1()).body(Map.of("residentId", r, "reason", "BACK_TO_WORK", "startsOn", d, "endsOn", d))
                    .post("/api/v1/watches").then().statusCode(201);
        }
        post(Tokens.worker1(), TempFixture.report(people.get(0), "36.5", at(day, "06:50")));
        clock(day, "13:00");
        Tile mine = tiles.tiles(SectionSql.viewer("worker1", "grid-worker", Demo.ZONE1, AreaKind.ZONE, day)).get(0);
        assertThat(mine.mine()).isTrue();
        assertThat(mine.link()).isEqualTo("/checkpoint");
        // morning and afternoon are open: two missing for each of the two silent people, one for the reporter
        assertThat(mine.value()).isEqualTo(missing(path(Demo.CELL1), day, "MORNING", "AFTERNOON")).isEqualTo(5);
        Map<String, Tile> zone = SectionSql.byKey(tiles.tiles(SectionSql.viewer("leader1", "grid-leader", Demo.ZONE1,
                AreaKind.ZONE, day)));
        assertThat(zone.get("checkpoints.reportsMissing").value())
                .isEqualTo(missing(path(Demo.ZONE1), day, "MORNING", "AFTERNOON"));
        assertThat(zone.get("checkpoints.feversOpen").value()).isEqualTo(count("""
                select count(*) from alert a join area_node n on n.id = a.area_id
                where a.kind = 'FEVER' and a.state <> 'CLOSED' and n.path like ? || '%'""", path(Demo.ZONE1)));
        clock(day, "07:00");
        assertThat(tiles.tiles(SectionSql.viewer("worker1", "grid-worker", Demo.CELL1, AreaKind.GRID_CELL, day))
                .get(0).value()).isEqualTo(2);
    }

    static long missing(String path, LocalDate d, String... windows) {
        long n = 0;
        for (String w : windows) {
            n += count("""
                    select count(distinct w.resident_id) from watch w join area_node n on n.id = w.area_id
                    where n.path like ? || '%' and w.starts_on <= ? and w.ends_on >= ?
                      and w.resident_id not in (select t.resident_id from temperature_check t
                                                where t.business_date = ? and t.report_window = ?
                                                  and t.resident_id is not null)""", path, d, d, d, w);
        }
        return n;
    }

    /** A day's figures, reading by reading; watch reports only for windows closed by the test clock's now. */
    static Map<String, Long> expected(String path, LocalDate d) {
        String readings = """
                select count(*) from temperature_check t join area_node n on n.id = t.area_id
                where n.path like ? || '%' and t.business_date = ?""";
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("checkpoints.registrations", count(readings + " and t.source = 'GATE'", path, d));
        m.put("checkpoints.residentsThrough", count(readings + " and t.source = 'GATE' and t.resident_id is not null", path, d));
        m.put("checkpoints.visitors", count(readings + " and t.source = 'GATE' and t.resident_id is null", path, d));
        m.put("checkpoints.vehicles", count(readings + " and t.source = 'GATE' and t.vehicle_plate <> ''", path, d));
        m.put("checkpoints.temperatureChecks", count(readings, path, d));
        m.put("checkpoints.fevers", count(readings + " and t.temperature >= 37.3", path, d));
        long due = 0;
        long received = 0;
        for (String w : List.of("MORNING", "AFTERNOON")) {
            LocalTime closes = w.equals("MORNING") ? LocalTime.NOON : LocalTime.of(18, 0);
            if (!at(d, closes.toString()).toInstant().isAfter(TestClock.instantNow())) {
                long watched = count("""
                        select count(distinct w.resident_id) from watch w join area_node n on n.id = w.area_id
                        where n.path like ? || '%' and w.starts_on <= ? and w.ends_on >= ?""", path, d, d);
                due += watched;
                received += watched - missing(path, d, w);
            }
        }
        m.put("checkpoints.watchReportsDue", due);
        m.put("checkpoints.watchReportsReceived", received);
        return m;
    }
}
