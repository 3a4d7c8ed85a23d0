package org.gridguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Broken object-level authorisation attempts: one grid's people reaching into another's. */
@QuarkusTest
class BolaTest {

    @Test
    void workersListOnlyTheirOwnCell() {
        Api.as(Tokens.worker1()).get("/api/v1/grid-cells").then().statusCode(200)
                .body("items.code", contains("BH-C001-G01")).body("items[0].workers", hasItem("worker1"))
                .body("items[0].leaders", hasItem("leader1"));
        Api.as(Tokens.worker2()).get("/api/v1/grid-cells").then().statusCode(200)
                .body("items.code", contains("BH-C001-G05"));
    }

    @Test
    void anotherWorkersCellIsNotFoundNotForbidden() {
        String body = Api.as(Tokens.worker1()).get("/api/v1/grid-cells/" + Demo.CELL5).then().statusCode(404)
                .extract().asString();
        String unknown = Api.as(Tokens.worker1()).get("/api/v1/grid-cells/" + UUID.randomUUID()).then()
                .statusCode(404).extract().asString();
        // the answer for an existing cell elsewhere is indistinguishable from a cell that does not exist
        assertThat(body.replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
        Api.as(Tokens.worker1()).get("/api/v1/areas/" + Demo.CELL5).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/areas/" + Demo.COMPOUND5).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/areas/" + Demo.CELL5 + "/history").then().statusCode(404);
    }

    @Test
    void workersCannotChangeCellsAtAll_leadersOnlyInTheirZone() {
        Api.as(Tokens.worker1()).body("{\"name\":\"x\",\"version\":0}").patch("/api/v1/grid-cells/" + Demo.CELL5)
                .then().statusCode(403);
        Api.as(Tokens.leader1()).body("{\"name\":\"hijacked\",\"version\":0}").patch("/api/v1/grid-cells/" + Demo.CELL5)
                .then().statusCode(404);
        Api.as(Tokens.leader1()).delete("/api/v1/grid-cells/" + Demo.CELL5).then().statusCode(404);
        Api.as(Tokens.leader1())
                .body("{\"code\":\"BOLA-1\",\"name\":\"x\",\"zoneId\":\"" + Demo.ZONE2 + "\"}")
                .post("/api/v1/grid-cells").then().statusCode(400);
        Api.as(Tokens.admin()).get("/api/v1/grid-cells/" + Demo.CELL5).then().statusCode(200)
                .body("name", not(equalTo("hijacked")));
    }

    @Test
    void leadersSeeTheirZoneOnly() {
        List<String> codes = Api.as(Tokens.leader1()).get("/api/v1/grid-cells").then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        assertThat(codes.stream().filter(c -> c.startsWith("BH-C001-G")).toList())
                .containsExactly("BH-C001-G01", "BH-C001-G02", "BH-C001-G03", "BH-C001-G04");
        Api.as(Tokens.supervisor()).get("/api/v1/grid-cells?limit=100").then().statusCode(200)
                .body("items.code.findAll { it.startsWith('BH-C001-G') }.size()", equalTo(16));
    }

    @Test
    void checkpointsFollowJurisdiction() {
        List<String> w1 = Api.as(Tokens.worker1()).get("/api/v1/checkpoints").then().statusCode(200).extract()
                .jsonPath().getList("items.code");
        List<String> w2 = Api.as(Tokens.worker2()).get("/api/v1/checkpoints").then().statusCode(200).extract()
                .jsonPath().getList("items.code");
        // both see the community's road checkpoints; each sees only gates of their own compounds
        assertThat(w1).contains("BH-C001-KK1", "BH-C001-KK2", "BH-C001-KK3");
        assertThat(w2).contains("BH-C001-KK1");
        // the gate of worker1's compound is theirs alone
        assertThat(w1).contains("BH-C001-KK4");
        assertThat(w2).doesNotContain("BH-C001-KK4");
        Api.as(Tokens.worker2()).get("/api/v1/checkpoints/" + org.gridguard.testsupport.Demo.id("BH-C001-KK4")).then()
                .statusCode(404);
    }

    @Test
    void assignmentsAreManagedOnlyWithinOnesArea() {
        // leader2 cannot put a worker into leader1's zone
        Api.as(Tokens.leader2()).body("{\"principal\":\"intruder\",\"principalType\":\"USER\",\"role\":\"grid-worker\",\"nodeId\":\""
                + Demo.CELL1 + "\"}").post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].message", equalTo("no such area node"));
        // nor make someone a leader
        Api.as(Tokens.leader2()).body("{\"principal\":\"x\",\"principalType\":\"USER\",\"role\":\"grid-leader\",\"nodeId\":\""
                + Demo.CELL5 + "\"}").post("/api/v1/assignments").then().statusCode(403);
        // leader2 lists only assignments in their zone
        List<String> principals = Api.as(Tokens.leader2()).get("/api/v1/assignments").then().statusCode(200).extract()
                .jsonPath().getList("items.principal");
        assertThat(principals).contains("worker2", "leader2").doesNotContain("worker1", "leader1");
    }

    @Test
    void jobsOfOthersAreNotFound() {
        Api.as(Tokens.worker1()).get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }
}
