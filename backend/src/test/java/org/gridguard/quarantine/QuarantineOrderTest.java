package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.security.pii.IdentityRules;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Quarantine orders through the API: create, list, get, extend, release, transfer, events, chain, reach. */
@QuarkusTest
class QuarantineOrderTest {

    static final String BASE = "/api/v1/quarantines";

    @Inject
    DataSource ds;
    QuarantineFixture db;

    @BeforeEach
    void fixture() {
        db = new QuarantineFixture(ds);
    }

    static Map<String, Object> order(String residentId, String kind, String reason, String startsOn) {
        Map<String, Object> m = new HashMap<>();
        m.put("residentId", residentId);
        m.put("kind", kind);
        m.put("reason", reason);
        m.put("startsOn", startsOn);
        return m;
    }

    /** A valid mainland ID number (GB 11643) with the given sequence digits. */
    static String mainlandId(String seq) {
        String body = "11010519800101" + seq;
        return body + IdentityRules.checkCharacter(body);
    }

    static String create(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post(BASE).then().statusCode(201).extract().path("id");
    }

    @Test
    void createGetListAndTheRulesOfOneActiveOrder() {
        String r = db.freeResidents(Demo.CELL1, 0, 1).get(0);
        Map<String, Object> body = order(r, "HOME_ISOLATION", "CLOSE_CONTACT", "2031-03-01");
        body.put("reasonPlace", "某小区");
        body.put("sourceCaseRef", "CASE-2031-001");
        var created = Api.as(Tokens.leader1()).header("Idempotency-Key", "q-create-1").body(body).post(BASE).then()
                .statusCode(201).header("Location", containsString(BASE + "/"))
                .body("number", matchesPattern("Q\\d{8}-\\d+")).body("status", equalTo("ACTIVE"))
                .body("endsOn", equalTo("2031-03-14")).body("person.resident", equalTo(true))
                .body("person.name", notNullValue()).body("gridCellId", equalTo(Demo.CELL1.toString()))
                .body("cellName", notNullValue()).body("createdBy", equalTo("leader1")).extract();
        String id = created.path("id");
        String number = created.path("number");
        // a retry with the same key answers the first result; another key is a second order: 409 naming the first
        Api.as(Tokens.leader1()).header("Idempotency-Key", "q-create-1").body(body).post(BASE).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Api.as(Tokens.supervisor()).body(order(r, "HOME_MONITORING", "RETURNEE", "2031-03-02")).post(BASE).then()
                .statusCode(409).contentType("application/problem+json").body("orderId", equalTo(id))
                .body("number", equalTo(number)).body("detail", containsString(number));
        // an end before the start: 422; a site without central isolation, two people, nobody: 400
        String r2 = db.freeResidents(Demo.CELL1, 1, 1).get(0);
        Map<String, Object> bad = order(r2, "HOME_MONITORING", "RETURNEE", "2031-03-10");
        bad.put("endsOn", "2031-03-09");
        Api.as(Tokens.leader1()).body(bad).post(BASE).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> nobody = order(null, "HOME_MONITORING", "RETURNEE", "2031-03-10");
        Api.as(Tokens.leader1()).body(nobody).post(BASE).then().statusCode(400).body("errors.field", hasItem("residentId"));
        Map<String, Object> central = order(r2, "CENTRAL_ISOLATION", "CLOSE_CONTACT", "2031-03-10");
        Api.as(Tokens.leader1()).body(central).post(BASE).then().statusCode(400).body("errors.field", hasItem("siteId"));
        Api.as(Tokens.leader1()).body(Map.of("residentId", r2, "kind", "HOME_MONITORING", "startsOn", "2031-03-10"))
                .post(BASE).then().statusCode(400);
        Api.as(Tokens.leader1()).body(Map.of("residentId", r2, "kind", "NOPE", "reason", "RETURNEE", "startsOn", "2031-03-10"))
                .post(BASE).then().statusCode(400);
        // default durations per kind and reason (application.properties)
        Api.as(Tokens.leader1()).body(order(r2, "HOME_MONITORING", "RETURNEE", "2031-03-10")).post(BASE).then()
                .statusCode(201).body("endsOn", equalTo("2031-03-16"));

        // reach: worker1 (G01), leader1 (zone 1), supervisor, agency, admin see it; worker2 and leader2 do not
        for (String t : List.of(Tokens.worker1(), Tokens.leader1(), Tokens.supervisor(), Tokens.agency(), Tokens.admin())) {
            Api.as(t).get(BASE + "/" + id).then().statusCode(200).header("ETag", "\"0\"").body("number", equalTo(number));
        }
        String missing = Api.as(Tokens.worker2()).get(BASE + "/" + UUID.randomUUID()).then().statusCode(404).extract().path("detail");
        for (String t : List.of(Tokens.worker2(), Tokens.leader2())) {
            Api.as(t).get(BASE + "/" + id).then().statusCode(404).body("detail", equalTo(missing));
            Api.as(t).get(BASE + "/" + id + "/events").then().statusCode(404);
        }
        Api.as(Tokens.lab()).get(BASE + "/" + id).then().statusCode(403);
        Api.as(Tokens.worker1()).body(order(r2, "HOME_MONITORING", "RETURNEE", "2031-03-10")).post(BASE).then().statusCode(403);
        // leader2 cannot put a resident of zone 1 under an order: 404, like an unknown resident
        Api.as(Tokens.leader2()).body(order(db.freeResidents(Demo.CELL1, 2, 1).get(0), "HOME_MONITORING", "RETURNEE", "2031-03-10"))
                .post(BASE).then().statusCode(404);

        // lists with filters
        Api.as(Tokens.leader1()).get(BASE + "?status=ACTIVE&kind=HOME_ISOLATION&reason=CLOSE_CONTACT&areaId=" + Demo.CELL1
                + "&from=2031-03-05&to=2031-03-06&limit=500").then().statusCode(200).body("items.id", hasItem(id));
        Api.as(Tokens.leader1()).get(BASE + "?kind=HOME_MONITORING&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Api.as(Tokens.leader1()).get(BASE + "?from=2031-03-15&limit=500").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.as(Tokens.leader2()).get(BASE + "?limit=500").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.as(Tokens.leader2()).get(BASE + "?areaId=" + Demo.CELL1).then().statusCode(404);
        Api.as(Tokens.leader1()).get(BASE + "?from=2031-03-15&to=2031-03-01").then().statusCode(422);
        Api.as(Tokens.leader1()).get(BASE + "?cursor=nonsense").then().statusCode(400);
        // paging: one at a time, the next page continues
        var first = Api.as(Tokens.leader1()).get(BASE + "?limit=1").then().statusCode(200).extract();
        String next = first.path("next");
        assertThat(next).isNotNull();
        Api.as(Tokens.leader1()).get(BASE + "?limit=1&cursor=" + next).then().statusCode(200)
                .body("items[0].id", not(equalTo(first.path("items[0].id"))));
    }

    @Test
    void aNonResidentIsStoredMaskedAndKeyedByTheirDocument() {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "外来人员甲");
        person.put("documentType", "MAINLAND_ID");
        String valid = mainlandId("001");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        person.put("documentNumber", valid.substring(0, 17) + wrong);
        person.put("phone", "13812345678");
        person.put("address", "北湖路1号");
        person.put("areaId", Demo.COMPOUND1.toString());
        Map<String, Object> body = order(null, "HOME_ISOLATION", "SECONDARY_CONTACT", "2031-04-01");
        body.put("person", person);
        // a number that fails GB 11643
        Api.as(Tokens.leader1()).body(body).post(BASE).then().statusCode(400).body("errors.field", hasItem("person.documentNumber"));
        String number = valid;
        person.put("documentNumber", number);
        String text = Api.as(Tokens.leader1()).body(body).post(BASE).then().statusCode(201)
                .body("person.resident", equalTo(false)).body("person.name", equalTo("外来人员甲"))
                .body("person.documentNumberMasked", equalTo(number.substring(0, 6) + "********" + number.substring(14)))
                .body("person.phoneMasked", equalTo("138****5678")).body("gridCellId", equalTo(Demo.CELL1.toString()))
                .body("areaId", equalTo(Demo.COMPOUND1.toString())).body("endsOn", equalTo("2031-04-07"))
                .extract().asString();
        assertThat(text).doesNotContain(number).doesNotContain("13812345678");
        assertThat(db.count("select count(*) from quarantine_order where doc_cipher like ? or phone_cipher like ?",
                "%" + number + "%", "%13812345678%")).isZero();
        // the same document again, spaced out: the same person, 409
        person.put("documentNumber", number.substring(0, 6) + " " + number.substring(6));
        Api.as(Tokens.leader1()).body(body).post(BASE).then().statusCode(409);
        // an area above grid cell level, or out of reach
        person.put("documentNumber", mainlandId("002"));
        person.put("areaId", Demo.ZONE1.toString());
        Api.as(Tokens.leader1()).body(body).post(BASE).then().statusCode(400).body("errors.field", hasItem("person.areaId"));
        person.put("areaId", Demo.COMPOUND5.toString());
        Api.as(Tokens.leader1()).body(body).post(BASE).then().statusCode(404);
    }

    @Test
    void extendReleaseTransferAndTheirHistory() {
        List<String> rs = db.freeResidents(Demo.CELL1, 5, 3);
        String a = create(Tokens.leader1(), order(rs.get(0), "HOME_ISOLATION", "CLOSE_CONTACT", "2031-05-01"));
        // extend: needs the version; a stale one is 412; the new end must be later
        Api.as(Tokens.leader1()).body(Map.of("endsOn", "2031-05-20", "reason", "核酸阳性密接")).post(BASE + "/" + a + "/extend")
                .then().statusCode(428);
        Api.as(Tokens.leader1()).header("If-Match", "\"7\"").body(Map.of("endsOn", "2031-05-20", "reason", "延长"))
                .post(BASE + "/" + a + "/extend").then().statusCode(412);
        Api.as(Tokens.leader1()).body(Map.of("endsOn", "2031-05-10", "reason", "延长", "version", 0))
                .post(BASE + "/" + a + "/extend").then().statusCode(422).body("errors[0].field", equalTo("endsOn"));
        Api.as(Tokens.leader1()).body(Map.of("endsOn", "2031-05-20", "reason", "延长")).post(BASE + "/" + a + "/extend")
                .then().statusCode(428);
        Api.as(Tokens.worker1()).header("If-Match", "\"0\"").body(Map.of("endsOn", "2031-05-20", "reason", "延长"))
                .post(BASE + "/" + a + "/extend").then().statusCode(403);
        Api.as(Tokens.leader2()).header("If-Match", "\"0\"").body(Map.of("endsOn", "2031-05-20", "reason", "延长"))
                .post(BASE + "/" + a + "/extend").then().statusCode(404);
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("endsOn", "2031-05-20", "reason", "复核后延长"))
                .post(BASE + "/" + a + "/extend").then().statusCode(200).header("ETag", "\"1\"")
                .body("endsOn", equalTo("2031-05-20")).body("version", equalTo(1));

        // transfer: home → site (a QUARANTINE_SITE only), site → site, site → home, → hospital
        UUID site1 = db.checkpoint("QT-SITE1", "QUARANTINE_SITE", Demo.COMMUNITY, Demo.COMMUNITY);
        UUID site2 = db.checkpoint("QT-SITE2", "QUARANTINE_SITE", Demo.ZONE1, Demo.COMMUNITY);
        UUID gate = Demo.id("BH-C001-KK4");
        Api.as(Tokens.leader1()).body(Map.of("to", "SITE", "siteId", gate.toString(), "reason", "转运", "version", 1))
                .post(BASE + "/" + a + "/transfer").then().statusCode(422).body("errors[0].field", equalTo("siteId"));
        Api.as(Tokens.leader1()).body(Map.of("to", "SITE", "reason", "转运", "version", 1))
                .post(BASE + "/" + a + "/transfer").then().statusCode(400);
        Api.as(Tokens.leader1()).body(Map.of("to", "SITE", "siteId", site1.toString(), "reason", "转运集中隔离", "version", 1))
                .post(BASE + "/" + a + "/transfer").then().statusCode(200).body("kind", equalTo("CENTRAL_ISOLATION"))
                .body("siteId", equalTo(site1.toString())).body("siteName", equalTo("测试QT-SITE1"));
        Api.as(Tokens.leader1()).body(Map.of("to", "SITE", "siteId", site2.toString(), "reason", "调整隔离点", "version", 2))
                .post(BASE + "/" + a + "/transfer").then().statusCode(200).body("siteId", equalTo(site2.toString()));
        Api.as(Tokens.leader1()).body(Map.of("to", "HOME", "kind", "HOME_MONITORING", "reason", "转居家", "version", 3))
                .post(BASE + "/" + a + "/transfer").then().statusCode(200).body("kind", equalTo("HOME_MONITORING"))
                .body("siteId", nullValue());
        Api.as(Tokens.leader1()).body(Map.of("to", "HOSPITAL", "reason", "发热送医", "version", 4))
                .post(BASE + "/" + a + "/transfer").then().statusCode(200).body("status", equalTo("HOSPITAL"))
                .body("releasedAt", notNullValue());
        // an ended order is history
        Api.as(Tokens.leader1()).body(Map.of("endsOn", "2031-06-20", "reason", "延长", "version", 5))
                .post(BASE + "/" + a + "/extend").then().statusCode(409).body("type", containsString("order-not-active"));
        Api.as(Tokens.leader1()).body(Map.of("reason", "解除", "version", 5)).post(BASE + "/" + a + "/release").then()
                .statusCode(409);
        // a new order for the same person is allowed once the first has ended
        create(Tokens.leader1(), order(rs.get(0), "HOME_MONITORING", "OTHER", "2031-06-01"));

        // a central isolation order at once; release early
        Map<String, Object> c = order(rs.get(1), "CENTRAL_ISOLATION", "CLOSE_CONTACT", "2031-05-01");
        c.put("siteId", site1.toString());
        String b = create(Tokens.supervisor(), c);
        Api.as(Tokens.leader1()).body(Map.of("reason", "核酸阴性，提前解除", "version", 0)).post(BASE + "/" + b + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED")).body("releaseReason", equalTo("核酸阴性，提前解除"))
                .body("updatedBy", equalTo("leader1"));

        // the history: who, when, why
        Api.as(Tokens.worker1()).get(BASE + "/" + a + "/events").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "EXTENDED", "TRANSFERRED", "TRANSFERRED", "TRANSFERRED", "HOSPITAL")))
                .body("[1].reason", equalTo("复核后延长")).body("[1].actor", equalTo("leader1"))
                .body("[1].data.endsOn.to", equalTo("2031-05-20")).body("[2].data.toSiteId", equalTo(site1.toString()))
                .body("[5].toStatus", equalTo("HOSPITAL")).body("[5].fromStatus", equalTo("ACTIVE"))
                .body("[0].at", notNullValue());
        Api.as(Tokens.agency()).get(BASE + "/" + b + "/events").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "RELEASED"))).body("[1].data.early", equalTo(true));
    }

    @Test
    void aChainShowsSourcesAndDescendantsAndCountsTheHiddenOnes() {
        List<String> g1 = db.freeResidents(Demo.CELL1, 10, 3);
        String g5 = db.freeResidents(Demo.CELL5, 0, 1).get(0);
        Map<String, Object> caseBody = order(g1.get(0), "HOME_ISOLATION", "OTHER", "2031-06-01");
        caseBody.put("sourceCaseRef", "CASE-2031-009");
        String root = create(Tokens.leader1(), caseBody);
        Map<String, Object> contact = order(g1.get(1), "HOME_ISOLATION", "CLOSE_CONTACT", "2031-06-02");
        contact.put("sourceOrderId", root);
        String b = create(Tokens.leader1(), contact);
        Map<String, Object> far = order(g5, "HOME_ISOLATION", "CLOSE_CONTACT", "2031-06-02");
        far.put("sourceOrderId", root);
        String c = create(Tokens.leader2(), far);
        Map<String, Object> secondary = order(g1.get(2), "HOME_ISOLATION", "SECONDARY_CONTACT", "2031-06-03");
        secondary.put("sourceOrderId", b);
        String d = create(Tokens.leader1(), secondary);
        Map<String, Object> unknownSource = order(db.freeResidents(Demo.CELL1, 20, 1).get(0), "HOME_ISOLATION", "CLOSE_CONTACT",
                "2031-06-03");
        unknownSource.put("sourceOrderId", UUID.randomUUID().toString());
        Api.as(Tokens.leader1()).body(unknownSource).post(BASE).then().statusCode(422);

        // from B: the root above, D below; C is a sibling, not in B's chain
        Api.as(Tokens.leader1()).get(BASE + "/" + b + "/chain").then().statusCode(200)
                .body("nodes.id", equalTo(List.of(root, b, d))).body("nodes.depth", equalTo(List.of(-1, 0, 1)))
                .body("hiddenCount", equalTo(0)).body("rootCaseRef", equalTo("CASE-2031-009"));
        // from the root: leader1 does not reach C (zone 2): counted, not shown
        Api.as(Tokens.leader1()).get(BASE + "/" + root + "/chain").then().statusCode(200)
                .body("nodes.id", equalTo(List.of(root, b, d))).body("hiddenCount", equalTo(1))
                .body("nodes.find { it.id == '" + d + "' }.depth", equalTo(2));
        Api.as(Tokens.admin()).get(BASE + "/" + root + "/chain").then().statusCode(200).body("hiddenCount", equalTo(0));
        Api.as(Tokens.supervisor()).get(BASE + "/" + root + "/chain").then().statusCode(200)
                .body("nodes.id", hasItem(c)).body("hiddenCount", equalTo(0));
        Api.as(Tokens.leader2()).get(BASE + "/" + c + "/chain").then().statusCode(200)
                .body("nodes.id", equalTo(List.of(c))).body("hiddenCount", equalTo(1));
        Api.as(Tokens.leader2()).get(BASE + "/" + b + "/chain").then().statusCode(404);
    }

    @Test
    void theBureauFollowsOrdersInTheFeedAndByWebhook() {
        UUID sub = UUID.randomUUID();
        db.update("""
                insert into webhook_subscription (id, owner, global, url, events, secret, created_at)
                values (?, 'agency-demo', false, 'https://example.com/q', '{quarantine.started,quarantine.released}', 'x', now())""", sub);
        try {
            String cursor = Api.as(Tokens.agency()).get("/api/v1/changes?entity=QUARANTINE_ORDER&limit=500").then().statusCode(200)
                    .extract().path("next");
            String id = create(Tokens.leader1(), order(db.freeResidents(Demo.CELL1, 30, 1).get(0), "HOME_MONITORING", "RETURNEE",
                    "2031-07-01"));
            Api.as(Tokens.leader1()).body(Map.of("reason", "期满", "version", 0)).post(BASE + "/" + id + "/release").then()
                    .statusCode(200);
            Api.as(Tokens.agency()).get("/api/v1/changes?entity=QUARANTINE_ORDER&cursor=" + cursor).then().statusCode(200)
                    .body("items.id", hasItem(id));
            Api.as(Tokens.agency()).get("/api/v1/changes/entities").then().statusCode(200).body("name", hasItem("QUARANTINE_ORDER"));
            assertThat(db.count("select count(*) from webhook_delivery where subscription_id = ? and event_type = 'quarantine.started'"
                    + " and body like ?", sub, "%" + id + "%")).isEqualTo(1);
            assertThat(db.count("select count(*) from webhook_delivery where subscription_id = ? and event_type = 'quarantine.released'"
                    + " and body like ? and body like '%RELEASED%'", sub, "%" + id + "%")).isEqualTo(1);
            // nothing personal leaves in a webhook
            assertThat(db.count("select count(*) from webhook_delivery where subscription_id = ? and (body like '%name%'"
                    + " or body like '%phone%' or body like '%Mask%')", sub)).isZero();
        } finally {
            db.update("update webhook_delivery set status = 'CANCELLED' where subscription_id = ?", sub);
            db.update("update webhook_subscription set deleted_at = now() where id = ?", sub);
        }
    }
}
