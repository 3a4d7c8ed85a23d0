package org.gridguard.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Rostering through the API: a job with progress and score, a proposal the leader publishes, stopping early. */
@QuarkusTest
class RosterJobTest {

    static JsonPath waitForJob(String token, String jobId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonPath j = Api.as(token).get("/api/v1/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            String status = j.getString("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish");
    }

    @Test
    @Timeout(30)
    void leader1BuildsAndPublishesARotaForTheirZone() throws Exception {
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"from\":\"2032-03-01\",\"to\":\"2032-03-07\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        var started = Api.as(Tokens.leader1())
                .body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"from\":\"2032-03-01\",\"to\":\"2032-03-07\",\"timeLimitSeconds\":5,\"unimprovedSeconds\":2}")
                .post("/api/v1/rosters").then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/jobs/"))
                .body("status", equalTo("SOLVING")).extract();
        String roster = started.path("id");
        String job = started.path("jobId");
        JsonPath j = waitForJob(Tokens.leader1(), job);
        assertThat(j.getString("status")).as(j.prettify()).isEqualTo("SUCCEEDED");
        assertThat(j.getBoolean("report.feasible")).isTrue();
        assertThat(j.getInt("report.validatorViolations")).isZero();
        assertThat(j.getString("report.score")).startsWith("0hard/");
        Map<String, Object> view = Api.as(Tokens.leader1()).get("/api/v1/rosters/" + roster).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("score", notNullValue()).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> proposal = (List<Map<String, Object>>) view.get("proposal");
        assertThat(proposal).isNotEmpty();
        Api.as(Tokens.leader2()).get("/api/v1/rosters/" + roster).then().statusCode(404);
        Api.as(Tokens.leader2()).post("/api/v1/rosters/" + roster + "/publish").then().statusCode(404);
        Api.as(Tokens.leader1()).post("/api/v1/rosters/" + roster + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("leader1"));
        Api.as(Tokens.leader1()).post("/api/v1/rosters/" + roster + "/publish").then().statusCode(409);
        String shift = (String) proposal.get(0).get("shiftId");
        @SuppressWarnings("unchecked")
        List<String> people = (List<String>) proposal.get(0).get("personIds");
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + shift).then().statusCode(200)
                .body("assignees.personId", org.hamcrest.Matchers.hasItems(people.toArray()))
                .body("assignees[0].source", equalTo("ROSTER"));
    }

    @Test
    @Timeout(30)
    void stoppingEarlyKeepsTheBestRotaSoFar() throws Exception {
        Api.as(Tokens.supervisor()).body("{\"areaId\":\"" + Demo.COMMUNITY + "\",\"from\":\"2032-06-07\",\"to\":\"2032-06-13\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        var started = Api.as(Tokens.supervisor())
                .body("{\"areaId\":\"" + Demo.COMMUNITY + "\",\"from\":\"2032-06-07\",\"to\":\"2032-06-13\",\"timeLimitSeconds\":120,\"unimprovedSeconds\":120}")
                .post("/api/v1/rosters").then().statusCode(202).extract();
        String roster = started.path("id");
        String job = started.path("jobId");
        for (int i = 0; i < 100; i++) {
            JsonPath j = Api.as(Tokens.supervisor()).get("/api/v1/jobs/" + job).then().extract().jsonPath();
            if ("SOLVING".equals(j.getString("report.phase")) && j.getString("report.score") != null) {
                break;
            }
            Thread.sleep(200);
        }
        long t0 = System.nanoTime();
        Api.as(Tokens.supervisor()).post("/api/v1/rosters/" + roster + "/stop").then().statusCode(200);
        JsonPath j = waitForJob(Tokens.supervisor(), job);
        assertThat((System.nanoTime() - t0) / 1e9).as("stops within seconds").isLessThan(8);
        assertThat(j.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(j.getBoolean("report.stoppedEarly")).isTrue();
        assertThat(j.getInt("report.validatorViolations")).isZero();
        Api.as(Tokens.supervisor()).get("/api/v1/rosters/" + roster).then().statusCode(200).body("status", equalTo("PROPOSED"));
    }

    @Test
    @Timeout(20)
    void anAreaWithoutShiftsFailsWithAReason() throws Exception {
        var started = Api.as(Tokens.leader1())
                .body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"from\":\"2035-01-01\",\"to\":\"2035-01-07\"}")
                .post("/api/v1/rosters").then().statusCode(202).extract();
        JsonPath j = waitForJob(Tokens.leader1(), started.path("jobId"));
        assertThat(j.getString("status")).isEqualTo("FAILED");
        assertThat(j.getString("error")).contains("generate shifts first");
        Api.as(Tokens.leader1()).get("/api/v1/rosters/" + started.path("id")).then().body("status", equalTo("FAILED"));
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"from\":\"2035-01-07\",\"to\":\"2035-01-01\"}")
                .post("/api/v1/rosters").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("to"));
    }
}
