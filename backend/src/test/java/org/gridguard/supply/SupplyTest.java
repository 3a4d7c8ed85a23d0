package org.gridguard.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Stock through the API: the catalogue, places in reach, every kind of movement, bad input, retries and reach. */
@QuarkusTest
class SupplyTest {

    static final UUID KK4 = Demo.id("BH-C001-KK4");

    @Test
    void aDonationComesInOnceWithItsReceiptNumberAndAnIssueTakesItOut() {
        UUID masks = Supplies.item("COUNT");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        String key = "don-" + UUID.randomUUID();
        Map<String, Object> donation = Map.of("placeId", office.toString(), "donor", "燕泉商会",
                "lines", List.of(Supplies.line(masks, 500)));
        Response first = Api.as(Tokens.supervisor()).header("Idempotency-Key", key).body(donation)
                .post("/api/v1/supplies/movements/donations");
        first.then().statusCode(201).header("Location", containsString("/api/v1/supplies/movements/"))
                .body("kind", equalTo("DONATION_IN")).body("receiptNumber", startsWith("JZ-"))
                .body("donor", equalTo("燕泉商会")).body("actor", equalTo("supervisor")).body("at", notNullValue())
                .body("lines", hasSize(1)).body("lines[0].delta", equalTo(500.0f));
        Api.as(Tokens.supervisor()).header("Idempotency-Key", key).body(donation)
                .post("/api/v1/supplies/movements/donations").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.jsonPath().getString("id")));
        assertThat(Supplies.onHand(Tokens.supervisor(), office, masks)).isEqualByComparingTo("500");

        String issueKey = "iss-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            Api.as(Tokens.leader1()).header("Idempotency-Key", issueKey).body(Supplies.issueToPerson(office, masks, 120))
                    .post("/api/v1/supplies/movements/issues").then().statusCode(201).body("issuedTo", equalTo("PERSON"))
                    .body("lines[0].delta", equalTo(-120.0f));
        }
        assertThat(Supplies.onHand(Tokens.leader1(), office, masks)).isEqualByComparingTo("380");
        String name = Supplies.name(masks);
        Api.as(Tokens.leader1()).body(Supplies.issueToPerson(office, masks, 381)).post("/api/v1/supplies/movements/issues")
                .then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("detail", containsString(name + ": 380 on hand, 381 asked"))
                .body("shortfalls[0].itemId", equalTo(masks.toString()));
        assertThat(Supplies.onHand(Tokens.leader1(), office, masks)).isEqualByComparingTo("380");
    }

    @Test
    void badQuantitiesAndUnknownItemsAreClearProblemsNamingTheField() {
        UUID masks = Supplies.item("COUNT");
        UUID rice = Supplies.item("KG");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        for (Object bad : List.of(-1, 0, 1.5)) {
            Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "lines", List.of(Supplies.line(masks, bad))))
                    .post("/api/v1/supplies/movements/purchases").then().statusCode(400)
                    .body("errors[0].field", equalTo("lines[0].quantity"));
        }
        Supplies.purchase(office, rice, new BigDecimal("12.125"));
        assertThat(Supplies.onHand(Tokens.supervisor(), office, rice)).isEqualByComparingTo("12.125");
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "lines", List.of(Supplies.line(rice, 0.0001))))
                .post("/api/v1/supplies/movements/purchases").then().statusCode(400)
                .body("errors[0].message", containsString("3 decimals"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "lines", List.of(Supplies.line(UUID.randomUUID(), 1))))
                .post("/api/v1/supplies/movements/purchases").then().statusCode(404).body("detail", equalTo("Supply item not found"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "lines",
                List.of(Supplies.line(masks, 1), Supplies.line(masks, 2)))).post("/api/v1/supplies/movements/purchases").then()
                .statusCode(400).body("errors[0].field", equalTo("lines[1].itemId"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "lines", List.of()))
                .post("/api/v1/supplies/movements/purchases").then().statusCode(400);
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "issuedTo", "PERSON", "lines",
                List.of(Supplies.line(rice, 1)))).post("/api/v1/supplies/movements/issues").then().statusCode(400)
                .body("errors[0].field", equalTo("toPerson"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "issuedTo", "DELIVERY_RUN", "lines",
                List.of(Supplies.line(rice, 1)))).post("/api/v1/supplies/movements/issues").then().statusCode(400)
                .body("errors[0].field", equalTo("issuedTo"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "lines", List.of(Supplies.line(rice, 1))))
                .post("/api/v1/supplies/movements/write-offs").then().statusCode(400);
        Api.as(Tokens.supervisor()).body(Map.of("name", "x", "unit", "只", "unitKind", "GRAM", "category", "FOOD"))
                .post("/api/v1/supplies/items").then().statusCode(400);
    }

    @Test
    void placesOutOfReachAnswerLikeMissingOnes() {
        UUID masks = Supplies.item("COUNT");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        UUID gate = Supplies.place("CHECKPOINT", null, KK4);
        UUID cell5 = Supplies.place("ISOLATION_SITE", Demo.CELL5, null);
        Supplies.purchase(gate, masks, 10);
        Supplies.purchase(cell5, masks, 10);
        // leader1's zone holds KK4's compound, not cell G05; both leaders reach the community office
        Api.as(Tokens.leader1()).get("/api/v1/supplies/places/" + gate + "/stock").then().statusCode(200)
                .body("place.checkpointId", equalTo(KK4.toString()));
        Response missing = Api.as(Tokens.leader1()).get("/api/v1/supplies/places/" + UUID.randomUUID() + "/stock");
        Api.as(Tokens.leader1()).get("/api/v1/supplies/places/" + cell5 + "/stock").then().statusCode(404)
                .body("detail", equalTo(missing.jsonPath().getString("detail")));
        Api.as(Tokens.leader2()).get("/api/v1/supplies/places/" + gate + "/stock").then().statusCode(404);
        Api.as(Tokens.leader1()).body(Supplies.issueToPerson(cell5, masks, 1)).post("/api/v1/supplies/movements/issues")
                .then().statusCode(404).body("detail", equalTo("Storage place not found"));
        List<String> seen = Api.as(Tokens.leader2()).get("/api/v1/supplies/places").then().statusCode(200).extract()
                .jsonPath().getList("id");
        assertThat(seen).contains(office.toString(), cell5.toString()).doesNotContain(gate.toString());
        String gateMove = Supplies.purchase(gate, masks, 1);
        Api.as(Tokens.leader2()).get("/api/v1/supplies/movements/" + gateMove).then().statusCode(404);
        Api.as(Tokens.leader1()).get("/api/v1/supplies/movements/" + gateMove).then().statusCode(200);
        assertThat(Api.as(Tokens.leader2()).get("/api/v1/supplies/movements?limit=500").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).doesNotContain(gateMove);
        Api.as(Tokens.leader2()).get("/api/v1/supplies/movements?placeId=" + gate).then().statusCode(404);
        // leaders read and issue, they do not receive; workers do not read the ledger
        Api.as(Tokens.leader1()).body(Map.of("placeId", gate.toString(), "lines", List.of(Supplies.line(masks, 1))))
                .post("/api/v1/supplies/movements/purchases").then().statusCode(403);
        Api.as(Tokens.worker1()).get("/api/v1/supplies/movements").then().statusCode(403);
        // a supervisor cannot open a place on a node outside their community
        Api.as(Tokens.leader1()).body(Map.of("kind", "COMMUNITY_OFFICE", "name", "x", "areaId", Demo.COMMUNITY.toString()))
                .post("/api/v1/supplies/places").then().statusCode(403);
        Api.as(Tokens.supervisor()).body(Map.of("kind", "COMMUNITY_OFFICE", "name", "x", "areaId", UUID.randomUUID().toString()))
                .post("/api/v1/supplies/places").then().statusCode(404);
        Api.as(Tokens.supervisor()).body(Map.of("kind", "CHECKPOINT", "name", "x", "areaId", Demo.COMMUNITY.toString()))
                .post("/api/v1/supplies/places").then().statusCode(400).body("errors[0].field", equalTo("checkpointId"));
    }

    @Test
    void transfersWriteOffsAndStocktakesKeepTheBalanceEqualToTheLedger() {
        UUID gloves = Supplies.item("COUNT");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        UUID gate = Supplies.place("CHECKPOINT", null, KK4);
        String bought = Supplies.purchase(office, gloves, 100);
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "toPlaceId", gate.toString(),
                "lines", List.of(Supplies.line(gloves, 30)))).post("/api/v1/supplies/movements/transfers").then()
                .statusCode(201).body("lines", hasSize(2)).body("toPlaceId", equalTo(gate.toString()));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "toPlaceId", office.toString(),
                "lines", List.of(Supplies.line(gloves, 1)))).post("/api/v1/supplies/movements/transfers").then()
                .statusCode(400).body("errors[0].field", equalTo("toPlaceId"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "reason", "多记了 5 副", "correctsId", bought,
                "lines", List.of(Supplies.line(gloves, 5)))).post("/api/v1/supplies/movements/write-offs").then()
                .statusCode(201).body("correctsId", equalTo(bought)).body("reason", equalTo("多记了 5 副"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", gate.toString(), "lines", List.of(Supplies.line(gloves, 27))))
                .post("/api/v1/supplies/movements/stocktakes").then().statusCode(201).body("lines[0].counted", equalTo(27.0f))
                .body("lines[0].delta", equalTo(-3.0f));
        assertThat(Supplies.onHand(Tokens.supervisor(), office, gloves)).isEqualByComparingTo("65");
        assertThat(Supplies.onHand(Tokens.supervisor(), gate, gloves)).isEqualByComparingTo("27");
        List<Float> deltas = Api.as(Tokens.supervisor()).get("/api/v1/supplies/movements?itemId=" + gloves + "&limit=500")
                .then().statusCode(200).extract().jsonPath().getList("items.lines.flatten().delta", Float.class);
        assertThat(deltas.stream().mapToDouble(Float::doubleValue).sum()).isEqualTo(92.0);
        assertThat(Api.as(Tokens.supervisor()).get("/api/v1/supplies/movements?kind=STOCKTAKE&placeId=" + gate).then()
                .statusCode(200).extract().jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void aLowStockThresholdIsShownAndTheCatalogueIsEditedAtItsVersion() {
        UUID masks = Supplies.item("COUNT");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        Supplies.purchase(office, masks, 10);
        Api.as(Tokens.supervisor()).body(Map.of("low", 20)).put("/api/v1/supplies/places/" + office + "/thresholds/" + masks)
                .then().statusCode(200).body("lines.find { it.itemId == '" + masks + "' }.low", equalTo(true));
        Api.as(Tokens.supervisor()).body(Map.of("low", 0.5)).put("/api/v1/supplies/places/" + office + "/thresholds/" + masks)
                .then().statusCode(400);
        Api.as(Tokens.admin()).body(Map.of("name", "N95 口罩 " + masks, "unit", "只", "category", "MEDICAL",
                "active", true)).put("/api/v1/supplies/items/" + masks).then().statusCode(428);
        Api.as(Tokens.admin()).body(Map.of("name", "N95 口罩 " + masks, "unit", "只", "category", "MEDICAL",
                "active", true, "version", 3)).put("/api/v1/supplies/items/" + masks).then().statusCode(412);
        Api.as(Tokens.admin()).body(Map.of("name", "N95 口罩 " + masks, "unit", "只", "category", "MEDICAL",
                "active", true, "version", 0)).put("/api/v1/supplies/items/" + masks).then().statusCode(200)
                .body("category", equalTo("MEDICAL")).body("version", equalTo(1));
        Api.as(Tokens.supervisor()).body(Map.of("name", "x", "unit", "只", "category", "MEDICAL", "active", true,
                "version", 1)).put("/api/v1/supplies/items/" + masks).then().statusCode(403);
        Api.as(Tokens.supervisor()).body(Map.of("name", "N95 口罩 " + masks, "unit", "只", "unitKind", "COUNT",
                "category", "MEDICAL")).post("/api/v1/supplies/items").then().statusCode(409);
    }

    @Test
    void anAreaWithAStoragePlaceIsKept() {
        String code = "SUP-" + UUID.randomUUID().toString().substring(0, 8);
        String compound = Api.as(Tokens.leader1()).body("{\"kind\":\"COMPOUND\",\"code\":\"" + code + "\",\"name\":\"院\","
                + "\"parentId\":\"" + Demo.CELL1 + "\",\"compoundType\":\"UNMANAGED\"}").post("/api/v1/areas").then()
                .statusCode(201).extract().path("id");
        Supplies.place("ISOLATION_SITE", UUID.fromString(compound), null);
        Api.as(Tokens.admin()).delete("/api/v1/areas/" + compound).then().statusCode(409)
                .body("detail", containsString("storage place"));
    }
}
