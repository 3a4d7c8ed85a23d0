package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.census.CensusFixtures.validId;
import static org.gridguard.census.CensusFixtures.validMobile;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** worker1 (cell G01) never sees worker2's (cell G05) households or residents, whatever the route. */
@QuarkusTest
class CensusBolaTest {

    @Test
    void listsHoldOnlyOwnCells() {
        List<String> w1 = Api.as(Tokens.worker1()).queryParam("limit", 500).get("/api/v1/households").then()
                .statusCode(200).body("items.gridCellId", everyItem(equalTo(Demo.CELL1.toString()))).extract().jsonPath()
                .getList("items.id");
        assertThat(w1).isNotEmpty();
        Api.as(Tokens.worker2()).queryParam("limit", 500).get("/api/v1/residents").then().statusCode(200)
                .body("items.gridCellId", everyItem(equalTo(Demo.CELL5.toString())))
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        // walking every page of worker1's residents never reaches another cell
        String cursor = null;
        int seen = 0;
        do {
            var spec = Api.as(Tokens.worker1()).queryParam("limit", 500);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/residents").then().statusCode(200)
                    .body("items.gridCellId", everyItem(equalTo(Demo.CELL1.toString()))).extract().jsonPath();
            seen += page.getList("items").size();
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(seen).isGreaterThan(100);
        // filtering by the other cell gives nothing, not an error that confirms it
        Api.as(Tokens.worker1()).queryParam("areaId", Demo.CELL5).get("/api/v1/residents").then().statusCode(404);
    }

    @Test
    void singleReadsHistoryAndUnmaskOfAnotherCellAre404() {
        String theirs = Api.as(Tokens.worker2()).queryParam("limit", 1).get("/api/v1/residents").then().extract()
                .path("items[0].id");
        String theirHousehold = Api.as(Tokens.worker2()).queryParam("limit", 1).get("/api/v1/households").then()
                .extract().path("items[0].id");
        Api.as(Tokens.worker1()).get("/api/v1/residents/" + theirs).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/residents/" + theirs + "/history").then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/households/" + theirHousehold).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/households/" + theirHousehold + "/verifications").then().statusCode(404);
        Api.as(Tokens.worker1()).body(Map.of("status", "MOVED_OUT", "version", 0)).patch("/api/v1/residents/" + theirs)
                .then().statusCode(404);
        Api.as(Tokens.worker1()).body(Map.of("householdId", theirHousehold, "name", "x", "idNumber", validId()))
                .post("/api/v1/residents").then().statusCode(400);
        Api.as(Tokens.worker1()).body(Map.of("areaId", Demo.id("BH-C001-XQ05-B01").toString(), "doorNumber", "9-999"))
                .post("/api/v1/households").then().statusCode(400);
    }

    @Test
    void searchByIdNumberFindsOnlyOwnCells() {
        String hh = Api.as(Tokens.worker2()).body(Map.of("areaId", Demo.id("BH-C001-XQ05-B01").toString(), "doorNumber",
                "BOLA-" + System.nanoTime() % 100000)).post("/api/v1/households").then().statusCode(201).extract().path("id");
        String id = validId();
        String phone = validMobile();
        CensusFixtures.newResident(Tokens.worker2(), hh, id, phone);
        Api.as(Tokens.worker2()).body(Map.of("idNumber", id)).post("/api/v1/residents/search").then()
                .body("items.size()", equalTo(1));
        Api.as(Tokens.worker1()).body(Map.of("idNumber", id)).post("/api/v1/residents/search").then().statusCode(200)
                .body("items.size()", equalTo(0));
        Api.as(Tokens.worker1()).body(Map.of("phone", phone)).post("/api/v1/residents/search").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void importAndExportStayInJurisdiction() throws Exception {
        // workers neither import nor export
        CensusFixtures.upload(Tokens.worker1(), "姓名\n".getBytes(StandardCharsets.UTF_8), "x.csv", null, false).then()
                .statusCode(403);
        Api.as(Tokens.worker1()).body("{}").post("/api/v1/exports/residents").then().statusCode(403);
        // leader1 cannot import into leader2's zone, nor sneak worker2's compound into a file for their own zone
        CensusFixtures.upload(Tokens.leader1(), CensusFixtures.csv(StandardCharsets.UTF_8,
                CensusFixtures.rows("x", "1栋", 1, "B")), "a.csv", Demo.ZONE2, false).then().statusCode(400);
        String theirCompound = CensusFixtures.name("BH-C001-XQ05");
        List<List<String>> rows = new ArrayList<>(CensusFixtures.rows(theirCompound, "1栋", 3, "BOLA"));
        Map<String, Object> report = CensusFixtures.importOk(Tokens.leader1(), CensusFixtures.csv(StandardCharsets.UTF_8, rows),
                "sneak.csv", Demo.ZONE1, false);
        assertThat(report.get("invalid")).isEqualTo(3);
        assertThat(report.get("created")).isEqualTo(0);
        // the supervisor's export of worker2's cell holds only that cell
        String csv = Api.as(Tokens.supervisor()).body(Map.of("areaId", Demo.CELL5.toString()))
                .post("/api/v1/exports/residents").then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[12]).distinct().toList())
                .containsExactly(Demo.CELL5.toString());
        // a job of someone else is not found
        String job = CensusFixtures.upload(Tokens.leader1(), CensusFixtures.csv(StandardCharsets.UTF_8,
                CensusFixtures.rows("x", "1栋", 1, "J")), "j.csv", Demo.ZONE1, true).then().statusCode(202).extract()
                .path("jobId");
        Api.as(Tokens.leader2()).get("/api/v1/imports/" + job + "/errors").then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/jobs/" + job).then().statusCode(404);
    }
}
