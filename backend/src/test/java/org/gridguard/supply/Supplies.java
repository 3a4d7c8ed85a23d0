package org.gridguard.supply;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Tokens;

/** Test fixtures over the API: a fresh item, a fresh place, stock received into it. */
final class Supplies {

    private Supplies() {
    }

    static UUID item(String kind) {
        String unit = "COUNT".equals(kind) ? "只" : "kg";
        return UUID.fromString(Api.as(Tokens.supervisor()).body(Map.of("name", "测试物资-" + UUID.randomUUID(), "unit", unit,
                "unitKind", kind, "category", "PROTECTIVE_EQUIPMENT")).post("/api/v1/supplies/items").then().statusCode(201)
                .extract().path("id"));
    }

    static String name(UUID item) {
        return Api.as(Tokens.supervisor()).get("/api/v1/supplies/items").then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == '" + item + "' }.name");
    }

    /** A new place on the given area node (office) or at the given checkpoint. */
    static UUID place(String kind, UUID areaId, UUID checkpointId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "name", kind + "-" + UUID.randomUUID()));
        if (areaId != null) {
            body.put("areaId", areaId.toString());
        }
        if (checkpointId != null) {
            body.put("checkpointId", checkpointId.toString());
        }
        return UUID.fromString(Api.as(Tokens.supervisor()).body(body).post("/api/v1/supplies/places").then().statusCode(201)
                .extract().path("id"));
    }

    static Map<String, Object> line(UUID item, Object quantity) {
        return Map.of("itemId", item.toString(), "quantity", quantity);
    }

    static String purchase(UUID place, UUID item, Object quantity) {
        return Api.as(Tokens.supervisor()).body(Map.of("placeId", place.toString(), "supplier", "供货商",
                "lines", List.of(line(item, quantity)))).post("/api/v1/supplies/movements/purchases").then()
                .statusCode(201).extract().path("id");
    }

    static BigDecimal onHand(String token, UUID place, UUID item) {
        Object q = Api.as(token).get("/api/v1/supplies/places/" + place + "/stock").then().statusCode(200).extract()
                .jsonPath().get("lines.find { it.itemId == '" + item + "' }.onHand");
        return q == null ? BigDecimal.ZERO : new BigDecimal(q.toString());
    }

    static Map<String, Object> issueToPerson(UUID place, UUID item, Object quantity) {
        return Map.of("placeId", place.toString(), "issuedTo", "PERSON", "toPerson", "卡口值守 王师傅",
                "lines", List.of(line(item, quantity)));
    }
}
