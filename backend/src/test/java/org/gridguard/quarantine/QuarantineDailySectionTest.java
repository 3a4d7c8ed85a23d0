package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.area.AreaKind;
import org.gridguard.report.DashboardTiles.Tile;
import org.gridguard.report.DashboardTiles.Viewer;
import org.gridguard.report.Measure;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The quarantine section of the daily report against the tables: a day of orders started, released, visited and
 * missed in cell 1, its figures for the cell and its zone, that day and the day before, equal what plain SQL counts;
 * an empty area and a future day are zeros; the tiles of worker1 (mine: the visit list's open windows) and leader1.
 */
@QuarkusTest
class QuarantineDailySectionTest {

    static final LocalDate DAY = LocalDate.parse("2043-03-10");
    static final String NOW = "2043-03-10T12:00:00+08:00";
    static final String ZONE = "'Asia/Shanghai'";
    /** The orders of the area (path like ?). */
    static final String ORDERS = " from quarantine_order o join area_node an on an.id = o.area_id where an.path like ? ";

    @Inject
    QuarantineDailySection section;
    @Inject
    QuarantineTiles tiles;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void at(String local) {
        TestClock.set(OffsetDateTime.parse(local).toInstant());
    }

    static String order(String residentId, String kind, String startsOn) {
        return Api.as(Tokens.leader1()).body(Map.of("residentId", residentId, "kind", kind, "reason", "CLOSE_CONTACT",
                "startsOn", startsOn)).post("/api/v1/quarantines").then().statusCode(201).extract().path("id");
    }

    static void visit(String order, String at, String temperature) {
        Api.as(Tokens.worker1()).body(VisitFixture.visit(at, temperature)).post("/api/v1/quarantines/" + order + "/visits")
                .then().statusCode(201);
    }

    static String path(UUID node) {
        try (var c = VisitFixture.db(); var ps = c.prepareStatement("select path from area_node where id = ?")) {
            ps.setObject(1, node);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized void seed() {
        if (VisitFixture.count("select count(*) from quarantine_order where starts_on = date '2043-03-09'") > 0) {
            return;
        }
        List<String> people = VisitFixture.residents(Demo.CELL1, 100, 3);
        at("2043-03-09T07:00:00+08:00");
        String a = order(people.get(0), "HOME_ISOLATION", "2043-03-09");
        String b = order(people.get(1), "HOME_MONITORING", "2043-03-09");
        at("2043-03-09T08:40:00+08:00");
        visit(a, "2043-03-09T08:30:00+08:00", "36.5");
        visit(b, "2043-03-09T08:35:00+08:00", "38.2"); // a fever
        at("2043-03-10T07:00:00+08:00");
        order(people.get(2), "HOME_ISOLATION", "2043-03-10");
        at("2043-03-10T08:20:00+08:00");
        visit(a, "2043-03-10T08:15:00+08:00", "36.4");
        at("2043-03-10T09:00:00+08:00");
        Api.as(Tokens.leader1()).header("If-Match", "\"" + VisitFixture.count("select version from quarantine_order where id = ?",
                UUID.fromString(b)) + "\"").body(Map.of("reason", "解除")).post("/api/v1/quarantines/" + b + "/release").then()
                .statusCode(200);
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
        Map<String, Long> cell = section.figures(path(Demo.CELL1), DAY, DAY).get(DAY);
        // what the seeding did shows (other tests' rows may add to it)
        assertThat(cell.get("quarantine.ordersStarted")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get("quarantine.ordersReleased")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get("quarantine.visitsDone")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get("quarantine.visitsMissed")).isGreaterThanOrEqualTo(1);
        assertThat(section.figures(path(Demo.CELL1), DAY.minusDays(1), DAY.minusDays(1)).get(DAY.minusDays(1))
                .get("quarantine.fevers")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEmptyAreaAndAFutureDayAreZeros() {
        seed();
        at(NOW);
        List<String> keys = section.measures().stream().filter(m -> m.kind() != Measure.Kind.RATIO).map(Measure::key).toList();
        Map<LocalDate, Map<String, Long>> none = section.figures("/no-such-node/", DAY.minusDays(1), DAY);
        assertThat(none).hasSize(2).allSatisfy((d, m) -> {
            assertThat(m).containsOnlyKeys(keys);
            assertThat(m.values()).containsOnly(0L);
        });
        // the orders run on, but tomorrow is not projected
        assertThat(section.figures(path(Demo.CELL1), DAY.plusDays(1), DAY.plusDays(1)).get(DAY.plusDays(1)).values())
                .containsOnly(0L);
        assertThat(section.key()).isEqualTo("quarantine");
        assertThat(section.measures()).extracting(Measure::key).allMatch(k -> k.startsWith("quarantine."));
    }

    @Test
    @TestSecurity(user = "worker1", roles = "grid-worker")
    void aWorkersTileCountsTheOpenWindowsOfTheirVisitList() {
        seed();
        at(NOW);
        List<Tile> t = tiles.tiles(new Viewer("worker1", Set.of("grid-worker"), Demo.CELL1, path(Demo.CELL1),
                AreaKind.GRID_CELL, DAY, OffsetDateTime.parse(NOW).toInstant()));
        assertThat(t).hasSize(1);
        Tile mine = t.get(0);
        assertThat(mine.key()).isEqualTo("quarantine.myVisitsDue");
        assertThat(mine.mine()).isTrue();
        assertThat(mine.link()).isEqualTo("/quarantine-visits");
        List<String> statuses = Api.as(Tokens.worker1()).get("/api/v1/quarantine-visits/due?limit=500&date=" + DAY).then()
                .statusCode(200).extract().jsonPath().getList("items.status");
        long open = statuses.stream().filter(s -> s.equals("DUE") || s.equals("OVERDUE")).count();
        assertThat(mine.value()).isEqualTo(open).isGreaterThanOrEqualTo(1);
        assertThat(mine.total()).isEqualTo(statuses.size());
        assertThat(mine.severity().name()).isEqualTo(statuses.contains("OVERDUE") ? "DANGER" : "WARN");
    }

    @Test
    @TestSecurity(user = "leader1", roles = "grid-leader")
    void aLeadersTilesCoverTheZone() {
        seed();
        at(NOW);
        String zone = path(Demo.ZONE1);
        List<Tile> t = tiles.tiles(new Viewer("leader1", Set.of("grid-leader"), Demo.ZONE1, zone, AreaKind.ZONE, DAY,
                OffsetDateTime.parse(NOW).toInstant()));
        assertThat(t).extracting(Tile::key).containsExactly("quarantine.visitsDue", "quarantine.visitsOverdue",
                "quarantine.ordersEnding");
        assertThat(t).noneMatch(Tile::mine);
        List<String> statuses = Api.as(Tokens.leader1()).get("/api/v1/quarantine-visits/due?limit=500&date=" + DAY).then()
                .statusCode(200).extract().jsonPath().getList("items.status");
        assertThat(t.get(0).value()).isEqualTo(statuses.stream().filter(s -> !s.equals("DONE")).count());
        assertThat(t.get(1).value()).isEqualTo(statuses.stream().filter(s -> s.equals("OVERDUE")).count()).isGreaterThanOrEqualTo(1);
        assertThat(t.get(2).value()).isEqualTo(VisitFixture.count("select count(*)" + ORDERS
                + "and o.status = 'ACTIVE' and o.ends_on = ?", zone + "%", DAY));
        assertThat(t.get(2).link()).isEqualTo("/quarantines");
    }

    /** Every COUNT and LEVEL figure of a day, counted from the tables. */
    static Map<String, Long> expected(String path, LocalDate d) {
        String like = path + "%";
        String dayEnd = "cast(cast(? as date) + 1 as timestamp) at time zone " + ZONE;
        String inForce = ORDERS + "and o.starts_on <= ? and o.ends_on >= ? and (o.released_at is null or o.released_at >= "
                + dayEnd + ")";
        long home = VisitFixture.count("select count(*)" + inForce + " and o.kind = 'HOME_ISOLATION'", like, d, d, d);
        long monitoring = VisitFixture.count("select count(*)" + inForce + " and o.kind = 'HOME_MONITORING'", like, d, d, d);
        long central = VisitFixture.count("select count(*)" + inForce + " and o.kind = 'CENTRAL_ISOLATION'", like, d, d, d);
        String events = "select count(*) from quarantine_order_event e join quarantine_order o on o.id = e.order_id"
                + " join area_node an on an.id = o.area_id where an.path like ? and cast(e.at at time zone " + ZONE
                + " as date) = ? and ";
        long done = VisitFixture.count("select count(*) from (select distinct v.order_id, v.slot from quarantine_visit v"
                + " join quarantine_order o on o.id = v.order_id join area_node an on an.id = o.area_id"
                + " where an.path like ? and v.visit_date = ?) x", like, d);
        long missed = VisitFixture.count("select count(*)" + ORDERS.replace(" where ", " cross join (values ('MORNING', time '10:00'),"
                + " ('AFTERNOON', time '18:00')) w(slot, ends) where ") + "and o.starts_on <= ? and o.ends_on >= ?"
                + " and o.created_at < (cast(? as date) + w.ends) at time zone " + ZONE
                + " and (o.released_at is null or o.released_at > (cast(? as date) + w.ends) at time zone " + ZONE + ")"
                + " and (cast(? as date) + w.ends) at time zone " + ZONE + " <= ?"
                + " and not exists (select 1 from quarantine_visit v where v.order_id = o.id and v.visit_date = ? and v.slot = w.slot)",
                like, d, d, d, d, d, OffsetDateTime.parse(NOW), d);
        String alerts = "select count(*) from alert_raised a where a.kind = ? and cast(a.raised_at at time zone " + ZONE
                + " as date) = ? and (a.subject_type = 'QUARANTINE_ORDER' and a.subject_id in (select o.id" + ORDERS + ")"
                + " or a.kind = 'FEVER' and a.subject_type = 'RESIDENT' and exists (select 1" + ORDERS
                + " and o.resident_id = a.subject_id and o.starts_on <= ? and o.ends_on >= ?"
                + " and (o.released_at is null or o.released_at > a.raised_at)))";
        return Map.ofEntries(Map.entry("quarantine.ordersActive", home + monitoring + central),
                Map.entry("quarantine.homeIsolation", home), Map.entry("quarantine.homeMonitoring", monitoring),
                Map.entry("quarantine.centralIsolation", central),
                Map.entry("quarantine.ordersStarted", VisitFixture.count(events + "e.action = 'CREATED'", like, d)),
                Map.entry("quarantine.ordersReleased", VisitFixture.count(events
                        + "e.from_status = 'ACTIVE' and e.to_status = 'RELEASED'", like, d)),
                Map.entry("quarantine.toHospital", VisitFixture.count(events
                        + "e.from_status = 'ACTIVE' and e.to_status = 'HOSPITAL'", like, d)),
                Map.entry("quarantine.visitsDone", done), Map.entry("quarantine.visitsMissed", missed),
                Map.entry("quarantine.visitsDue", done + missed),
                Map.entry("quarantine.fevers", VisitFixture.count(alerts, "FEVER", d, like, like, d, d)),
                Map.entry("quarantine.symptoms", VisitFixture.count(alerts, "SYMPTOM", d, like, like, d, d)),
                Map.entry("quarantine.breaches", VisitFixture.count("select count(*) from quarantine_breach b"
                        + " join quarantine_order o on o.id = b.order_id join area_node an on an.id = o.area_id"
                        + " where an.path like ? and cast(b.at at time zone " + ZONE + " as date) = ?", like, d)));
    }
}
