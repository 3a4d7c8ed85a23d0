package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The quarantine metrics with the injected clock in Asia/Shanghai: orders started and released (a release at 00:30
 * counts for the local day, not the UTC one), visit windows done and missed, FEVER and SYMPTOM alerts, breaches,
 * active by kind at the day's end; CSV; bad ranges; reach (another zone's leader sees none of zone 1's figures).
 */
@QuarkusTest
class QuarantineMetricsTest {

    private static final String Q = "/api/v1/metrics/quarantine";

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static void at(String local) {
        TestClock.set(OffsetDateTime.parse(local).toInstant());
    }

    static String order(String residentId, String kind) {
        return Api.as(Tokens.leader1()).body(Map.of("residentId", residentId, "kind", kind, "reason", "CLOSE_CONTACT",
                "startsOn", "2041-05-01")).post("/api/v1/quarantines").then().statusCode(201).extract().path("id");
    }

    static void visit(String order, String at, String temperature, String... symptoms) {
        Api.as(Tokens.worker1()).body(VisitFixture.visit(at, temperature, symptoms)).post("/api/v1/quarantines/" + order + "/visits")
                .then().statusCode(201);
    }

    @Test
    void daysAcrossMidnightVisitsAlertsBreachesCsvRangesAndReach() {
        List<String> cell1 = VisitFixture.residents(Demo.CELL1, 70, 2);
        // zone 2's order: never in zone 1's figures
        VisitFixture.residentOrder(VisitFixture.residents(Demo.CELL5, 70, 1).get(0), "HOME_ISOLATION", "ACTIVE", "2041-04-20",
                "2041-05-20");

        at("2041-05-01T07:00:00+08:00");
        String a = order(cell1.get(0), "HOME_ISOLATION");
        String b = order(cell1.get(1), "HOME_MONITORING");
        at("2041-05-01T08:40:00+08:00");
        visit(a, "2041-05-01T08:30:00+08:00", "36.5");
        visit(b, "2041-05-01T08:35:00+08:00", "38.0"); // FEVER
        at("2041-05-01T16:40:00+08:00");
        visit(a, "2041-05-01T16:30:00+08:00", "36.6", "COUGH"); // SYMPTOM
        // b's afternoon window is missed; a breach one minute before midnight
        VisitFixture.exec("""
                insert into quarantine_breach (id, order_id, checkpoint_id, community_id, grid_cell_id, at, recorded_by)
                select ?, o.id, (select id from checkpoint order by id limit 1), o.community_id, o.grid_cell_id,
                       timestamptz '2041-05-01 23:59:00+08', 'guard' from quarantine_order o where o.id = ?""",
                UUID.randomUUID(), UUID.fromString(a));
        // b released at 00:30 local: 2041-05-01 in UTC, 2041-05-02 in Shanghai
        at("2041-05-02T00:30:00+08:00");
        Api.as(Tokens.leader1()).header("If-Match", "\"" + version(b) + "\"").body(Map.of("reason", "解除"))
                .post("/api/v1/quarantines/" + b + "/release").then().statusCode(200);

        at("2041-05-02T12:00:00+08:00");
        String q = Q + "?areaId=" + Demo.ZONE1 + "&from=2041-05-01&to=2041-05-02";
        JsonPath m = Api.as(Tokens.leader1()).get(q).then().statusCode(200).contentType("application/json")
                .body("days", hasSize(2)).extract().jsonPath();
        assertThat(m.getString("areaId")).isEqualTo(Demo.ZONE1.toString());
        assertThat(m.getString("from")).isEqualTo("2041-05-01");
        assertThat(m.getString("days[0].date")).isEqualTo("2041-05-01");
        assertThat(m.getMap("days[0].active")).isEqualTo(Map.of("HOME_ISOLATION", 1, "HOME_MONITORING", 1, "CENTRAL_ISOLATION", 0));
        assertThat(figures(m, "days[0]")).containsExactly(2, 0, 0, 4, 3, 1, 1, 1, 1);
        assertThat(m.getMap("days[1].active")).isEqualTo(Map.of("HOME_ISOLATION", 1, "HOME_MONITORING", 0, "CENTRAL_ISOLATION", 0));
        // day 2 at noon: a's morning window closed unvisited, the afternoon is not counted yet; b ended before its windows
        assertThat(figures(m, "days[1]")).containsExactly(0, 1, 0, 1, 0, 1, 0, 0, 0);
        assertThat(m.getMap("totals.active")).isEqualTo(Map.of("HOME_ISOLATION", 1, "HOME_MONITORING", 0, "CENTRAL_ISOLATION", 0));
        assertThat(figures(m, "totals")).containsExactly(2, 1, 0, 5, 3, 2, 1, 1, 1);
        assertThat(m.getString("totals.date")).isNull();

        // the default area is the caller's own top node (leader1: zone 1), the default days the last 7 including today
        JsonPath d = Api.as(Tokens.leader1()).get(Q).then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("areaId")).isEqualTo(Demo.ZONE1.toString());
        assertThat(d.getString("from")).isEqualTo("2041-04-26");
        assertThat(d.getString("to")).isEqualTo("2041-05-02");
        assertThat(d.getList("days")).hasSize(7);
        assertThat(d.getInt("totals.started")).isEqualTo(2);

        // CSV, asked for either way
        String csv = Api.as(Tokens.supervisor()).accept("text/csv").get(q).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("\uFEFF"); // Excel reads it as UTF-8
        assertThat(csv.substring(1).lines().toList()).containsExactly(
                "date,activeHomeIsolation,activeHomeMonitoring,activeCentralIsolation,started,released,hospital,visitsDue,"
                        + "visitsDone,visitsMissed,fevers,symptoms,breaches",
                "2041-05-01,1,1,0,2,0,0,4,3,1,1,1,1", "2041-05-02,1,0,0,0,1,0,1,0,1,0,0,0", "total,1,0,0,2,1,0,5,3,2,1,1,1");
        assertThat(Api.as(Tokens.agency()).get(q + "&format=csv").then().statusCode(200).extract().asString()).isEqualTo(csv);

        // reach: zone 2's leader gets 404 for zone 1 and, by default, only zone 2's figures; the agency within its area
        Api.as(Tokens.leader2()).get(q).then().statusCode(404).contentType("application/problem+json");
        JsonPath z2 = Api.as(Tokens.leader2()).get(Q + "?from=2041-05-01&to=2041-05-02").then().statusCode(200).extract().jsonPath();
        assertThat(z2.getString("areaId")).isEqualTo(Demo.ZONE2.toString());
        assertThat(z2.getInt("totals.active.HOME_ISOLATION")).isEqualTo(1);
        // its own order (made by SQL: no events) missed its three closed windows; nothing of zone 1
        assertThat(figures(z2, "totals")).containsExactly(0, 0, 0, 3, 0, 3, 0, 0, 0);
        Api.as(Tokens.agency()).get(q).then().statusCode(200).body("totals.started", equalTo(2));
        Api.as(Tokens.supervisor()).get(Q + "?areaId=" + Demo.COMMUNITY + "&from=2041-05-01&to=2041-05-01").then().statusCode(200)
                .body("days[0].active.HOME_ISOLATION", equalTo(2));
        Api.as(Tokens.worker1()).get(q).then().statusCode(403);
        Api.as(Tokens.leader1()).get(Q + "?areaId=" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badRangesAreRefusedWithTheirOwnProblem() {
        at("2041-06-10T09:00:00+08:00");
        String area = "?areaId=" + Demo.ZONE1;
        Api.as(Tokens.leader1()).get(Q + area + "&from=2041-06-02&to=2041-06-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        Api.as(Tokens.leader1()).get(Q + area + "&from=2041-01-01&to=2041-04-03").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("92 days"));
        Api.as(Tokens.leader1()).get(Q + area + "&from=2041-01-01&to=2041-04-02").then().statusCode(200).body("days", hasSize(92));
        Api.as(Tokens.leader1()).get(Q + area + "&from=2041-01-01&to=2041-13-01").then()
                .statusCode(400).contentType("application/problem+json");
        Api.as(Tokens.leader1()).get(Q + area + "&from=2041-01-01&to=2041-03-01&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv"));
    }

    /** started, released, hospital, visitsDue, visitsDone, visitsMissed, fevers, symptoms, breaches. */
    private static List<Integer> figures(JsonPath m, String at) {
        return List.of("started", "released", "hospital", "visitsDue", "visitsDone", "visitsMissed", "fevers", "symptoms",
                "breaches").stream().map(f -> m.getInt(at + "." + f)).toList();
    }

    private static long version(String order) {
        return VisitFixture.count("select version from quarantine_order where id = ?", UUID.fromString(order));
    }
}
