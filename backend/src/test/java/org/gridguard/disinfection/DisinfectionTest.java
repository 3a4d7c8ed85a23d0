package org.gridguard.disinfection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Disinfection schedules and rounds through the API: a leader schedules a building's rounds once (idempotent, one
 * active schedule per place), changes it with its version and deactivates it; the worker of the cell records rounds
 * (a retried POST never duplicates); other grids never see them (404 like missing), wrong roles are 403, bad input is a
 * problem naming the field.
 */
@QuarkusTest
class DisinfectionTest {

    static final String SCHEDULES = "/api/v1/disinfection-schedules";
    static final String ROUNDS = "/api/v1/disinfection-rounds";
    static final UUID BUILDING1 = Demo.id("BH-C001-XQ01-B01");
    static final UUID GATE1 = Demo.id("BH-C001-KK4");

    static Map<String, Object> schedule(String kind, UUID place) {
        return new HashMap<>(Map.of("placeKind", kind, "placeId", place.toString()));
    }

    static Map<String, Object> round(String kind, UUID place) {
        return new HashMap<>(Map.of("placeKind", kind, "placeId", place.toString(), "areaM2", 1200.5, "agent", "含氯消毒剂 84",
                "concentrationMgL", 500));
    }

    @Test
    void aLeaderSchedulesABuildingOnceChangesItWithItsVersionAndDeactivatesIt() {
        String key = "dis-" + UUID.randomUUID();
        Response first = Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(schedule("AREA", BUILDING1))
                .post(SCHEDULES);
        first.then().statusCode(201).header("Location", containsString(SCHEDULES + "/")).body("times", equalTo(List.of("08:00",
                "16:00"))).body("toleranceMinutes", equalTo(60)).body("active", equalTo(true))
                .body("areaId", equalTo(BUILDING1.toString())).body("createdBy", equalTo("leader1"));
        String id = first.jsonPath().getString("id");
        Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(schedule("AREA", BUILDING1)).post(SCHEDULES).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Api.as(Tokens.supervisor()).body(schedule("AREA", BUILDING1)).post(SCHEDULES).then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("scheduleId", equalTo(id));

        Api.as(Tokens.worker1()).get(SCHEDULES + "/" + id).then().statusCode(200);
        assertThat(Api.as(Tokens.worker1()).get(SCHEDULES + "?limit=500&placeId=" + BUILDING1).then().statusCode(200).extract()
                .jsonPath().getList("items.id")).containsExactly(id);
        // another zone: 404 like missing, absent from the list; wrong role 403
        Api.as(Tokens.leader2()).get(SCHEDULES + "/" + id).then().statusCode(404)
                .body("detail", equalTo("Disinfection schedule not found"));
        assertThat(Api.as(Tokens.leader2()).get(SCHEDULES + "?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).doesNotContain(id);
        Api.as(Tokens.worker1()).body(schedule("AREA", BUILDING1)).post(SCHEDULES).then().statusCode(403);

        // change: the version is needed and must be the one seen
        Api.as(Tokens.leader1()).body(Map.of("toleranceMinutes", 30)).patch(SCHEDULES + "/" + id).then().statusCode(428);
        Api.as(Tokens.leader1()).header("If-Match", "\"7\"").body(Map.of("toleranceMinutes", 30)).patch(SCHEDULES + "/" + id)
                .then().statusCode(412);
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("times", List.of("07:30", "12:00", "17:30"),
                "toleranceMinutes", 30)).patch(SCHEDULES + "/" + id).then().statusCode(200)
                .body("times", equalTo(List.of("07:30", "12:00", "17:30"))).body("toleranceMinutes", equalTo(30))
                .body("version", equalTo(1));
        Api.as(Tokens.leader1()).header("If-Match", "\"1\"").body(Map.of("toleranceMinutes", 240)).patch(SCHEDULES + "/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("times"));
        Api.as(Tokens.leader2()).header("If-Match", "\"1\"").post(SCHEDULES + "/" + id + "/deactivate").then().statusCode(404);
        Api.as(Tokens.leader1()).post(SCHEDULES + "/" + id + "/deactivate").then().statusCode(428);
        Api.as(Tokens.leader1()).header("If-Match", "\"1\"").post(SCHEDULES + "/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        Api.as(Tokens.leader1()).header("If-Match", "\"2\"").post(SCHEDULES + "/" + id + "/deactivate").then().statusCode(409);
        assertThat(Api.as(Tokens.leader1()).get(SCHEDULES + "?limit=500&placeId=" + BUILDING1).then().statusCode(200).extract()
                .jsonPath().getList("items.id")).isEmpty();
        assertThat(Api.as(Tokens.leader1()).get(SCHEDULES + "?limit=500&includeInactive=true&placeId=" + BUILDING1).then()
                .statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(id);
        // the place may be scheduled again
        Api.as(Tokens.leader1()).body(schedule("AREA", BUILDING1)).post(SCHEDULES).then().statusCode(201);
    }

    @Test
    void badSchedulesAreRefusedNamingTheField() {
        UUID building = Demo.id("BH-C001-XQ01-B03");
        Map<String, Object> bad = schedule("AREA", building);
        bad.put("times", List.of("25:00"));
        Api.as(Tokens.leader1()).body(bad).post(SCHEDULES).then().statusCode(422).body("errors[0].field", equalTo("times"));
        bad.put("times", List.of("08:00", "08:30"));
        Api.as(Tokens.leader1()).body(bad).post(SCHEDULES).then().statusCode(422).body("detail", containsString("overlap"));
        bad.put("times", List.of("08:00"));
        bad.put("toleranceMinutes", 1);
        Api.as(Tokens.leader1()).body(bad).post(SCHEDULES).then().statusCode(400)
                .body("errors.field", hasItem("toleranceMinutes"));
        Api.as(Tokens.leader1()).body(schedule("AREA", Demo.CELL1)).post(SCHEDULES).then().statusCode(422)
                .body("errors[0].field", equalTo("placeId"));
        Api.as(Tokens.leader1()).body(schedule("AREA", UUID.randomUUID())).post(SCHEDULES).then().statusCode(404)
                .body("detail", equalTo("Place not found"));
        Api.as(Tokens.leader2()).body(schedule("AREA", building)).post(SCHEDULES).then().statusCode(404)
                .body("detail", equalTo("Place not found"));
        Api.as(Tokens.leader1()).body(Map.of("placeKind", "ROOF", "placeId", building.toString())).post(SCHEDULES).then()
                .statusCode(400);
    }

    @Test
    void theWorkerOfTheCellRecordsARoundOnceWhateverTheRetries() {
        String key = "round-" + UUID.randomUUID();
        Map<String, Object> body = round("CHECKPOINT", GATE1);
        body.put("note", "大门及岗亭");
        Response first = Api.as(Tokens.worker1()).header("Idempotency-Key", key).body(body).post(ROUNDS);
        first.then().statusCode(201).body("placeKind", equalTo("CHECKPOINT")).body("areaM2", equalTo(1200.5f))
                .body("concentrationMgL", equalTo(500)).body("agent", equalTo("含氯消毒剂 84")).body("recordedBy", equalTo("worker1"))
                .body("areaId", equalTo(Demo.COMPOUND1.toString()));
        String id = first.jsonPath().getString("id");
        for (int i = 0; i < 2; i++) {
            Api.as(Tokens.worker1()).header("Idempotency-Key", key).body(body).post(ROUNDS).then().statusCode(201)
                    .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        }
        List<String> mine = Api.as(Tokens.worker1()).get(ROUNDS + "?limit=500&placeKind=CHECKPOINT&placeId=" + GATE1).then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(mine).containsOnlyOnce(id);
        Api.as(Tokens.worker1()).header("Idempotency-Key", key).body(round("CHECKPOINT", GATE1)).post(ROUNDS).then()
                .statusCode(422);

        Api.as(Tokens.admin()).get(ROUNDS + "/" + id).then().statusCode(200).body("note", equalTo("大门及岗亭"));
        Api.as(Tokens.user("inspector1", "inspector")).get(ROUNDS + "/" + id).then().statusCode(200);
        Api.as(Tokens.leader2()).get(ROUNDS + "/" + id).then().statusCode(404).body("detail", equalTo("Disinfection round not found"));
        Api.as(Tokens.worker2()).get(ROUNDS + "/" + id).then().statusCode(404);
        assertThat(Api.as(Tokens.leader2()).get(ROUNDS + "?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).doesNotContain(id);
        Api.as(Tokens.lab()).body(body).post(ROUNDS).then().statusCode(403);
        Api.as(Tokens.admin()).body(body).post(ROUNDS).then().statusCode(403);

        // the day's filter and the area filter find it; a period before it does not
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(Api.as(Tokens.leader1()).get(ROUNDS + "?limit=500&from=" + today + "&to=" + today + "&areaId=" + Demo.CELL1)
                .then().statusCode(200).extract().jsonPath().getList("items.id")).contains(id);
        assertThat(Api.as(Tokens.leader1()).get(ROUNDS + "?limit=500&to=2020-01-01").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).doesNotContain(id);
    }

    @Test
    void badRoundsAreRefusedNamingTheFieldAndPlacesOutOfReachAnswerLikeMissing() {
        Map<String, Object> negative = round("AREA", Demo.COMPOUND1);
        negative.put("areaM2", -5);
        Api.as(Tokens.worker1()).body(negative).post(ROUNDS).then().statusCode(400).body("errors[0].field", equalTo("areaM2"));
        Map<String, Object> zero = round("AREA", Demo.COMPOUND1);
        zero.put("concentrationMgL", 0);
        Api.as(Tokens.worker1()).body(zero).post(ROUNDS).then().statusCode(400)
                .body("errors[0].field", equalTo("concentrationMgL"));
        Map<String, Object> noAgent = round("AREA", Demo.COMPOUND1);
        noAgent.put("agent", " ");
        Api.as(Tokens.worker1()).body(noAgent).post(ROUNDS).then().statusCode(400).body("errors[0].field", equalTo("agent"));
        Map<String, Object> future = round("AREA", Demo.COMPOUND1);
        future.put("doneAt", "2099-01-01T08:00:00+08:00");
        Api.as(Tokens.worker1()).body(future).post(ROUNDS).then().statusCode(422).body("errors[0].field", equalTo("doneAt"));
        Map<String, Object> text = round("AREA", Demo.COMPOUND1);
        text.put("areaM2", "lots");
        Api.as(Tokens.worker1()).body(text).post(ROUNDS).then().statusCode(400);

        String unknown = Api.as(Tokens.worker1()).body(round("AREA", UUID.randomUUID())).post(ROUNDS).then().statusCode(404)
                .extract().path("detail");
        String outOfReach = Api.as(Tokens.worker1()).body(round("AREA", Demo.COMPOUND5)).post(ROUNDS).then().statusCode(404)
                .extract().path("detail");
        assertThat(outOfReach).isEqualTo(unknown).isEqualTo("Place not found");
        Api.as(Tokens.worker1()).body(round("CHECKPOINT", Demo.id("BH-C001-KK1"))).post(ROUNDS).then().statusCode(404)
                .body("detail", equalTo("Place not found"));
        Api.as(Tokens.worker1()).body(round("AREA", Demo.CELL1)).post(ROUNDS).then().statusCode(422)
                .body("errors[0].field", equalTo("placeId"));
        // a schedule of another place
        String gateSchedule = Api.as(Tokens.worker1()).get(SCHEDULES + "?placeKind=CHECKPOINT&placeId=" + GATE1).then()
                .statusCode(200).extract().path("items[0].id");
        Map<String, Object> wrong = round("AREA", Demo.COMPOUND1);
        wrong.put("scheduleId", gateSchedule);
        Api.as(Tokens.worker1()).body(wrong).post(ROUNDS).then().statusCode(422).body("errors[0].field", equalTo("scheduleId"));
        Api.as(Tokens.worker1()).get(ROUNDS + "?cursor=nonsense").then().statusCode(400);
        Api.as(Tokens.leader1()).get(ROUNDS + "?areaId=" + Demo.CELL5).then().statusCode(404);
    }

    @Test
    void thePlacePickerListsTheCompoundsAndCheckpointsInReachWithTheirSchedules() {
        List<Map<String, Object>> places = Api.as(Tokens.worker1()).get("/api/v1/disinfection-places").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(places).extracting(p -> p.get("placeId")).contains(Demo.COMPOUND1.toString(), GATE1.toString())
                .doesNotContain(Demo.COMPOUND5.toString(), Demo.id("BH-C001-KK1").toString());
        assertThat(places).filteredOn(p -> p.get("placeId").equals(Demo.COMPOUND1.toString()))
                .allSatisfy(p -> assertThat(p.get("scheduleId")).as("the demo's default schedule").isNotNull());
        assertThat(Api.as(Tokens.supervisor()).get("/api/v1/disinfection-places?placeKind=CHECKPOINT&q=燕泉桥").then()
                .statusCode(200).extract().jsonPath().getList("name")).containsExactly("燕泉桥");
    }
}
