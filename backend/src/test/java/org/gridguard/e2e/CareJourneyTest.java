package org.gridguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Issue 18's journey against the real system (Keycloak tokens, the packaged API): a quarantine visit raises a
 * medicine need → leader1 puts it on a delivery run → worker1 delivers it from stock → the stock falls by the items,
 * the need is delivered, and the care metrics show it.
 */
class CareJourneyTest {

    @Test
    void fromAQuarantineVisitsMedicineNeedToTheDoorAndTheFigures() throws Exception {
        String worker = RealSystem.password("worker1");
        String leader = RealSystem.password("leader1");
        String supervisor = RealSystem.password("supervisor");
        UUID cell = QuarantineJourneyTest.nodeId("BH-C001-G01");
        String today = LocalDate.now(QuarantineJourneyTest.ZONE).toString();
        String metricsUrl = "/api/v1/metrics/care?areaId=" + cell + "&from=" + today + "&to=" + today;
        JsonPath before = RealSystem.as(leader).get(metricsUrl).then().statusCode(200).extract().jsonPath();

        // a resident of G01 under a home order; worker1's visit raises an urgent medicine need
        String household = RealSystem.as(leader).body(Map.of("areaId", QuarantineJourneyTest.nodeId("BH-C001-XQ01-B01")
                .toString(), "doorNumber", "C-" + UUID.randomUUID().toString().substring(0, 6))).post("/api/v1/households").then()
                .statusCode(201).extract().path("id");
        String residentId = RealSystem.as(leader).body(Map.of("householdId", household, "name", "关怀甲", "idNumber",
                QuarantineJourneyTest.newId())).post("/api/v1/residents").then().statusCode(201).extract().path("id");
        String order = RealSystem.as(leader).body(Map.of("residentId", residentId, "kind", "HOME_ISOLATION", "reason",
                "CLOSE_CONTACT", "startsOn", today)).post("/api/v1/quarantines").then().statusCode(201).extract().path("id");
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("clientRef", UUID.randomUUID().toString());
        visit.put("visitedAt", OffsetDateTime.now(QuarantineJourneyTest.ZONE).withNano(0).toString());
        visit.put("mode", "DOOR");
        visit.put("temperature", 36.6);
        visit.put("symptoms", List.of("NONE"));
        visit.put("sealIntact", true);
        visit.put("needs", List.of(Map.of("kind", "MEDICINE", "urgency", "URGENT", "note", "硝苯地平缓释片 2盒")));
        String visitId = RealSystem.as(worker).body(visit).post("/api/v1/quarantines/" + order + "/visits").then()
                .statusCode(201).extract().path("id");
        JsonPath open = RealSystem.as(leader).get("/api/v1/needs?status=OPEN&kind=MEDICINE&limit=500").then().statusCode(200)
                .extract().jsonPath();
        String need = open.getString("items.find { it.sourceRef == '" + visitId + "' }.id");
        assertThat(need).as("the visit's need on leader1's board").isNotNull();
        assertThat(open.getString("items.find { it.id == '" + need + "' }.urgency")).isEqualTo("URGENT_MEDICAL");

        // the community's store holds ten boxes
        String item = RealSystem.as(supervisor).body(Map.of("name", "硝苯地平缓释片-" + UUID.randomUUID().toString().substring(0, 8),
                "unit", "盒", "unitKind", "COUNT", "category", "MEDICAL")).post("/api/v1/supplies/items").then().statusCode(201)
                .extract().path("id");
        String place = RealSystem.as(supervisor).get("/api/v1/supplies/places").then().statusCode(200).extract().jsonPath()
                .getString("find { it.kind == 'COMMUNITY_OFFICE' }.id");
        RealSystem.as(supervisor).header("Idempotency-Key", "journey-" + item).body(Map.of("placeId", place, "supplier", "药房",
                "lines", List.of(Map.of("itemId", item, "quantity", 10)))).post("/api/v1/supplies/movements/purchases").then()
                .statusCode(201);

        // leader1 puts the need on a run carried by worker1 and starts it
        JsonPath run = RealSystem.as(leader).body(Map.of("name", "G01 送药", "date", today, "placeId", place, "needIds",
                List.of(need), "carriers", List.of("worker1"))).post("/api/v1/delivery-runs").then().statusCode(201)
                .extract().jsonPath();
        String runId = run.getString("id");
        RealSystem.as(leader).body(Map.of("version", run.getInt("version"))).post("/api/v1/delivery-runs/" + runId + "/start")
                .then().statusCode(200);

        // worker1 opens the sheet and hands two boxes to the family; a retry with the same key issues nothing more
        RealSystem.as(worker).get("/api/v1/delivery-runs/" + runId + "/sheet").then().statusCode(200)
                .body("stops[0].needId", equalTo(need));
        Map<String, Object> drop = Map.of("needId", need, "outcome", "DELIVERED", "receivedBy", "家属", "items",
                List.of(Map.of("itemId", item, "quantity", 2)));
        String key = "journey-drop-" + UUID.randomUUID();
        RealSystem.as(worker).header("Idempotency-Key", key).body(drop).post("/api/v1/delivery-runs/" + runId + "/drops").then()
                .statusCode(201);
        RealSystem.as(worker).header("Idempotency-Key", key).body(drop).post("/api/v1/delivery-runs/" + runId + "/drops").then()
                .statusCode(201);

        Object onHand = RealSystem.as(supervisor).get("/api/v1/supplies/places/" + place + "/stock").then().statusCode(200)
                .extract().jsonPath().get("lines.find { it.itemId == '" + item + "' }.onHand");
        assertThat(new BigDecimal(onHand.toString())).isEqualByComparingTo("8");
        RealSystem.as(leader).get("/api/v1/needs/" + need).then().statusCode(200).body("status", equalTo("DELIVERED"))
                .body("receivedBy", equalTo("家属")).body("runId", equalTo(runId));

        JsonPath after = RealSystem.as(leader).get(metricsUrl).then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("needs.opened") - before.getLong("needs.opened")).isGreaterThanOrEqualTo(1);
        assertThat(after.getLong("needs.delivered") - before.getLong("needs.delivered")).isGreaterThanOrEqualTo(1);
        assertThat(after.getDouble("needs.medianHoursToDelivery.urgentMedical")).isNotNull();
        String csv = RealSystem.as(supervisor).accept("text/csv").get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(csv).contains("needs,delivered," + after.getLong("needs.delivered"));
    }
}
