package org.gridguard.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.temperature.TemperatureAlerts;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AlertTest {

    @Inject
    Alerts alerts;
    @Inject
    AlertService service;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    UUID raise(AlertKind kind, UUID area, String dedupe) {
        return alerts.raise(new Alerts.Raise(kind, "RESIDENT", UUID.randomUUID(), "张*", area, dedupe,
                Map.of("temperature", 38.2)), "test");
    }

    @Test
    void dedupeKeyRaisesOnce() {
        String key = "fever:" + UUID.randomUUID();
        UUID a = raise(TemperatureAlerts.FEVER, Demo.CELL1, key);
        UUID b = raise(TemperatureAlerts.FEVER, Demo.CELL1, key);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void inboxGoesToTheAreasLeadersOnly() {
        UUID a = raise(TemperatureAlerts.FEVER, Demo.CELL1, null);
        Api.as(Tokens.leader1()).get("/api/v1/alerts?state=OPEN&limit=500").then().statusCode(200)
                .body("items.id", hasItem(a.toString()));
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + a).then().statusCode(200)
                .body("alert.assignees", hasItem("leader1")).body("alert.assignees", not(hasItem("leader2")));
        Api.as(Tokens.leader2()).get("/api/v1/alerts?limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(a.toString())));
        Api.as(Tokens.leader2()).get("/api/v1/alerts/" + a).then().statusCode(404);
        Api.as(Tokens.supervisor()).get("/api/v1/alerts/" + a).then().statusCode(200);
        Api.as(Tokens.agency()).get("/api/v1/alerts/" + a).then().statusCode(200);
    }

    @Test
    void feverWorkflowAllowsOnlyItsSteps() {
        UUID a = raise(TemperatureAlerts.FEVER, Demo.CELL1, null);
        // cannot close straight from OPEN
        Api.as(Tokens.leader1()).body("{\"to\":\"CLOSED\",\"version\":0}").post("/api/v1/alerts/" + a + "/transitions")
                .then().statusCode(409).body("allowed", hasItem("REMEASURED"));
        Api.as(Tokens.leader1()).body("{\"to\":\"REMEASURED\",\"version\":0,\"data\":{\"temperature\":37.9}}")
                .post("/api/v1/alerts/" + a + "/transitions").then().statusCode(200).body("state", equalTo("REMEASURED"))
                .body("takenBy", equalTo("leader1"));
        // stale version
        Api.as(Tokens.leader1()).body("{\"to\":\"REFERRED\",\"version\":0}").post("/api/v1/alerts/" + a + "/transitions")
                .then().statusCode(412);
        Api.as(Tokens.leader1()).body("{\"to\":\"REFERRED\",\"version\":1,\"note\":\"转诊发热门诊\"}")
                .post("/api/v1/alerts/" + a + "/transitions").then().statusCode(200);
        Api.as(Tokens.leader1()).body("{\"to\":\"DISMISSED\",\"version\":2}").post("/api/v1/alerts/" + a + "/transitions")
                .then().statusCode(409);
        Api.as(Tokens.leader1()).body("{\"to\":\"CLOSED\",\"version\":2}").post("/api/v1/alerts/" + a + "/transitions")
                .then().statusCode(200).body("nextStates.size()", equalTo(0));
        List<String> steps = Api.as(Tokens.leader1()).get("/api/v1/alerts/" + a).then().extract().jsonPath()
                .getList("events.toState");
        assertThat(steps).containsExactly("OPEN", "REMEASURED", "REFERRED", "CLOSED");
        // other roles may not act
        UUID b = raise(TemperatureAlerts.FEVER, Demo.CELL1, null);
        Api.as(Tokens.agency()).body("{\"to\":\"DISMISSED\",\"version\":0}").post("/api/v1/alerts/" + b + "/transitions")
                .then().statusCode(403);
        Api.as(Tokens.leader2()).body("{\"to\":\"DISMISSED\",\"version\":0}").post("/api/v1/alerts/" + b + "/transitions")
                .then().statusCode(404);
        Api.as(Tokens.leader1()).body("{\"to\":\"SOMEWHERE\",\"version\":0}").post("/api/v1/alerts/" + b + "/transitions")
                .then().statusCode(400);
    }

    @Test
    void theMostOverdueComeFirstAndPageInThatOrder() {
        // raised one after another with the clock moving on (the first raised is due first), two at the same instant
        Instant start = Instant.now();
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestClock.set(start.plus(Duration.ofMinutes(Math.min(i, 4))));
            mine.add(raise(TemperatureAlerts.FEVER, Demo.CELL5, null).toString());
        }
        List<String> dues = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        String firstCursor = null;
        do {
            var page = Api.as(Tokens.leader2()).queryParam("sort", "MOST_OVERDUE").queryParam("limit", 1)
                    .queryParam("state", "OPEN").queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
            dues.addAll(page.getList("items.dueAt", String.class));
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
            firstCursor = firstCursor == null ? cursor : firstCursor;
        } while (cursor != null);
        assertThat(dues).isSortedAccordingTo((x, y) -> Instant.parse(x).compareTo(Instant.parse(y)));
        assertThat(ids).doesNotHaveDuplicates().containsAll(mine);
        assertThat(ids.indexOf(mine.get(0))).isLessThan(ids.indexOf(mine.get(1)));
        // a cursor belongs to its order
        Api.as(Tokens.leader2()).queryParam("cursor", firstCursor).get("/api/v1/alerts").then().statusCode(400);
        String newest = Api.as(Tokens.leader2()).queryParam("limit", 1).get("/api/v1/alerts").then().statusCode(200)
                .extract().path("next");
        Api.as(Tokens.leader2()).queryParam("sort", "MOST_OVERDUE").queryParam("cursor", newest).get("/api/v1/alerts")
                .then().statusCode(400);
        Api.as(Tokens.leader2()).queryParam("sort", "MOST_OVERDUE").queryParam("updatedSince", "2022-04-05T08:00:00+08:00")
                .get("/api/v1/alerts")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("NEWEST"));
        Api.as(Tokens.leader2()).get("/api/v1/alerts?sort=OLDEST").then().statusCode(400);
    }

    @Test
    void alertsBecomeOverdueOnce() {
        UUID a = raise(TemperatureAlerts.MISSING_REPORT, Demo.CELL5, null);
        TestClock.set(Instant.now().plus(Duration.ofHours(3)));
        int first = QuarkusTransaction.requiringNew().call(() -> service.markOverdue(TestClock.instantNow()));
        int second = QuarkusTransaction.requiringNew().call(() -> service.markOverdue(TestClock.instantNow()));
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        Api.as(Tokens.leader2()).get("/api/v1/alerts?overdue=true&limit=500").then().statusCode(200)
                .body("items.id", hasItem(a.toString()));
        Api.as(Tokens.leader2()).get("/api/v1/alerts?olderThanMinutes=120&limit=500").then().statusCode(200)
                .body("items.id", hasItem(a.toString()));
    }

    @Test
    void everyFeaturesKindIsListedWithItsLabelsColourAndWorkflow() {
        Api.as(Tokens.worker1()).get("/api/v1/alert-kinds").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.contains("CARE_MISSED", "DISINFECTION_MISSED", "DUTY_GAP", "ENTERPRISE_CHECK_MISSED",
                        "FEVER", "INSPECTION_TASK_OVERDUE", "MISSING_REPORT", "NEED_URGENT", "POSITIVE_POOL", "QUARANTINE_BREACH",
                        "REPORT_LATE", "SYMPTOM", "VISIT_MISSED"))
                .body("find { it.kind == 'FEVER' }.labels.'zh-CN'", equalTo("发热"))
                .body("find { it.kind == 'FEVER' }.labels.en", equalTo("Fever"))
                .body("find { it.kind == 'FEVER' }.color", equalTo("red"))
                .body("find { it.kind == 'FEVER' }.assigneeRole", equalTo("grid-leader"))
                .body("find { it.kind == 'FEVER' }.transitions.OPEN", org.hamcrest.Matchers.containsInAnyOrder("REMEASURED", "DISMISSED"))
                .body("find { it.kind == 'DUTY_GAP' }.transitions.OPEN", org.hamcrest.Matchers.containsInAnyOrder("ACKNOWLEDGED", "DISMISSED"));
        Api.as(Tokens.lab()).get("/api/v1/alert-kinds").then().statusCode(403);
    }

    @Test
    void anUnknownKindFilterIsA400NamingTheKnownOnes() {
        Api.as(Tokens.leader1()).queryParam("kind", "NOT_A_KIND").get("/api/v1/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("FEVER"));
        Api.as(Tokens.leader1()).queryParam("kind", "fever'; drop table alert; --").get("/api/v1/alerts").then().statusCode(400);
    }
}
