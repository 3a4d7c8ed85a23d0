package org.gridguard.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** /api/v1/metrics/care: the needs', the care plans' and the stock's figures of an area, within reach, JSON and CSV. */
@QuarkusTest
class CareMetricsTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    static JsonPath metrics(String token, UUID area) {
        return Api.as(token).get("/api/v1/metrics/care?areaId=" + area + "&from=" + TODAY + "&to=" + TODAY).then()
                .statusCode(200).extract().jsonPath();
    }

    static BigDecimal stock(JsonPath m, String category, String figure) {
        Object v = m.get("stock.find { it.category == '" + category + "' }." + figure);
        return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
    }

    @Test
    void aDeliveredNeedAndIssuedStockShowInTheirAreasFigures() {
        JsonPath before = metrics(Tokens.leader1(), Demo.CELL1);
        // a need of G01, taken and delivered
        String hh = Api.as(Tokens.admin()).get("/api/v1/households?limit=1&areaId=" + Demo.CELL1).then().statusCode(200)
                .extract().path("items[0].id");
        String need = Api.as(Tokens.worker1()).body(Map.of("kind", "MEDICINE", "medicineName", "布洛芬", "urgency",
                "URGENT_MEDICAL", "source", "PHONE_CALL", "householdId", hh)).post("/api/v1/needs").then().statusCode(201)
                .extract().path("id");
        Api.as(Tokens.worker1()).body(Map.of("version", 0)).post("/api/v1/needs/" + need + "/assign").then().statusCode(200);
        Api.as(Tokens.worker1()).body(Map.of("receivedBy", "本人", "version", 1)).post("/api/v1/needs/" + need + "/deliver")
                .then().statusCode(200);
        // ten of a medical item into a place of G01, three issued out
        String item = Api.as(Tokens.supervisor()).body(Map.of("name", "体温计-" + UUID.randomUUID(), "unit", "支", "unitKind",
                "COUNT", "category", "MEDICAL")).post("/api/v1/supplies/items").then().statusCode(201).extract().path("id");
        String place = Api.as(Tokens.supervisor()).body(Map.of("kind", "COMMUNITY_OFFICE", "name", "G01 物资点-"
                + UUID.randomUUID(), "areaId", Demo.CELL1.toString())).post("/api/v1/supplies/places").then().statusCode(201)
                .extract().path("id");
        List<Map<String, Object>> ten = List.of(Map.of("itemId", item, "quantity", 10));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", place, "supplier", "药房", "lines", ten))
                .post("/api/v1/supplies/movements/purchases").then().statusCode(201);
        Api.as(Tokens.supervisor()).body(Map.of("placeId", place, "issuedTo", "PERSON", "toPerson", "卡口 王师傅", "lines",
                List.of(Map.of("itemId", item, "quantity", 3)))).post("/api/v1/supplies/movements/issues").then().statusCode(201);

        JsonPath after = metrics(Tokens.leader1(), Demo.CELL1);
        assertThat(after.getLong("needs.opened") - before.getLong("needs.opened")).isEqualTo(1);
        assertThat(after.getLong("needs.delivered") - before.getLong("needs.delivered")).isEqualTo(1);
        assertThat(after.getDouble("needs.medianHoursToDelivery.urgentMedical")).isGreaterThanOrEqualTo(0);
        assertThat(stock(after, "MEDICAL", "onHand").subtract(stock(before, "MEDICAL", "onHand"))).isEqualByComparingTo("7");
        assertThat(stock(after, "MEDICAL", "issued").subtract(stock(before, "MEDICAL", "issued"))).isEqualByComparingTo("3");
        assertThat(after.getLong("care.activePlans")).isGreaterThanOrEqualTo(0);
        assertThat(after.getString("areaId")).isEqualTo(Demo.CELL1.toString());

        // the supervisor sees it from the community; the CSV says the same
        String csv = Api.as(Tokens.supervisor()).accept("text/csv").get("/api/v1/metrics/care?areaId=" + Demo.CELL1
                + "&from=" + TODAY + "&to=" + TODAY).then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertThat(csv).contains("section,figure,value").contains("needs,delivered," + after.getLong("needs.delivered"))
                .contains("stock,MEDICAL.issued,");
    }

    @Test
    void anotherZoneTheWrongRoleAndABadRangeAreClearProblems() {
        Api.as(Tokens.leader2()).get("/api/v1/metrics/care?areaId=" + Demo.CELL1).then().statusCode(404)
                .contentType(containsString("problem+json"));
        Api.as(Tokens.leader1()).get("/api/v1/metrics/care?areaId=" + UUID.randomUUID()).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/metrics/care").then().statusCode(403);
        Api.as(Tokens.leader1()).get("/api/v1/metrics/care?from=2026-03-02&to=2026-03-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.as(Tokens.leader1()).get("/api/v1/metrics/care?from=2026-01-01&to=2026-06-01").then().statusCode(422);
        Api.as(Tokens.leader1()).get("/api/v1/metrics/care?from=yesterday").then().statusCode(400);
        // no area: the caller's own top node
        Api.as(Tokens.leader1()).get("/api/v1/metrics/care").then().statusCode(200).body("needs.open", org.hamcrest.Matchers.notNullValue());
        Api.as(Tokens.admin()).get("/api/v1/metrics/care").then().statusCode(200);
    }
}
