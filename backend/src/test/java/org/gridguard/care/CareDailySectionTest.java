package org.gridguard.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The care section of the daily report against the tables: needs raised, delivered, cancelled and left overdue in
 * cell 1, a care plan and its visit, a delivery run; the figures of the cell and its zone, that day and the day
 * before, equal what plain SQL counts; an empty area is zeros; worker1's tiles (mine) and leader1's.
 */
@QuarkusTest
class CareDailySectionTest {

    static final LocalDate DAY = LocalDate.parse("2043-04-10");
    static final String NOW = "2043-04-10T12:00:00+08:00";
    static final String Z = " at time zone 'Asia/Shanghai'";

    @Inject
    CareDailySection section;
    @Inject
    CareTiles tiles;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void at(String local) {
        TestClock.set(OffsetDateTime.parse(local).toInstant());
    }

    static String need(String urgency) {
        String hh = Api.as(Tokens.admin()).get("/api/v1/households?limit=1&areaId=" + Demo.CELL1).then().statusCode(200)
                .extract().path("items[0].id");
        return Api.as(Tokens.worker1()).body(Map.of("kind", "FOOD", "urgency", urgency, "source", "PHONE_CALL", "householdId", hh))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    static void step(String token, String need, String action, Map<String, Object> body) {
        Api.as(token).body(body).post("/api/v1/needs/" + need + "/" + action).then().statusCode(200);
    }

    static synchronized void seed() {
        if (count("select count(*) from delivery_run where name = 'daily-report care test'") > 0) {
            return;
        }
        at("2043-04-09T07:00:00+08:00");
        String resident = Api.as(Tokens.leader1()).get(CarePlanTest.PLANS + "/uncovered?limit=1&areaId=" + Demo.CELL1).then()
                .statusCode(200).extract().jsonPath().getString("items[0].residentId");
        String plan = CarePlanTest.create(resident);
        at("2043-04-09T08:00:00+08:00");
        need("URGENT_MEDICAL"); // never delivered: overdue from 10:00 on
        String delivered = need("ROUTINE");
        String cancelled = need("ROUTINE");
        at("2043-04-10T08:00:00+08:00");
        String carried = need("TODAY");
        exec("""
                insert into delivery_run (id, community_id, area_id, name, run_date, place_id, status, created_by, created_at,
                    started_at, updated_by, updated_at)
                select ?, community_id, id, 'daily-report care test', date '2043-04-10', ?, 'STARTED', 'leader1', now(),
                    timestamptz '2043-04-10 08:00:00+08', 'leader1', now() from area_node where id = ?""",
                UUID.randomUUID(), UUID.randomUUID(), Demo.CELL1);
        at("2043-04-10T09:00:00+08:00");
        step(Tokens.worker1(), delivered, "assign", Map.of("version", 0));
        step(Tokens.worker1(), delivered, "deliver", Map.of("receivedBy", "本人", "version", 1));
        step(Tokens.worker1(), carried, "assign", Map.of("version", 0));
        step(Tokens.leader1(), cancelled, "cancel", Map.of("reason", "家属已送达", "version", 0));
        at("2043-04-10T09:30:00+08:00");
        Api.as(Tokens.worker1()).body(CarePlanTest.visit("DOOR", "WELL")).post(CarePlanTest.PLANS + "/" + plan + "/visits").then()
                .statusCode(201);
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
        Map<LocalDate, Map<String, Long>> cell = section.figures(path(Demo.CELL1), DAY.minusDays(1), DAY);
        assertThat(cell.get(DAY.minusDays(1)).get("care.needsRaised")).isGreaterThanOrEqualTo(3);
        assertThat(cell.get(DAY.minusDays(1)).get("care.needsOverdue")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get(DAY).get("care.needsDelivered")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get(DAY).get("care.needsCancelled")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get(DAY).get("care.deliveryRuns")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get(DAY).get("care.careVisitsDone")).isGreaterThanOrEqualTo(1);
        assertThat(cell.get(DAY).get("care.carePlansActive")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEmptyAreaIsZeros() {
        at(NOW);
        List<String> keys = section.measures().stream().filter(m -> m.kind() != Measure.Kind.RATIO).map(Measure::key).toList();
        assertThat(section.figures("/no-such-node/", DAY.minusDays(1), DAY)).hasSize(2).allSatisfy((d, m) -> {
            assertThat(m).containsOnlyKeys(keys);
            assertThat(m.values()).containsOnly(0L);
        });
        assertThat(section.key()).isEqualTo("care");
        assertThat(section.order()).isEqualTo(60);
    }

    @Test
    @TestSecurity(user = "worker1", roles = "grid-worker")
    void aWorkersTilesAreTheirDeliveriesAndTheirPlansDue() {
        seed();
        at(NOW);
        String cell = path(Demo.CELL1);
        List<Tile> t = tiles.tiles(new Viewer("worker1", Set.of("grid-worker"), Demo.CELL1, cell, AreaKind.GRID_CELL, DAY,
                OffsetDateTime.parse(NOW).toInstant()));
        assertThat(t).extracting(Tile::key).containsExactly("care.myDeliveries", "care.myVisitsDue");
        assertThat(t).allMatch(Tile::mine);
        assertThat(t.get(0).value()).isEqualTo(count("select count(*) from need n join area_node an on an.id = n.area_id"
                + " where an.path like ? and n.assigned_to = 'worker1' and n.status in ('ASSIGNED', 'OUT_FOR_DELIVERY')", cell + "%"))
                .isGreaterThanOrEqualTo(1);
        assertThat(t.get(0).link()).isEqualTo("/delivery");
        assertThat(t.get(1).value()).isEqualTo(CarePlanTest.ids(Tokens.worker1(), "&status=ACTIVE&mine=true&due=true&areaId="
                + Demo.CELL1).size());
        assertThat(t.get(1).link()).isEqualTo("/care-visits");
    }

    @Test
    @TestSecurity(user = "leader1", roles = "grid-leader")
    void aLeadersTilesAreTheZonesNeedsOverdueAndPlansDue() {
        seed();
        at(NOW);
        String zone = path(Demo.ZONE1);
        List<Tile> t = tiles.tiles(new Viewer("leader1", Set.of("grid-leader"), Demo.ZONE1, zone, AreaKind.ZONE, DAY,
                OffsetDateTime.parse(NOW).toInstant()));
        assertThat(t).extracting(Tile::key).containsExactly("care.needsOverdue", "care.visitsDue");
        assertThat(t).noneMatch(Tile::mine);
        assertThat(t.get(0).value()).isEqualTo(overdue(zone + "%", OffsetDateTime.parse(NOW))).isGreaterThanOrEqualTo(1);
        assertThat(t.get(0).severity().name()).isEqualTo("DANGER");
        assertThat(t.get(1).value()).isEqualTo(CarePlanTest.ids(Tokens.leader1(), "&status=ACTIVE&due=true&areaId=" + Demo.ZONE1)
                .size());
    }

    /** Every COUNT and LEVEL figure of a day, counted from the tables. */
    static Map<String, Long> expected(String path, LocalDate d) {
        String like = path + "%";
        String needs = "select count(*) from need n join area_node an on an.id = n.area_id where an.path like ? and ";
        String day = " as date) = ?";
        OffsetDateTime end = d.plusDays(1).atStartOfDay(TestClock.ZONE).toOffsetDateTime();
        OffsetDateTime at = end.isAfter(OffsetDateTime.parse(NOW)) ? OffsetDateTime.parse(NOW) : end;
        return Map.of("care.needsRaised", count(needs + "cast(n.created_at" + Z + day, like, d),
                "care.needsDelivered", count(needs + "cast(n.delivered_at" + Z + day, like, d),
                "care.needsCancelled", count(needs + "exists (select 1 from need_event e where e.need_id = n.id"
                        + " and e.to_status = 'CANCELLED' and cast(e.at" + Z + day + ")", like, d),
                "care.needsOverdue", overdue(like, at),
                "care.deliveryRuns", count("select count(*) from delivery_run r join area_node an on an.id = r.area_id"
                        + " where an.path like ? and r.run_date = ? and r.started_at is not null", like, d),
                "care.carePlansActive", count("select count(*) from care_plan c join area_node an on an.id = c.area_id"
                        + " where an.path like ? and c.started_at < ? and (c.ended_at is null or c.ended_at > ?)", like, at, at),
                "care.careVisitsDone", count("select count(*) from care_visit v join area_node an on an.id = v.area_id"
                        + " where an.path like ? and cast(v.visited_at" + Z + day, like, d),
                "care.careVisitsMissed", count("select count(*) from alert_raised a join area_node an on an.id = a.area_id"
                        + " where an.path like ? and a.kind = 'CARE_MISSED' and cast(a.raised_at" + Z + day, like, d));
    }

    /** Needs raised before {@code at}, due before it (2 h urgent, the day's end for today, 2 days routine), still open then. */
    static long overdue(String like, OffsetDateTime at) {
        return count("select count(*) from need n join area_node an on an.id = n.area_id where an.path like ?"
                + " and n.created_at < ? and (case n.urgency when 'URGENT_MEDICAL' then n.created_at + interval '2 hours'"
                + " when 'TODAY' then cast(cast(n.created_at" + Z + " as date) + 1 as timestamp)" + Z
                + " else n.created_at + interval '2 days' end) < ?"
                + " and (n.delivered_at is null or n.delivered_at > ?)"
                + " and not exists (select 1 from need_event e where e.need_id = n.id and e.to_status = 'CANCELLED' and e.at <= ?)",
                like, at, at, at, at);
    }

    static String path(UUID node) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("select path from area_node where id = ?")) {
            ps.setObject(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    static long count(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void exec(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
