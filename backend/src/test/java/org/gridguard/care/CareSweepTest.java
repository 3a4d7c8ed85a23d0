package org.gridguard.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The missed-care sweep with the injected clock (Asia/Shanghai): once per hour across calls, at most one CARE_MISSED
 * alert per plan and day, raised only once the due day has ended without a visit (or a delivery), and the figures the
 * care metrics read.
 */
@QuarkusTest
class CareSweepTest {

    static final LocalDate D = LocalDate.of(2031, 5, 12);

    @Inject
    CareSweep sweep;
    @Inject
    CarePlans plans;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void at(LocalDate day, String time) {
        TestClock.set(OffsetDateTime.parse(day + "T" + time + "+08:00").toInstant());
    }

    static long query(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
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

    static long missedAlerts(String plan) {
        return query("select count(*) from alert where kind = 'CARE_MISSED' and subject_id = cast(? as uuid)", plan);
    }

    static long alertOn(String plan, LocalDate day) {
        return query("select count(*) from alert where kind = 'CARE_MISSED' and dedupe_key = ?",
                CareRules.missedKey(UUID.fromString(plan), day));
    }

    static String cellPath() {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select path from area_node where id = ?")) {
            ps.setObject(1, Demo.CELL1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String createPlan(Map<String, Object> extra) {
        Map<String, Object> body = CarePlanTest.plan(CarePlanTest.uncovered(Demo.CELL1), "worker1");
        body.putAll(extra);
        return Api.as(Tokens.leader1()).body(body).post(CarePlanTest.PLANS).then().statusCode(201).extract().path("id");
    }

    @Test
    void aMissedDailyVisitRaisesOneAlertPerPlanAndDayOnceTheDueDayHasEnded() {
        String path = cellPath();
        Instant from = OffsetDateTime.parse(D + "T00:00+08:00").toInstant();
        Instant to = OffsetDateTime.parse(D.plusDays(5) + "T00:00+08:00").toInstant();
        CarePlans.Figures before = plans.figures(path, from, to);

        at(D, "09:00:00");
        String plan = createPlan(Map.of());
        assertThat(sweep.sweep()).isTrue();
        assertThat(sweep.sweep()).as("the same hour twice").isFalse();
        assertThat(missedAlerts(plan)).isZero();

        at(D.plusDays(1), "21:00:00");
        assertThat(sweep.sweep()).isTrue();
        assertThat(missedAlerts(plan)).as("the due day is still open").isZero();

        at(D.plusDays(2), "08:00:00");
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOn(plan, D.plusDays(2))).isOne();
        Api.as(Tokens.worker1()).get(CarePlanTest.PLANS + "/" + plan).then().statusCode(200).body("visitMissed", equalTo(true))
                .body("nextVisitDue", equalTo(D.plusDays(1).toString()));
        TestClock.advance(java.time.Duration.ofHours(1));
        assertThat(sweep.sweep()).as("the next hour sweeps again").isTrue();
        assertThat(missedAlerts(plan)).as("but the plan's alert of the day is already raised").isOne();

        // a call nobody answered is recorded but is no contact: still missed
        Api.as(Tokens.worker1()).body(CarePlanTest.visit("PHONE", "NOT_REACHED"))
                .post(CarePlanTest.PLANS + "/" + plan + "/visits").then().statusCode(201);
        Api.as(Tokens.worker1()).get(CarePlanTest.PLANS + "/" + plan).then().statusCode(200).body("visitMissed", equalTo(true))
                .body("lastCondition", equalTo("NOT_REACHED")).body("nextVisitDue", equalTo(D.plusDays(1).toString()));
        // the worker visits: due tomorrow, nothing missed tomorrow; the day after without a visit is missed again
        Api.as(Tokens.worker1()).body(CarePlanTest.visit("PHONE", "WELL")).post(CarePlanTest.PLANS + "/" + plan + "/visits")
                .then().statusCode(201);
        Api.as(Tokens.worker1()).get(CarePlanTest.PLANS + "/" + plan).then().statusCode(200).body("visitMissed", equalTo(false))
                .body("nextVisitDue", equalTo(D.plusDays(3).toString()));
        at(D.plusDays(3), "09:00:00");
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOn(plan, D.plusDays(3))).isZero();
        at(D.plusDays(4), "09:00:00");
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOn(plan, D.plusDays(4))).isOne();
        assertThat(missedAlerts(plan)).isEqualTo(2);
        assertThat(query("select count(*) from alert where subject_id = cast(? as uuid) and area_id is null", plan)).isZero();

        // the metrics over the five days: this plan owed five daily visits, two were made, two alerts were raised
        CarePlans.Figures after = plans.figures(path, from, to);
        assertThat(after.activePlans() - before.activePlans()).isOne();
        assertThat(after.withoutPlan() - before.withoutPlan()).isEqualTo(-1);
        assertThat(after.visitsDue() - before.visitsDue()).isEqualTo(5);
        assertThat(after.visitsDone() - before.visitsDone()).as("the unanswered call was a visit too").isEqualTo(2);
        // the sweeps also raised the alerts of the cell's other plans (the demo's, other tests'): this plan's two on top
        long others = query("select count(*) from alert a join area_node an on an.id = a.area_id where a.kind = 'CARE_MISSED'"
                + " and an.path like ? and a.subject_id <> cast(? as uuid) and a.raised_at >= ? and a.raised_at < ?", path + "%",
                plan, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        assertThat(after.missedAlerts() - before.missedAlerts()).isEqualTo(2 + others);
    }

    @Test
    void aWeeklyDeliveryNotMadeRaisesTheAlertEvenWhenVisitsAreKept() {
        LocalDate start = D.plusDays(30);
        at(start, "10:00:00");
        String plan = createPlan(Map.of("visitEveryDays", 30, "deliveryEveryDays", 7));
        at(start.plusDays(7), "23:00:00");
        sweep.sweep();
        assertThat(missedAlerts(plan)).as("the seventh day is the due day").isZero();
        at(start.plusDays(8), "07:00:00");
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOn(plan, start.plusDays(8))).isOne();
        assertThat(query("select count(*) from alert where subject_id = cast(? as uuid) and details ->> 'deliveryMissed' = 'true'"
                + " and details ->> 'visitMissed' = 'false'", plan)).isOne();
        // food raised at a visit and delivered: the next delivery is due a week after it, nothing missed the next day
        at(start.plusDays(8), "10:00:00");
        Map<String, Object> visit = CarePlanTest.visit("DOOR", "WELL");
        visit.put("needs", java.util.List.of(Map.of("kind", "FOOD", "urgency", "TODAY", "detail", "米面油")));
        String need = Api.as(Tokens.worker1()).body(visit).post(CarePlanTest.PLANS + "/" + plan + "/visits").then()
                .statusCode(201).extract().path("needIds[0]");
        Api.as(Tokens.worker1()).body(Map.of("version", 0)).post("/api/v1/needs/" + need + "/assign").then().statusCode(200);
        Api.as(Tokens.worker1()).body(Map.of("receivedBy", "本人", "version", 1)).post("/api/v1/needs/" + need + "/deliver")
                .then().statusCode(200);
        Api.as(Tokens.leader1()).get(CarePlanTest.PLANS + "/" + plan).then().statusCode(200)
                .body("deliveryMissed", equalTo(false)).body("nextDeliveryDue", equalTo(start.plusDays(15).toString()));
        at(start.plusDays(9), "07:00:00");
        assertThat(sweep.sweep()).isTrue();
        assertThat(alertOn(plan, start.plusDays(9))).isZero();
        // an ended plan is not swept
        Api.as(Tokens.leader1()).body(Map.of("reason", "住院", "version", 0)).post(CarePlanTest.PLANS + "/" + plan + "/end").then()
                .statusCode(200);
        at(start.plusDays(40), "07:00:00");
        assertThat(sweep.sweep()).isTrue();
        assertThat(missedAlerts(plan)).isOne();
    }
}
