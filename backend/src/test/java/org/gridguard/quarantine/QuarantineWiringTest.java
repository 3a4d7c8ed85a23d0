package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.gridguard.common.Jdbc;
import org.gridguard.quarantine.QuarantineListOrders.NewOrder;
import org.gridguard.quarantine.QuarantineListOrders.Written;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The parts of issue 17 wired together: the bureau's lists and the worklist publish their orders like the API (delta
 * feed, quarantine.started webhook, the core's default durations), two writers racing for one person, the needs a
 * visit raises in the one register.
 */
@QuarkusTest
class QuarantineWiringTest {

    static final String FEED = "/api/v1/changes?entity=QUARANTINE_ORDER&limit=500";

    @Inject
    QuarantineListOrders orders;
    @Inject
    Jdbc jdbc;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static UUID agencySubscription() {
        UUID sub = UUID.randomUUID();
        VisitFixture.exec("""
                insert into webhook_subscription (id, owner, global, url, events, secret, created_at)
                values (?, 'agency-demo', false, 'https://example.com/q', '{quarantine.started}', 'x', now())""", sub);
        return sub;
    }

    static void dropSubscription(UUID sub) {
        VisitFixture.exec("update webhook_delivery set status = 'CANCELLED' where subscription_id = ?", sub);
        VisitFixture.exec("update webhook_subscription set deleted_at = now() where id = ?", sub);
    }

    /** The ids the agency's feed gives after {@code cursor}, every page; the last cursor is added last. */
    static List<String> feedAfter(String cursor) {
        List<String> ids = new java.util.ArrayList<>();
        String next = cursor;
        boolean more = true;
        while (more) {
            JsonPath p = Api.as(Tokens.agency()).get(FEED + "&cursor=" + next).then().statusCode(200).extract().jsonPath();
            ids.addAll(p.getList("items.id"));
            next = p.getString("next");
            more = p.getBoolean("hasMore");
        }
        ids.add(next);
        return ids;
    }

    @Test
    void aListsOrdersAndAWorklistResolveAreInTheFeedAndSentByWebhook_withTheCoresDurations() throws Exception {
        TestClock.set(Instant.parse("2026-12-07T02:00:00Z"));
        UUID sub = agencySubscription();
        try {
            String cursor = Api.as(Tokens.agency()).get(FEED).then().statusCode(200).extract().path("next");
            String[] a = QuarantineListTest.resident();
            String[] b = QuarantineListTest.resident();
            Map<String, Object> second = QuarantineListTest.with(QuarantineListTest.with(
                    QuarantineListTest.item(b[0], b[1], null, null), "endsOn", null), "reason", "次密接");
            String door = "Q-" + UUID.randomUUID().toString().substring(0, 6);
            String listId = QuarantineListTest.send(Map.of("items", List.of(QuarantineListTest.item(a[0], a[1], null, null),
                    second, QuarantineListTest.item("周待查", QuarantineListTest.validId(), QuarantineListTest.mobile(), door))))
                    .then().statusCode(202).extract().path("id");
            QuarantineListTest.done(listId);
            Map<Integer, Map<String, Object>> out = QuarantineListTest.items(listId);
            String orderA = (String) out.get(1).get("orderId");
            String orderB = (String) out.get(2).get("orderId");
            assertThat(out.get(3).get("outcome")).isEqualTo("UNMATCHED");

            // the default end of a secondary contact's home isolation is the core's (7 days, the start day included)
            assertThat(VisitFixture.count("select count(*) from quarantine_order where id = cast(? as uuid) and ends_on = ?",
                    orderB, QuarantineListTest.TODAY.plusDays(6))).isEqualTo(1);

            // a worker finds the unmatched person: that order too is published
            String[] found = QuarantineListTest.resident();
            String orderC = Api.as(Tokens.worker1()).body(Map.of("status", "FOUND", "residentId", found[4]))
                    .post(QuarantineListTest.WORKLIST + "/" + out.get(3).get("id") + "/resolve").then().statusCode(200)
                    .extract().path("orderId");

            List<String> feed = feedAfter(cursor);
            assertThat(feed).contains(orderA, orderB, orderC);
            for (String order : List.of(orderA, orderB, orderC)) {
                assertThat(VisitFixture.deliveries(sub, QuarantineEvents.STARTED, UUID.fromString(order))).as(order).isEqualTo(1);
            }
            assertThat(VisitFixture.count("select count(*) from webhook_delivery where subscription_id = ? and"
                    + " (body like '%name%' or body like '%phone%' or body like '%Mask%')", sub)).isZero();

            // an extension by a later list is a change for the feed, not a new start
            String cursor2 = feed.get(feed.size() - 1);
            String later = QuarantineListTest.send(Map.of("items", List.of(QuarantineListTest.with(QuarantineListTest.with(
                    QuarantineListTest.item(a[0], a[1], null, null), "sourceCaseRef", "CASE-LATER-" + listId), "endsOn",
                    QuarantineListTest.TODAY.plusDays(30).toString())))).then().statusCode(202).extract().path("id");
            QuarantineListTest.done(later);
            assertThat(QuarantineListTest.items(later).get(1).get("orderId")).isEqualTo(orderA);
            assertThat(feedAfter(cursor2)).contains(orderA);
            assertThat(VisitFixture.deliveries(sub, QuarantineEvents.STARTED, UUID.fromString(orderA))).isEqualTo(1);
        } finally {
            dropSubscription(sub);
        }
    }

    @Test
    void aPersonAnotherWriterGaveAnOrderFirstIsMatchedToIt_notAFailedChunk() throws Exception {
        String[] r = QuarantineListTest.resident();
        UUID resident = UUID.fromString(r[4]);
        String key = "R:" + resident;
        LocalDate today = LocalDate.of(2026, 12, 7);
        List<Object[]> place = QuarkusTransaction.requiringNew().call(() -> jdbc.inTransaction(c -> Jdbc.rows(c,
                "select community_id, grid_cell_id, area_id from census_resident where id = ?", resident)));
        UUID rival = UUID.randomUUID();
        try (Connection other = VisitFixture.db()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("""
                    insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id,
                      person_key, kind, reason, status, starts_on, ends_on, created_by, updated_by)
                    select ?, ?, 'CHK', community_id, grid_cell_id, area_id, id, ?, 'HOME_ISOLATION', 'CLOSE_CONTACT',
                      'ACTIVE', date '2026-12-07', date '2026-12-20', 'other-list', 'other-list'
                    from resident where id = ?""")) {
                ps.setObject(1, rival);
                ps.setString(2, "QR-" + rival.toString().substring(0, 8));
                ps.setString(3, key);
                ps.setObject(4, resident);
                ps.executeUpdate();
            }
            // this writer decides "no active order" and inserts: it waits on the other's uncommitted order, which wins
            CompletableFuture<List<Written>> mine = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                    .call(() -> jdbc.inTransaction(c -> orders.createOrExtend(c, List.of(new NewOrder(1, resident,
                            (UUID) place.get(0)[0], (UUID) place.get(0)[1], (UUID) place.get(0)[2], key, "HOME_ISOLATION",
                            "SECONDARY_CONTACT", null, "CASE-RACE", null, today, today.plusDays(25))), "test-list", today))));
            Thread.sleep(1500);
            assertThat(mine).isNotDone();
            other.commit();
            List<Written> w = mine.get(60, TimeUnit.SECONDS);
            assertThat(w).hasSize(1);
            assertThat(w.get(0).orderId()).isEqualTo(rival);
            assertThat(w.get(0).duplicate()).isFalse();
        }
        // matched to the order that won, and extended to the later end
        assertThat(VisitFixture.count("select count(*) from quarantine_order where person_key = ? and status = 'ACTIVE'"
                + " and ends_on = date '2027-01-01'", key)).isEqualTo(1);
        VisitFixture.exec("update quarantine_order set status = 'RELEASED', released_at = now() where id = ?", rival);
    }

    @Test
    void needsRaisedAtAVisitAreInTheNeedsRegister() {
        String[] r = QuarantineListTest.resident();
        UUID order = VisitFixture.residentOrder(r[4], "HOME_ISOLATION", "ACTIVE", "2033-03-10", "2033-03-23");
        TestClock.set(OffsetDateTime.parse("2033-03-10T08:40:00+08:00").toInstant());
        Map<String, Object> v = VisitFixture.visit("2033-03-10T08:30:00+08:00", "36.6");
        v.put("sealIntact", true);
        v.put("needs", List.of(Map.of("kind", "MEDICINE", "urgency", "URGENT", "note", "降压药"),
                Map.of("kind", "FOOD", "note", "米面")));
        String visit = Api.as(Tokens.worker1()).body(v).post("/api/v1/quarantines/" + order + "/visits").then()
                .statusCode(201).extract().path("id");
        // a retry of the offline queue raises nothing again
        Api.as(Tokens.worker1()).body(v).post("/api/v1/quarantines/" + order + "/visits").then().statusCode(200);

        JsonPath needs = Api.as(Tokens.worker1()).get("/api/v1/needs?status=OPEN&limit=500").then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> mine = needs.getList("items.findAll { it.sourceRef == '" + visit + "' }");
        assertThat(mine).hasSize(2);
        assertThat(mine).allSatisfy(n -> assertThat(n).containsEntry("source", "QUARANTINE_VISIT")
                .containsEntry("quarantineOrderId", order.toString()).containsEntry("residentId", r[4]));
        assertThat(mine).extracting(n -> n.get("kind") + ":" + n.get("urgency") + ":" + n.get("detail"))
                .containsExactlyInAnyOrder("MEDICINE:URGENT_MEDICAL:降压药", "FOOD:ROUTINE:米面");
        // out of reach like the visit itself
        assertThat(Api.as(Tokens.worker2()).get("/api/v1/needs?status=OPEN&limit=500").then().statusCode(200).extract()
                .jsonPath().<String>getList("items.sourceRef")).doesNotContain(visit);
        VisitFixture.exec("update quarantine_order set status = 'RELEASED', released_at = now() where id = ?", order);
    }
}
