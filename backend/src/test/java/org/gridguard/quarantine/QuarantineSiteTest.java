package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Central isolation sites through the API: rooms and capacity, arrivals (a full room is 409) and departures,
 * occupancy per day across midnight in Asia/Shanghai, and the reach of site staff (their site only; 404 elsewhere,
 * 403 on the census).
 */
@QuarkusTest
class QuarantineSiteTest {

    static final String SITES = "/api/v1/quarantine-sites/";
    /** A site staff member of site A, assigned through the API by an admin. */
    static final String STAFF_A = "site-test-a";

    @Inject
    DataSource ds;
    @Inject
    StayService stays;

    SiteFixture fx;
    UUID siteA;
    UUID siteB;

    @BeforeEach
    void sites() throws SQLException {
        fx = new SiteFixture(ds);
        siteA = fx.site("TEST-GL-A", Demo.ZONE1);
        siteB = fx.site("TEST-GL-B", Demo.ZONE2);
        int status = Api.as(Tokens.admin()).body("{\"principal\":\"" + STAFF_A + "\",\"principalType\":\"USER\","
                + "\"role\":\"site-staff\",\"siteId\":\"" + siteA + "\"}").post("/api/v1/assignments").statusCode();
        assertThat(status).as("assigned, or assigned by an earlier test").isIn(201, 409);
    }

    @AfterEach
    void clock() {
        TestClock.reset();
    }

    static RequestSpecification staffA() {
        return Api.as(Tokens.user(STAFF_A, "site-staff"));
    }

    static String room(RequestSpecification as, UUID site, String number, int beds) {
        return as.body("{\"number\":\"" + number + "\",\"beds\":" + beds + "}").post(SITES + site + "/rooms").then()
                .statusCode(201).extract().path("id");
    }

    static String arrival(UUID order, String room) {
        return "{\"orderId\":\"" + order + "\",\"roomId\":\"" + room + "\"}";
    }

    @Test
    void siteStaffAreAssignedToASiteOnlyByAdmins() {
        Api.as(Tokens.admin()).get("/api/v1/assignments?principal=" + STAFF_A).then().statusCode(200)
                .body("items[0].siteId", equalTo(siteA.toString())).body("items[0].nodeId", equalTo(Demo.ZONE1.toString()))
                .body("items[0].role", equalTo("site-staff"));
        Api.as(Tokens.supervisor()).body("{\"principal\":\"x\",\"principalType\":\"USER\",\"role\":\"site-staff\",\"siteId\":\""
                + siteA + "\"}").post("/api/v1/assignments").then().statusCode(403);
        Api.as(Tokens.admin()).body("{\"principal\":\"x\",\"principalType\":\"USER\",\"role\":\"site-staff\"}")
                .post("/api/v1/assignments").then().statusCode(400).body("errors[0].field", equalTo("siteId"));
        Api.as(Tokens.admin()).body("{\"principal\":\"x\",\"principalType\":\"USER\",\"role\":\"site-staff\",\"siteId\":\""
                + Demo.id("BH-C001-KK4") + "\"}").post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].message", equalTo("no such central isolation site"));
        Api.as(Tokens.admin()).body("{\"principal\":\"x\",\"principalType\":\"USER\",\"role\":\"grid-worker\",\"nodeId\":\""
                + Demo.CELL1 + "\",\"siteId\":\"" + siteA + "\"}").post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("siteId"));
    }

    @Test
    void roomsHaveBedsAndTheSiteItsCapacity() {
        String key = "room-" + UUID.randomUUID();
        String number = "R" + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"number\":\"" + number + "\",\"beds\":2}";
        var created = staffA().header("Idempotency-Key", key).body(body).post(SITES + siteA + "/rooms").then()
                .statusCode(201).body("beds", equalTo(2)).body("guests", equalTo(0)).body("number", equalTo(number))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(SITES + siteA + "/rooms/" + id);
        staffA().header("Idempotency-Key", key).body(body).post(SITES + siteA + "/rooms").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        staffA().body(body).post(SITES + siteA + "/rooms").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString(number));
        staffA().body("{\"number\":\"X1\",\"beds\":0}").post(SITES + siteA + "/rooms").then().statusCode(400)
                .body("errors[0].field", containsString("beds"));
        staffA().body("{\"number\":\"X1\",\"beds\":21}").post(SITES + siteA + "/rooms").then().statusCode(400);
        // the site's capacity counts its rooms' beds; site staff list their own site only
        staffA().get(SITES).then().statusCode(200).body("items.id", contains(siteA.toString()))
                .body("items[0].beds", equalTo(staffA().get(SITES + siteA + "/rooms?limit=500").then().extract()
                        .jsonPath().getInt("items.beds.sum()")));
        // beds change with the version edited; a stale version is 412
        staffA().body("{\"beds\":3,\"version\":0}").patch(SITES + siteA + "/rooms/" + id).then().statusCode(200)
                .body("beds", equalTo(3)).body("version", equalTo(1));
        staffA().body("{\"beds\":4,\"version\":0}").patch(SITES + siteA + "/rooms/" + id).then().statusCode(412);
        staffA().body("{\"beds\":4}").patch(SITES + siteA + "/rooms/" + id).then().statusCode(428);
    }

    @Test
    void aFullRoomRefusesTheNextGuestAndADepartureFreesTheBed() throws SQLException {
        String single = room(staffA(), siteA, "S" + UUID.randomUUID().toString().substring(0, 6), 1);
        UUID first = fx.order("CENTRAL_ISOLATION", siteA);
        UUID second = fx.order("CENTRAL_ISOLATION", siteA);
        String key = "arrive-" + first;
        var arrived = staffA().header("Idempotency-Key", key).body(arrival(first, single)).post(SITES + siteA + "/guests")
                .then().statusCode(201).body("roomId", equalTo(single)).body("departedAt", nullValue()).extract();
        String stay = arrived.path("id");
        assertThat(arrived.header("Location")).endsWith("/api/v1/quarantine-stays/" + stay);
        staffA().header("Idempotency-Key", key).body(arrival(first, single)).post(SITES + siteA + "/guests").then()
                .statusCode(201).body("id", equalTo(stay)).header("Idempotent-Replayed", "true");
        staffA().body(arrival(second, single)).post(SITES + siteA + "/guests").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("type", containsString("room-full"))
                .body("detail", containsString("is full"));
        // the same person twice
        String other = room(staffA(), siteA, "D" + UUID.randomUUID().toString().substring(0, 6), 2);
        staffA().body(arrival(first, other)).post(SITES + siteA + "/guests").then().statusCode(409)
                .body("existingId", equalTo(stay));
        // a room with a guest keeps a bed for them
        staffA().body("{\"beds\":1,\"version\":0}").patch(SITES + siteA + "/rooms/" + other).then().statusCode(200);
        staffA().body(arrival(second, other)).post(SITES + siteA + "/guests").then().statusCode(201);
        // the guests now, the person masked
        staffA().get(SITES + siteA + "/guests?limit=500").then().statusCode(200)
                .body("items.orderId", hasItem(first.toString())).body("items.documentMasked", hasItem("E1****89"))
                .body("items.phoneMasked", hasItem("138****0000"))
                .body("items.find { it.orderId == '" + first + "' }.roomId", equalTo(single));
        // departure frees the bed; a second departure is 409
        staffA().body("{\"reason\":\"RELEASED\"}").post("/api/v1/quarantine-stays/" + stay + "/departure").then()
                .statusCode(200).body("departureReason", equalTo("RELEASED")).body("departedAt", not(nullValue()));
        staffA().body("{\"reason\":\"HOSPITAL\"}").post("/api/v1/quarantine-stays/" + stay + "/departure").then()
                .statusCode(409);
        staffA().body("{\"reason\":\"GONE\"}").post("/api/v1/quarantine-stays/" + stay + "/departure").then()
                .statusCode(400);
        staffA().get(SITES + siteA + "/guests?limit=500").then().body("items.orderId", not(hasItem(first.toString())));
        UUID third = fx.order("CENTRAL_ISOLATION", siteA);
        staffA().body(arrival(third, single)).post(SITES + siteA + "/guests").then().statusCode(201);
        // the order API's hook: a released order's stay ends, and its bed is free
        assertThat(stays.orderLeft(third, SiteViews.DepartureReason.RELEASED)).isTrue();
        assertThat(stays.orderLeft(third, SiteViews.DepartureReason.RELEASED)).isFalse();
        staffA().body(arrival(fx.order("CENTRAL_ISOLATION", siteA), single)).post(SITES + siteA + "/guests").then()
                .statusCode(201);
    }

    @Test
    void onlyAnActiveCentralIsolationOrderOfThisSiteArrives() throws SQLException {
        String r = room(Api.as(Tokens.leader1()), siteA, "L" + UUID.randomUUID().toString().substring(0, 6), 2);
        UUID home = fx.order("HOME_ISOLATION", null);
        Api.as(Tokens.leader1()).body(arrival(home, r)).post(SITES + siteA + "/guests").then().statusCode(422)
                .body("detail", containsString("HOME_ISOLATION"));
        // leader1 sees the order (their zone's cell) but it sends its person to site B
        UUID elsewhere = fx.order("CENTRAL_ISOLATION", siteB);
        Api.as(Tokens.leader1()).body(arrival(elsewhere, r)).post(SITES + siteA + "/guests").then().statusCode(409)
                .body("detail", containsString("another site"));
        // site A's staff do not reach site B's orders at all
        staffA().body(arrival(elsewhere, r)).post(SITES + siteA + "/guests").then().statusCode(400)
                .body("errors[0].field", equalTo("orderId"));
        staffA().body(arrival(UUID.randomUUID(), r)).post(SITES + siteA + "/guests").then().statusCode(400)
                .body("errors[0].message", equalTo("no such quarantine order"));
        UUID ok = fx.order("CENTRAL_ISOLATION", siteA);
        staffA().body(arrival(ok, UUID.randomUUID().toString())).post(SITES + siteA + "/guests").then().statusCode(400)
                .body("errors[0].field", equalTo("roomId"));
        staffA().body("{\"orderId\":\"" + ok + "\",\"roomId\":\"" + r + "\",\"arrivedAt\":\"2099-01-01T00:00:00Z\"}")
                .post(SITES + siteA + "/guests").then().statusCode(400).body("errors[0].field", equalTo("arrivedAt"));
    }

    @Test
    void siteStaffReachTheirSiteAndNothingElse() throws SQLException {
        String bRoom = room(Api.as(Tokens.leader2()), siteB, "B" + UUID.randomUUID().toString().substring(0, 6), 1);
        UUID bOrder = fx.order("CENTRAL_ISOLATION", siteB);
        String bStay = Api.as(Tokens.supervisor()).body(arrival(bOrder, bRoom)).post(SITES + siteB + "/guests").then()
                .statusCode(201).extract().path("id");
        String missing = staffA().get(SITES + UUID.randomUUID() + "/rooms").then().statusCode(404).extract().path("detail");
        staffA().get(SITES + siteB + "/rooms").then().statusCode(404).body("detail", equalTo(missing));
        staffA().get(SITES + siteB + "/guests").then().statusCode(404);
        staffA().get(SITES + siteB + "/occupancy").then().statusCode(404);
        staffA().body("{\"number\":\"X\",\"beds\":1}").post(SITES + siteB + "/rooms").then().statusCode(404);
        staffA().body("{\"beds\":1,\"version\":0}").patch(SITES + siteB + "/rooms/" + bRoom).then().statusCode(404);
        staffA().body("{\"reason\":\"RELEASED\"}").post("/api/v1/quarantine-stays/" + bStay + "/departure").then()
                .statusCode(404).body("detail", equalTo("Stay not found"));
        // nothing of the census, the areas or the alerts
        staffA().get("/api/v1/residents").then().statusCode(403);
        staffA().get("/api/v1/households").then().statusCode(403);
        staffA().get("/api/v1/areas").then().statusCode(403);
        staffA().get("/api/v1/alerts").then().statusCode(403);
        staffA().get("/api/v1/me").then().statusCode(200).body("siteIds", contains(siteA.toString()))
                .body("jurisdiction", empty()).body("communityIds", empty());
        // leaders: a site of another zone is not theirs; supervisors see both
        Api.as(Tokens.leader2()).get(SITES + siteA + "/rooms").then().statusCode(404);
        Api.as(Tokens.leader2()).get(SITES).then().statusCode(200).body("items.id", not(hasItem(siteA.toString())))
                .body("items.id", hasItem(siteB.toString()));
        Api.as(Tokens.supervisor()).get(SITES + "?limit=500").then().statusCode(200)
                .body("items.id", hasItem(siteA.toString())).body("items.id", hasItem(siteB.toString()));
        // leader2 sees site B but not the guest from leader1's zone; site B's bed is taken all the same
        Api.as(Tokens.leader2()).get(SITES + siteB + "/guests").then().statusCode(200)
                .body("items.orderId", not(hasItem(bOrder.toString())));
        Api.as(Tokens.leader2()).body("{\"reason\":\"RELEASED\"}").post("/api/v1/quarantine-stays/" + bStay + "/departure")
                .then().statusCode(404);
        Api.as(Tokens.leader1()).get(SITES + siteB + "/guests").then().statusCode(404);
        // the demo's site1 works at the demo's site
        Api.as(Tokens.user("site1", "site-staff")).get(SITES).then().statusCode(200)
                .body("items.code", contains("BH-C001-GL1")).body("items[0].rooms", equalTo(10));
    }

    @Test
    void occupancyCountsDaysInShanghaiAcrossMidnight() throws SQLException {
        UUID siteC = fx.site("TEST-GL-C-" + UUID.randomUUID().toString().substring(0, 6), Demo.COMMUNITY);
        String r = room(Api.as(Tokens.supervisor()), siteC, "301", 2);
        TestClock.set(OffsetDateTime.parse("2035-03-02T12:00:00+08:00").toInstant());
        UUID order = fx.order("CENTRAL_ISOLATION", siteC);
        // arrives 23:30 on 1 March and leaves 00:30 on 2 March, Shanghai time: both 1 March in UTC
        String stay = Api.as(Tokens.supervisor()).body("{\"orderId\":\"" + order + "\",\"roomId\":\"" + r
                + "\",\"arrivedAt\":\"2035-03-01T23:30:00+08:00\"}").post(SITES + siteC + "/guests").then().statusCode(201)
                .extract().path("id");
        Api.as(Tokens.supervisor()).body("{\"reason\":\"TRANSFERRED\",\"departedAt\":\"2035-03-02T00:30:00+08:00\"}")
                .post("/api/v1/quarantine-stays/" + stay + "/departure").then().statusCode(200);
        UUID staying = fx.order("CENTRAL_ISOLATION", siteC);
        Api.as(Tokens.supervisor()).body("{\"orderId\":\"" + staying + "\",\"roomId\":\"" + r
                + "\",\"arrivedAt\":\"2035-03-02T08:00:00+08:00\"}").post(SITES + siteC + "/guests").then().statusCode(201);
        Api.as(Tokens.supervisor()).get(SITES + siteC + "/occupancy?from=2035-03-01&to=2035-03-03").then().statusCode(200)
                .body("beds", equalTo(2)).body("days.date", contains("2035-03-01", "2035-03-02", "2035-03-03"))
                .body("days.guests", contains(1, 2, 1)).body("days.overnight", contains(1, 1, 1))
                .body("days.arrivals", contains(1, 1, 0)).body("days.departures", contains(0, 1, 0));
        // the default is the last 7 days up to today (2 March)
        Api.as(Tokens.agency()).get(SITES + siteC + "/occupancy").then().statusCode(200).body("to", equalTo("2035-03-02"))
                .body("from", equalTo("2035-02-24")).body("days.size()", equalTo(7));
        String csv = Api.as(Tokens.supervisor()).accept("text/csv").get(SITES + siteC + "/occupancy?from=2035-03-01&to=2035-03-02")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).contains("2035-03-01,2,1,1,1,0").contains("2035-03-02,2,2,1,1,1");
        Api.as(Tokens.supervisor()).get(SITES + siteC + "/occupancy?from=2035-03-02&to=2035-03-01").then().statusCode(400);
        Api.as(Tokens.supervisor()).get(SITES + siteC + "/occupancy?from=2035-01-01&to=2035-06-01").then().statusCode(400);
        // a departure before the arrival is refused
        UUID late = fx.order("CENTRAL_ISOLATION", siteC);
        String lateStay = Api.as(Tokens.supervisor()).body(arrival(late, r)).post(SITES + siteC + "/guests").then()
                .statusCode(201).extract().path("id");
        Api.as(Tokens.supervisor()).body("{\"reason\":\"RELEASED\",\"departedAt\":\"2035-03-01T00:00:00+08:00\"}")
                .post("/api/v1/quarantine-stays/" + lateStay + "/departure").then().statusCode(400)
                .body("errors[0].field", equalTo("departedAt"));
    }
}
