package org.gridguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Rounds and their transitions, pools filling and closing, duplicate people and barcodes, offline batches, BOLA. */
@QuarkusTest
class SamplingTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource ds;

    long count(String sql, Object... params) throws SQLException {
        return Rounds.count(ds, sql, params);
    }

    /** The calls started together (each thread waits for the others before sending), their answers in order. */
    static List<Response> atOnce(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        try {
            List<Future<Response>> fs = new ArrayList<>();
            for (Callable<Response> call : calls) {
                fs.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return call.call();
                }));
            }
            return answers(fs);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Response> answers(List<Future<Response>> fs) throws Exception {
        List<Response> out = new ArrayList<>();
        for (Future<Response> f : fs) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    /**
     * The calls started together while a test connection holds the pool's row: each reads what it needs, then waits in
     * its write until all of them do; then the row is let go. Every call but the first to get the row has read a
     * state that its write finds changed: the race is certain, not left to timing.
     */
    List<Response> racingForThePool(String round, String barcode, List<Callable<Response>> calls) throws Exception {
        try (Connection blocker = ds.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement ps = blocker.prepareStatement(
                    "select 1 from test_tube where round_id = ?::uuid and barcode = ? for update")) {
                ps.setString(1, round);
                ps.setString(2, barcode);
                ps.executeQuery().close();
            }
            ExecutorService pool = Executors.newFixedThreadPool(calls.size());
            try {
                List<Future<Response>> fs = new ArrayList<>();
                for (Callable<Response> call : calls) {
                    fs.add(pool.submit(call));
                }
                String waiting = "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like 'with t as (%insert into test_tube%'";
                for (int i = 0; i < 400 && count(waiting) < calls.size(); i++) {
                    Thread.sleep(25);
                }
                assertThat(count(waiting)).as("every write waits for the pool's row").isEqualTo(calls.size());
                blocker.rollback();
                return answers(fs);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static Response post(String round, String body) {
        return Api.as(Tokens.worker1()).body(body).post("/api/v1/test-rounds/" + round + "/samples");
    }

    @Test
    void fourIdenticalRegistrationsAtOnceWriteOneSample() throws Exception {
        // no transaction around a registration (ADR 0020): the write itself decides between the racing copies
        String round = Rounds.sampling("并发重发", 10, Demo.CELL1);
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 2);
        String barcode = Rounds.uniq("C");
        for (int k = 0; k < 2; k++) { // the sample that opens the pool, then one that joins it (a certain race)
            String sid = UUID.randomUUID().toString();
            String body = "{\"id\":\"" + sid + "\",\"barcode\":\"" + barcode + "\",\"residentId\":\""
                    + people.get(k).get("id") + "\"}";
            List<Callable<Response>> four = List.of(() -> post(round, body), () -> post(round, body),
                    () -> post(round, body), () -> post(round, body));
            List<Response> answers = k == 0 ? atOnce(four) : racingForThePool(round, barcode, four);
            assertThat(answers).allMatch(r -> r.statusCode() == 201 && sid.equals(r.jsonPath().getString("id")));
            assertThat(answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count())
                    .as("one created, three replays").isEqualTo(3);
            assertThat(count("select count(*) from test_sample where id = ?::uuid", sid)).isEqualTo(1);
            assertThat(count("select members from test_tube where round_id = ?::uuid and barcode = ?", round, barcode))
                    .isEqualTo(k + 1);
            assertThat(count("select count(*) from test_sample s join test_tube t on t.id = s.tube_id"
                    + " where t.round_id = ?::uuid and t.barcode = ?", round, barcode)).isEqualTo(k + 1);
        }
    }

    @Test
    void twoPeopleRacingForTheLastPlaceOfAPool() throws Exception {
        String round = Rounds.sampling("抢最后一位", 5, Demo.CELL1);
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 18);
        for (int k = 0; k < 3; k++) {
            String barcode = Rounds.uniq("F");
            List<Map<String, Object>> mine = people.subList(6 * k, 6 * k + 6);
            for (int i = 0; i < 4; i++) {
                Rounds.sample(Tokens.worker1(), round, barcode, mine.get(i).get("id"), null, 201);
            }
            List<Callable<Response>> two = List.of(
                    () -> post(round, "{\"barcode\":\"" + barcode + "\",\"residentId\":\"" + mine.get(4).get("id") + "\"}"),
                    () -> post(round, "{\"barcode\":\"" + barcode + "\",\"residentId\":\"" + mine.get(5).get("id") + "\"}"));
            List<Response> answers = k == 0 ? atOnce(two) : racingForThePool(round, barcode, two);
            assertThat(answers.stream().map(Response::statusCode).sorted().toList()).containsExactly(201, 409);
            Response won = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
            Response lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertThat(won.jsonPath().getInt("poolMembers")).isEqualTo(5);
            assertThat(won.jsonPath().getString("poolStatus")).isEqualTo("CLOSED");
            assertThat(lost.contentType()).startsWith(PROBLEM);
            assertThat(lost.jsonPath().getString("type")).isEqualTo("/problems/pool-full");
            assertThat(lost.jsonPath().getString("tubeId")).isEqualTo(won.jsonPath().getString("tubeId"));
            assertThat(count("select members from test_tube where round_id = ?::uuid and barcode = ?", round, barcode))
                    .isEqualTo(5);
            assertThat(count("select count(*) from test_sample s join test_tube t on t.id = s.tube_id"
                    + " where t.round_id = ?::uuid and t.barcode = ?", round, barcode)).isEqualTo(5);
        }
        // pools of one: two people scanning the same new barcode at once, the pool opens with the winner
        String single = Rounds.sampling("单人管", 1, Demo.CELL1);
        String barcode = Rounds.uniq("S");
        List<Response> answers = atOnce(List.of(
                () -> post(single, "{\"barcode\":\"" + barcode + "\",\"residentId\":\"" + people.get(0).get("id") + "\"}"),
                () -> post(single, "{\"barcode\":\"" + barcode + "\",\"residentId\":\"" + people.get(1).get("id") + "\"}")));
        assertThat(answers.stream().map(Response::statusCode).sorted().toList()).containsExactly(201, 409);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow().jsonPath().getString("type"))
                .isEqualTo("/problems/pool-full");
        assertThat(count("select members from test_tube where round_id = ?::uuid and barcode = ?", single, barcode))
                .isEqualTo(1);
        assertThat(count("select count(*) from test_sample where round_id = ?::uuid", single)).isEqualTo(1);
    }

    @Test
    void theSamePersonTappedTwiceAtOnceIsInThePoolOnce() throws Exception {
        // two client ids for one person and pool (a double tap): the partial unique index decides, the loser is told why
        String round = Rounds.sampling("连点", 10, Demo.CELL1);
        Object who = Rounds.residents(Tokens.worker1(), Demo.CELL1, 1).get(0).get("id");
        String barcode = Rounds.uniq("T");
        Object other = Rounds.residents(Tokens.worker1(), Demo.CELL1, 2).get(1).get("id");
        Rounds.sample(Tokens.worker1(), round, barcode, other, null, 201);
        String body = "{\"barcode\":\"" + barcode + "\",\"residentId\":\"" + who + "\"}";
        List<Response> answers = racingForThePool(round, barcode, List.of(() -> post(round, body), () -> post(round, body)));
        assertThat(answers.stream().map(Response::statusCode).sorted().toList()).containsExactly(201, 409);
        Response lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(lost.jsonPath().getString("type")).isEqualTo("/problems/already-in-pool");
        assertThat(lost.jsonPath().getString("tubeId")).isNotNull();
        assertThat(count("select members from test_tube where round_id = ?::uuid and barcode = ?", round, barcode))
                .as("the loser's member count went back with its sample").isEqualTo(2);
        assertThat(count("select count(*) from test_sample where round_id = ?::uuid and resident_id = ?::uuid", round, who))
                .isEqualTo(1);
    }

    @Test
    void aRetestSampleDoesThePersonsRetestTask() throws SQLException {
        String round = Rounds.sampling("单采", 10, Demo.CELL1);
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 2);
        String barcode = Rounds.uniq("R");
        String tube = null;
        for (Map<String, Object> p : people) {
            tube = Rounds.sample(Tokens.worker1(), round, barcode, p.get("id"), null, 201).getString("tubeId");
        }
        Api.as(Tokens.worker1()).post("/api/v1/test-rounds/" + round + "/tubes/" + tube + "/close").then().statusCode(200);
        Rounds.labPost(Tokens.lab(), round, Rounds.result(barcode, "POSITIVE", "2022-04-05T10:00:00Z", "RT-1"), 200);
        String open = "select count(*) from test_task where round_id = ?::uuid and kind = 'RETEST' and status = 'OPEN'";
        assertThat(count(open, round)).isEqualTo(2);
        // an ordinary or make-up sample leaves the task open; the re-test sample does it, once
        Rounds.sample(Tokens.worker1(), round, Rounds.uniq("R"), people.get(0).get("id"), "MAKEUP", 201);
        assertThat(count(open, round)).isEqualTo(2);
        String sid = UUID.randomUUID().toString();
        String retest = "{\"id\":\"" + sid + "\",\"barcode\":\"" + Rounds.uniq("R") + "\",\"residentId\":\""
                + people.get(0).get("id") + "\",\"kind\":\"RETEST\"}";
        post(round, retest).then().statusCode(201).body("kind", equalTo("RETEST")).body("flagged", equalTo(false));
        assertThat(count(open, round)).isEqualTo(1);
        assertThat(count("select count(*) from test_task where round_id = ?::uuid and resident_id = ?::uuid"
                + " and kind = 'RETEST' and status = 'DONE' and done_by = 'worker1'", round, people.get(0).get("id")))
                .isEqualTo(1);
        post(round, retest).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(count(open, round)).isEqualTo(1);
    }

    @Test
    void roundsMovePlannedSamplingClosedWithIfMatch() {
        String id = Rounds.planned("生命周期", 10, Demo.CELL1);
        Api.as(Tokens.supervisor()).get("/api/v1/test-rounds/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("PLANNED")).body("scope[0].kind", equalTo("GRID_CELL"))
                .body("labs", equalTo(List.of("lab-demo")));
        String base = "/api/v1/test-rounds/" + id + "/transitions";
        Api.as(Tokens.supervisor()).body("{\"to\":\"SAMPLING\"}").post(base).then().statusCode(428)
                .contentType(startsWith(PROBLEM));
        Api.as(Tokens.supervisor()).header("If-Match", "\"7\"").body("{\"to\":\"SAMPLING\"}").post(base).then().statusCode(412);
        Api.as(Tokens.supervisor()).header("If-Match", "\"0\"").body("{\"to\":\"CLOSED\"}").post(base).then().statusCode(409)
                .body("type", equalTo("/problems/invalid-transition"));
        Api.as(Tokens.supervisor()).body("{\"name\":\"改名\",\"version\":0}").patch("/api/v1/test-rounds/" + id).then()
                .statusCode(200).body("name", equalTo("改名")).body("version", equalTo(1));
        Api.as(Tokens.supervisor()).header("If-Match", "\"1\"").body("{\"to\":\"SAMPLING\"}").post(base).then().statusCode(200)
                .body("status", equalTo("SAMPLING")).body("version", equalTo(2));
        Api.as(Tokens.supervisor()).body("{\"name\":\"再改\",\"version\":2}").patch("/api/v1/test-rounds/" + id).then()
                .statusCode(409);
        Api.as(Tokens.supervisor()).header("If-Match", "\"2\"").body("{\"to\":\"CLOSED\"}").post(base).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        // bad rounds are 400 with the field
        Api.as(Tokens.supervisor()).body("""
                {"name":"x","scope":["%s"],"roundDate":"2022-04-05","samplingFrom":"2022-04-05T00:00:00Z",
                 "samplingTo":"2022-04-05T12:00:00Z","modes":["CENTRAL"],"poolSize":7}""".formatted(Demo.CELL1))
                .post("/api/v1/test-rounds").then().statusCode(400).body("errors.field", hasItem("poolSize"));
        Api.as(Tokens.supervisor()).body("""
                {"name":"x","scope":["%s"],"roundDate":"2022-04-05","samplingFrom":"2022-04-05T12:00:00Z",
                 "samplingTo":"2022-04-05T00:00:00Z","modes":["CENTRAL"],"poolSize":10}""".formatted(Demo.CELL1))
                .post("/api/v1/test-rounds").then().statusCode(400).body("errors.field", hasItem("samplingTo"));
        // lab-demo sees the rounds assigned to it, another lab does not
        Api.as(Tokens.lab()).get("/api/v1/test-rounds/" + id).then().statusCode(200);
        Api.as(Tokens.lab2()).get("/api/v1/test-rounds/" + id).then().statusCode(404);
        // a worker of another zone does not see a round of cell 1
        Api.as(Tokens.worker2()).get("/api/v1/test-rounds/" + id).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + id).then().statusCode(200);
    }

    @Test
    void theAnswerToARegistrationIsWhatAReplayReadsBack() {
        // the created answer is built from what was written (ADR 0015): it must equal the stored row, read on a replay
        String round = Rounds.sampling("回读", 5, Demo.CELL1);
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 3);
        String tube = Rounds.uniq("A");
        Map<String, Object> one = Rounds.sample(Tokens.worker1(), round, tube, people.get(0).get("id"), null, 201).getMap("");
        String at = java.time.Instant.parse((String) one.get("sampledAt")).minusSeconds(60).plusNanos(123_456_789)
                .toString(); // nanoseconds: stored (and answered) as microseconds
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + tube + "\",\"residentId\":\""
                + people.get(1).get("id") + "\",\"kind\":\"MAKEUP\",\"sampledAt\":\"" + at + "\"}";
        Map<String, Object> created = Api.as(Tokens.worker1()).body(body).post("/api/v1/test-rounds/" + round + "/samples")
                .then().statusCode(201).extract().jsonPath().getMap("");
        Map<String, Object> replayed = Api.as(Tokens.worker1()).body(body).post("/api/v1/test-rounds/" + round + "/samples")
                .then().statusCode(201).extract().jsonPath().getMap("");
        assertThat(created).isEqualTo(replayed);
        assertThat(created.get("poolMembers")).isEqualTo(2);
        assertThat(created.get("poolStatus")).isEqualTo("OPEN");
        assertThat(java.time.Instant.parse((String) created.get("sampledAt")))
                .isEqualTo(java.time.Instant.parse(at).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(created.get("name")).isNotNull();
        // and the first one, replayed by its id, answers what it answered then
        String again = "{\"id\":\"" + one.get("id") + "\",\"barcode\":\"" + tube + "\",\"residentId\":\""
                + people.get(0).get("id") + "\"}";
        Map<String, Object> firstReplayed = Api.as(Tokens.worker1()).body(again).post("/api/v1/test-rounds/" + round + "/samples")
                .then().statusCode(201).extract().jsonPath().getMap("");
        firstReplayed.put("poolMembers", one.get("poolMembers"));
        firstReplayed.put("poolStatus", one.get("poolStatus"));
        assertThat(firstReplayed).isEqualTo(one);
    }

    @Test
    void poolsFillUpAndCloseByHand() {
        String round = Rounds.sampling("满管", 5, Demo.CELL1);
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 8);
        String tube = Rounds.uniq("P");
        for (int i = 0; i < 4; i++) {
            Rounds.sample(Tokens.worker1(), round, tube, people.get(i).get("id"), null, 201);
        }
        JsonPath fifth = Rounds.sample(Tokens.worker1(), round, tube, people.get(4).get("id"), null, 201);
        assertThat(fifth.getInt("poolMembers")).isEqualTo(5);
        assertThat(fifth.getString("poolStatus")).isEqualTo("CLOSED");
        String body = "{\"barcode\":\"" + tube + "\",\"residentId\":\"" + people.get(5).get("id") + "\"}";
        Api.as(Tokens.worker1()).body(body).post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(409)
                .contentType(startsWith(PROBLEM)).body("type", equalTo("/problems/pool-full"))
                .body("tubeId", equalTo(fifth.getString("tubeId")));
        // a second pool closed by hand with two people
        String second = Rounds.uniq("P");
        String tubeId = Rounds.sample(Tokens.worker1(), round, second, people.get(5).get("id"), null, 201).getString("tubeId");
        Rounds.sample(Tokens.worker1(), round, second, people.get(6).get("id"), null, 201);
        Api.as(Tokens.worker1()).post("/api/v1/test-rounds/" + round + "/tubes/" + tubeId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("members", equalTo(2)).body("people.size()", equalTo(2));
        assertThat(Rounds.sample(Tokens.worker1(), round, second, people.get(7).get("id"), null, 409).getString("type"))
                .isEqualTo("/problems/pool-closed");
        // scanning finds the pool by barcode
        Api.as(Tokens.worker1()).queryParam("barcode", second).get("/api/v1/test-rounds/" + round + "/tubes").then()
                .statusCode(200).body("id", equalTo(tubeId));
        // a retried registration with the same client id is the same sample, not a second one
        String third = Rounds.uniq("P");
        String sid = UUID.randomUUID().toString();
        String again = "{\"id\":\"" + sid + "\",\"barcode\":\"" + third + "\",\"residentId\":\"" + people.get(7).get("id") + "\"}";
        Api.as(Tokens.worker1()).body(again).post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201)
                .body("poolMembers", equalTo(1));
        Api.as(Tokens.worker1()).body(again).post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(sid)).body("poolMembers", equalTo(1));
        // Idempotency-Key: the same key twice is one sample
        String keyed = "{\"barcode\":\"" + third + "\",\"residentId\":\"" + people.get(6).get("id") + "\",\"kind\":\"MAKEUP\"}";
        String first = Api.as(Tokens.worker1()).header("Idempotency-Key", "k-" + sid).body(keyed)
                .post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201).extract().path("id");
        Api.as(Tokens.worker1()).header("Idempotency-Key", "k-" + sid).body(keyed)
                .post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201).body("id", equalTo(first));
        Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + round + "/tubes/" + Rounds.sample(Tokens.worker1(), round,
                third, people.get(0).get("id"), "MAKEUP", 201).getString("tubeId")).then().body("members", equalTo(3));
    }

    @Test
    void duplicatePersonIsFlaggedAndDuplicateBarcodeRefused() throws SQLException {
        String round = Rounds.sampling("重复", 10, Demo.CELL1);
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 3);
        Object a = people.get(0).get("id");
        String x = Rounds.uniq("D");
        String y = Rounds.uniq("D");
        JsonPath first = Rounds.sample(Tokens.worker1(), round, x, a, null, 201);
        assertThat(first.getBoolean("flagged")).isFalse();
        // the same person in the same pool again
        Rounds.sample(Tokens.worker1(), round, x, a, null, 409);
        // a second ordinary sample elsewhere: stored, flagged, visible
        JsonPath second = Rounds.sample(Tokens.worker1(), round, y, a, null, 201);
        assertThat(second.getBoolean("flagged")).isTrue();
        assertThat(second.getString("flagReason")).isEqualTo("SECOND_ORDINARY_SAMPLE");
        assertThat(count("select count(*) from test_sample where id = ?::uuid and flagged and flag_reason = 'SECOND_ORDINARY_SAMPLE'",
                second.getString("id"))).isEqualTo(1);
        Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + round + "/tubes/" + second.getString("tubeId")).then()
                .body("people[0].flagged", equalTo(true)).body("people[0].residentId", equalTo(a));
        // make-up and re-test samples are legitimate second samples
        assertThat(Rounds.sample(Tokens.worker1(), round, Rounds.uniq("D"), a, "MAKEUP", 201).getBoolean("flagged")).isFalse();
        assertThat(Rounds.sample(Tokens.worker1(), round, Rounds.uniq("D"), a, "RETEST", 201).getBoolean("flagged")).isFalse();
        // a barcode is unique across the round
        Api.as(Tokens.worker1()).body("{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + x + "\"}")
                .post("/api/v1/test-rounds/" + round + "/tubes").then().statusCode(409)
                .body("type", equalTo("/problems/duplicate-barcode")).body("tubeId", equalTo(null));
        String tid = UUID.randomUUID().toString();
        String open = "{\"id\":\"" + tid + "\",\"barcode\":\"" + Rounds.uniq("D") + "\",\"areaId\":\"" + Demo.CELL1 + "\"}";
        Api.as(Tokens.worker1()).body(open).post("/api/v1/test-rounds/" + round + "/tubes").then().statusCode(201)
                .body("id", equalTo(tid)).body("capacity", equalTo(10)).body("status", equalTo("OPEN"));
        Api.as(Tokens.worker1()).body(open).post("/api/v1/test-rounds/" + round + "/tubes").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        // bad barcodes and people named twice are 400
        Api.as(Tokens.worker1()).body("{\"barcode\":\"a b\",\"residentId\":\"" + a + "\"}")
                .post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(400).body("errors.field", hasItem("barcode"));
        Api.as(Tokens.worker1()).body("{\"barcode\":\"" + Rounds.uniq("D") + "\",\"residentId\":\"" + a
                + "\",\"visitor\":{\"name\":\"访客\"}}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(400);
    }

    @Test
    void visitorsAndIdNumberLookup() {
        String round = Rounds.sampling("访客与证件", 10, Demo.CELL1);
        String tube = Rounds.uniq("V");
        // a visitor needs a place in the worker's cells
        Api.as(Tokens.worker1()).body("{\"barcode\":\"" + tube + "\",\"visitor\":{\"name\":\"外来访客\",\"phone\":\"13800138000\"},\"areaId\":\""
                + Demo.CELL5 + "\"}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(404);
        Api.as(Tokens.worker1()).body("{\"barcode\":\"" + tube + "\",\"visitor\":{\"name\":\"外来访客\",\"phone\":\"13800138000\"},\"areaId\":\""
                + Demo.CELL1 + "\"}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201)
                .body("residentId", equalTo(null)).body("name", equalTo("外来访客"));
        // by ID number: the leader reveals it (audited), the worker types it; the lookup is by keyed hash
        Map<String, Object> r = Rounds.residents(Tokens.worker1(), Demo.CELL1, 20).get(11);
        String idNumber = Api.as(Tokens.leader1()).body("{\"fields\":[\"ID_NUMBER\"],\"reason\":\"核酸登记测试\"}")
                .post("/api/v1/residents/" + r.get("id") + "/unmask").then().statusCode(200).extract().path("idNumber");
        Api.as(Tokens.worker1()).body("{\"barcode\":\"" + tube + "\",\"idType\":\"" + r.get("idType") + "\",\"idNumber\":\""
                + idNumber + "\"}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201)
                .body("residentId", equalTo(r.get("id")));
        // worker2 cannot find a resident of cell 1 by number either
        Api.as(Tokens.worker2()).body("{\"barcode\":\"" + Rounds.uniq("V") + "\",\"idType\":\"" + r.get("idType")
                + "\",\"idNumber\":\"" + idNumber + "\"}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(404);
    }

    @Test
    void offlineBatchKeepsTheGoodItemsAndReplaysSafely() {
        String round = Rounds.sampling("离线", 10, Demo.CELL1);
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 4);
        List<Map<String, Object>> other = Rounds.residents(Tokens.worker2(), Demo.CELL5, 1);
        String tube = Rounds.uniq("B");
        String[] ids = { UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString() };
        String body = "{\"items\":["
                + item(ids[0], tube, people.get(0).get("id")) + ","
                + item(ids[1], "bad code", people.get(1).get("id")) + ","
                + item(ids[2], tube, other.get(0).get("id")) + ","
                + item(ids[3], tube, people.get(2).get("id")) + "]}";
        JsonPath r = Api.as(Tokens.worker1()).body(body).post("/api/v1/test-rounds/" + round + "/samples/batch").then()
                .statusCode(200).extract().jsonPath();
        assertThat(r.getList("items.status")).containsExactly("CREATED", "REJECTED", "REJECTED", "CREATED");
        assertThat(r.getInt("summary.created")).isEqualTo(2);
        JsonPath again = Api.as(Tokens.worker1()).body(body).post("/api/v1/test-rounds/" + round + "/samples/batch").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getList("items.status")).containsExactly("DUPLICATE", "REJECTED", "REJECTED", "DUPLICATE");
        Api.as(Tokens.worker1()).queryParam("barcode", tube).get("/api/v1/test-rounds/" + round + "/tubes").then()
                .body("members", equalTo(2));
        // too many items is a 400 for the request
        StringBuilder many = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append(item(UUID.randomUUID().toString(), tube, people.get(3).get("id")));
        }
        Api.as(Tokens.worker1()).body(many.append("]}").toString()).post("/api/v1/test-rounds/" + round + "/samples/batch")
                .then().statusCode(400);
    }

    static String item(String id, String barcode, Object resident) {
        return "{\"id\":\"" + id + "\",\"barcode\":\"" + barcode + "\",\"residentId\":\"" + resident + "\"}";
    }

    /** What an answer says, without the per-request instance. */
    static String sansInstance(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    @Test
    void aDoorToDoorPoolTakesPeopleOnlyWithinReachAndItsBarcodeSaysNothingMore() {
        String round = Rounds.sampling("跨网格", 10, Demo.COMMUNITY);
        Object mine = Rounds.residents(Tokens.worker1(), Demo.CELL1, 1).get(0).get("id");
        Map<String, Object> theirs = Rounds.residents(Tokens.worker2(), Demo.CELL5, 1).get(0);
        String barcode = Rounds.uniq("K");
        String tube = Rounds.sample(Tokens.worker1(), round, barcode, mine, null, 201).getString("tubeId");
        // worker2 cannot put a G05 resident into worker1's G01 pool: the barcode is taken, nothing more is said
        JsonPath refused = Rounds.sample(Tokens.worker2(), round, barcode, theirs.get("id"), null, 409);
        assertThat(refused.getString("type")).isEqualTo("/problems/duplicate-barcode");
        assertThat(refused.getMap("")).doesNotContainKeys("tubeId", "poolMembers");
        assertThat(refused.prettify()).doesNotContain(tube);
        Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200)
                .body("members", equalTo(1)).body("membersOutOfReach", equalTo(0)).body("people.size()", equalTo(1));
        // opening a pool with a taken barcode: the same answer whether the caller can see that pool or not
        String open = "{\"barcode\":\"" + barcode + "\"}";
        String hidden = Api.as(Tokens.worker2()).body(open).post("/api/v1/test-rounds/" + round + "/tubes").then()
                .statusCode(409).extract().asString();
        String seen = Api.as(Tokens.worker1()).body(open).post("/api/v1/test-rounds/" + round + "/tubes").then()
                .statusCode(409).extract().asString();
        assertThat(hidden).doesNotContain(tube);
        assertThat(sansInstance(hidden)).isEqualTo(sansInstance(seen));
        JsonPath taken = JsonPath.from(seen);
        for (String field : List.of("status", "type", "title", "detail")) {
            assertThat(refused.getString(field)).as(field).isEqualTo(taken.getString(field));
        }
    }

    @Test
    void aCentralSitesPoolTakesTheCellsItServesAndShowsEachViewerTheirOwn() {
        String round = Rounds.sampling("集中采样点", 10, Demo.COMMUNITY);
        String site = Api.as(Tokens.supervisor()).body("{\"name\":\"社区广场\",\"areaId\":\"" + Demo.COMMUNITY
                + "\",\"opensAt\":\"07:00\",\"closesAt\":\"19:00\"}").post("/api/v1/test-rounds/" + round + "/sites")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> mine = Rounds.residents(Tokens.worker1(), Demo.CELL1, 1).get(0);
        Map<String, Object> theirs = Rounds.residents(Tokens.worker2(), Demo.CELL5, 1).get(0);
        String barcode = Rounds.uniq("Z");
        String tube = Api.as(Tokens.worker1()).body("{\"barcode\":\"" + barcode + "\",\"residentId\":\"" + mine.get("id")
                + "\",\"siteId\":\"" + site + "\"}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201)
                .extract().path("tubeId");
        // the community's site serves G05 too: worker2 pools a G05 resident into the same tube
        Rounds.sample(Tokens.worker2(), round, barcode, theirs.get("id"), null, 201);
        // each viewer sees the people in their reach; the others are counted
        JsonPath w1 = Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200)
                .extract().jsonPath();
        assertThat(w1.getInt("members")).isEqualTo(2);
        assertThat(w1.getInt("membersOutOfReach")).isEqualTo(1);
        assertThat(w1.getList("people.residentId")).containsExactly(mine.get("id"));
        assertThat(w1.prettify()).doesNotContain((String) theirs.get("id")).doesNotContain((String) theirs.get("householdId"));
        Api.as(Tokens.leader1()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200)
                .body("people.residentId", org.hamcrest.Matchers.contains(mine.get("id"))).body("membersOutOfReach", equalTo(1));
        Api.as(Tokens.admin()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200)
                .body("people.size()", equalTo(2)).body("membersOutOfReach", equalTo(0));
        // a site inside G01 (a compound's gate) serves G01 only
        String gate = Api.as(Tokens.leader1()).body("{\"name\":\"小区门口\",\"areaId\":\"" + Demo.COMPOUND1
                + "\",\"opensAt\":\"07:00\",\"closesAt\":\"19:00\"}").post("/api/v1/test-rounds/" + round + "/sites")
                .then().statusCode(201).extract().path("id");
        String small = Rounds.uniq("Z");
        Object another = Rounds.residents(Tokens.worker1(), Demo.CELL1, 2).get(1).get("id");
        Api.as(Tokens.worker1()).body("{\"barcode\":\"" + small + "\",\"residentId\":\"" + another + "\",\"siteId\":\""
                + gate + "\"}").post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201);
        assertThat(Rounds.sample(Tokens.worker2(), round, small, theirs.get("id"), null, 409).getString("type"))
                .isEqualTo("/problems/duplicate-barcode");
    }

    @Test
    void workersAndLeadersStayInTheirArea() {
        String round = Rounds.sampling("越权", 10, Demo.COMMUNITY);
        Object mine = Rounds.residents(Tokens.worker1(), Demo.CELL1, 1).get(0).get("id");
        // worker2 cannot sample worker1's residents: 404 like an unknown id
        Rounds.sample(Tokens.worker2(), round, Rounds.uniq("X"), mine, null, 404);
        Rounds.sample(Tokens.worker2(), round, Rounds.uniq("X"), UUID.randomUUID(), null, 404);
        String tube = Rounds.sample(Tokens.worker1(), round, Rounds.uniq("X"), mine, null, 201).getString("tubeId");
        Api.as(Tokens.worker2()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(404);
        Api.as(Tokens.leader1()).get("/api/v1/test-rounds/" + round + "/tubes/" + tube).then().statusCode(200);
        Api.as(Tokens.worker2()).post("/api/v1/test-rounds/" + round + "/tubes/" + tube + "/close").then().statusCode(404);
        // a worker exempts only in their cells
        Api.as(Tokens.worker2()).body("{\"residentId\":\"" + mine + "\",\"kind\":\"AWAY\",\"reason\":\"外出\"}")
                .post("/api/v1/test-rounds/" + round + "/exemptions").then().statusCode(404);
        // coverage and worklists: leader2 cannot read zone 1, worker2 not cell 1
        Api.as(Tokens.leader2()).queryParam("areaId", Demo.ZONE1).get("/api/v1/test-rounds/" + round + "/coverage").then()
                .statusCode(404);
        Api.as(Tokens.worker2()).queryParam("areaId", Demo.CELL1).queryParam("level", "BUILDING")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(404);
        Api.as(Tokens.worker2()).queryParam("areaId", Demo.CELL1).get("/api/v1/test-rounds/" + round + "/missing").then()
                .statusCode(404);
        List<String> cells = Api.as(Tokens.worker2()).queryParam("limit", 500).get("/api/v1/test-rounds/" + round + "/missing")
                .then().statusCode(200).extract().jsonPath().getList("items.gridCellId");
        assertThat(cells).isNotEmpty().allMatch(c -> c.equals(Demo.CELL5.toString()));
        // a supervisor opens rounds; a leader does not
        Api.as(Tokens.leader1()).body("{}").post("/api/v1/test-rounds").then().statusCode(403);
    }
}
