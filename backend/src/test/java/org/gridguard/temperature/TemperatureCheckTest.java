package org.gridguard.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.gridguard.security.pii.IdentityRules;

/** Registrations: validation bounds, idempotency (single, batch, racing), fever alerts, the alert workflow. */
@QuarkusTest
class TemperatureCheckTest {

    static final String PROBLEM = "application/problem+json";
    static final OffsetDateTime NOW = OffsetDateTime.parse("2031-06-02T09:00:00+08:00");

    @BeforeEach
    void clock() {
        TestClock.set(NOW.toInstant());
    }

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static Response post(String token, Object body) {
        return Api.as(token).body(body).post("/api/v1/temperature-checks");
    }

    @Test
    void validationBounds() {
        String r = TempFixture.residents(Demo.CELL1, 1).get(0);
        // 34.0 and 43.0 are readings; just outside is 422 with a message
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "34.0", NOW.minusMinutes(1))).then().statusCode(201)
                .body("fever", equalTo(false)).body("late", equalTo(false)).body("recordedBy", equalTo("worker1"))
                .body("checkpointName", notNullValue()).body("personName", notNullValue());
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "43.0", NOW.minusMinutes(1))).then().statusCode(201)
                .body("fever", equalTo(true)).body("alertId", notNullValue());
        for (String t : List.of("33.9", "43.1", "0", "-36.5")) {
            post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, t, NOW)).then().statusCode(422)
                    .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("temperature"))
                    .body("detail", containsString("between 34.0 and 43.0"));
        }
        // 37.2 is not a fever, 37.3 is
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "37.2", NOW)).then().statusCode(201).body("fever", equalTo(false))
                .body("alertId", nullValue());
        // the device's clock: up to 5 minutes ahead is fine, more is rejected; late readings are kept and flagged
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "36.5", NOW.plusMinutes(4))).then().statusCode(201);
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "36.5", NOW.plusMinutes(6))).then().statusCode(422)
                .body("errors.field", hasItem("measuredAt")).body("detail", containsString("future"));
        post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "36.5", NOW.minusHours(3))).then().statusCode(201)
                .body("late", equalTo(true)).body("receivedAt", equalTo("2031-06-02T09:00:00+08:00"))
                .body("measuredAt", equalTo("2031-06-02T06:00:00+08:00")).body("businessDate", equalTo("2031-06-02"))
                .body("reportWindow", equalTo("MORNING"));
        // a gate needs its checkpoint and direction; exactly one person
        Map<String, Object> noCp = TempFixture.gate(TempFixture.KK4, r, "36.5", NOW);
        noCp.remove("checkpointId");
        noCp.remove("direction");
        post(Tokens.worker1(), noCp).then().statusCode(422).body("errors.field", hasItem("checkpointId"))
                .body("errors.field", hasItem("direction"));
        Map<String, Object> both = TempFixture.visitor(TempFixture.KK4, "36.5", NOW, null, null);
        both.put("residentId", r);
        post(Tokens.worker1(), both).then().statusCode(422).body("errors.field", hasItem("residentId"));
        Map<String, Object> noId = TempFixture.gate(TempFixture.KK4, r, "36.5", NOW);
        noId.remove("id");
        post(Tokens.worker1(), noId).then().statusCode(422).body("errors.field", hasItem("id"));
        // wrong types are 400 naming the field
        Map<String, Object> hot = TempFixture.gate(TempFixture.KK4, r, "36.5", NOW);
        hot.put("temperature", "hot");
        post(Tokens.worker1(), hot).then().statusCode(400).body("errors.field", hasItem("temperature"));
        // a visitor's document is checked, and the number never comes back
        String badId = "110105199001011234";
        post(Tokens.worker1(), TempFixture.visitor(TempFixture.KK4, "36.5", NOW, badId, null)).then().statusCode(422)
                .body("errors.field", hasItem("visitor.documentNumber")).body(not(containsString(badId)));
    }

    @Test
    void visitorsAreProtectedLikeResidents() {
        String doc = validId(1);
        String phone = "13912345678";
        Response created = post(Tokens.worker1(), TempFixture.visitor(TempFixture.KK4, "36.6", NOW, doc, phone));
        created.then().statusCode(201).body("personName", equalTo("访客甲")).body("visitor.documentType", equalTo("MAINLAND_ID"))
                .body("visitor.documentNumberMasked", equalTo(doc.substring(0, 6) + "********" + doc.substring(14)))
                .body("visitor.phoneMasked", equalTo("139****5678")).body("visitor.fromPlace", equalTo("长沙市"));
        assertThat(created.asString()).doesNotContain(doc).doesNotContain(phone);
        String id = created.path("id");
        assertThat(TempFixture.count("select count(*) from temperature_check where id = ? and visitor_doc_cipher like 'v1:%'"
                + " and visitor_doc_hmac is not null and visitor_phone_cipher like 'v1:%' and position(? in visitor_doc_cipher) = 0",
                UUID.fromString(id), doc)).isEqualTo(1);
        // the visitor's reading is the checkpoint area's: leader1 sees it, leader2 does not
        Api.as(Tokens.leader1()).get("/api/v1/temperature-checks/" + id).then().statusCode(200);
        Api.as(Tokens.leader2()).get("/api/v1/temperature-checks/" + id).then().statusCode(404);
    }

    @Test
    void theSameRegistrationTwiceIsOneRow() {
        String r = TempFixture.residents(Demo.CELL1, 1).get(0);
        Map<String, Object> body = TempFixture.gate(TempFixture.KK4, r, "36.4", NOW);
        String id = post(Tokens.worker1(), body).then().statusCode(201).header("Location", containsString("/api/v1/temperature-checks/"))
                .extract().path("id");
        post(Tokens.worker1(), body).then().statusCode(200).body("id", equalTo(id)).header("Idempotent-Replayed", "true");
        body.put("temperature", new java.math.BigDecimal("36.9"));
        post(Tokens.worker1(), body).then().statusCode(409).contentType(startsWith(PROBLEM));
        assertThat(TempFixture.count("select count(*) from temperature_check where id = ?", UUID.fromString(id))).isEqualTo(1);
        Api.as(Tokens.worker1()).get("/api/v1/temperature-checks/" + id).then().statusCode(200).body("temperature", equalTo(36.4f));
    }

    /**
     * A single registration takes one of two routes (ADR 0017): without a fever it is one autocommitted insert, a
     * fever goes through a transaction with its alert. Either way a retry racing itself is written once, answers
     * 200 with the first result, and an id already used by the other route is a 409 that writes and raises nothing.
     */
    @Test
    void aSingleRegistrationRacingItselfIsWrittenOnceOnEitherRoute() throws Exception {
        List<String> rs = TempFixture.residents(Demo.CELL1, 9);
        for (String t : List.of("36.6", "38.5")) {
            String r = rs.get(t.equals("36.6") ? 7 : 8);
            Map<String, Object> body = TempFixture.gate(TempFixture.KK4, r, t, NOW.minusHours(4));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return post(Tokens.worker1(), body);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> alerts = new ArrayList<>();
            for (Future<Response> f : sent) {
                Response res = f.get();
                statuses.add(res.statusCode());
                assertThat((String) res.path("id")).isEqualTo(body.get("id"));
                alerts.add(res.path("alertId"));
            }
            pool.shutdown();
            assertThat(statuses).as(t + " °C sent four times at once").containsExactlyInAnyOrder(201, 200, 200, 200);
            UUID id = UUID.fromString((String) body.get("id"));
            assertThat(TempFixture.count("select count(*) from temperature_check where id = ?", id)).isEqualTo(1);
            String feverOfTheDay = "select count(*) from alert where kind = 'FEVER' and dedupe_key = 'fever:resident:' || ? || ':2031-06-02'";
            long feverAlerts = TempFixture.count(feverOfTheDay, r);
            if (t.equals("36.6")) {
                assertThat(alerts).containsOnlyNulls();
                assertThat(TempFixture.count("select count(*) from temperature_check where id = ? and alert_id is null", id)).isEqualTo(1);
            } else {
                assertThat(alerts).doesNotContainNull().containsOnly(alerts.get(0));
                assertThat(feverAlerts).isEqualTo(1);
                assertThat(TempFixture.count("select count(*) from temperature_check where id = ? and alert_id = ?", id,
                        UUID.fromString(alerts.get(0)))).isEqualTo(1);
            }
            // the same id with the other route's body: 409, nothing written, no alert raised or lost
            body.put("temperature", new java.math.BigDecimal(t.equals("36.6") ? "38.9" : "36.9"));
            post(Tokens.worker1(), body).then().statusCode(409).contentType(startsWith(PROBLEM))
                    .body("errors.field", hasItem("id"));
            assertThat(TempFixture.count("select count(*) from temperature_check where id = ? and temperature = ?", id,
                    new java.math.BigDecimal(t))).isEqualTo(1);
            assertThat(TempFixture.count(feverOfTheDay, r)).isEqualTo(feverAlerts);
            assertThat(TempFixture.count("select count(*) from temperature_check where id = ? and alert_id is null", id))
                    .isEqualTo(t.equals("36.6") ? 1 : 0);
        }
    }

    @Test
    void theSameBatchThreeTimesCreatesNothingTwice() {
        List<String> rs = TempFixture.residents(Demo.CELL1, 3);
        OffsetDateTime at = NOW.minusMinutes(10);
        List<Object> items = new ArrayList<>();
        items.add(TempFixture.gate(TempFixture.KK4, rs.get(0), "36.5", at));
        items.add(TempFixture.gate(TempFixture.KK4, rs.get(1), "38.4", at));          // fever
        items.add(TempFixture.gate(TempFixture.KK4, rs.get(2), "44.0", at));          // out of range
        Map<String, Object> malformed = TempFixture.gate(TempFixture.KK4, rs.get(2), "36.5", at);
        malformed.put("temperature", "warm");                                         // wrong type
        items.add(malformed);
        items.add(TempFixture.visitor(TempFixture.KK4, "36.8", at, null, null));
        items.add(TempFixture.gate(Demo.id("BH-C001-KK5"), rs.get(0), "36.5", at)); // another cell's gate
        Map<String, Object> batch = Map.of("items", items);
        for (int round = 0; round < 3; round++) {
            String expect = round == 0 ? "CREATED" : "DUPLICATE";
            Api.as(Tokens.worker1()).body(batch).post("/api/v1/temperature-checks/batch").then().statusCode(200)
                    .body("items.status", equalTo(List.of(expect, expect, "REJECTED", "REJECTED", expect, "REJECTED")))
                    .body("items[2].errors.field", hasItem("temperature"))
                    .body("items[3].errors.field", hasItem("temperature"))
                    .body("items[5].errors.field", hasItem("checkpointId"))
                    .body("items[1].alertId", notNullValue())
                    .body("summary.created", equalTo(round == 0 ? 3 : 0))
                    .body("summary.duplicate", equalTo(round == 0 ? 0 : 3)).body("summary.rejected", equalTo(3));
        }
        List<UUID> ids = items.stream().map(i -> UUID.fromString((String) ((Map<?, ?>) i).get("id"))).toList();
        assertThat(TempFixture.count("select count(*) from temperature_check where id = any(?)", (Object) ids.toArray(UUID[]::new)))
                .isEqualTo(3);
        assertThat(TempFixture.count("select count(*) from alert where kind = 'FEVER' and subject_id = ? and dedupe_key like ?",
                UUID.fromString(rs.get(1)), "%2031-06-02")).isEqualTo(1);
        // the same id twice in one batch: the second is a duplicate of the first
        Map<String, Object> one = TempFixture.gate(TempFixture.KK4, rs.get(0), "36.1", at);
        Api.as(Tokens.worker1()).body(Map.of("items", List.of(one, one))).post("/api/v1/temperature-checks/batch").then()
                .statusCode(200).body("items.status", equalTo(List.of("CREATED", "DUPLICATE")));
        // limits of the batch itself
        Api.as(Tokens.worker1()).body(Map.of("items", List.of())).post("/api/v1/temperature-checks/batch").then().statusCode(400);
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(TempFixture.gate(TempFixture.KK4, rs.get(0), "36.5", at));
        }
        Api.as(Tokens.worker1()).body(Map.of("items", tooMany)).post("/api/v1/temperature-checks/batch").then().statusCode(400);
    }

    @Test
    void theSameItemsRacingFromTwoClientsAreWrittenOnce() throws Exception {
        List<String> rs = TempFixture.residents(Demo.CELL1, 20);
        OffsetDateTime at = NOW.minusMinutes(5);
        for (int round = 0; round < 3; round++) {
            List<Object> items = new ArrayList<>();
            for (String r : rs) {
                items.add(TempFixture.gate(TempFixture.KK4, r, r.equals(rs.get(round)) ? "39.0" : "36.6", at.minusDays(round + 1)));
            }
            Map<String, Object> batch = Map.of("items", items);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<Integer> send = () -> {
                go.await();
                return Api.as(Tokens.worker1()).body(batch).post("/api/v1/temperature-checks/batch").then().statusCode(200)
                        .extract().path("summary.created");
            };
            Future<Integer> a = pool.submit(send);
            Future<Integer> b = pool.submit(send);
            go.countDown();
            int created = a.get() + b.get();
            pool.shutdown();
            assertThat(created).as("created across both clients").isEqualTo(rs.size());
            List<UUID> ids = items.stream().map(i -> UUID.fromString((String) ((Map<?, ?>) i).get("id"))).toList();
            assertThat(TempFixture.count("select count(*) from temperature_check where id = any(?)", (Object) ids.toArray(UUID[]::new)))
                    .isEqualTo(rs.size());
            assertThat(TempFixture.count("select count(*) from alert where kind = 'FEVER' and subject_id = ? and dedupe_key like ?",
                    UUID.fromString(rs.get(round)), "%" + at.minusDays(round + 1).toLocalDate())).isEqualTo(1);
        }
    }

    @Test
    void theFeversOfOneBatchRaiseOneAlertPerPersonAndDayWithTheirEventsAndFeedRows() {
        List<String> rs = TempFixture.residents(Demo.CELL1, 8);
        OffsetDateTime at = NOW.minusDays(3);
        String a = rs.get(6), b = rs.get(7);
        List<Object> items = List.of(TempFixture.gate(TempFixture.KK4, a, "38.0", at),
                TempFixture.gate(TempFixture.KK4, b, "37.5", at), TempFixture.gate(TempFixture.KK4, a, "38.6", at.plusMinutes(5)),
                TempFixture.visitor(TempFixture.KK4, "38.2", at, null, null),
                TempFixture.visitor(TempFixture.KK4, "38.3", at, null, null), TempFixture.gate(TempFixture.KK4, a, "36.5", at));
        List<String> alertIds = Api.as(Tokens.worker1()).body(Map.of("items", items)).post("/api/v1/temperature-checks/batch").then()
                .statusCode(200).body("summary.created", equalTo(6)).extract().path("items.alertId");
        assertThat(alertIds.get(0)).as("the same person's two fevers that day: one alert").isNotNull().isEqualTo(alertIds.get(2));
        assertThat(alertIds.get(1)).isNotNull().isNotEqualTo(alertIds.get(0));
        assertThat(alertIds.get(3)).as("visitors without a document: one alert each").isNotNull().isNotEqualTo(alertIds.get(4));
        assertThat(alertIds.get(5)).as("a normal reading raises nothing").isNull();
        List<UUID> distinct = alertIds.stream().filter(java.util.Objects::nonNull).distinct().map(UUID::fromString).toList();
        assertThat(distinct).hasSize(4);
        UUID[] ids = distinct.toArray(UUID[]::new);
        assertThat(TempFixture.count("select count(*) from alert where id = any(?) and kind = 'FEVER' and state = 'OPEN'", (Object) ids))
                .isEqualTo(4);
        assertThat(TempFixture.count("select count(*) from alert_event where alert_id = any(?) and to_state = 'OPEN' and actor = 'worker1'",
                (Object) ids)).isEqualTo(4);
        assertThat(TempFixture.count("select count(*) from change_log where entity = 'ALERT' and entity_id = any(?)", (Object) ids))
                .isEqualTo(4);
        // the rows point at their alerts, and a later fever of the same person that day joins the same one
        assertThat(TempFixture.count("select count(*) from temperature_check where alert_id = ?", UUID.fromString(alertIds.get(0))))
                .isEqualTo(2);
        String again = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, a, "39.0", at.plusMinutes(30))).then().statusCode(201)
                .extract().path("alertId");
        assertThat(again).isEqualTo(alertIds.get(0));
        // the leaders of the cell see them in the inbox
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + alertIds.get(1)).then().statusCode(200)
                .body("alert.assignees", hasItem("leader1")).body("events.size()", equalTo(1));
    }

    @Test
    void oneFeverAlertPerPersonAndDay() {
        String r = TempFixture.residents(Demo.CELL1, 5).get(4);
        String a1 = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "37.3", NOW.minusHours(1))).then().statusCode(201)
                .extract().path("alertId");
        String a2 = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "38.0", NOW.minusMinutes(30))).then().statusCode(201)
                .extract().path("alertId");
        assertThat(a2).as("the second fever of the day joins the first alert").isEqualTo(a1);
        // the next local day is a new alert; 00:30 in Shanghai is still the previous UTC day
        String a3 = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "38.0", OffsetDateTime.parse("2031-06-01T00:30:00+08:00")))
                .then().statusCode(201).body("businessDate", equalTo("2031-06-01")).extract().path("alertId");
        assertThat(a3).isNotEqualTo(a1);
        // the alert goes to the leaders of the resident's cell
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + a1).then().statusCode(200).body("alert.kind", equalTo("FEVER"))
                .body("alert.assignees", hasItem("leader1")).body("alert.areaId", equalTo(Demo.CELL1.toString()))
                .body("alert.details.temperature", equalTo(37.3f));
        Api.as(Tokens.leader2()).get("/api/v1/alerts/" + a1).then().statusCode(404);
        // visitors: one alert per document and day; without a document one per registration
        String doc = validId(2);
        String v1 = post(Tokens.worker1(), TempFixture.visitor(TempFixture.KK4, "38.1", NOW, doc, null)).then().statusCode(201)
                .extract().path("alertId");
        String v2 = post(Tokens.worker1(), TempFixture.visitor(TempFixture.KK4, "38.2", NOW, doc, null)).then().statusCode(201)
                .extract().path("alertId");
        assertThat(v2).isEqualTo(v1);
        String n1 = post(Tokens.worker1(), TempFixture.visitor(TempFixture.KK4, "38.1", NOW, null, null)).then().statusCode(201)
                .extract().path("alertId");
        String n2 = post(Tokens.worker1(), TempFixture.visitor(TempFixture.KK4, "38.1", NOW, null, null)).then().statusCode(201)
                .extract().path("alertId");
        assertThat(n1).isNotEqualTo(n2).isNotEqualTo(v1);
        // a visitor's alert belongs to the area the checkpoint guards (a compound of leader1's zone)
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + n1).then().statusCode(200)
                .body("alert.areaId", equalTo(Demo.COMPOUND1.toString())).body("alert.assignees", hasItem("leader1"))
                .body("alert.subjectType", equalTo("VISITOR"));
    }

    @Test
    void feverWorkflowAllowedAndForbiddenSteps() {
        String r = TempFixture.residents(Demo.CELL1, 6).get(5);
        String alert = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r, "38.6", NOW.minusHours(2))).then().statusCode(201)
                .extract().path("alertId");
        String base = "/api/v1/alerts/" + alert + "/transitions";
        // workers do not handle alerts
        Api.as(Tokens.worker1()).body(Map.of("to", "REMEASURED", "version", 0)).post(base).then().statusCode(403);
        // leader2 does not see it
        Api.as(Tokens.leader2()).body(Map.of("to", "REMEASURED", "version", 0)).post(base).then().statusCode(404);
        // open cannot go straight to referred or closed
        Api.as(Tokens.leader1()).body(Map.of("to", "REFERRED", "version", 0)).post(base).then().statusCode(409)
                .body("type", equalTo("/problems/transition-not-allowed"));
        Api.as(Tokens.leader1()).body(Map.of("to", "CLOSED", "version", 0)).post(base).then().statusCode(409);
        // re-measured carries the new value
        Api.as(Tokens.leader1()).body(Map.of("to", "REMEASURED", "version", 0)).post(base).then().statusCode(422)
                .body("errors.field", hasItem("data.temperature"));
        Api.as(Tokens.leader1()).body(Map.of("to", "REMEASURED", "version", 0, "data", Map.of("temperature", 44.5))).post(base)
                .then().statusCode(422);
        Api.as(Tokens.leader1()).body(Map.of("to", "REMEASURED", "version", 0, "data", Map.of("temperature", 37.9), "note", "复测"))
                .post(base).then().statusCode(200).body("state", equalTo("REMEASURED")).body("takenBy", equalTo("leader1"));
        // a stale version is 412
        Api.as(Tokens.leader1()).body(Map.of("to", "REFERRED", "version", 0)).post(base).then().statusCode(412);
        Api.as(Tokens.leader1()).body(Map.of("to", "REFERRED", "version", 1, "note", "转诊发热门诊")).post(base).then().statusCode(200);
        Api.as(Tokens.leader1()).body(Map.of("to", "DISMISSED", "version", 2)).post(base).then().statusCode(409);
        Api.as(Tokens.leader1()).body(Map.of("to", "CLOSED", "version", 2)).post(base).then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("closedAt", notNullValue());
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + alert).then().statusCode(200)
                .body("events.toState", equalTo(List.of("OPEN", "REMEASURED", "REFERRED", "CLOSED")))
                .body("events[1].data.temperature", equalTo(37.9f)).body("events[1].actor", equalTo("leader1"));
        // the other branch: re-measured, then dismissed, then closed
        String r2 = TempFixture.residents(Demo.CELL1, 7).get(6);
        String other = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r2, "37.5", NOW.minusHours(2))).then().statusCode(201)
                .extract().path("alertId");
        String b2 = "/api/v1/alerts/" + other + "/transitions";
        Api.as(Tokens.supervisor()).body(Map.of("to", "DISMISSED", "version", 0, "note", "体温计误差")).post(b2).then().statusCode(200);
        Api.as(Tokens.supervisor()).body(Map.of("to", "REMEASURED", "version", 1, "data", Map.of("temperature", 36.5))).post(b2)
                .then().statusCode(409);
        Api.as(Tokens.supervisor()).body(Map.of("to", "CLOSED", "version", 1)).post(b2).then().statusCode(200);
        // a new fever the same day after the alert was closed opens a new alert: it never joins a closed one
        String again = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r2, "38.2", NOW.minusHours(1))).then().statusCode(201)
                .extract().path("alertId");
        assertThat(again).isNotNull().isNotEqualTo(other);
        Api.as(Tokens.leader1()).get("/api/v1/alerts/" + again).then().statusCode(200).body("alert.state", equalTo("OPEN"));
        // and the next fever that day joins that open one
        String third = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r2, "38.4", NOW.minusMinutes(30))).then().statusCode(201)
                .extract().path("alertId");
        assertThat(third).isEqualTo(again);
    }

    /** A valid mainland ID not used by the demo (region 510104). */
    static String validId(int n) {
        String first17 = String.format("510104198505%02d%03d", 10 + n % 18, (System.nanoTime() / 1000 + n) % 1000);
        return first17 + org.gridguard.security.pii.IdentityRules.checkCharacter(first17);
    }
}
