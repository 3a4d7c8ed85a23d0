package org.gridguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Partner lab results: replay, correction with history, unknown barcodes, bad payloads, positive pools, lab reach. */
@QuarkusTest
class LabResultTest {

    static final String T1 = "2022-04-05T10:00:00Z";

    /** A closed pool of {@code n} residents of cell 1 in {@code round}; returns [tubeId, barcode, resident ids...]. */
    static List<String> pool(String round, int n, int skip) {
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, skip + n).subList(skip, skip + n);
        String barcode = Rounds.uniq("L");
        String tube = null;
        List<String> out = new java.util.ArrayList<>();
        for (Map<String, Object> p : people) {
            tube = Rounds.sample(Tokens.worker1(), round, barcode, p.get("id"), null, 201).getString("tubeId");
            out.add((String) p.get("id"));
        }
        Api.as(Tokens.worker1()).post("/api/v1/test-rounds/" + round + "/tubes/" + tube + "/close").then().statusCode(200);
        out.add(0, barcode);
        out.add(0, tube);
        return out;
    }

    static List<Map<String, Object>> retests(String round, String tube) {
        List<Map<String, Object>> all = Api.as(Tokens.worker1()).queryParam("kind", "RETEST").queryParam("limit", 500)
                .get("/api/v1/test-rounds/" + round + "/tasks").then().statusCode(200).extract().jsonPath().getList("items");
        return all.stream().filter(t -> tube.equals(t.get("tubeId"))).toList();
    }

    @Test
    void replayChangesNothingAndCorrectionsKeepHistory() {
        String round = Rounds.sampling("化验", 10, Demo.CELL1);
        List<String> p = pool(round, 3, 0);
        String tube = p.get(0), barcode = p.get(1);
        String neg = Rounds.result(barcode, "NEGATIVE", T1, "LAB-1");
        JsonPath first = Rounds.labPost(Tokens.lab(), round, neg, 200);
        assertThat(first.getList("items.status")).containsExactly("CREATED");
        assertThat(first.getString("items[0].id")).isEqualTo(tube);
        assertThat(Rounds.labPost(Tokens.lab(), round, neg, 200).getList("items.status")).containsExactly("DUPLICATE");
        // a correction is an update, and the history keeps both
        JsonPath corr = Rounds.labPost(Tokens.lab(), round, Rounds.result(barcode, "POSITIVE", "2022-04-05T11:00:00Z", "LAB-2"), 200);
        assertThat(corr.getList("items.status")).containsExactly("UPDATED");
        Api.as(Tokens.leader1()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200)
                .body("result", equalTo("POSITIVE")).body("history.result", equalTo(List.of("NEGATIVE", "POSITIVE")))
                .body("history[1].previousResult", equalTo("NEGATIVE")).body("history[1].lab", equalTo("lab-demo"));
    }

    /** Issue 26: a NUL in one labRef used to fail the whole batch with a 500; now that item alone is rejected. */
    @Test
    void aNulLabRefOrAnAbsurdTestedAtRejectsThatItemAndKeepsTheOthers() {
        String round = Rounds.sampling("坏输入", 10, Demo.CELL1);
        List<String> a = pool(round, 1, 40);
        List<String> b = pool(round, 1, 41);
        List<String> c = pool(round, 1, 42);
        JsonPath r = Rounds.labPost(Tokens.lab(), round, Rounds.result(a.get(1), "NEGATIVE", T1, "OK-1") + ","
                + Rounds.result(b.get(1), "NEGATIVE", T1, "BAD\\u0000REF") + ","
                + Rounds.result(c.get(1), "NEGATIVE", "1970-01-01T00:00:00Z", "OK-3"), 200);
        assertThat(r.getList("items.status")).containsExactly("CREATED", "REJECTED", "REJECTED");
        assertThat(r.getString("items[1].errors[0].field")).isEqualTo("labRef");
        assertThat(r.getString("items[2].errors[0].field")).isEqualTo("testedAt");
        Api.as(Tokens.leader1()).get("/api/v1/test-rounds/" + round + "/tubes/" + a.get(0)).then().statusCode(200)
                .body("result", equalTo("NEGATIVE"));
    }

    @Test
    void aPositivePoolMakesExactlyOneRetestPerMember() {
        String round = Rounds.sampling("阳性", 10, Demo.CELL1);
        List<String> p = pool(round, 3, 20);
        String tube = p.get(0), barcode = p.get(1);
        Set<String> members = Set.copyOf(p.subList(2, 5));
        String pos = Rounds.result(barcode, "POSITIVE", T1, "LAB-P1");
        Rounds.labPost(Tokens.lab(), round, pos, 200);
        List<Map<String, Object>> tasks = retests(round, tube);
        assertThat(tasks).hasSize(3);
        assertThat(tasks.stream().map(t -> ((List<Map<String, Object>>) t.get("people")).get(0).get("residentId"))
                .collect(Collectors.toSet())).isEqualTo(members);
        assertThat(tasks).allMatch(t -> Boolean.TRUE.equals(t.get("urgent")) && "OPEN".equals(t.get("status"))
                && t.get("gridCellId").equals(Demo.CELL1.toString())
                && ((List<?>) t.get("assignees")).contains("worker1"));
        // replays and corrections never make a second task
        Rounds.labPost(Tokens.lab(), round, pos, 200);
        Rounds.labPost(Tokens.lab(), round, Rounds.result(barcode, "NEGATIVE", "2022-04-05T12:00:00Z", "LAB-P2"), 200);
        assertThat(retests(round, tube)).hasSize(3).allMatch(t -> "CANCELLED".equals(t.get("status")));
        Rounds.labPost(Tokens.lab(), round, Rounds.result(barcode, "POSITIVE", "2022-04-05T13:00:00Z", "LAB-P3"), 200);
        assertThat(retests(round, tube)).hasSize(3).allMatch(t -> "OPEN".equals(t.get("status")));
        // the follow-up list with flagged households and building
        JsonPath pools = Api.as(Tokens.supervisor()).get("/api/v1/test-rounds/" + round + "/positive-pools").then()
                .statusCode(200).extract().jsonPath();
        assertThat(pools.getList("items.tubeId")).contains(tube);
        Map<String, Object> pool = pools.getList("items", Map.class).stream().filter(m -> tube.equals(m.get("tubeId")))
                .findFirst().orElseThrow();
        assertThat((List<?>) pool.get("flaggedHouseholds")).isNotEmpty();
        assertThat((List<?>) pool.get("flaggedBuildings")).isNotEmpty();
        assertThat(pool.get("retestTasks")).isEqualTo(3);
        // the alert in the cell leaders' inbox, the event in the agencies' feed
        Api.as(Tokens.leader1()).queryParam("kind", "POSITIVE_POOL").queryParam("limit", 500).get("/api/v1/alerts").then()
                .statusCode(200).body("items.subjectId", hasItem(tube));
        List<String> leader2 = Api.as(Tokens.leader2()).queryParam("kind", "POSITIVE_POOL").queryParam("limit", 500)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items.subjectId");
        assertThat(leader2).doesNotContain(tube);
        List<String> feed = new java.util.ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 50; i++) {
            var req = Api.as(Tokens.agency()).queryParam("entity", "TEST_TUBE").queryParam("limit", 500);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            feed.addAll(page.getList("items.id"));
            cursor = page.getString("next");
            if (!page.getBoolean("hasMore")) {
                break;
            }
        }
        assertThat(feed).contains(tube);
        Api.as(Tokens.agency()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200)
                .body("result", equalTo("POSITIVE")).body("people.size()", equalTo(0));
        // a re-test sample closes the person's task
        String someone = p.get(2);
        Rounds.sample(Tokens.worker1(), round, Rounds.uniq("R"), someone, "RETEST", 201);
        assertThat(retests(round, tube).stream().filter(t -> "DONE".equals(t.get("status"))).count()).isEqualTo(1);
    }

    /** The follow-up list's entry of {@code tube} as {@code token} sees it; null if it is not listed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> positivePool(String token, String round, String tube) {
        List<Map<String, Object>> items = Api.as(token).queryParam("limit", 500).get("/api/v1/test-rounds/" + round
                + "/positive-pools").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(m -> tube.equals(m.get("tubeId"))).findFirst().orElse(null);
    }

    static int leader2PositivePools() {
        return Api.as(Tokens.leader2()).get("/api/v1/metrics/testing").then().statusCode(200).extract().path("positivePools");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPositiveSitePoolShowsEachViewerTheHouseholdsInTheirReach() {
        String round = Rounds.sampling("集中采样阳性", 10, Demo.COMMUNITY);
        String site = Api.as(Tokens.supervisor()).body("{\"name\":\"社区广场\",\"areaId\":\"" + Demo.COMMUNITY
                + "\",\"opensAt\":\"07:00\",\"closesAt\":\"19:00\"}").post("/api/v1/test-rounds/" + round + "/sites")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> mine = Rounds.residents(Tokens.worker1(), Demo.CELL1, 1).get(0);
        Map<String, Object> theirs = Rounds.residents(Tokens.worker2(), Demo.CELL5, 1).get(0);
        String barcode = Rounds.uniq("S");
        String tube = Api.as(Tokens.worker1()).body("{\"barcode\":\"" + barcode + "\",\"residentId\":\"" + mine.get("id")
                + "\",\"siteId\":\"" + site + "\"}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201)
                .extract().path("tubeId");
        Rounds.sample(Tokens.worker2(), round, barcode, theirs.get("id"), null, 201);
        int before = leader2PositivePools();
        Rounds.labPost(Tokens.lab(), round, Rounds.result(barcode, "POSITIVE", T1, "LAB-S1"), 200);
        // G01's viewers see the pool with G01's household only; G05's member is counted
        for (String token : List.of(Tokens.worker1(), Tokens.leader1())) {
            Map<String, Object> pool = positivePool(token, round, tube);
            assertThat(pool).isNotNull();
            assertThat(pool.get("members")).isEqualTo(2);
            assertThat(pool.get("membersOutOfReach")).isEqualTo(1);
            assertThat((List<Object>) pool.get("flaggedHouseholds")).containsExactly(mine.get("householdId"));
            assertThat((List<Object>) pool.get("flaggedBuildings")).hasSize(1);
            assertThat(pool.toString()).doesNotContain((String) theirs.get("householdId"));
        }
        // G05's worker sees it too, with G05's household only, and may open the pool with G05's member only
        Map<String, Object> w2 = positivePool(Tokens.worker2(), round, tube);
        assertThat(w2).isNotNull();
        assertThat(w2.get("membersOutOfReach")).isEqualTo(1);
        assertThat((List<Object>) w2.get("flaggedHouseholds")).containsExactly(theirs.get("householdId"));
        assertThat((List<Object>) w2.get("flaggedBuildings")).hasSize(1).doesNotContainAnyElementsOf(
                (List<Object>) positivePool(Tokens.worker1(), round, tube).get("flaggedBuildings"));
        JsonPath t2 = Api.as(Tokens.worker2()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200)
                .extract().jsonPath();
        assertThat(t2.getList("people.residentId")).containsExactly(theirs.get("id"));
        assertThat(t2.prettify()).doesNotContain((String) mine.get("id")).doesNotContain((String) mine.get("householdId"));
        // G05's leader counts it among the positive pools; the admin sees both households
        assertThat(leader2PositivePools()).isEqualTo(before + 1);
        Map<String, Object> all = positivePool(Tokens.admin(), round, tube);
        assertThat(all.get("membersOutOfReach")).isEqualTo(0);
        assertThat((List<Object>) all.get("flaggedHouseholds")).containsExactlyInAnyOrder(mine.get("householdId"),
                theirs.get("householdId"));
        assertThat((List<Object>) all.get("flaggedBuildings")).hasSize(2);
        // the alert reaches the leaders of both cells, each in their own inbox (before: only the pool's place)
        for (String token : List.of(Tokens.leader1(), Tokens.leader2())) {
            List<Map> alerts = Api.as(token).queryParam("kind", "POSITIVE_POOL").queryParam("limit", 500)
                    .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items", Map.class);
            assertThat(alerts.stream().filter(a -> tube.equals(a.get("subjectId")))).as("POSITIVE_POOL alert for " + token)
                    .hasSize(1);
        }
        // an agency follows results, not people: the pool without its households
        Map<String, Object> agency = positivePool(Tokens.agency(), round, tube);
        assertThat(agency.get("membersOutOfReach")).isEqualTo(2);
        assertThat((List<Object>) agency.get("flaggedHouseholds")).isEmpty();
        assertThat((List<Object>) agency.get("flaggedBuildings")).isEmpty();
    }

    @Test
    void unknownBarcodesAreKeptForReconciliationAndBadItemsRejected() {
        String round = Rounds.sampling("未匹配", 10, Demo.CELL1);
        List<String> p = pool(round, 2, 40);
        String unknown = Rounds.uniq("U");
        String items = Rounds.result(p.get(1), "NEGATIVE", T1, "R1") + "," + Rounds.result(unknown, "POSITIVE", T1, "R2")
                + "," + Rounds.result(Rounds.uniq("Z"), "MAYBE", T1, "R3") + ","
                + "{\"barcode\":\"" + Rounds.uniq("Z") + "\",\"result\":\"NEGATIVE\"}" + ","
                + Rounds.result(p.get(1), "NEGATIVE", T1, "R1");
        JsonPath r = Rounds.labPost(Tokens.lab(), round, items, 200);
        assertThat(r.getList("items.status")).containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(r.getList("items[1].errors.field")).containsExactly("barcode");
        assertThat(r.getList("items[2].errors.field")).containsExactly("result");
        assertThat(r.getList("items[3].errors.field")).containsExactly("testedAt");
        // a replay does not add the unmatched result twice
        Rounds.labPost(Tokens.lab(), round, Rounds.result(unknown, "POSITIVE", T1, "R2"), 200);
        List<String> unmatched = Api.as(Tokens.lab()).get("/api/v1/test-rounds/" + round + "/unmatched-results").then()
                .statusCode(200).extract().jsonPath().getList("items.barcode");
        assertThat(unmatched).containsExactly(unknown);
        Api.as(Tokens.supervisor()).queryParam("resolved", false).get("/api/v1/test-rounds/" + round + "/unmatched-results")
                .then().statusCode(200).body("items.barcode", hasItem(unknown));
        // once the pool is registered, the next post matches and the unmatched row is resolved
        Rounds.sample(Tokens.worker1(), round, unknown, Rounds.residents(Tokens.worker1(), Demo.CELL1, 50).get(49).get("id"),
                null, 201);
        assertThat(Rounds.labPost(Tokens.lab(), round, Rounds.result(unknown, "NEGATIVE", T1, "R2b"), 200)
                .getList("items.status")).containsExactly("CREATED");
        Api.as(Tokens.lab()).queryParam("resolved", false).get("/api/v1/test-rounds/" + round + "/unmatched-results").then()
                .body("items.size()", equalTo(0));
        // an item of the wrong shape is rejected alone (ADR 0025), like a temperature batch's
        assertThat(Rounds.labPost(Tokens.lab(), round, "{\"barcode\":\"ABCD\",\"result\":\"NEGATIVE\",\"testedAt\":\"yesterday\"}", 200)
                .getList("items[0].errors.field")).containsExactly("testedAt");
        // whole-request problems: 400, never 500
        Api.as(Tokens.lab()).body("{\"items\":[]}").post("/api/v1/test-rounds/" + round + "/tube-results/batch").then()
                .statusCode(400);
        Api.as(Tokens.lab()).body("[1,2]").post("/api/v1/test-rounds/" + round + "/tube-results/batch").then().statusCode(400);
        Api.as(Tokens.lab()).body("{\"items\":[null, 5]}").post("/api/v1/test-rounds/" + round + "/tube-results/batch").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append(Rounds.result("M" + 1000 + i, "NEGATIVE", T1, "x"));
        }
        Rounds.labPost(Tokens.lab(), round, many.toString(), 400);
    }

    @Test
    void aLabTouchesOnlyTheRoundsAssignedToIt() {
        String round = Rounds.sampling("别家实验室", 10, Demo.CELL1);
        List<String> p = pool(round, 1, 60);
        Rounds.labPost(Tokens.lab2(), round, Rounds.result(p.get(1), "POSITIVE", T1, "X"), 404);
        Api.as(Tokens.lab2()).get("/api/v1/test-rounds/" + round + "/unmatched-results").then().statusCode(404);
        List<String> visible = Api.as(Tokens.lab2()).queryParam("limit", 500).get("/api/v1/test-rounds").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(visible).doesNotContain(round);
        // nothing changed
        Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + round + "/tubes/" + p.get(0)).then().body("result", equalTo(null));
        // people cannot post lab results at all
        Api.as(Tokens.supervisor()).body("{\"items\":[]}").post("/api/v1/test-rounds/" + round + "/tube-results/batch").then()
                .statusCode(403);
    }
}
