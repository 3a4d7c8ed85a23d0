package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * At the checkpoint (issue 17 part 5): the person lookup answers with an active home order, and recording an attempt
 * to go out keeps every attempt and raises one QUARANTINE_BREACH alert per order, checkpoint and hour.
 */
@QuarkusTest
class BreachTest {

    /** KK4 guards a compound of worker1's cell G01. */
    static final UUID KK4 = Demo.id("BH-C001-KK4");

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static Map<String, Object> lookupByHousehold(UUID household, UUID resident) {
        List<Map<String, Object>> hits = Api.as(Tokens.worker1()).body(Map.of("householdId", household.toString()))
                .post("/api/v1/checkpoints/" + KK4 + "/people/search").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return hits.stream().filter(h -> resident.toString().equals(h.get("residentId"))).findFirst().orElseThrow();
    }

    @Test
    void theLookupAnswersWithTheHomeOrderAndNothingForOthers() {
        List<UUID[]> people = BreachOrders.residentsGuardedBy(KK4, 12);
        UUID[] isolated = people.get(5);
        UUID[] monitored = people.get(6);
        UUID[] central = people.get(7);
        UUID order = BreachOrders.activeOrder(isolated[0], "HOME_ISOLATION");
        BreachOrders.activeOrder(monitored[0], "HOME_MONITORING");
        BreachOrders.activeOrder(central[0], "CENTRAL_ISOLATION");

        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) lookupByHousehold(isolated[1], isolated[0]).get("quarantine");
        assertThat(q).containsEntry("orderId", order.toString()).containsEntry("kind", "HOME_ISOLATION")
                .containsKeys("number", "endsOn");
        assertThat(lookupByHousehold(monitored[1], monitored[0]).get("quarantine")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("kind", "HOME_MONITORING");
        assertThat(lookupByHousehold(central[1], central[0]).get("quarantine")).isNull();
        BreachOrders.releaseOrder(order);
        assertThat(lookupByHousehold(isolated[1], isolated[0]).get("quarantine")).isNull();
    }

    @Test
    void everyAttemptIsKeptAndTheAlertIsRaisedOncePerOrderCheckpointAndHour() {
        UUID resident = BreachOrders.residentsGuardedBy(KK4, 12).get(8)[0];
        UUID order = BreachOrders.activeOrder(resident, "HOME_ISOLATION");
        TestClock.set(OffsetDateTime.parse("2026-03-01T10:05:00+08:00").toInstant());
        String url = "/api/v1/quarantines/" + order + "/breaches";
        String alert = Api.as(Tokens.worker1()).body(Map.of("checkpointId", KK4.toString(), "note", "想去超市"))
                .post(url).then().statusCode(201).body("orderId", equalTo(order.toString()))
                .body("checkpointId", equalTo(KK4.toString())).body("recordedBy", equalTo("worker1"))
                .body("orderNumber", notNullValue()).body("checkpointName", notNullValue()).body("alertId", notNullValue())
                .extract().path("alertId");
        TestClock.advance(Duration.ofMinutes(20));
        Api.as(Tokens.leader1()).body(Map.of("checkpointId", KK4.toString())).post(url).then().statusCode(201)
                .body("alertId", equalTo(alert)).body("note", nullValue());
        TestClock.advance(Duration.ofMinutes(40));
        String next = Api.as(Tokens.worker1()).body(Map.of("checkpointId", KK4.toString())).post(url).then().statusCode(201)
                .extract().path("alertId");
        assertThat(next).isNotEqualTo(alert);
        assertThat(BreachOrders.count("select count(*) from quarantine_breach where order_id = ?", order)).isEqualTo(3);
        assertThat(BreachOrders.count("select count(*) from alert where kind = 'QUARANTINE_BREACH' and subject_id = ?", order))
                .isEqualTo(2);
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + alert).then().statusCode(200)
                .body("alert.kind", equalTo("QUARANTINE_BREACH")).body("alert.details.orderId", equalTo(order.toString()));
        Api.as(Tokens.leader2()).get("/api/v1/alerts/" + alert).then().statusCode(404);
        Api.as(Tokens.leader1()).get("/api/v1/alert-kinds").then().statusCode(200).body("kind", hasItem("QUARANTINE_BREACH"));
    }

    @Test
    void outOfReachMissingAndReleasedOrdersAreClearProblems() {
        UUID resident = BreachOrders.residentsGuardedBy(KK4, 12).get(9)[0];
        UUID order = BreachOrders.activeOrder(resident, "HOME_ISOLATION");
        String url = "/api/v1/quarantines/" + order + "/breaches";
        Map<String, Object> body = Map.of("checkpointId", KK4.toString());
        // worker2 does not record at KK4 and does not see it
        Api.as(Tokens.worker2()).body(body).post(url).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        Api.as(Tokens.worker1()).body(body).post("/api/v1/quarantines/" + UUID.randomUUID() + "/breaches").then()
                .statusCode(404).body("detail", containsString("Quarantine order"));
        Api.as(Tokens.worker1()).body(Map.of("checkpointId", UUID.randomUUID().toString())).post(url).then().statusCode(404);
        Api.as(Tokens.worker1()).body(Map.of()).post(url).then().statusCode(400);
        Api.as(Tokens.lab()).body(body).post(url).then().statusCode(403);
        BreachOrders.releaseOrder(order);
        Api.as(Tokens.worker1()).body(body).post(url).then().statusCode(409).body("detail", containsString("not active"));
    }
}
