package org.gridguard.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.gridguard.duty.shift.DutyPostService;

/** Check-in at the post, gaps caught once, hours with corrections, work logs, inspections, metrics. */
@QuarkusTest
class DutyPostTest {

    @Inject
    DutyPostService posts;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void checkInHoursCorrectionsAndWorkLogs() {
        String cp = DutyFixture.post("T-POST-1", Demo.COMPOUND1, "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":3");
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.COMPOUND1 + "\",\"from\":\"2031-06-02\",\"to\":\"2031-06-02\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        String shift = DutyFixture.shiftAt(DutyFixture.shifts(Tokens.leader1(), cp, "2031-06-02", "2031-06-02"), "2031-06-02T08:00");
        DutyFixture.free(DutyFixture.WORKER1_PERSON, true);
        String w1 = DutyFixture.WORKER1_PERSON.toString();
        String volunteer = DutyFixture.person(Tokens.leader1(), "志愿者甲", Demo.CELL1, "社区志愿者");
        String volunteer2 = DutyFixture.person(Tokens.leader1(), "志愿者乙", Demo.CELL1, "社区志愿者");
        for (String p : List.of(w1, volunteer, volunteer2)) {
            Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}").post("/api/v1/duty-shifts/" + shift + "/assignees").then().statusCode(200);
        }
        Instant start = Instant.parse("2031-06-02T00:00:00Z"); // 08:00 in Asia/Shanghai
        TestClock.set(start.plus(Duration.ofMinutes(10)));
        Api.as(Tokens.worker1()).body("{\"latitude\":25.79,\"longitude\":113.03}").post("/api/v1/duty-shifts/" + shift + "/check-ins")
                .then().statusCode(200).body("assignees.find { it.personId == '" + w1 + "' }.lateMinutes", equalTo(10));
        // a retry answers the first check-in
        TestClock.set(start.plus(Duration.ofMinutes(12)));
        Api.as(Tokens.worker1()).body("{}").post("/api/v1/duty-shifts/" + shift + "/check-ins").then().statusCode(200)
                .body("assignees.find { it.personId == '" + w1 + "' }.lateMinutes", equalTo(10));
        // worker1 checks in a colleague without a login on the same shift; leader1 the other; worker2 may not
        Api.as(Tokens.worker1()).body("{\"personId\":\"" + volunteer + "\"}").post("/api/v1/duty-shifts/" + shift + "/check-ins")
                .then().statusCode(200);
        Api.as(Tokens.worker2()).body("{\"personId\":\"" + volunteer2 + "\"}").post("/api/v1/duty-shifts/" + shift + "/check-ins")
                .then().statusCode(404);
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + volunteer2 + "\"}").post("/api/v1/duty-shifts/" + shift + "/check-ins")
                .then().statusCode(200);
        TestClock.set(start.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(2)));
        Api.as(Tokens.worker1()).body("{}").post("/api/v1/duty-shifts/" + shift + "/check-outs").then().statusCode(200);
        // the volunteers forgot to check out: visible once the shift is over
        TestClock.set(start.plus(Duration.ofHours(9)));
        Map<String, Object> view = Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + shift).then().statusCode(200)
                .extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> as = (List<Map<String, Object>>) view.get("assignees");
        assertThat(as).filteredOn(a -> a.get("personId").equals(volunteer)).extracting(a -> a.get("missingCheckOut")).containsExactly(true);
        assertThat(as).filteredOn(a -> a.get("personId").equals(w1)).extracting(a -> a.get("missingCheckOut")).containsExactly(false);
        Map<String, Object> mine = as.stream().filter(a -> a.get("personId").equals(w1)).findFirst().orElseThrow();
        String checkIn = (String) mine.get("checkInId");
        assertThat(mine.get("checkInVersion")).isEqualTo(1); // checked in, then out
        // hours: 07:52 worked
        Api.as(Tokens.worker1()).get("/api/v1/duty-people/" + w1 + "/hours?year=2031").then().statusCode(200)
                .body("checkInHours", equalTo(7.87f)).body("targetHours", equalTo(12)).body("targetMet", equalTo(false));
        // the leader corrects it to the full shift; the history keeps the old times
        Api.as(Tokens.worker1()).body("{\"checkInAt\":\"2031-06-02T08:00:00+08:00\",\"checkOutAt\":\"2031-06-02T16:00:00+08:00\",\"reason\":\"x\",\"version\":0}")
                .post("/api/v1/duty-check-ins/" + checkIn + "/corrections").then().statusCode(403);
        Api.as(Tokens.leader1()).body("{\"checkInAt\":\"2031-06-02T08:00:00+08:00\",\"checkOutAt\":\"2031-06-02T16:00:00+08:00\",\"reason\":\"到岗时手机没电\",\"version\":1}")
                .post("/api/v1/duty-check-ins/" + checkIn + "/corrections").then().statusCode(201)
                .body("oldCheckInAt", equalTo("2031-06-02T08:10:00+08:00")).body("newCheckInAt", equalTo("2031-06-02T08:00:00+08:00"));
        Api.as(Tokens.leader1()).body("{\"checkInAt\":\"2031-06-02T08:00:00+08:00\",\"reason\":\"stale\",\"version\":1}")
                .post("/api/v1/duty-check-ins/" + checkIn + "/corrections").then().statusCode(412);
        Api.as(Tokens.worker1()).get("/api/v1/duty-check-ins/" + checkIn + "/corrections").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].reason", equalTo("到岗时手机没电")).body("[0].correctedBy", equalTo("leader1"));
        Api.as(Tokens.worker1()).get("/api/v1/duty-people/" + w1 + "/hours?year=2031").then().body("checkInHours", equalTo(8.0f));
        // a day's work log: counted once approved
        String log = Api.as(Tokens.worker1())
                .body("{\"workDate\":\"2031-06-02\",\"description\":\"电话排查返乡人员\",\"hours\":4.5,\"householdsPhoned\":32,\"householdsVisited\":6}")
                .post("/api/v1/work-logs").then().statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");
        Api.as(Tokens.worker1()).get("/api/v1/duty-people/" + w1 + "/hours?year=2031").then().body("totalHours", equalTo(8.0f));
        Api.as(Tokens.leader1()).get("/api/v1/work-logs?date=2031-06-02").then().statusCode(200)
                .body("id", hasItem(log)).body("find { it.id == '" + log + "' }.householdsPhoned", equalTo(32));
        Api.as(Tokens.leader2()).get("/api/v1/work-logs?date=2031-06-02").then().statusCode(200).body("id", not(hasItem(log)));
        Api.as(Tokens.worker1()).body("{\"approve\":true,\"version\":0}").post("/api/v1/work-logs/" + log + "/decision").then().statusCode(403);
        Api.as(Tokens.leader1()).body("{\"approve\":true,\"version\":0}").post("/api/v1/work-logs/" + log + "/decision").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        Api.as(Tokens.worker1()).get("/api/v1/duty-people/" + w1 + "/hours?year=2031").then().body("workLogHours", equalTo(4.5f))
                .body("totalHours", equalTo(12.5f)).body("targetMet", equalTo(true));
        // totals by unit
        Api.as(Tokens.leader1()).get("/api/v1/duty-hours?year=2031&areaId=" + Demo.ZONE1).then().statusCode(200)
                .body("units.unit", hasItem("社区网格员")).body("people.personId", hasItem(w1));
        Api.as(Tokens.worker1()).get("/api/v1/duty-hours?year=2031").then().statusCode(200).body("people.personId", equalTo(List.of(w1)));
        // metrics for the day, in JSON and CSV
        Api.as(Tokens.leader1()).get("/api/v1/metrics/duty?areaId=" + Demo.COMPOUND1 + "&from=2031-06-02&to=2031-06-02").then()
                .statusCode(200).body("hoursByPerson.personId", hasItem(w1)).body("seatsNeeded", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        Api.as(Tokens.leader1()).accept("text/csv").get("/api/v1/metrics/duty?areaId=" + Demo.COMPOUND1 + "&from=2031-06-02&to=2031-06-02")
                .then().statusCode(200).contentType(startsWith("text/csv")).body(containsString("summary,fillRate"))
                .body(containsString("社区网格员"));
        Api.as(Tokens.supervisor()).get("/api/v1/metrics/duty?format=csv&areaId=" + Demo.COMMUNITY).then().statusCode(200)
                .contentType(startsWith("text/csv"));
        // the leader's spot inspection
        TestClock.set(start.plus(Duration.ofHours(2)));
        Api.as(Tokens.leader1()).body("{\"checkpointId\":\"" + cp + "\",\"present\":3,\"note\":\"人员在岗\"}").post("/api/v1/duty-inspections")
                .then().statusCode(201).body("staffed", equalTo(true));
        Api.as(Tokens.leader1()).get("/api/v1/duty-inspections?date=2031-06-02").then().statusCode(200).body("checkpointCode", hasItem("T-POST-1"));
    }

    @Test
    void anEmptyPostBecomesOneGapAlertEvenWithTwoInstancesSweeping() throws Exception {
        String cp = DutyFixture.post("T-GAP-1", Demo.COMPOUND1, "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":1");
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.COMPOUND1 + "\",\"from\":\"2031-07-01\",\"to\":\"2031-07-01\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        String shift = DutyFixture.shiftAt(DutyFixture.shifts(Tokens.leader1(), cp, "2031-07-01", "2031-07-01"), "2031-07-01T08:00");
        String p = DutyFixture.person(Tokens.leader1(), "没来的人", Demo.CELL1, "物业公司");
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}").post("/api/v1/duty-shifts/" + shift + "/assignees").then().statusCode(200);
        Instant start = Instant.parse("2031-07-01T00:00:00Z");
        TestClock.set(start.plus(Duration.ofMinutes(14)));
        posts.sweepGaps();
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + shift).then().body("gap", equalTo(false));
        // 15 minutes after the start: two "instances" sweep at once, the work happens once
        TestClock.set(start.plus(Duration.ofMinutes(16)));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<Boolean> c = () -> {
                go.await();
                return posts.sweepGaps();
            };
            runs.add(pool.submit(c));
        }
        go.countDown();
        int ran = 0;
        for (Future<Boolean> f : runs) {
            ran += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ran).isEqualTo(1);
        TestClock.advance(Duration.ofMinutes(1));
        assertThat(posts.sweepGaps()).as("the next minute sweeps again").isTrue();
        String alert = Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + shift).then().body("gap", equalTo(true))
                .extract().path("gapAlertId");
        List<Map<String, Object>> inbox = Api.as(Tokens.leader1()).get("/api/v1/alerts?kind=DUTY_GAP&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(inbox).filteredOn(a -> shift.equals(a.get("subjectId"))).hasSize(1)
                .extracting(a -> a.get("id")).containsExactly(alert);
        Api.as(Tokens.leader2()).get("/api/v1/alerts?kind=DUTY_GAP&limit=500").then().statusCode(200).body("items.id", not(hasItem(alert)));
        // a late arrival is visible, and the gap's duration counted
        TestClock.set(start.plus(Duration.ofMinutes(40)));
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}").post("/api/v1/duty-shifts/" + shift + "/check-ins").then()
                .statusCode(200).body("assignees[0].lateMinutes", equalTo(40));
        Api.as(Tokens.leader1()).get("/api/v1/metrics/duty?areaId=" + Demo.COMPOUND1 + "&from=2031-07-01&to=2031-07-01").then()
                .statusCode(200).body("gaps", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("gapMinutesTotal", org.hamcrest.Matchers.greaterThanOrEqualTo(40));
    }
}
