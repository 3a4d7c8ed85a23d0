package org.gridguard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Per-caller limits on bulk personal data and heavy jobs (issue 26 point 6, ADR 0029), with the test profile's
 * values: lookups, imports, roster solves and clear exports answer 429 problem+json with Retry-After beyond their
 * allowance; a caller may have only so many solves queued or running, and so may everyone together.
 * Each test uses callers of its own, so the other test classes' allowances are untouched.
 */
@QuarkusTest
class RateLimitsTest {

    static final String PROBLEM = "application/problem+json";

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assign(String principal, String role, UUID node) {
        Api.as(Tokens.admin()).body(Map.of("principal", principal, "principalType", "USER", "role", role, "nodeId", node))
                .post("/api/v1/assignments").then().statusCode(201);
    }

    /**
     * Calls until the first 429 (at most {@code allowance + 20} calls): the first {@code allowance} calls pass the
     * limiter (whatever they answer otherwise), then a 429 problem+json with a positive Retry-After comes. The
     * buckets refill greedily, so a slow machine may see a few more pass than the allowance, never fewer.
     */
    static Response exhaust(int allowance, Supplier<Response> call) {
        for (int i = 0; i < allowance + 20; i++) {
            Response r = call.get();
            if (r.statusCode() == 429) {
                assertThat(i).as("calls that passed before the first 429").isGreaterThanOrEqualTo(allowance);
                assertThat(r.contentType()).startsWith(PROBLEM);
                assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
                assertThat(r.jsonPath().getInt("status")).isEqualTo(429);
                return r;
            }
            assertThat(r.statusCode()).as(r.asString()).isNotEqualTo(500);
        }
        throw new AssertionError("no 429 after " + (allowance + 20) + " calls");
    }

    @Test
    void lookupsShareOneAllowanceOf60AMinutePerCaller() {
        String token = Tokens.user(unique("gate"), "grid-worker");
        UUID checkpoint = UUID.randomUUID();
        int[] n = { 0 };
        // a resident lookup, a checkpoint people search and a households search by door draw from one bucket
        exhaust(60, () -> switch (n[0]++ % 3) {
            case 0 -> Api.as(token).body(Map.of("phone", "13800138000")).post("/api/v1/residents/search");
            case 1 -> Api.as(token).body(Map.of("name", "王")).post("/api/v1/checkpoints/" + checkpoint + "/people/search");
            default -> Api.as(token).get("/api/v1/households?door=101");
        });
        // the list without a search is not a lookup; another caller has an allowance of their own
        Api.as(token).get("/api/v1/households").then().statusCode(200);
        Api.as(Tokens.worker1()).body(Map.of("phone", "13800138000")).post("/api/v1/residents/search").then()
                .statusCode(200);
    }

    @Test
    void importsStartedAreCappedPerCaller() {
        String token = Tokens.user(unique("importer"), "grid-leader");
        // the test profile's allowance is high: census, enterprise and quarantine-list tests all import as supervisor
        int allowance = ConfigProvider.getConfig().getValue("gridguard.rate-limit.import.capacity", Integer.class);
        // no file: 400 each, but every start counts (the limiter answers before the upload is looked at)
        exhaust(allowance, () -> RestAssured.given().auth().oauth2(token).multiPart("dryRun", "true").post("/api/v1/imports"));
    }

    @Test
    void rosterSolvesStartedAre10AnHourPerCaller() {
        String token = Tokens.user(unique("solver"), "grid-leader");
        String body = "{\"areaId\":\"" + UUID.randomUUID() + "\",\"from\":\"2033-01-01\",\"to\":\"2033-01-07\"}";
        exhaust(10, () -> Api.as(token).body(body).post("/api/v1/rosters"));
    }

    @Test
    void clearExportsAre8AnHourPerCaller_maskedOnesAreNotCounted() {
        String name = unique("exporter");
        assign(name, "supervisor", Demo.COMMUNITY);
        String token = Tokens.user(name, "supervisor");
        Map<String, Object> clear = Map.of("areaId", Demo.CELL5.toString(), "unmask", List.of("PHONE"), "reason", "配送物资");
        Response refused = exhaust(8, () -> Api.as(token).body(clear).post("/api/v1/exports/residents"));
        assertThat(refused.jsonPath().getString("type")).endsWith("rate-limited");
        Api.as(token).body(Map.of("areaId", Demo.CELL5.toString())).post("/api/v1/exports/residents").then()
                .statusCode(200);
    }

    @Test
    @Timeout(120)
    void atMostTwoSolvesQueuedOrRunningPerLeader_andFourOnTheServer() throws Exception {
        String a = unique("leader-a"), b = unique("leader-b"), c = unique("leader-c");
        for (String l : List.of(a, b, c)) {
            assign(l, "grid-leader", Demo.ZONE1);
        }
        String ta = Tokens.user(a, "grid-leader"), tb = Tokens.user(b, "grid-leader"), tc = Tokens.user(c, "grid-leader");
        Api.as(ta).body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"from\":\"2033-05-02\",\"to\":\"2033-05-08\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        String solve = "{\"areaId\":\"" + Demo.ZONE1
                + "\",\"from\":\"2033-05-02\",\"to\":\"2033-05-08\",\"timeLimitSeconds\":300,\"unimprovedSeconds\":300}";
        List<String[]> started = new ArrayList<>();
        try {
            for (String t : List.of(ta, ta)) {
                started.add(start(t, solve));
            }
            // a third solve of the same leader while two are queued or running
            Api.as(ta).body(solve).post("/api/v1/rosters").then().statusCode(429).contentType(PROBLEM)
                    .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9]\\d*"))
                    .body("type", org.hamcrest.Matchers.endsWith("too-many-running"));
            for (String t : List.of(tb, tb)) {
                started.add(start(t, solve));
            }
            // four on the server: a third leader waits too
            Api.as(tc).body(solve).post("/api/v1/rosters").then().statusCode(429).contentType(PROBLEM)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("detail", org.hamcrest.Matchers.containsString("server"));
        } finally {
            for (String[] s : started) {
                Api.as(s[2]).post("/api/v1/rosters/" + s[0] + "/stop").then().statusCode(200);
            }
            for (String[] s : started) {
                awaitJob(s[2], s[1]);
            }
        }
        // once they ended, the leader may solve again
        String[] again = start(tc, solve.replace("300", "2"));
        Api.as(tc).post("/api/v1/rosters/" + again[0] + "/stop").then().statusCode(200);
        awaitJob(tc, again[1]);
    }

    static String[] start(String token, String body) {
        JsonPath j = Api.as(token).body(body).post("/api/v1/rosters").then().statusCode(202)
                .body("status", equalTo("SOLVING")).extract().jsonPath();
        return new String[] { j.getString("id"), j.getString("jobId"), token };
    }

    static void awaitJob(String token, String job) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String status = Api.as(token).get("/api/v1/jobs/" + job).then().statusCode(200).extract().path("status");
            if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " did not end");
    }
}
