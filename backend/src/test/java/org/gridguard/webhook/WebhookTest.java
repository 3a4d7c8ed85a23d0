package org.gridguard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.testing.TestingEvents;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Webhooks end to end inside one API: registration behind the allow-list, the outbox written in the
 * producer's transaction and matched by jurisdiction, and signed deliveries to a real local HTTP receiver
 * (127.0.0.2, allowed by the test profile's gridguard.webhooks.allowed-private) with retries and backoff.
 * Time is moved with TestClock; the scheduler is off in tests and the dispatcher is driven directly.
 */
@QuarkusTest
class WebhookTest {

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    String path(UUID node) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select path from area_node where id = ?1").setParameter(1, node).getSingleResult());
    }

    static JsonPath register(String token, String url, String... events) {
        return Api.as(token).body(Map.of("url", url, "events", List.of(events))).post("/api/v1/webhooks").then()
                .statusCode(201).extract().jsonPath();
    }

    UUID enqueue(String type, UUID node) {
        String p = path(node);
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(type, p, Map.of("poolBarcode", "T-" + UUID.randomUUID())));
    }

    static JsonPath delivery(String token, String subscription, UUID eventId) {
        JsonPath page = Api.as(token).get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (eventId.toString().equals(items.get(i).get("eventId"))) {
                return page.setRootPath("items[" + i + "]");
            }
        }
        throw new AssertionError("no delivery of event " + eventId);
    }

    static long deliveriesOf(String token, String subscription, UUID eventId) {
        List<String> ids = Api.as(token).get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items.eventId");
        return ids.stream().filter(eventId.toString()::equals).count();
    }

    @Test
    void theAllowListRefusesLoopbackMetadataAndPrivateTargets() {
        for (String url : List.of("http://127.0.0.1/hook", "http://127.0.0.1:8080/hook", "http://localhost:18080/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook", "http://10.1.2.3/hook",
                "http://192.168.0.10/hook", "http://0.0.0.0/hook", "ftp://127.0.0.2/hook", "https://u:p@127.0.0.2/hook")) {
            Api.as(Tokens.agency()).body(Map.of("url", url, "events", List.of(TestingEvents.POSITIVE_POOL)))
                    .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("url"));
        }
        Api.as(Tokens.agency()).body(Map.of("url", "http://127.0.0.2:9/h", "events", List.of("no.such.event")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("events"));
        Api.as(Tokens.agency()).body(Map.of("events", List.of(TestingEvents.POSITIVE_POOL)))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("url"));
        Api.as(Tokens.agency()).body(Map.of("url", "http://127.0.0.2:9/h", "events", List.of(WebhookEvents.PING)))
                .post("/api/v1/webhooks").then().statusCode(400);
    }

    @Test
    void aReceiverThatFailsTwiceSeesThreeSignedAttemptsWithGrowingBackoff() throws Exception {
        try (Receiver receiver = new Receiver("127.0.0.2").answer(500, 503)) {
            JsonPath sub = register(Tokens.agency(), receiver.url("/hooks/gridguard"), TestingEvents.POSITIVE_POOL);
            String secret = sub.getString("secret");
            assertThat(secret).startsWith("whsec_");
            String id = sub.getString("id");
            Api.as(Tokens.agency()).get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue())
                    .body("url", equalTo(receiver.url("/hooks/gridguard")));

            Instant t0 = Instant.parse("2026-03-01T02:00:00Z");
            TestClock.set(t0);
            UUID event = enqueue(TestingEvents.POSITIVE_POOL, Demo.CELL1);

            dispatcher.deliverDue();
            JsonPath d1 = delivery(Tokens.agency(), id, event);
            assertThat(d1.getString("status")).isEqualTo("PENDING");
            assertThat(d1.getInt("attempts")).isEqualTo(1);
            assertThat(d1.getInt("lastStatusCode")).isEqualTo(500);
            Duration wait1 = Duration.between(t0, OffsetDateTime.parse(d1.getString("nextAttemptAt")).toInstant());
            assertThat(wait1).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));

            dispatcher.deliverDue();
            assertThat(receiver.received).as("not due yet: no second attempt").hasSize(1);

            Instant t1 = t0.plus(wait1);
            TestClock.set(t1);
            dispatcher.deliverDue();
            JsonPath d2 = delivery(Tokens.agency(), id, event);
            assertThat(d2.getInt("attempts")).isEqualTo(2);
            assertThat(d2.getInt("lastStatusCode")).isEqualTo(503);
            Duration wait2 = Duration.between(t1, OffsetDateTime.parse(d2.getString("nextAttemptAt")).toInstant());
            assertThat(wait2).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60)).isGreaterThan(wait1);

            TestClock.set(t1.plus(wait2));
            dispatcher.deliverDue();
            JsonPath d3 = delivery(Tokens.agency(), id, event);
            assertThat(d3.getString("status")).isEqualTo("DELIVERED");
            assertThat(d3.getInt("attempts")).isEqualTo(3);
            assertThat(d3.getString("nextAttemptAt")).isNull();
            assertThat(d3.getList("attemptLog.statusCode")).containsExactly(500, 503, 200);

            assertThat(receiver.received).hasSize(3);
            long[] expectedT = { t0.getEpochSecond(), t1.getEpochSecond(), t1.plus(wait2).getEpochSecond() };
            for (int i = 0; i < 3; i++) {
                Receiver.Request r = receiver.received.get(i);
                assertThat(r.path()).isEqualTo("/hooks/gridguard");
                String sig = r.header(WebhookSignature.HEADER);
                assertThat(sig).startsWith("t=" + expectedT[i] + ",v1=");
                assertThat(WebhookSignature.verify(secret, sig, r.body(), expectedT[i], 300)).as("attempt %d signed", i + 1).isTrue();
                assertThat(WebhookSignature.verify("whsec_wrong", sig, r.body(), expectedT[i], 300)).isFalse();
                assertThat(r.header("GridGuard-Event-Id")).isEqualTo(event.toString());
                assertThat(r.header("GridGuard-Attempt")).isEqualTo(Integer.toString(i + 1));
                assertThat(r.header("Content-Type")).isEqualTo("application/json");
                assertThat(r.body()).isEqualTo(receiver.received.get(0).body());
            }
            JsonPath body = new JsonPath(receiver.received.get(0).body());
            assertThat(body.getString("id")).isEqualTo(event.toString());
            assertThat(body.getString("type")).isEqualTo(TestingEvents.POSITIVE_POOL);
            assertThat(body.getString("areaId")).isEqualTo(Demo.CELL1.toString());
            assertThat(body.getString("data.poolBarcode")).startsWith("T-");

            dispatcher.deliverDue();
            assertThat(receiver.received).as("a delivered event is never sent again").hasSize(3);
        }
    }

    @Test
    void aDeliveryGivesUpAfterMaxAttempts() throws Exception {
        try (Receiver receiver = new Receiver("127.0.0.2").answer(500, 500, 500, 500, 500, 500, 500, 500, 500)) {
            String id = register(Tokens.agency(), receiver.url("/down"), TestingEvents.POSITIVE_POOL).getString("id");
            Instant t = Instant.parse("2026-03-02T02:00:00Z");
            TestClock.set(t);
            UUID event = enqueue(TestingEvents.POSITIVE_POOL, Demo.CELL1);
            for (int i = 0; i < 10; i++) {
                dispatcher.deliverDue();
                t = t.plus(Duration.ofHours(2));
                TestClock.set(t);
            }
            JsonPath d = delivery(Tokens.agency(), id, event);
            assertThat(d.getString("status")).isEqualTo("FAILED");
            assertThat(d.getInt("attempts")).isEqualTo(8);
            assertThat(receiver.received).hasSize(8);
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (Receiver elsewhere = new Receiver("127.0.0.2");
                Receiver receiver = new Receiver("127.0.0.2").answer(302)) {
            receiver.redirectTo(elsewhere.url("/stolen"));
            String id = register(Tokens.agency(), receiver.url("/r"), TestingEvents.POSITIVE_POOL).getString("id");
            TestClock.set(Instant.parse("2026-03-03T02:00:00Z"));
            UUID event = enqueue(TestingEvents.POSITIVE_POOL, Demo.CELL1);
            dispatcher.deliverDue();
            JsonPath d = delivery(Tokens.agency(), id, event);
            assertThat(d.getInt("lastStatusCode")).isEqualTo(302);
            assertThat(d.getString("status")).isEqualTo("PENDING");
            assertThat(elsewhere.received).isEmpty();
        }
    }

    @Test
    void theUrlIsCheckedAgainAtDelivery() throws Exception {
        try (Receiver loopback = new Receiver("127.0.0.1")) {
            String id = register(Tokens.agency(), "http://127.0.0.2:" + loopback.server.getAddress().getPort() + "/x",
                    TestingEvents.POSITIVE_POOL).getString("id");
            // what registration allowed no longer holds (as when a DNS name starts answering 127.0.0.1)
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update webhook_subscription set url = ?2 where id = ?1")
                    .setParameter(1, UUID.fromString(id)).setParameter(2, loopback.url("/x")).executeUpdate());
            TestClock.set(Instant.parse("2026-03-04T02:00:00Z"));
            UUID event = enqueue(TestingEvents.POSITIVE_POOL, Demo.CELL1);
            dispatcher.deliverDue();
            JsonPath d = delivery(Tokens.agency(), id, event);
            assertThat(d.getString("lastError")).contains("refused by the allow-list");
            assertThat(d.getString("lastStatusCode")).isNull();
            assertThat(loopback.received).isEmpty();
        }
    }

    @Test
    void aDeliveryLeftPendingByAPreviousInstanceIsStillMade() throws Exception {
        try (Receiver receiver = new Receiver("127.0.0.2")) {
            String id = register(Tokens.agency(), receiver.url("/after-restart"), TestingEvents.POSITIVE_POOL).getString("id");
            Instant now = Instant.parse("2026-03-05T02:00:00Z");
            TestClock.set(now);
            UUID claimedByTheDead = UUID.randomUUID();
            UUID neverTried = UUID.randomUUID();
            // rows as an instance leaves them when it dies: one claimed mid-attempt (its lease ran out), one queued
            QuarkusTransaction.requiringNew().run(() -> {
                for (UUID event : List.of(claimedByTheDead, neverTried)) {
                    boolean claimed = event.equals(claimedByTheDead);
                    em.createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, event_id, event_type, area_path, body, status,
                                                          attempts, next_attempt_at, claim_token, created_at)
                            values (gen_random_uuid(), ?1, ?2, 'pool.positive', '/', ?3, 'PENDING', ?4, ?5, ?6, ?7)""")
                            .setParameter(1, UUID.fromString(id)).setParameter(2, event)
                            .setParameter(3, "{\"id\":\"" + event + "\"}").setParameter(4, claimed ? 1 : 0)
                            .setParameter(5, now.minusSeconds(claimed ? 5 : 600))
                            .setParameter(6, claimed ? UUID.randomUUID() : null).setParameter(7, now.minusSeconds(900))
                            .executeUpdate();
                }
            });
            dispatcher.deliverDue();
            assertThat(receiver.received).extracting(Receiver.Request::body).containsExactlyInAnyOrder(
                    "{\"id\":\"" + claimedByTheDead + "\"}", "{\"id\":\"" + neverTried + "\"}");
            assertThat(delivery(Tokens.agency(), id, claimedByTheDead).getString("status")).isEqualTo("DELIVERED");
            assertThat(delivery(Tokens.agency(), id, claimedByTheDead).getInt("attempts")).isEqualTo(2);
            assertThat(delivery(Tokens.agency(), id, neverTried).getString("status")).isEqualTo("DELIVERED");
        }
    }

    @Test
    void eventsGoToSubscriptionsWhoseJurisdictionCoversTheArea() {
        String zone2Agency = "agency-zone2-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(Tokens.admin()).body(Map.of("principal", zone2Agency, "principalType", "CLIENT", "role", "agency",
                "nodeId", Demo.ZONE2)).post("/api/v1/assignments").then().statusCode(201);
        String z2Token = Tokens.client(zone2Agency, "agency");
        String unassignedToken = Tokens.client("agency-nowhere", "agency");
        String community = register(Tokens.agency(), "http://127.0.0.2:9/c", TestingEvents.POSITIVE_POOL).getString("id");
        String zone2 = register(z2Token, "http://127.0.0.2:9/z2", TestingEvents.POSITIVE_POOL).getString("id");
        String nowhere = register(unassignedToken, "http://127.0.0.2:9/n", TestingEvents.POSITIVE_POOL).getString("id");
        String otherType = register(Tokens.agency(), "http://127.0.0.2:9/o", TestingEvents.POOL_CLEARED).getString("id");
        String admin = register(Tokens.admin(), "http://127.0.0.2:9/a", TestingEvents.POSITIVE_POOL).getString("id");

        UUID inCell1 = enqueue(TestingEvents.POSITIVE_POOL, Demo.CELL1);
        UUID inCell5 = enqueue(TestingEvents.POSITIVE_POOL, Demo.CELL5);

        assertThat(deliveriesOf(Tokens.agency(), community, inCell1)).isEqualTo(1);
        assertThat(deliveriesOf(Tokens.agency(), community, inCell5)).isEqualTo(1);
        assertThat(deliveriesOf(z2Token, zone2, inCell1)).as("zone 1 is outside zone2's jurisdiction").isZero();
        assertThat(deliveriesOf(z2Token, zone2, inCell5)).isEqualTo(1);
        assertThat(deliveriesOf(unassignedToken, nowhere, inCell1) + deliveriesOf(unassignedToken, nowhere, inCell5)).isZero();
        assertThat(deliveriesOf(Tokens.agency(), otherType, inCell1)).isZero();
        assertThat(deliveriesOf(Tokens.admin(), admin, inCell1) + deliveriesOf(Tokens.admin(), admin, inCell5)).isEqualTo(2);

        // a subscription is its owner's: others get 404 as for an unknown id; admins see it
        Api.as(z2Token).get("/api/v1/webhooks/" + community).then().statusCode(404);
        Api.as(z2Token).get("/api/v1/webhooks/" + community + "/deliveries").then().statusCode(404);
        Api.as(z2Token).delete("/api/v1/webhooks/" + community).then().statusCode(404);
        Api.as(z2Token).post("/api/v1/webhooks/" + community + "/ping").then().statusCode(404);
        Api.as(z2Token).get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(community)))
                .body("items.id", hasItem(zone2));
        Api.as(Tokens.admin()).get("/api/v1/webhooks/" + community).then().statusCode(200);

        // deleted: no more events, pending deliveries cancelled
        Api.as(Tokens.agency()).delete("/api/v1/webhooks/" + community).then().statusCode(204);
        Api.as(Tokens.agency()).get("/api/v1/webhooks/" + community).then().statusCode(404);
        UUID after = enqueue(TestingEvents.POSITIVE_POOL, Demo.CELL1);
        assertThat(deliveriesOf(Tokens.admin(), admin, after)).isEqualTo(1);
        long stillPending = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from webhook_delivery where subscription_id = ?1 and status = 'PENDING'")
                .setParameter(1, UUID.fromString(community)).getSingleResult()).longValue());
        assertThat(stillPending).isZero();
        cancelAllPending();
    }

    @Test
    void anEventIsQueuedOnlyIfItsTransactionCommits() {
        String id = register(Tokens.admin(), "http://127.0.0.2:9/tx", TestingEvents.POSITIVE_POOL).getString("id");
        String p = path(Demo.CELL1);
        UUID[] rolledBack = new UUID[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack[0] = outbox.enqueue(TestingEvents.POSITIVE_POOL, p, Map.of("n", 1));
            throw new IllegalStateException("the producer fails after enqueueing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(deliveriesOf(Tokens.admin(), id, rolledBack[0])).isZero();
        assertThatThrownBy(() -> outbox.enqueue(TestingEvents.POSITIVE_POOL, p, Map.of()))
                .as("enqueue outside a transaction is a programming error").isInstanceOf(Exception.class);
        cancelAllPending();
    }

    @Test
    void registrationIsSafeToRetryAndPingIsDelivered() throws Exception {
        try (Receiver receiver = new Receiver("127.0.0.2")) {
            UUID id = UUID.randomUUID();
            Map<String, Object> body = Map.of("id", id, "url", receiver.url("/p"), "events", List.of(TestingEvents.POSITIVE_POOL));
            String secret = Api.as(Tokens.agency()).body(body).post("/api/v1/webhooks").then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/webhooks/" + id)).extract().path("secret");
            Api.as(Tokens.agency()).body(body).post("/api/v1/webhooks").then().statusCode(200)
                    .body("id", equalTo(id.toString())).body("secret", nullValue());
            Api.as(Tokens.agency()).body(Map.of("id", id, "url", receiver.url("/other"), "events",
                    List.of(TestingEvents.POSITIVE_POOL))).post("/api/v1/webhooks").then().statusCode(409);
            Api.as(Tokens.client("agency-else", "agency")).body(body).post("/api/v1/webhooks").then().statusCode(409);

            TestClock.set(Instant.parse("2026-03-06T02:00:00Z"));
            String event = Api.as(Tokens.agency()).post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202)
                    .extract().path("eventId");
            dispatcher.deliverDue();
            assertThat(receiver.received).hasSize(1);
            Receiver.Request r = receiver.received.get(0);
            assertThat(r.header("GridGuard-Event-Type")).isEqualTo(WebhookEvents.PING);
            assertThat(WebhookSignature.verify(secret, r.header(WebhookSignature.HEADER), r.body(),
                    TestClock.instantNow().getEpochSecond(), 300)).isTrue();
            assertThat(delivery(Tokens.agency(), id.toString(), UUID.fromString(event)).getString("status")).isEqualTo("DELIVERED");
            Api.as(Tokens.agency()).queryParam("status", "NOPE").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(400);
            Api.as(Tokens.agency()).queryParam("status", "DELIVERED").queryParam("limit", 1)
                    .get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200).body("items.size()", equalTo(1));
        }
    }

    @Test
    void aPositivePoolReachesTheAgencyAsASignedWebhook() throws Exception {
        try (Receiver receiver = new Receiver("127.0.0.2")) {
            JsonPath sub = register(Tokens.agency(), receiver.url("/pools"), TestingEvents.POSITIVE_POOL);
            String round = Api.as(Tokens.supervisor()).body("""
                    {"name":"webhook round","scope":["%s"],"roundDate":"2022-04-05","samplingFrom":"2022-04-05T00:00:00Z",
                     "samplingTo":"2032-04-05T12:00:00Z","modes":["CENTRAL"],"poolSize":5,"labs":["lab-demo"]}"""
                    .formatted(Demo.CELL1)).post("/api/v1/test-rounds").then().statusCode(201).extract().path("id");
            Api.as(Tokens.supervisor()).header("If-Match", "\"0\"").body("{\"to\":\"SAMPLING\"}")
                    .post("/api/v1/test-rounds/" + round + "/transitions").then().statusCode(200);
            List<String> residents = Api.as(Tokens.worker1()).queryParam("areaId", Demo.CELL1).queryParam("status", "LIVING")
                    .queryParam("limit", 2).get("/api/v1/residents").then().statusCode(200).extract().path("items.id");
            String barcode = "WH-" + UUID.randomUUID().toString().substring(0, 8);
            for (String resident : residents) {
                Api.as(Tokens.worker1()).body(Map.of("id", UUID.randomUUID(), "barcode", barcode, "residentId", resident))
                        .post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(201);
            }
            TestClock.set(Instant.parse("2026-03-07T02:00:00Z"));
            Api.as(Tokens.lab()).body(Map.of("items", List.of(Map.of("barcode", barcode, "result", "POSITIVE", "testedAt",
                    "2022-04-05T10:00:00Z", "labRef", "L-1")))).post("/api/v1/test-rounds/" + round + "/tube-results/batch")
                    .then().statusCode(200).body("summary.created", equalTo(1));
            dispatcher.deliverDue();
            Receiver.Request r = receiver.received.stream().filter(x -> x.body().contains(barcode)).findFirst().orElseThrow();
            assertThat(r.header("GridGuard-Event-Type")).isEqualTo(TestingEvents.POSITIVE_POOL);
            assertThat(WebhookSignature.verify(sub.getString("secret"), r.header(WebhookSignature.HEADER), r.body(),
                    TestClock.instantNow().getEpochSecond(), 300)).isTrue();
            JsonPath body = new JsonPath(r.body());
            assertThat(body.getString("data.roundId")).isEqualTo(round);
            assertThat(body.getInt("data.members")).isEqualTo(residents.size());
            assertThat(body.getMap("data")).doesNotContainKeys("idNumber", "phone", "residentId", "name");
            // a replay of the same result sends nothing new
            Api.as(Tokens.lab()).body(Map.of("items", List.of(Map.of("barcode", barcode, "result", "POSITIVE", "testedAt",
                    "2022-04-05T10:00:00Z", "labRef", "L-1")))).post("/api/v1/test-rounds/" + round + "/tube-results/batch")
                    .then().statusCode(200).body("summary.duplicate", equalTo(1));
            dispatcher.deliverDue();
            assertThat(receiver.received.stream().filter(x -> x.body().contains(barcode))).hasSize(1);
        }
    }

    /** Deliveries to the unreachable test URLs are not part of other tests. */
    void cancelAllPending() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update webhook_delivery set status = 'CANCELLED' where status = 'PENDING'").executeUpdate());
    }
}
