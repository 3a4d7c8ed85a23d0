package org.gridguard.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.delivery.DeliveryRules.Door;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Delivery runs through the API: plan, start, record drops (stock issued once and falling, nobody home back on the
 * board, refused cancelled, a shortfall changing nothing), close; and the attacks (another zone's leader, a worker who
 * does not carry the run, wrong roles, bad input).
 */
@QuarkusTest
class DeliveryRunTest {

    static final String RUNS = "/api/v1/delivery-runs";

    /** Households of a cell, with their building, so the sheet has doors to order. */
    static List<String> households(UUID cell, int n) {
        List<String> ids = Api.as(Tokens.admin()).get("/api/v1/households?limit=" + n + "&areaId=" + cell).then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(ids).hasSize(n);
        return ids;
    }

    /** A new open need of the household, raised by a worker of its cell. */
    static String need(String token, String household, String kind) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "urgency", "TODAY", "source", "PHONE_CALL",
                "householdId", household, "detail", "送到门口"));
        return Api.as(token).body(body).post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    static List<String> needs(String token, List<String> households) {
        return households.stream().map(h -> need(token, h, "FOOD")).toList();
    }

    static Map<String, Object> run(List<String> needIds, List<String> carriers, UUID placeId) {
        return Map.of("name", "G01 上午送货", "date", "2026-12-07", "placeId", placeId.toString(), "needIds", needIds,
                "carriers", carriers);
    }

    static JsonPath create(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post(RUNS).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath start(String token, String runId) {
        long version = Api.as(token).get(RUNS + "/" + runId).then().statusCode(200).extract().jsonPath().getLong("version");
        return Api.as(token).header("If-Match", "\"" + version + "\"").post(RUNS + "/" + runId + "/start").then()
                .statusCode(200).body("status", equalTo("STARTED")).extract().jsonPath();
    }

    static Response drop(String token, String runId, Map<String, Object> body, String key) {
        var spec = Api.as(token).body(body);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post(RUNS + "/" + runId + "/drops");
    }

    static String needStatus(String id) {
        return Api.as(Tokens.leader1()).get("/api/v1/needs/" + id).then().statusCode(200).extract().path("status");
    }

    /** A storage place of the community, opened by the supervisor (one per test: each counts its own stock). */
    static UUID somePlace() {
        return UUID.fromString(Api.as(Tokens.supervisor()).body(Map.of("kind", "COMMUNITY_OFFICE", "name",
                "社区办公室-" + UUID.randomUUID(), "areaId", Demo.COMMUNITY.toString())).post("/api/v1/supplies/places").then()
                .statusCode(201).extract().path("id"));
    }

    /** A counted item with {@code quantity} bought into the place. */
    static UUID masks(UUID place, int quantity) {
        UUID item = UUID.fromString(Api.as(Tokens.supervisor()).body(Map.of("name", "口罩-" + UUID.randomUUID(), "unit", "只",
                "unitKind", "COUNT", "category", "PROTECTIVE_EQUIPMENT")).post("/api/v1/supplies/items").then()
                .statusCode(201).extract().path("id"));
        Api.as(Tokens.supervisor()).body(Map.of("placeId", place.toString(), "supplier", "供货商", "lines",
                List.of(line(item, quantity)))).post("/api/v1/supplies/movements/purchases").then().statusCode(201);
        return item;
    }

    static Map<String, Object> line(UUID item, Object quantity) {
        return Map.of("itemId", item.toString(), "quantity", quantity);
    }

    static BigDecimal onHand(UUID place, UUID item) {
        Object q = Api.as(Tokens.supervisor()).get("/api/v1/supplies/places/" + place + "/stock").then().statusCode(200)
                .extract().jsonPath().get("lines.find { it.itemId == '" + item + "' }.onHand");
        return q == null ? BigDecimal.ZERO : new BigDecimal(q.toString());
    }

    static Map<String, Object> delivered(String needId, UUID item, Object quantity) {
        return Map.of("needId", needId, "outcome", "DELIVERED", "receivedBy", "家属", "items", List.of(line(item, quantity)));
    }

    @Test
    void aRunIsPlannedFromOpenNeedsStartedAndItsSheetListsTheDoorsInOrder() {
        List<String> needIds = needs(Tokens.worker1(), households(Demo.CELL1, 4));
        JsonPath groups = Api.as(Tokens.leader1()).get(RUNS + "/candidates?areaId=" + Demo.CELL1).then().statusCode(200)
                .extract().jsonPath();
        assertThat(groups.getList("needs.flatten().needId", String.class)).containsAll(needIds);
        assertThat(Api.as(Tokens.leader2()).get(RUNS + "/candidates").then().statusCode(200).extract().jsonPath()
                .getList("needs.flatten().needId", String.class)).doesNotContainAnyElementsOf(needIds);

        String key = "run-" + UUID.randomUUID();
        Map<String, Object> body = run(needIds, List.of("worker1"), somePlace());
        Response first = Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(body).post(RUNS);
        first.then().statusCode(201).header("Location", containsString(RUNS + "/")).body("status", equalTo("PLANNED"))
                .body("stops", equalTo(4)).body("dropped", equalTo(0)).body("carriers", equalTo(List.of("worker1")));
        String runId = first.jsonPath().getString("id");
        Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(body).post(RUNS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(runId));
        needIds.forEach(n -> assertThat(needStatus(n)).isEqualTo("ASSIGNED"));
        // a need already on a run goes on no other
        Api.as(Tokens.leader1()).body(run(needIds.subList(0, 1), List.of("worker1"), somePlace())).post(RUNS).then()
                .statusCode(409);
        assertThat(Api.as(Tokens.leader1()).get(RUNS + "/candidates").then().statusCode(200).extract().jsonPath()
                .getList("needs.flatten().needId", String.class)).doesNotContainAnyElementsOf(needIds);

        start(Tokens.leader1(), runId);
        needIds.forEach(n -> assertThat(needStatus(n)).isEqualTo("OUT_FOR_DELIVERY"));
        JsonPath sheet = Api.as(Tokens.worker1()).get(RUNS + "/" + runId + "/sheet").then().statusCode(200)
                .body("run.status", equalTo("STARTED")).extract().jsonPath();
        List<Door> doors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            doors.add(new Door(sheet.getString("stops[" + i + "].compound"), sheet.getString("stops[" + i + "].building"),
                    sheet.getString("stops[" + i + "].door")));
            assertThat(sheet.getString("stops[" + i + "].door")).isNotBlank();
            assertThat(sheet.getString("stops[" + i + "].kind")).isEqualTo("FOOD");
            String phone = sheet.getString("stops[" + i + "].phoneMasked");
            assertThat(phone == null || !phone.matches(".*\\d{7,}.*")).as("masked: %s", phone).isTrue();
        }
        List<Door> sorted = new ArrayList<>(doors);
        sorted.sort(DeliveryRules.DOOR_ORDER);
        assertThat(doors).isEqualTo(sorted);
        assertThat(sheet.getList("stops.needId", String.class)).containsExactlyInAnyOrderElementsOf(needIds);
        assertThat(Api.as(Tokens.worker1()).get(RUNS + "?date=2026-12-07").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(runId);
    }

    @Test
    void aDeliveryIssuesItsItemsFromTheRunsPlaceOnceAndAShortfallChangesNothing() {
        UUID place = somePlace();
        UUID item = masks(place, 10);
        List<String> needIds = needs(Tokens.worker1(), households(Demo.CELL1, 3));
        String runId = create(Tokens.leader1(), run(needIds, List.of("worker1"), place)).getString("id");
        start(Tokens.leader1(), runId);

        String key = "drop-" + UUID.randomUUID();
        Response first = drop(Tokens.worker1(), runId, delivered(needIds.get(0), item, 3), key);
        first.then().statusCode(201).body("outcome", equalTo("DELIVERED")).body("receivedBy", equalTo("家属"))
                .body("movementId", not(nullValue())).body("items[0].quantity", equalTo(3))
                .body("items[0].name", containsString("口罩")).body("items[0].unit", equalTo("只"));
        assertThat(onHand(place, item)).isEqualByComparingTo("7");
        assertThat(needStatus(needIds.get(0))).isEqualTo("DELIVERED");
        Api.as(Tokens.leader1()).get("/api/v1/needs/" + needIds.get(0)).then().body("receivedBy", equalTo("家属"));
        // the same key again (a lost answer): the first result, nothing issued twice
        drop(Tokens.worker1(), runId, delivered(needIds.get(0), item, 3), key).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.jsonPath().getString("id")));
        assertThat(onHand(place, item)).isEqualByComparingTo("7");
        // a new attempt at a delivered door is refused
        drop(Tokens.worker1(), runId, delivered(needIds.get(0), item, 1), null).then().statusCode(409);

        // more than on hand: 409 naming the shortfall, and nothing of the drop is kept
        String shortKey = "drop-" + UUID.randomUUID();
        drop(Tokens.worker1(), runId, delivered(needIds.get(1), item, 8), shortKey).then().statusCode(409)
                .body("detail", containsString("7"));
        assertThat(onHand(place, item)).isEqualByComparingTo("7");
        assertThat(needStatus(needIds.get(1))).isEqualTo("OUT_FOR_DELIVERY");
        // a retry with the same key after the shortfall is tried again (nothing was recorded under it), and succeeds
        drop(Tokens.worker1(), runId, delivered(needIds.get(1), item, 7), "drop-" + UUID.randomUUID()).then()
                .statusCode(201);
        assertThat(onHand(place, item)).isEqualByComparingTo("0");
        drop(Tokens.worker1(), runId, delivered(needIds.get(1), item, 8), shortKey).then().statusCode(409);

        // a delivery without items (nothing from stock) is fine
        drop(Tokens.worker1(), runId, Map.of("needId", needIds.get(2), "outcome", "DELIVERED", "receivedBy", "本人"), null)
                .then().statusCode(201).body("movementId", nullValue()).body("items", equalTo(List.of()));
        JsonPath sheet = Api.as(Tokens.worker1()).get(RUNS + "/" + runId + "/sheet").then().statusCode(200).extract().jsonPath();
        assertThat(sheet.getList("stops.drop.outcome", String.class)).containsOnly("DELIVERED");
        assertThat(sheet.getInt("run.dropped")).isEqualTo(3);
        // an unknown item is 404 and a fraction of a counted item 400, each changing nothing
        List<String> more = needs(Tokens.worker1(), households(Demo.CELL1, 1));
        String run2 = create(Tokens.leader1(), run(more, List.of("worker1"), place)).getString("id");
        start(Tokens.leader1(), run2);
        drop(Tokens.worker1(), run2, delivered(more.get(0), UUID.randomUUID(), 1), null).then().statusCode(404);
        drop(Tokens.worker1(), run2, delivered(more.get(0), item, 0.5), null).then().statusCode(400);
        assertThat(needStatus(more.get(0))).isEqualTo("OUT_FOR_DELIVERY");
    }

    @Test
    void nobodyHomePutsTheNeedBackOnTheBoardRefusedCancelsItAndADoorIsRecordedOnce() {
        List<String> needIds = needs(Tokens.worker1(), households(Demo.CELL1, 2));
        String runId = create(Tokens.leader1(), run(needIds, List.of("worker1"), somePlace())).getString("id");
        // no drops before the run starts
        drop(Tokens.worker1(), runId, Map.of("needId", needIds.get(0), "outcome", "NOBODY_HOME"), null).then()
                .statusCode(409);
        start(Tokens.leader1(), runId);

        drop(Tokens.worker1(), runId, Map.of("needId", needIds.get(0), "outcome", "NOBODY_HOME", "note", "电话未接"), null)
                .then().statusCode(201).body("outcome", equalTo("NOBODY_HOME")).body("recordedBy", equalTo("worker1"))
                .body("receivedBy", nullValue());
        assertThat(needStatus(needIds.get(0))).isEqualTo("OPEN");
        assertThat(Api.as(Tokens.leader1()).get(RUNS + "/candidates").then().statusCode(200).extract().jsonPath()
                .getList("needs.flatten().needId", String.class)).contains(needIds.get(0));
        drop(Tokens.worker1(), runId, Map.of("needId", needIds.get(0), "outcome", "REFUSED"), null).then().statusCode(409);

        drop(Tokens.worker1(), runId, Map.of("needId", needIds.get(1), "outcome", "REFUSED", "note", "家里已有"), null)
                .then().statusCode(201).body("outcome", equalTo("REFUSED"));
        assertThat(needStatus(needIds.get(1))).isEqualTo("CANCELLED");
        Api.as(Tokens.leader1()).get("/api/v1/needs/" + needIds.get(1)).then().body("cancelReason", containsString("家里已有"));
        drop(Tokens.worker1(), runId, Map.of("needId", needIds.get(1), "outcome", "DELIVERED", "receivedBy", "本人"), null)
                .then().statusCode(409);

        JsonPath sheet = Api.as(Tokens.leader1()).get(RUNS + "/" + runId + "/sheet").then().statusCode(200).extract()
                .jsonPath();
        assertThat(sheet.getList("stops.drop.outcome", String.class)).containsExactlyInAnyOrder("NOBODY_HOME", "REFUSED");
        assertThat(sheet.getInt("run.dropped")).isEqualTo(2);
    }

    @Test
    void closingARunPutsItsUndeliveredNeedsBackOnTheBoard() {
        List<String> needIds = needs(Tokens.worker1(), households(Demo.CELL1, 2));
        String runId = create(Tokens.leader1(), run(needIds, List.of("worker1", "leader1"), somePlace())).getString("id");
        JsonPath started = start(Tokens.leader1(), runId);
        Api.as(Tokens.leader1()).body(Map.of("version", started.getLong("version") + 5)).post(RUNS + "/" + runId + "/close")
                .then().statusCode(412);
        Api.as(Tokens.leader1()).post(RUNS + "/" + runId + "/close").then().statusCode(428);
        Api.as(Tokens.leader1()).body(Map.of("version", started.getLong("version"))).post(RUNS + "/" + runId + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedAt", not(nullValue()));
        needIds.forEach(n -> assertThat(needStatus(n)).isEqualTo("OPEN"));
        Api.as(Tokens.leader1()).body(Map.of("version", started.getLong("version") + 1)).post(RUNS + "/" + runId + "/close")
                .then().statusCode(409);
        drop(Tokens.worker1(), runId, Map.of("needId", needIds.get(0), "outcome", "NOBODY_HOME"), null).then()
                .statusCode(409);
    }

    @Test
    void anotherZonesLeaderAndAWorkerWhoDoesNotCarryTheRunFindNothing() {
        List<String> needIds = needs(Tokens.worker1(), households(Demo.CELL1, 1));
        String runId = create(Tokens.leader1(), run(needIds, List.of("leader1"), somePlace())).getString("id");
        start(Tokens.leader1(), runId);
        Map<String, Object> nobody = Map.of("needId", needIds.get(0), "outcome", "NOBODY_HOME");
        for (String token : List.of(Tokens.leader2(), Tokens.worker2(), Tokens.worker1())) {
            Api.as(token).get(RUNS + "/" + runId).then().statusCode(404).body("detail", equalTo("Delivery run not found"));
            Api.as(token).get(RUNS + "/" + runId + "/sheet").then().statusCode(404);
            drop(token, runId, nobody, null).then().statusCode(404).body("detail", equalTo("Delivery run not found"));
            assertThat(Api.as(token).get(RUNS).then().statusCode(200).extract().jsonPath().getList("items.id"))
                    .doesNotContain(runId);
        }
        Api.as(Tokens.leader2()).body(Map.of("version", 1)).post(RUNS + "/" + runId + "/close").then().statusCode(404);
        Api.as(Tokens.supervisor()).get(RUNS + "/" + runId).then().statusCode(200);
        Api.as(Tokens.admin()).get(RUNS + "/" + runId + "/sheet").then().statusCode(200);
        assertThat(Api.as(Tokens.admin()).get(RUNS + "?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).contains(runId);
        Api.as(Tokens.leader1()).get(RUNS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void carriersAreWorkersOfTheStopsAndNeedsOutOfReachAreMissing() {
        List<String> needIds = needs(Tokens.worker1(), households(Demo.CELL1, 1));
        Api.as(Tokens.leader1()).body(run(needIds, List.of("worker2"), somePlace())).post(RUNS).then().statusCode(400)
                .body("errors.field", hasItem("carriers")).body("detail", containsString("worker2"));
        Api.as(Tokens.leader1()).body(run(needIds, List.of("supervisor"), somePlace())).post(RUNS).then().statusCode(400);
        Api.as(Tokens.leader1()).body(run(needIds, List.of("nobody-at-all"), somePlace())).post(RUNS).then().statusCode(400);
        String far = need(Tokens.worker2(), households(Demo.CELL5, 1).get(0), "MEDICINE");
        Api.as(Tokens.leader1()).body(run(List.of(far), List.of("leader1"), somePlace())).post(RUNS).then().statusCode(404)
                .body("detail", equalTo("Need not found"));
        Api.as(Tokens.leader1()).body(run(List.of(needIds.get(0), needIds.get(0)), List.of("worker1"), somePlace())).post(RUNS)
                .then().statusCode(400).body("errors.field", hasItem("needIds"));
        // needs of two zones are two runs, even for the supervisor who reaches both
        Api.as(Tokens.supervisor()).body(run(List.of(needIds.get(0), far), List.of("worker1"), somePlace())).post(RUNS).then()
                .statusCode(400).body("errors.field", hasItem("carriers"));
    }

    @Test
    void wrongRolesAreForbiddenAndBadInputIsAClearProblem() {
        List<String> needIds = needs(Tokens.worker1(), households(Demo.CELL1, 1));
        Api.as(Tokens.worker1()).body(run(needIds, List.of("worker1"), somePlace())).post(RUNS).then().statusCode(403);
        Api.as(Tokens.lab()).get(RUNS).then().statusCode(403);
        Api.as(Tokens.agency()).get(RUNS + "/candidates").then().statusCode(403);
        Api.anonymous().get(RUNS).then().statusCode(401);

        Map<String, Object> noName = new HashMap<>(run(needIds, List.of("worker1"), somePlace()));
        noName.put("name", " ");
        Api.as(Tokens.leader1()).body(noName).post(RUNS).then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        Api.as(Tokens.leader1()).body(run(List.of(), List.of("worker1"), somePlace())).post(RUNS).then().statusCode(400);
        Api.as(Tokens.leader1()).body(run(needIds, List.of(), somePlace())).post(RUNS).then().statusCode(400);
        Map<String, Object> badDate = new HashMap<>(run(needIds, List.of("worker1"), somePlace()));
        badDate.put("date", "2026-13-45");
        Api.as(Tokens.leader1()).body(badDate).post(RUNS).then().statusCode(400);
        Api.as(Tokens.leader1()).get(RUNS + "?date=yesterday").then().statusCode(400);
        Api.as(Tokens.leader1()).get(RUNS + "?status=LOST").then().statusCode(400);
        Api.as(Tokens.leader1()).get(RUNS + "?cursor=nonsense").then().statusCode(400);
        Api.as(Tokens.leader1()).get(RUNS + "/candidates?areaId=" + Demo.ZONE2).then().statusCode(404);

        String runId = create(Tokens.leader1(), run(needIds, List.of("worker1"), somePlace())).getString("id");
        Api.as(Tokens.worker1()).header("If-Match", "\"0\"").post(RUNS + "/" + runId + "/start").then().statusCode(403);
        start(Tokens.leader1(), runId);
        String n = needIds.get(0);
        drop(Tokens.worker1(), runId, Map.of("needId", n, "outcome", "DELIVERED"), null).then().statusCode(400)
                .body("errors.field", hasItem("receivedBy"));
        drop(Tokens.worker1(), runId, Map.of("needId", n, "outcome", "NOBODY_HOME", "items",
                List.of(Map.of("itemId", UUID.randomUUID().toString(), "quantity", 1))), null).then().statusCode(400)
                .body("errors.field", hasItem("items"));
        drop(Tokens.worker1(), runId, Map.of("needId", n, "outcome", "DELIVERED", "receivedBy", "本人", "items",
                List.of(Map.of("itemId", UUID.randomUUID().toString(), "quantity", -1))), null).then().statusCode(400);
        drop(Tokens.worker1(), runId, Map.of("needId", n, "outcome", "LOST"), null).then().statusCode(400);
        drop(Tokens.worker1(), runId, Map.of("needId", UUID.randomUUID().toString(), "outcome", "NOBODY_HOME"), null).then()
                .statusCode(404).body("detail", equalTo("Need not found"));
        drop(Tokens.worker1(), runId, Map.of("needId", n, "outcome", "NOBODY_HOME", "note", "bad\u0000note"), null).then()
                .statusCode(400);
        assertThat(needStatus(n)).isEqualTo("OUT_FOR_DELIVERY");
    }
}
