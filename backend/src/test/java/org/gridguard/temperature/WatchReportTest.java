package org.gridguard.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The watch list and its twice-daily reports with a controllable clock in Asia/Shanghai: the missing-report
 * sweep at each window's close (once), a late reading closing its window's alert, midnight, metrics.
 */
@QuarkusTest
class WatchReportTest {

    @Inject
    WatchService watches;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void at(String local) {
        TestClock.set(OffsetDateTime.parse(local).toInstant());
    }

    static String missingAlert(String resident, String day, String window) {
        List<String> ids = Api.as(Tokens.leader1()).get("/api/v1/alerts?kind=MISSING_REPORT&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.details.date == '" + day + "' && it.details.window == '" + window
                        + "' && it.subjectId == '" + resident + "' }.id");
        return ids.isEmpty() ? null : ids.get(0);
    }

    static long missingCount(String resident, String day, String window) {
        return TempFixture.count("select count(*) from alert where kind = 'MISSING_REPORT' and dedupe_key = ?",
                "missing:" + resident + ":" + day + ":" + window);
    }

    @Test
    void missingReportsAcrossWindowsAndMidnight() {
        List<String> cell1 = TempFixture.residents(Demo.CELL1, 12);
        String a = cell1.get(10), b = cell1.get(11);
        String c = TempFixture.residents(Demo.CELL5, 1).get(0);
        at("2031-07-01T07:00:00+08:00");
        String wa = Api.as(Tokens.worker1()).body(Map.of("residentId", a, "reason", "RETURNEE", "startsOn", "2031-07-01",
                "endsOn", "2031-07-02", "note", "武汉返回")).post("/api/v1/watches").then().statusCode(201)
                .body("name", notNullValue()).body("cellName", notNullValue()).extract().path("id");
        String wb = Api.as(Tokens.worker1()).body(Map.of("residentId", b, "reason", "BACK_TO_WORK", "startsOn", "2031-07-01",
                "endsOn", "2031-07-02")).post("/api/v1/watches").then().statusCode(201).extract().path("id");
        Api.as(Tokens.leader2()).body(Map.of("residentId", c, "reason", "RETURNEE", "startsOn", "2031-07-01",
                "endsOn", "2031-07-02")).post("/api/v1/watches").then().statusCode(201);
        // home isolation and close contacts are quarantine orders now (issue 17): the old reasons get a clear 422
        for (String old : List.of("HOME_ISOLATION", "CLOSE_CONTACT")) {
            Api.as(Tokens.worker1()).body(Map.of("residentId", a, "reason", old, "startsOn", "2031-07-01", "endsOn", "2031-07-02"))
                    .post("/api/v1/watches").then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("/api/v1/quarantines")).body("errors[0].field", equalTo("reason"));
        }
        Api.as(Tokens.worker1()).body(Map.of("residentId", a, "reason", "NONSENSE", "startsOn", "2031-07-01", "endsOn", "2031-07-02"))
                .post("/api/v1/watches").then().statusCode(400).body("detail", containsString("RETURNEE"));
        // a worker watches only residents of their own cells; a period must make sense
        Api.as(Tokens.worker2()).body(Map.of("residentId", a, "reason", "RETURNEE", "startsOn", "2031-07-01",
                "endsOn", "2031-07-02")).post("/api/v1/watches").then().statusCode(404);
        Api.as(Tokens.worker1()).body(Map.of("residentId", a, "reason", "RETURNEE", "startsOn", "2031-07-03",
                "endsOn", "2031-07-02")).post("/api/v1/watches").then().statusCode(400);
        Api.as(Tokens.worker2()).get("/api/v1/watches/" + wa).then().statusCode(404);
        Api.as(Tokens.leader1()).get("/api/v1/watches?activeOn=2031-07-01&areaId=" + Demo.CELL1).then().statusCode(200)
                .body("items.id", hasItem(wa)).body("items.id", hasItem(wb));

        // B reports in the morning, by phone
        at("2031-07-01T08:05:00+08:00");
        Api.as(Tokens.worker1()).body(TempFixture.report(b, "36.4", OffsetDateTime.parse("2031-07-01T08:00:00+08:00")))
                .post("/api/v1/temperature-checks").then().statusCode(201).body("reportWindow", equalTo("MORNING"));

        // one second before the morning closes: nothing for today yet
        at("2031-07-01T11:59:59+08:00");
        watches.sweepMissing();
        assertThat(missingCount(a, "2031-07-01", "MORNING")).isZero();

        // the morning closes: A and C are missing, B is not; the sweep runs once
        at("2031-07-01T12:00:00+08:00");
        assertThat(watches.sweepMissing()).isTrue();
        assertThat(watches.sweepMissing()).as("the same window twice").isFalse();
        assertThat(missingCount(a, "2031-07-01", "MORNING")).isEqualTo(1);
        assertThat(missingCount(c, "2031-07-01", "MORNING")).isEqualTo(1);
        assertThat(missingCount(b, "2031-07-01", "MORNING")).isZero();
        String alertA = missingAlert(a, "2031-07-01", "MORNING");
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + alertA).then().statusCode(200).body("alert.state", equalTo("OPEN"))
                .body("alert.assignees", hasItem("leader1")).body("alert.areaId", equalTo(Demo.CELL1.toString()));
        Api.as(Tokens.leader2()).get("/api/v1/alerts/" + alertA).then().statusCode(404);
        Api.as(Tokens.leader1()).get("/api/v1/watch-reports?date=2031-07-01&window=MORNING&status=MISSING&areaId=" + Demo.CELL1)
                .then().statusCode(200).body("items.residentId", equalTo(List.of(a))).body("items[0].alertId", equalTo(alertA))
                .body("items[0].reported", equalTo(false));
        Api.as(Tokens.worker1()).get("/api/v1/watch-reports?date=2031-07-01&window=MORNING&status=MISSING").then().statusCode(200)
                .body("items.residentId", equalTo(List.of(a)));

        // A's morning reading arrives late: it counts for the morning and closes the alert by itself
        at("2031-07-01T12:40:00+08:00");
        Api.as(Tokens.worker1()).body(TempFixture.report(a, "36.7", OffsetDateTime.parse("2031-07-01T11:30:00+08:00")))
                .post("/api/v1/temperature-checks").then().statusCode(201).body("late", equalTo(true))
                .body("reportWindow", equalTo("MORNING"));
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + alertA).then().statusCode(200).body("alert.state", equalTo("CLOSED"))
                .body("events[-1].actor", equalTo("system"));
        Api.as(Tokens.leader1()).get("/api/v1/watch-reports?date=2031-07-01&window=MORNING&areaId=" + Demo.CELL1).then()
                .statusCode(200).body("items.findAll { it.reported }.residentId", hasItem(a))
                .body("items.findAll { it.reported }.residentId", hasItem(b))
                .body("items.find { it.residentId == '" + a + "' }.reading.temperature", equalTo(36.7f));

        // the afternoon closes: everyone under watch without an afternoon reading
        at("2031-07-01T18:00:01+08:00");
        assertThat(watches.sweepMissing()).isTrue();
        assertThat(missingCount(a, "2031-07-01", "AFTERNOON")).isEqualTo(1);
        assertThat(missingCount(b, "2031-07-01", "AFTERNOON")).isEqualTo(1);
        assertThat(missingCount(c, "2031-07-01", "AFTERNOON")).isEqualTo(1);

        // past midnight the last closed window is still yesterday afternoon: nothing runs twice
        at("2031-07-02T00:30:00+08:00");
        assertThat(watches.sweepMissing()).isFalse();
        // a reading at 23:30 counts for no window; one at 06:30 (22:30 UTC the day before) is the new day's morning
        Api.as(Tokens.worker1()).body(TempFixture.report(a, "36.5", OffsetDateTime.parse("2031-07-01T23:30:00+08:00")))
                .post("/api/v1/temperature-checks").then().statusCode(201).body("reportWindow", nullValue())
                .body("businessDate", equalTo("2031-07-01"));
        at("2031-07-02T06:35:00+08:00");
        Api.as(Tokens.worker1()).body(TempFixture.report(a, "36.5", OffsetDateTime.parse("2031-07-01T22:30:00Z")))
                .post("/api/v1/temperature-checks").then().statusCode(201).body("reportWindow", equalTo("MORNING"))
                .body("businessDate", equalTo("2031-07-02"));
        // B's watch ends early
        int v = Api.as(Tokens.worker1()).get("/api/v1/watches/" + wb).then().statusCode(200).extract().path("version");
        Api.as(Tokens.worker1()).header("If-Match", "\"" + (v + 1) + "\"").body(Map.of("endsOn", "2031-07-01"))
                .patch("/api/v1/watches/" + wb).then().statusCode(412);
        Api.as(Tokens.worker1()).header("If-Match", "\"" + v + "\"").body(Map.of("endsOn", "2031-07-01"))
                .patch("/api/v1/watches/" + wb).then().statusCode(200).body("endsOn", equalTo("2031-07-01"));
        at("2031-07-02T12:00:00+08:00");
        assertThat(watches.sweepMissing()).isTrue();
        assertThat(missingCount(a, "2031-07-02", "MORNING")).isZero();
        assertThat(missingCount(b, "2031-07-02", "MORNING")).isZero();
        assertThat(missingCount(c, "2031-07-02", "MORNING")).isEqualTo(1);

        // metrics of the two days for worker1's cell, once both days are over
        at("2031-07-02T18:00:00+08:00");
        String q = "/api/v1/metrics/temperature?areaId=" + Demo.CELL1 + "&from=2031-07-01&to=2031-07-02";
        Api.as(Tokens.leader1()).get(q).then().statusCode(200).body("days", hasSize(2))
                .body("days[0].date", equalTo("2031-07-01")).body("days[0].registrations", equalTo(3))
                .body("days[0].reportsDue", equalTo(4)).body("days[0].reportsReceived", equalTo(2))
                .body("days[0].missing", equalTo(2)).body("days[0].complianceRate", equalTo(0.5f))
                .body("days[1].reportsDue", equalTo(2)).body("days[1].reportsReceived", equalTo(1))
                .body("totals.reportsDue", equalTo(6)).body("totals.reportsReceived", equalTo(3))
                .body("totals.registrations", equalTo(4));
        String csv = Api.as(Tokens.supervisor()).accept("text/csv").get(q).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).hasSize(4);
        assertThat(csv).startsWith("date,registrations,fevers,alertsOpen,alertsClosed,reportsDue,reportsReceived,missing,complianceRate")
                .contains("2031-07-01,3,0,0,0,4,2,2,0.5").contains("total,4,0,0,0,6,3,3,0.5");
        Api.as(Tokens.agency()).get(q).then().statusCode(200);
        Api.as(Tokens.leader2()).get(q).then().statusCode(404);
        Api.as(Tokens.worker1()).get(q).then().statusCode(403);
        Api.as(Tokens.leader1()).get("/api/v1/metrics/temperature?areaId=" + Demo.CELL1 + "&from=2031-07-02&to=2031-07-01")
                .then().statusCode(400);
        Api.as(Tokens.leader1()).get("/api/v1/metrics/temperature").then().statusCode(400).body("errors.field", hasItem("areaId"));
        // a fever shows in the day's figures and its alert as open
        Api.as(Tokens.worker1()).body(TempFixture.report(b, "38.0", OffsetDateTime.parse("2031-07-02T17:00:00+08:00")))
                .post("/api/v1/temperature-checks").then().statusCode(201);
        Api.as(Tokens.leader1()).get(q).then().statusCode(200).body("days[1].fevers", equalTo(1))
                .body("days[1].alertsOpen", equalTo(1)).body("days[1].alertsClosed", equalTo(0));
        assertThat(UUID.fromString(wa)).isNotNull();
        Api.as(Tokens.leader1()).get("/api/v1/watch-reports?date=2031-07-02&status=MISSING&areaId=" + Demo.CELL1).then()
                .statusCode(200).body("items.residentId", not(hasItem(b)));
    }

    @Test
    void aPersonUnderAnActiveQuarantineOrderGetsNoMissingReport() {
        List<String> cell1 = TempFixture.residents(Demo.CELL1, 16);
        String d = cell1.get(14), e = cell1.get(15);
        at("2031-08-01T07:00:00+08:00");
        for (String r : List.of(d, e)) {
            Api.as(Tokens.worker1()).body(Map.of("residentId", r, "reason", "RETURNEE", "startsOn", "2031-08-01",
                    "endsOn", "2031-08-01")).post("/api/v1/watches").then().statusCode(201);
        }
        String order = Api.as(Tokens.leader1()).body(Map.of("residentId", d, "kind", "HOME_ISOLATION", "reason", "CLOSE_CONTACT",
                "startsOn", "2031-08-01")).post("/api/v1/quarantines").then().statusCode(201).extract().path("id");
        at("2031-08-01T12:00:00+08:00");
        assertThat(watches.sweepMissing()).isTrue();
        assertThat(missingCount(d, "2031-08-01", "MORNING")).as("followed by the order's visits").isZero();
        assertThat(missingCount(e, "2031-08-01", "MORNING")).isEqualTo(1);
        // released: watched again like anyone else
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("reason", "解除"))
                .post("/api/v1/quarantines/" + order + "/release").then().statusCode(200);
        at("2031-08-01T18:00:00+08:00");
        assertThat(watches.sweepMissing()).isTrue();
        assertThat(missingCount(d, "2031-08-01", "AFTERNOON")).isEqualTo(1);
    }
}
