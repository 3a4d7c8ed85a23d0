package org.gridguard.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.quarantine.BreachOrders;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The needs register: create within reach (idempotent), read, list with filters and pages, cancel, the port. */
@QuarkusTest
class NeedTest {

    static final UUID KK4 = Demo.id("BH-C001-KK4");

    @Inject
    Needs needs;

    static Map<String, Object> body(String subjectField, Object subject) {
        return Map.of("kind", "FOOD", "detail", "大米 10 斤", "urgency", "TODAY", "source", "PHONE_CALL", subjectField,
                subject.toString());
    }

    static UUID household(UUID cell) {
        List<String> ids = Api.as(Tokens.admin()).get("/api/v1/households?limit=1&areaId=" + cell).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        return UUID.fromString(ids.get(0));
    }

    @Test
    void aWorkerRegistersANeedOfTheirCellOnceAndOthersOutOfReachDoNotSeeIt() {
        UUID hh = household(Demo.CELL1);
        String key = "need-" + UUID.randomUUID();
        Response first = Api.as(Tokens.worker1()).header("Idempotency-Key", key).body(body("householdId", hh))
                .post("/api/v1/needs");
        first.then().statusCode(201).header("Location", containsString("/api/v1/needs/")).body("status", equalTo("OPEN"))
                .body("householdId", equalTo(hh.toString())).body("gridCellId", equalTo(Demo.CELL1.toString()))
                .body("doorLabel", notNullValue()).body("history", hasSize(1)).body("history[0].action", equalTo("OPENED"))
                .body("createdBy", equalTo("worker1"));
        String id = first.jsonPath().getString("id");
        Api.as(Tokens.worker1()).header("Idempotency-Key", key).body(body("householdId", hh)).post("/api/v1/needs").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        Api.as(Tokens.leader1()).get("/api/v1/needs/" + id).then().statusCode(200).body("kind", equalTo("FOOD"));
        Api.as(Tokens.supervisor()).get("/api/v1/needs/" + id).then().statusCode(200);
        Api.as(Tokens.worker2()).get("/api/v1/needs/" + id).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        Api.as(Tokens.leader2()).get("/api/v1/needs/" + id).then().statusCode(404);
        assertThat(Api.as(Tokens.worker2()).get("/api/v1/needs?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).doesNotContain(id);
        assertThat(Api.as(Tokens.worker1()).get("/api/v1/needs?status=OPEN&kind=FOOD&urgency=TODAY&areaId=" + Demo.CELL1
                + "&limit=500").then().statusCode(200).extract().jsonPath().getList("items.id")).contains(id);
        assertThat(Api.as(Tokens.worker1()).get("/api/v1/needs?kind=SUBSIDY&limit=500").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).doesNotContain(id);
        // a household of another cell is missing for worker1, not forbidden
        Api.as(Tokens.worker1()).body(body("householdId", household(Demo.CELL5))).post("/api/v1/needs").then().statusCode(404);
        Api.as(Tokens.worker2()).get("/api/v1/needs?areaId=" + Demo.CELL1).then().statusCode(404);
        Api.as(Tokens.lab()).get("/api/v1/needs").then().statusCode(403);
    }

    @Test
    void aResidentsNeedKnowsTheirHouseholdAndBadInputIsAClearProblem() {
        UUID[] person = BreachOrders.residentsGuardedBy(KK4, 1).get(0);
        Api.as(Tokens.leader1()).body(body("residentId", person[0])).post("/api/v1/needs").then().statusCode(201)
                .body("residentId", equalTo(person[0].toString())).body("householdId", equalTo(person[1].toString()))
                .body("residentName", notNullValue());
        Map<String, Object> two = new java.util.HashMap<>(body("residentId", person[0]));
        two.put("householdId", person[1].toString());
        Api.as(Tokens.leader1()).body(two).post("/api/v1/needs").then().statusCode(400)
                .body("detail", containsString("exactly one"));
        Api.as(Tokens.leader1()).body(Map.of("kind", "FOOD", "urgency", "TODAY", "source", "PHONE_CALL")).post("/api/v1/needs")
                .then().statusCode(400);
        Map<String, Object> badKind = new java.util.HashMap<>(body("residentId", person[0]));
        badKind.put("kind", "PIZZA");
        Api.as(Tokens.leader1()).body(badKind).post("/api/v1/needs").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        Api.as(Tokens.leader1()).body(body("residentId", UUID.randomUUID())).post("/api/v1/needs").then().statusCode(404);
        Api.as(Tokens.leader1()).get("/api/v1/needs?cursor=nonsense").then().statusCode(400);
        Api.as(Tokens.leader1()).get("/api/v1/needs?limit=0").then().statusCode(400);
    }

    @Test
    void anOpenNeedIsCancelledOnceWithItsReasonAndVersion() {
        String id = Api.as(Tokens.worker1()).body(body("householdId", household(Demo.CELL1))).post("/api/v1/needs").then()
                .statusCode(201).extract().path("id");
        Api.as(Tokens.worker1()).body(Map.of("reason", "家属已送达")).post("/api/v1/needs/" + id + "/cancel").then().statusCode(428);
        Api.as(Tokens.worker1()).body(Map.of("reason", "家属已送达", "version", 5)).post("/api/v1/needs/" + id + "/cancel").then()
                .statusCode(412);
        Api.as(Tokens.worker1()).body(Map.of("reason", " ", "version", 0)).post("/api/v1/needs/" + id + "/cancel").then()
                .statusCode(400);
        Api.as(Tokens.worker2()).body(Map.of("reason", "家属已送达", "version", 0)).post("/api/v1/needs/" + id + "/cancel").then()
                .statusCode(404);
        Api.as(Tokens.worker1()).body(Map.of("reason", "家属已送达", "version", 0)).post("/api/v1/needs/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("家属已送达"))
                .body("history", hasSize(2)).body("history[1].action", equalTo("CANCELLED"))
                .body("history[1].fromStatus", equalTo("OPEN")).body("history[1].reason", equalTo("家属已送达"));
        Api.as(Tokens.worker1()).body(Map.of("reason", "again", "version", 1)).post("/api/v1/needs/" + id + "/cancel").then()
                .statusCode(409);
        assertThat(Api.as(Tokens.worker1()).get("/api/v1/needs?status=OPEN&limit=500").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).doesNotContain(id);
    }

    @Test
    void theListPagesNewestFirst() {
        UUID hh = household(Demo.CELL1);
        for (int i = 0; i < 3; i++) {
            Api.as(Tokens.worker1()).body(body("householdId", hh)).post("/api/v1/needs").then().statusCode(201);
        }
        Response p1 = Api.as(Tokens.worker1()).get("/api/v1/needs?limit=2");
        p1.then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue());
        List<String> first = p1.jsonPath().getList("items.id");
        List<String> second = Api.as(Tokens.worker1()).get("/api/v1/needs?limit=2&cursor=" + p1.jsonPath().getString("next"))
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    }

    @Test
    void aQuarantineVisitRaisesANeedThroughThePortAlsoForANonResident() {
        UUID resident = BreachOrders.residentsGuardedBy(KK4, 3).get(2)[0];
        UUID order = BreachOrders.nonResidentOrder(resident);
        UUID visit = UUID.randomUUID();
        UUID id = needs.raise(new Needs.NewNeed(Needs.Kind.MEDICINE, "降压药", Needs.Urgency.URGENT_MEDICAL,
                Needs.Source.QUARANTINE_VISIT, null, null, order, visit), "worker1");
        Api.as(Tokens.worker1()).get("/api/v1/needs/" + id).then().statusCode(200)
                .body("quarantineOrderId", equalTo(order.toString())).body("orderNumber", notNullValue())
                .body("residentId", nullValue()).body("householdId", nullValue()).body("sourceRef", equalTo(visit.toString()))
                .body("source", equalTo("QUARANTINE_VISIT")).body("createdBy", equalTo("worker1"));
        Api.as(Tokens.worker2()).get("/api/v1/needs/" + id).then().statusCode(404);
        BreachOrders.releaseOrder(order);
        // a released order takes no new need
        Api.as(Tokens.worker1()).body(body("quarantineOrderId", order)).post("/api/v1/needs").then().statusCode(404);
    }
}
