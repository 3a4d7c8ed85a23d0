package org.gridguard.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Escalation with the test clock: alerts are due 2 h after they are raised (overdue-after) and escalate 2 h after
 * that (escalate-after), then again 2 h after each escalation; MISSING_REPORT is configured off.
 */
@QuarkusTest
class EscalationTest {

    static final Duration DELAY = Duration.ofHours(2);

    @Inject
    Alerts alerts;
    @Inject
    AlertService service;
    @Inject
    AlertCounts counts;
    @Inject
    AlertRepository repository;

    Instant start;

    @BeforeEach
    void fixClock() {
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestClock.set(start);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    UUID raise(AlertKind kind, UUID area) {
        return alerts.raise(new Alerts.Raise(kind, "RESIDENT", UUID.randomUUID(), "王*", area, null, Map.of()), "test");
    }

    /** Sweeps at {@code start + due + delay + offset}. */
    void sweepAt(Duration sinceStart) {
        TestClock.set(start.plus(sinceStart));
        QuarkusTransaction.requiringNew().call(() -> service.escalate(TestClock.instantNow()));
    }

    JsonPath alert(String token, UUID id) {
        return Api.as(token).get("/api/v1/alerts/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCellsAlertEscalatesPastTheLeadersWhoHandleItToTheCommunityOnlyAfterTheDelay() {
        UUID fever = raise(TemperatureAlerts.FEVER, Demo.CELL1);
        sweepAt(DELAY.plus(DELAY).minusMinutes(1));
        assertThat(alert(Tokens.leader1(), fever).getString("alert.escalatedAt")).isNull();

        sweepAt(DELAY.plus(DELAY).plusMinutes(1));
        JsonPath a = alert(Tokens.leader1(), fever);
        // the zone's grid leaders already handle it: the first level up that is someone new is the community
        assertThat(a.getString("alert.escalationAreaId")).isEqualTo(Demo.COMMUNITY.toString());
        assertThat(Instant.parse(a.getString("alert.escalatedAt"))).isEqualTo(TestClock.instantNow());
        assertThat(Instant.parse(a.getString("alert.updatedAt"))).isEqualTo(TestClock.instantNow());
        assertThat(a.getString("alert.state")).isEqualTo("OPEN");
        List<Map<String, Object>> escalations = a.getList("events.findAll { it.note == 'escalated' }.data");
        assertThat(escalations).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("escalationAreaId", Demo.COMMUNITY.toString()).containsEntry("level", "COMMUNITY");
        });
    }

    @Test
    void aStillOpenAlertGoesOneLevelFurtherAfterAnotherDelayAndTheSupervisorSeesItFlagged() {
        UUID fever = raise(TemperatureAlerts.FEVER, Demo.CELL1);
        sweepAt(Duration.ofHours(4).plusMinutes(1));
        Api.as(Tokens.supervisor()).get("/api/v1/alerts?escalated=true&limit=500").then().statusCode(200)
                .body("items.id", hasItem(fever.toString()))
                .body("items.find { it.id == '" + fever + "' }.escalationAreaId", equalTo(Demo.COMMUNITY.toString()));
        Api.as(Tokens.supervisor()).get("/api/v1/alerts?escalated=false&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(fever.toString())));
        Api.as(Tokens.leader2()).get("/api/v1/alerts?escalated=true&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(fever.toString())));
        sweepAt(Duration.ofHours(6));
        assertThat(alert(Tokens.supervisor(), fever).getString("alert.escalationAreaId")).isEqualTo(Demo.COMMUNITY.toString());

        sweepAt(Duration.ofHours(6).plusMinutes(2));
        String[] path = repository.areaPath(Demo.COMMUNITY).split("/");
        String street = path[path.length - 2];
        assertThat(alert(Tokens.supervisor(), fever).getString("alert.escalationAreaId")).as("the community's street")
                .isEqualTo(street);

        // closed: no longer listed as escalated, and never escalates further
        Api.as(Tokens.leader1()).body("{\"to\":\"DISMISSED\",\"version\":0}").post("/api/v1/alerts/" + fever + "/transitions")
                .then().statusCode(200);
        Api.as(Tokens.leader1()).body("{\"to\":\"CLOSED\",\"version\":1}").post("/api/v1/alerts/" + fever + "/transitions")
                .then().statusCode(200);
        sweepAt(Duration.ofHours(12));
        assertThat(alert(Tokens.supervisor(), fever).getString("alert.escalationAreaId")).isEqualTo(street);
        Api.as(Tokens.supervisor()).get("/api/v1/alerts?escalated=true&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(fever.toString())));
    }

    @Test
    void aZonesAlertEscalatesStrictlyAboveTheZone() {
        UUID zoneAlert = raise(TemperatureAlerts.FEVER, Demo.ZONE1);
        sweepAt(Duration.ofHours(4).plusMinutes(1));
        assertThat(alert(Tokens.supervisor(), zoneAlert).getString("alert.escalationAreaId"))
                .isEqualTo(Demo.COMMUNITY.toString());
    }

    @Test
    void aKindConfiguredOffNeverEscalates() {
        UUID missing = raise(TemperatureAlerts.MISSING_REPORT, Demo.CELL1);
        sweepAt(Duration.ofHours(10));
        sweepAt(Duration.ofHours(20));
        JsonPath a = alert(Tokens.leader1(), missing);
        assertThat(a.getString("alert.escalatedAt")).isNull();
        assertThat(a.getString("alert.escalationAreaId")).isNull();
        Api.as(Tokens.leader1()).get("/api/v1/alerts?escalated=false&kind=MISSING_REPORT&limit=500").then().statusCode(200)
                .body("items.find { it.id == '" + missing + "' }.escalatedAt", nullValue())
                .body("items.id", hasItem(missing.toString()));
    }

    @Test
    void theDashboardCountsOpenOverdueAndEscalatedByKind() {
        String zone = repository.areaPath(Demo.ZONE1);
        String otherZone = repository.areaPath(Demo.ZONE2);
        AlertCounts.ByKind before = fever(zone);
        long otherBefore = fever(otherZone).open();
        UUID a = raise(TemperatureAlerts.FEVER, Demo.CELL1);
        raise(TemperatureAlerts.FEVER, Demo.CELL1);
        AlertCounts.ByKind raised = fever(zone);
        assertThat(raised.open()).isEqualTo(before.open() + 2);

        sweepAt(Duration.ofHours(4).plusMinutes(1));
        AlertCounts.ByKind escalated = fever(zone);
        assertThat(escalated.open()).isEqualTo(raised.open());
        assertThat(escalated.overdue()).isGreaterThanOrEqualTo(before.overdue() + 2);
        assertThat(escalated.escalated()).isGreaterThanOrEqualTo(before.escalated() + 2);

        Api.as(Tokens.leader1()).body("{\"to\":\"DISMISSED\",\"version\":0}").post("/api/v1/alerts/" + a + "/transitions")
                .then().statusCode(200);
        Api.as(Tokens.leader1()).body("{\"to\":\"CLOSED\",\"version\":1}").post("/api/v1/alerts/" + a + "/transitions")
                .then().statusCode(200);
        assertThat(fever(zone).open()).isEqualTo(escalated.open() - 1);
        assertThat(fever(otherZone).open()).isEqualTo(otherBefore);
    }

    AlertCounts.ByKind fever(String path) {
        return counts.byKind(path).stream().filter(c -> c.kind().equals("FEVER")).findFirst()
                .orElse(new AlertCounts.ByKind("FEVER", 0, 0, 0));
    }
}
