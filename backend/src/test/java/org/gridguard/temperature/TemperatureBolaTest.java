package org.gridguard.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Who records where and who reads what: across grid cells, checkpoints and shifts; people search; agency delta reads. */
@QuarkusTest
class TemperatureBolaTest {

    static final OffsetDateTime DAY = OffsetDateTime.parse("2031-08-03T10:00:00+08:00");

    @BeforeEach
    void clock() {
        TestClock.set(DAY.toInstant());
    }

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static io.restassured.response.Response post(String token, Object body) {
        return Api.as(token).body(body).post("/api/v1/temperature-checks");
    }

    /** worker2 stands a shift at KK1 (a community road junction) on 2031-08-03. */
    static void worker2OnShiftAtKK1() {
        UUID shift = UUID.randomUUID();
        TempFixture.exec("""
                insert into duty_shift (id, community_id, checkpoint_id, business_date, kind, starts_at, ends_at, people_needed)
                values (?, ?, ?, date '2031-08-03', 'DAY', timestamptz '2031-08-03 08:00+08', timestamptz '2031-08-03 16:00+08', 1)""",
                shift, Demo.COMMUNITY, TempFixture.KK1);
        TempFixture.exec("""
                insert into duty_assignee (id, community_id, shift_id, person_id, source, created_by)
                values (?, ?, ?, ?, 'MANUAL', 'test')""", UUID.randomUUID(), Demo.COMMUNITY, shift, TempFixture.WORKER2_PERSON);
    }

    @Test
    void workersRecordOnlyWhereTheyMay() {
        String r1 = TempFixture.residents(Demo.CELL1, 9).get(8);
        String r5 = TempFixture.residents(Demo.CELL5, 2).get(1);
        // KK4 is a gate of worker1's cell: worker2 cannot even see it
        post(Tokens.worker2(), TempFixture.gate(TempFixture.KK4, r5, "36.5", DAY)).then().statusCode(404);
        post(Tokens.worker2(), TempFixture.visitor(TempFixture.KK4, "36.5", DAY, null, null)).then().statusCode(404);
        // KK1 guards the whole community: worker2 sees it but records there only on shift
        post(Tokens.worker2(), TempFixture.gate(TempFixture.KK1, r5, "36.5", DAY)).then().statusCode(403);
        Api.as(Tokens.worker2()).body(Map.of("name", "张")).post("/api/v1/checkpoints/" + TempFixture.KK1 + "/people/search")
                .then().statusCode(403);
        worker2OnShiftAtKK1();
        String own = post(Tokens.worker2(), TempFixture.gate(TempFixture.KK1, r5, "36.5", DAY)).then().statusCode(201).extract().path("id");
        // at a community gate the recorder registers any resident of the community, even outside their cells
        String other = post(Tokens.worker2(), TempFixture.gate(TempFixture.KK1, r1, "36.6", DAY)).then().statusCode(201).extract().path("id");
        // but not on another day, and watch reports only for their own cells' residents
        post(Tokens.worker2(), TempFixture.gate(TempFixture.KK1, r5, "36.5", DAY.minusDays(2))).then().statusCode(403);
        post(Tokens.worker2(), TempFixture.report(r1, "36.5", DAY)).then().statusCode(404);
        post(Tokens.worker2(), TempFixture.report(r5, "36.5", DAY)).then().statusCode(201);
        // the same in a batch: per item
        Api.as(Tokens.worker2()).body(Map.of("items", List.of(TempFixture.gate(TempFixture.KK4, r5, "36.5", DAY),
                TempFixture.gate(TempFixture.KK1, r5, "36.5", DAY), TempFixture.report(r1, "36.5", DAY))))
                .post("/api/v1/temperature-checks/batch").then().statusCode(200)
                .body("items.status", equalTo(List.of("REJECTED", "CREATED", "REJECTED")))
                .body("items[0].errors[0].message", containsString("not found"));
        // worker1's own check is theirs; worker2 cannot read it
        String w1 = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r1, "36.5", DAY)).then().statusCode(201).extract().path("id");
        Api.as(Tokens.worker2()).get("/api/v1/temperature-checks/" + w1).then().statusCode(404);
        Api.as(Tokens.worker2()).get("/api/v1/temperature-checks?from=2031-08-03&to=2031-08-03&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(w1))).body("items.id", hasItem(own)).body("items.id", hasItem(other));
        // worker1 sees the reading of their resident taken by worker2, not worker2's own resident
        Api.as(Tokens.worker1()).get("/api/v1/temperature-checks/" + other).then().statusCode(200);
        Api.as(Tokens.worker1()).get("/api/v1/temperature-checks/" + own).then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/temperature-checks/" + w1).then().statusCode(404);
        Api.as(Tokens.supervisor()).get("/api/v1/temperature-checks/" + w1).then().statusCode(200);
        Api.as(Tokens.leader1()).get("/api/v1/temperature-checks?checkpointId=" + TempFixture.KK4 + "&from=2031-08-03&to=2031-08-03")
                .then().statusCode(200).body("items.id", hasItem(w1));
        Api.as(Tokens.worker2()).get("/api/v1/temperature-checks?areaId=" + Demo.CELL1).then().statusCode(404);
    }

    @Test
    void peopleAtACheckpointAreFoundMaskedWithinItsArea() {
        // a resident with a known ID number in worker1's cell (compound XQ01, guarded by KK4)
        String idNumber = TemperatureCheckTest.validId(7);
        String hh = Api.as(Tokens.leader1()).body(Map.of("areaId", Demo.id("BH-C001-XQ01-B01"), "doorNumber", "T-" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        String rid = Api.as(Tokens.leader1()).body(Map.of("householdId", hh, "name", "测温查找", "idNumber", idNumber, "phone", "13800001111"))
                .post("/api/v1/residents").then().statusCode(201).extract().path("id");
        String search = "/api/v1/checkpoints/" + TempFixture.KK4 + "/people/search";
        String found = Api.as(Tokens.worker1()).body(Map.of("idNumber", idNumber)).post(search).then().statusCode(200)
                .body("residentId", equalTo(List.of(rid))).body("[0].idNumberMasked", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("[0].phoneMasked", equalTo("138****1111")).body("[0].doorLabel", containsString("1栋"))
                .body("[0].underWatch", equalTo(false)).extract().asString();
        assertThat(found).doesNotContain(idNumber).doesNotContain("13800001111");
        Api.as(Tokens.worker1()).body(Map.of("householdId", hh)).post(search).then().statusCode(200).body("residentId", equalTo(List.of(rid)));
        Api.as(Tokens.worker1()).body(Map.of("name", "测温查")).post(search).then().statusCode(200).body("residentId", hasItem(rid));
        Api.as(Tokens.worker1()).body(Map.of("name", "测温查", "householdId", hh)).post(search).then().statusCode(400);
        Api.as(Tokens.worker1()).body(Map.of("idNumber", "110105199001011234")).post(search).then().statusCode(400)
                .body(not(containsString("110105199001011234")));
        // worker2 cannot search at KK4; a checkpoint of the community finds residents only of what it guards
        Api.as(Tokens.worker2()).body(Map.of("idNumber", idNumber)).post(search).then().statusCode(404);
        Api.as(Tokens.worker1()).body(Map.of("idNumber", idNumber)).post("/api/v1/checkpoints/" + Demo.id("BH-C001-KK5") + "/people/search")
                .then().statusCode(404);
        worker2OnShiftAtKK1Later();
        Api.as(Tokens.worker2()).body(Map.of("idNumber", idNumber)).post("/api/v1/checkpoints/" + TempFixture.KK1 + "/people/search")
                .then().statusCode(200).body("residentId", equalTo(List.of(rid)));
        // a leader of the zone finds the residents of KK4's compound by name, all inside it
        Api.as(Tokens.leader1()).body(Map.of("name", "王")).post(search).then().statusCode(200)
                .body("doorLabel", everyItem(containsString(nameOf("BH-C001-XQ01"))));
    }

    static String nameOf(String code) {
        return Api.as(Tokens.admin()).get("/api/v1/areas/" + Demo.id(code)).then().statusCode(200).extract().path("name");
    }

    /** A shift of worker2 at KK1 on 2031-08-04, the day the people search runs. */
    static void worker2OnShiftAtKK1Later() {
        TestClock.set(OffsetDateTime.parse("2031-08-04T10:00:00+08:00").toInstant());
        UUID shift = UUID.randomUUID();
        TempFixture.exec("""
                insert into duty_shift (id, community_id, checkpoint_id, business_date, kind, starts_at, ends_at, people_needed)
                values (?, ?, ?, date '2031-08-04', 'DAY', timestamptz '2031-08-04 08:00+08', timestamptz '2031-08-04 16:00+08', 1)""",
                shift, Demo.COMMUNITY, TempFixture.KK1);
        TempFixture.exec("""
                insert into duty_assignee (id, community_id, shift_id, person_id, source, created_by)
                values (?, ?, ?, ?, 'MANUAL', 'test')""", UUID.randomUUID(), Demo.COMMUNITY, shift, TempFixture.WORKER2_PERSON);
    }

    @Test
    void leadersSeeTheirZonesAlertsAndAgenciesReadChanges() {
        TestClock.set(OffsetDateTime.parse("2031-08-10T09:00:00+08:00").toInstant());
        String r1 = TempFixture.residents(Demo.CELL1, 9).get(8);
        String r5 = TempFixture.residents(Demo.CELL5, 3).get(2);
        String since = "2031-08-10T08:59:00+08:00";
        String a1 = post(Tokens.worker1(), TempFixture.gate(TempFixture.KK4, r1, "38.5", OffsetDateTime.parse("2031-08-10T08:50:00+08:00")))
                .then().statusCode(201).extract().path("alertId");
        String a5 = post(Tokens.worker2(), TempFixture.report(r5, "38.5", OffsetDateTime.parse("2031-08-10T08:50:00+08:00")))
                .then().statusCode(201).extract().path("alertId");
        Api.as(Tokens.leader2()).get("/api/v1/alerts?kind=FEVER&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(a1))).body("items.id", hasItem(a5));
        Api.as(Tokens.leader1()).get("/api/v1/alerts?kind=FEVER&limit=500").then().statusCode(200)
                .body("items.id", hasItem(a1)).body("items.id", not(hasItem(a5)));
        Api.as(Tokens.leader2()).get("/api/v1/alerts/" + a1).then().statusCode(404);
        // the agency reads what changed since a time, oldest change first, in its jurisdiction
        Api.as(Tokens.agency()).queryParam("updatedSince", since).get("/api/v1/alerts?kind=FEVER").then().statusCode(200)
                .body("items.id", hasItem(a1)).body("items.id", hasItem(a5));
        TestClock.set(OffsetDateTime.parse("2031-08-10T10:00:00+08:00").toInstant());
        Api.as(Tokens.leader1()).body(Map.of("to", "REMEASURED", "version", 0, "data", Map.of("temperature", 37.0)))
                .post("/api/v1/alerts/" + a1 + "/transitions").then().statusCode(200);
        Api.as(Tokens.agency()).queryParam("updatedSince", "2031-08-10T09:30:00+08:00").get("/api/v1/alerts?kind=FEVER").then().statusCode(200)
                .body("items.id", equalTo(List.of(a1))).body("items[0].state", equalTo("REMEASURED"))
                .body("items[0].updatedAt", equalTo("2031-08-10T02:00:00Z"));
        // paging a delta read: one at a time, in order of change
        String next = Api.as(Tokens.agency()).queryParam("updatedSince", since).get("/api/v1/alerts?kind=FEVER&limit=1").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("next");
        Api.as(Tokens.agency()).queryParam("updatedSince", since).queryParam("cursor", next).get("/api/v1/alerts?kind=FEVER&limit=500").then()
                .statusCode(200).body("items.id", hasItem(a1));
        Api.as(Tokens.agency()).get("/api/v1/alerts?updatedSince=yesterday").then().statusCode(400);
        // an agency of another place sees none of it
        Api.as(Tokens.client("matrix-agency", "agency")).queryParam("updatedSince", since).get("/api/v1/alerts?kind=FEVER").then()
                .statusCode(200).body("items", hasSize(0));
    }
}
