package org.gridguard.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Care plans through the API: a leader covers a vulnerable resident of their zone once (idempotent, one active plan),
 * the worker of the cell records visits that raise needs into the register, the plan is changed with its version and
 * ended with a reason; other grids never see it, wrong roles are 403, bad input is a problem naming the field.
 */
@QuarkusTest
class CarePlanTest {

    static final String PLANS = "/api/v1/care-plans";

    /** The first vulnerable resident of the cell without a plan, as leader1 sees them. */
    static String uncovered(UUID cell) {
        List<String> ids = Api.as(Tokens.leader1()).get(PLANS + "/uncovered?limit=1&areaId=" + cell).then().statusCode(200)
                .extract().jsonPath().getList("items.residentId");
        assertThat(ids).as("a vulnerable resident without a plan in " + cell).isNotEmpty();
        return ids.get(0);
    }

    static Map<String, Object> plan(String resident, String responsible) {
        return new HashMap<>(Map.of("residentId", resident, "responsible", responsible));
    }

    static Map<String, Object> visit(String mode, String condition) {
        return new HashMap<>(Map.of("mode", mode, "condition", condition));
    }

    static String create(String resident) {
        return Api.as(Tokens.leader1()).body(plan(resident, "worker1")).post(PLANS).then().statusCode(201).extract().path("id");
    }

    static List<String> ids(String token, String query) {
        return Api.as(token).get(PLANS + "?limit=500" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void aLeaderCoversAVulnerableResidentOnceAndTheWorkerOfTheCellVisitsAndRaisesANeed() {
        String resident = uncovered(Demo.CELL1);
        String key = "care-" + UUID.randomUUID();
        Response first = Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(plan(resident, " worker1 ")).post(PLANS);
        first.then().statusCode(201).header("Location", containsString(PLANS + "/")).body("status", equalTo("ACTIVE"))
                .body("residentId", equalTo(resident)).body("responsible", equalTo("worker1"))
                .body("visitEveryDays", equalTo(1)).body("deliveryEveryDays", equalTo(7))
                .body("gridCellId", equalTo(Demo.CELL1.toString())).body("categories.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("visitMissed", equalTo(false)).body("nextVisitDue", notNullValue()).body("history", hasSize(1))
                .body("history[0].action", equalTo("CREATED")).body("createdBy", equalTo("leader1"));
        String id = first.jsonPath().getString("id");
        Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(plan(resident, " worker1 ")).post(PLANS).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Api.as(Tokens.supervisor()).body(plan(resident, "worker1")).post(PLANS).then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("planId", equalTo(id));
        assertThat(Api.as(Tokens.leader1()).get(PLANS + "/uncovered?limit=500&areaId=" + Demo.CELL1).then().statusCode(200)
                .extract().jsonPath().getList("items.residentId")).doesNotContain(resident);

        Api.as(Tokens.worker1()).get(PLANS + "/" + id).then().statusCode(200).body("responsible", equalTo("worker1"));
        Api.as(Tokens.admin()).get(PLANS + "/" + id).then().statusCode(200);
        assertThat(ids(Tokens.worker1(), "&mine=true")).contains(id);
        assertThat(ids(Tokens.worker2(), "")).doesNotContain(id);
        assertThat(ids(Tokens.leader2(), "")).doesNotContain(id);

        String visitKey = "care-visit-" + UUID.randomUUID();
        Map<String, Object> v = visit("DOOR", "NEEDS_HELP");
        v.put("note", "腿疼，药快吃完了");
        v.put("needs", List.of(Map.of("kind", "MEDICINE", "urgency", "TODAY", "detail", "降压药 1 盒")));
        JsonPath recorded = Api.as(Tokens.worker1()).header("Idempotency-Key", visitKey).body(v)
                .post(PLANS + "/" + id + "/visits").then().statusCode(201).body("condition", equalTo("NEEDS_HELP"))
                .body("needIds", hasSize(1)).body("recordedBy", equalTo("worker1")).extract().jsonPath();
        String visitId = recorded.getString("id");
        String needId = recorded.getString("needIds[0]");
        Api.as(Tokens.worker1()).header("Idempotency-Key", visitKey).body(v).post(PLANS + "/" + id + "/visits").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(visitId));
        Api.as(Tokens.worker1()).get(PLANS + "/" + id + "/visits").then().statusCode(200).body("items", hasSize(1));
        Api.as(Tokens.worker1()).get("/api/v1/needs/" + needId).then().statusCode(200).body("source", equalTo("CARE_VISIT"))
                .body("sourceRef", equalTo(visitId)).body("residentId", equalTo(resident)).body("kind", equalTo("MEDICINE"));
        Api.as(Tokens.worker1()).get(PLANS + "/" + id).then().statusCode(200).body("lastCondition", equalTo("NEEDS_HELP"))
                .body("lastVisitAt", notNullValue());
        assertThat(ids(Tokens.worker1(), "&due=true&mine=true")).as("visited today: due tomorrow").doesNotContain(id);
    }

    @Test
    void otherGridsSeeNothingAndWrongRolesAreForbidden() {
        String id = create(uncovered(Demo.CELL1));
        for (String token : List.of(Tokens.worker2(), Tokens.leader2())) {
            Api.as(token).get(PLANS + "/" + id).then().statusCode(404).contentType(containsString("application/problem+json"))
                    .body("detail", containsString("Care plan"));
            Api.as(token).get(PLANS + "/" + id + "/visits").then().statusCode(404);
            Api.as(token).body(visit("PHONE", "WELL")).post(PLANS + "/" + id + "/visits").then().statusCode(404);
        }
        Api.as(Tokens.leader2()).body(Map.of("reason", "x", "version", 0)).post(PLANS + "/" + id + "/end").then().statusCode(404);
        Api.as(Tokens.leader2()).body(Map.of("visitEveryDays", 2, "version", 0)).patch(PLANS + "/" + id).then().statusCode(404);
        Api.as(Tokens.leader2()).body(plan(uncovered(Demo.CELL1), "leader2")).post(PLANS).then().statusCode(404);
        Api.as(Tokens.leader2()).get(PLANS + "/uncovered?areaId=" + Demo.CELL1).then().statusCode(404);
        Api.as(Tokens.worker2()).get(PLANS + "?areaId=" + Demo.CELL1).then().statusCode(404);
        Api.as(Tokens.worker1()).body(plan(uncovered(Demo.CELL1), "worker1")).post(PLANS).then().statusCode(403);
        Api.as(Tokens.worker1()).get(PLANS + "/uncovered").then().statusCode(403);
        Api.as(Tokens.lab()).get(PLANS).then().statusCode(403);
        Api.as(Tokens.admin()).body(visit("PHONE", "WELL")).post(PLANS + "/" + id + "/visits").then().statusCode(403);
        Api.as(Tokens.leader1()).get(PLANS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String resident = uncovered(Demo.CELL1);
        Map<String, Object> zero = plan(resident, "worker1");
        zero.put("visitEveryDays", 0);
        Api.as(Tokens.leader1()).body(zero).post(PLANS).then().statusCode(400).body("errors.field", hasItem("visitEveryDays"));
        Api.as(Tokens.leader1()).body(Map.of("residentId", resident)).post(PLANS).then().statusCode(400)
                .body("errors.field", hasItem("responsible"));
        Api.as(Tokens.leader1()).body(plan(resident, "worker2")).post(PLANS).then().statusCode(422)
                .body("errors[0].field", equalTo("responsible"));
        Api.as(Tokens.leader1()).body(plan(resident, "nobody")).post(PLANS).then().statusCode(422)
                .body("errors[0].field", equalTo("responsible"));
        Api.as(Tokens.leader1()).body(plan(notVulnerable(Demo.CELL1), "worker1")).post(PLANS).then().statusCode(422)
                .body("errors[0].field", equalTo("residentId")).body("detail", containsString("ELDERLY_ALONE"));
        Api.as(Tokens.leader1()).body(plan(UUID.randomUUID().toString(), "worker1")).post(PLANS).then().statusCode(404);
        Api.as(Tokens.leader1()).get(PLANS + "?cursor=nonsense").then().statusCode(400);
        Api.as(Tokens.leader1()).get(PLANS + "?status=PAUSED").then().statusCode(400);
        Api.as(Tokens.leader1()).get(PLANS + "/uncovered?limit=0").then().statusCode(400);

        String id = create(resident);
        Api.as(Tokens.worker1()).body(visit("FAX", "WELL")).post(PLANS + "/" + id + "/visits").then().statusCode(400)
                .body("errors[0].field", equalTo("mode"));
        Api.as(Tokens.worker1()).body(Map.of("mode", "PHONE")).post(PLANS + "/" + id + "/visits").then().statusCode(400)
                .body("errors.field", hasItem("condition"));
        Map<String, Object> future = visit("PHONE", "WELL");
        future.put("visitedAt", OffsetDateTime.now().plusDays(1).toString());
        Api.as(Tokens.worker1()).body(future).post(PLANS + "/" + id + "/visits").then().statusCode(422)
                .body("errors[0].field", equalTo("visitedAt"));
        Map<String, Object> badNeed = visit("PHONE", "UNWELL");
        badNeed.put("needs", List.of(Map.of("kind", "FOOD")));
        Api.as(Tokens.worker1()).body(badNeed).post(PLANS + "/" + id + "/visits").then().statusCode(400)
                .body("errors[0].field", containsString("urgency"));
        Map<String, Object> nul = visit("PHONE", "WELL");
        nul.put("note", "ok\u0000");
        Api.as(Tokens.worker1()).body(nul).post(PLANS + "/" + id + "/visits").then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
    }

    @Test
    void aPlanIsChangedAtItsVersionAndEndedWithAReasonThenTheResidentMayGetANewOne() {
        String resident = uncovered(Demo.CELL1);
        String id = create(resident);
        Api.as(Tokens.leader1()).body(Map.of("visitEveryDays", 2)).patch(PLANS + "/" + id).then().statusCode(428);
        Api.as(Tokens.leader1()).body(Map.of("visitEveryDays", 2, "version", 7)).patch(PLANS + "/" + id).then().statusCode(412);
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("visitEveryDays", 2, "responsible", "leader1"))
                .patch(PLANS + "/" + id).then().statusCode(200).body("visitEveryDays", equalTo(2))
                .body("responsible", equalTo("leader1")).body("version", equalTo(1)).body("history", hasSize(2))
                .body("history[1].action", equalTo("CHANGED")).body("history[1].detail", containsString("visitEveryDays 1 → 2"));
        Api.as(Tokens.leader1()).body(Map.of("responsible", "worker2", "version", 1)).patch(PLANS + "/" + id).then()
                .statusCode(422);
        Api.as(Tokens.worker1()).body(Map.of("reason", "搬走了", "version", 1)).post(PLANS + "/" + id + "/end").then()
                .statusCode(403);
        Api.as(Tokens.leader1()).body(Map.of("reason", " ", "version", 1)).post(PLANS + "/" + id + "/end").then().statusCode(400);
        Api.as(Tokens.leader1()).body(Map.of("reason", "搬去女儿家住", "version", 1)).post(PLANS + "/" + id + "/end").then()
                .statusCode(200).body("status", equalTo("ENDED")).body("endReason", equalTo("搬去女儿家住"))
                .body("endedAt", notNullValue()).body("visitMissed", equalTo(false)).body("history[2].action", equalTo("ENDED"));
        Api.as(Tokens.leader1()).body(Map.of("reason", "again", "version", 2)).post(PLANS + "/" + id + "/end").then()
                .statusCode(409);
        Api.as(Tokens.worker1()).body(visit("PHONE", "WELL")).post(PLANS + "/" + id + "/visits").then().statusCode(409);
        assertThat(ids(Tokens.leader1(), "&status=ENDED")).contains(id);
        assertThat(ids(Tokens.leader1(), "&status=ACTIVE")).doesNotContain(id);
        String second = create(resident);
        assertThat(second).isNotEqualTo(id);
    }

    /** A living resident of the cell in none of the vulnerable categories. */
    static String notVulnerable(UUID cell) {
        JsonPath page = Api.as(Tokens.leader1()).get("/api/v1/residents?status=LIVING&limit=500&areaId=" + cell).then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(r -> !CareRules.vulnerable(((List<?>) r.get("categories")).stream().map(String::valueOf).toList()))
                .map(r -> (String) r.get("id")).findFirst().orElseThrow();
    }
}
