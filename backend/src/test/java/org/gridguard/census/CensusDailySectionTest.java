package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.census.CensusFixtures.newHousehold;
import static org.gridguard.census.CensusFixtures.newResident;
import static org.gridguard.census.CensusFixtures.validId;
import static org.gridguard.census.CensusFixtures.validMobile;
import static org.gridguard.testsupport.SectionSql.count;
import static org.gridguard.testsupport.SectionSql.end;
import static org.gridguard.testsupport.SectionSql.path;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** The census's daily-report section and tiles against counts taken straight from the tables. */
@QuarkusTest
class CensusDailySectionTest {

    static final LocalDate DAY = LocalDate.of(2031, 5, 12);
    static final String B1 = "BH-C001-XQ01-B01";

    @Inject
    CensusDailySection section;
    @Inject
    CensusTiles tiles;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void at(LocalDate day, String time) {
        TestClock.set(SectionSql.at(day, time).toInstant());
    }

    @Test
    void figuresOfADayAndTheDayBeforeEqualTheTables() {
        at(DAY.minusDays(1), "09:00");
        String h0 = newHousehold(Tokens.worker1(), B1);
        newResident(Tokens.worker1(), h0, validId(), validMobile());
        at(DAY, "10:00");
        String h1 = newHousehold(Tokens.worker1(), B1);
        String r1 = newResident(Tokens.worker1(), h1, validId(), validMobile());
        newResident(Tokens.worker1(), h1, validId(), validMobile());
        Api.as(Tokens.worker1()).header("If-Match", "\"0\"").body(Map.of("status", "MOVED_OUT"))
                .patch("/api/v1/residents/" + r1).then().statusCode(200);
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", DAY.toString(), "method", "PHONE"))
                .post("/api/v1/households/" + h0 + "/verifications").then().statusCode(201);
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", DAY.toString(), "method", "VISIT"))
                .post("/api/v1/households/" + h1 + "/verifications").then().statusCode(201);
        // two notices at one door the same day count one household; a notice at another counts another
        for (String h : List.of(h0, h0, h1)) {
            Api.as(Tokens.worker1()).body(Map.of("verifiedOn", DAY.toString(), "method", "NOTICE"))
                    .post("/api/v1/households/" + h + "/verifications").then().statusCode(201);
        }
        // a notice of the day before is that day's
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", DAY.minusDays(1).toString(), "method", "NOTICE"))
                .post("/api/v1/households/" + h1 + "/verifications").then().statusCode(201);
        at(DAY.plusDays(1), "08:00");
        // a resident who leaves after the day still lived there at its end
        Api.as(Tokens.worker1()).header("If-Match", "\"0\"").body(Map.of("status", "DECEASED"))
                .patch("/api/v1/residents/" + newResident(Tokens.worker1(), h0, validId(), validMobile()))
                .then().statusCode(200);
        // below a community (rows narrowed to the nodes), a community and a street (rows found by their community)
        String community = path(Demo.COMMUNITY);
        for (String path : List.of(path(Demo.CELL1), path(Demo.ZONE1), community, SectionSql.parent(community))) {
            var figures = section.figures(path, DAY.minusDays(1), DAY);
            assertThat(figures.keySet()).containsExactly(DAY.minusDays(1), DAY);
            for (LocalDate d : figures.keySet()) {
                assertThat(figures.get(d)).as(path + " " + d).isEqualTo(expected(path, d));
            }
        }
        assertThat(section.figures(path(Demo.CELL1), DAY, DAY).get(DAY)).containsEntry("census.householdsAdded", 1L)
                .containsEntry("census.residentsRemoved", 1L).containsEntry("census.verifiedByPhone", 1L)
                .containsEntry("census.verifiedByVisit", 1L).containsEntry("census.noticesLeft", 2L);
        assertThat(section.figures(path(Demo.CELL1), DAY.minusDays(1), DAY.minusDays(1)).get(DAY.minusDays(1)))
                .containsEntry("census.noticesLeft", 1L);
    }

    @Test
    void aDayWithNothingIsZeroAndEveryDayOfTheRangeIsThere() {
        at(DAY, "12:00");
        LocalDate first = LocalDate.of(2001, 1, 1);
        var figures = section.figures(path(Demo.COMMUNITY), first, first.plusDays(4));
        assertThat(figures).hasSize(5);
        figures.values().forEach(f -> {
            assertThat(f.keySet()).containsExactlyElementsOf(
                    CensusDailySection.MEASURES.stream().map(m -> m.key()).toList());
            assertThat(f.values()).allMatch(v -> v == 0L);
        });
        // a day after today never shows today's levels
        assertThat(section.figures(path(Demo.COMMUNITY), DAY.plusDays(1), DAY.plusDays(1)).get(DAY.plusDays(1))
                .values()).allMatch(v -> v == 0L);
    }

    @Test
    void theWorkerSeesTheirCellsTheLeaderTheZone() {
        at(DAY, "12:00");
        newHousehold(Tokens.worker1(), B1);
        Map<String, Tile> mine = SectionSql.byKey(tiles.tiles(SectionSql.viewer("worker1", "grid-worker", Demo.ZONE1,
                AreaKind.ZONE, DAY)));
        Map<String, Tile> zone = SectionSql.byKey(tiles.tiles(SectionSql.viewer("leader1", "grid-leader", Demo.ZONE1,
                AreaKind.ZONE, DAY)));
        assertThat(mine.get("census.unverified").value()).isEqualTo(unverified(path(Demo.CELL1))).isPositive();
        assertThat(mine.get("census.unverified").mine()).isTrue();
        assertThat(mine.get("census.residents").value()).isEqualTo(count("""
                select count(*) from resident r join area_node n on n.id = r.area_id
                where n.path like ? || '%' and r.status = 'LIVING'""", path(Demo.CELL1)));
        assertThat(zone.get("census.unverified").value()).isEqualTo(unverified(path(Demo.ZONE1)))
                .isGreaterThan(mine.get("census.unverified").value());
        assertThat(zone.get("census.unverified").mine()).isFalse();
        assertThat(zone.get("census.unverified").link()).isEqualTo("/households");
    }

    static long unverified(String path) {
        return count("""
                select count(*) from household h join area_node n on n.id = h.area_id
                where n.path like ? || '%' and h.last_verified_on is null""", path);
    }

    /** The figures of a day counted one by one: a resident lived there at the day's end when created before it
     * and their first status change after it (if any) was away from LIVING, or, with none, they live there now. */
    static Map<String, Long> expected(String path, LocalDate d) {
        var end = end(d);
        var start = SectionSql.start(d);
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("census.households", count("""
                select count(*) from household h join area_node n on n.id = h.area_id
                where n.path like ? || '%' and h.created_at < ?""", path, end));
        m.put("census.residents", count("""
                select count(*) from resident r join area_node n on n.id = r.area_id
                where n.path like ? || '%' and r.created_at < ?
                  and coalesce((select c.changes -> 'status' ->> 'old' from census_change c
                                where c.subject_id = r.id and c.changes -> 'status' is not null and c.at >= ?
                                order by c.at, c.id limit 1), r.status) = 'LIVING'""", path, end, end));
        m.put("census.householdsAdded", count("""
                select count(*) from household h join area_node n on n.id = h.area_id
                where n.path like ? || '%' and h.created_at >= ? and h.created_at < ?""", path, start, end));
        m.put("census.residentsAdded", count("""
                select count(*) from resident r join area_node n on n.id = r.area_id
                where n.path like ? || '%' and r.created_at >= ? and r.created_at < ?""", path, start, end));
        m.put("census.residentsRemoved", count("""
                select count(*) from census_change c join resident r on r.id = c.subject_id
                join area_node n on n.id = r.area_id where n.path like ? || '%'
                  and c.changes -> 'status' ->> 'old' = 'LIVING' and c.at >= ? and c.at < ?""", path, start, end));
        Map<String, String> byMethod = Map.of("PHONE", "census.verifiedByPhone", "VISIT", "census.verifiedByVisit",
                "NOTICE", "census.noticesLeft");
        for (String method : List.of("PHONE", "VISIT", "NOTICE")) {
            m.put(byMethod.get(method), count("""
                    select count(distinct v.household_id) from household_verification v
                    join household h on h.id = v.household_id
                    join area_node n on n.id = h.area_id where n.path like ? || '%' and v.verified_on = ?
                      and v.method = ?""", path, d, method));
        }
        return m;
    }
}
