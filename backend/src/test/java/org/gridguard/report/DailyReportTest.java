package org.gridguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.SectionSql;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The daily report through the API with a test-only section (FixtureSection) whose figures each test sets per node
 * and day: the live report and the day before, ratios, freezing, the roll-up of submitted zones into the community,
 * late children and corrections, the late flag and REPORT_LATE at cut-off + 30 min, reach, retries, the daily
 * series and the dashboard. Each test uses days of its own; the clock is moved with TestClock (Asia/Shanghai).
 */
@QuarkusTest
class DailyReportTest {

    @Inject
    ReportSweep sweep;

    @AfterEach
    void reset() {
        TestClock.reset();
    }

    static Instant at(LocalDate day, String time) {
        return OffsetDateTime.parse(day + "T" + time + "+08:00").toInstant();
    }

    static List<String> rows(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String path(UUID node) {
        return rows("select path from area_node where id = ?", node).get(0);
    }

    static Map<String, Long> figures(long households, long visits, long done, long planned) {
        return Map.of("fixture.households", households, "fixture.visits", visits, "fixture.done", done, "fixture.planned",
                planned);
    }

    static String submission(UUID area, LocalDate day, String reason) {
        return "{\"areaId\":\"" + area + "\",\"date\":\"" + day + "\",\"highlights\":\"  入户走访正常  \",\"problems\":\"\","
                + "\"requests\":null,\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"") + "}";
    }

    static Response submit(String token, UUID area, LocalDate day, String reason) {
        return Api.as(token).body(submission(area, day, reason)).post("/api/v1/daily-reports/submissions");
    }

    static JsonPath live(String token, UUID area, LocalDate day) {
        return Api.as(token).queryParam("areaId", area).queryParam("date", day.toString()).get("/api/v1/daily-reports").then()
                .statusCode(200).extract().jsonPath();
    }

    static Object figure(JsonPath report, String key, String field) {
        return report.get("sections.find { it.key == 'fixture' }.figures.find { it.key == '" + key + "' }." + field);
    }

    @Test
    void theLiveReportHasEverySectionWithTheDayBeforeAndRatiosNullOnAZeroDenominator() {
        LocalDate d = LocalDate.of(2033, 5, 10);
        TestClock.set(at(d, "10:00"));
        FixtureSection.put(path(Demo.ZONE1), d.minusDays(1), figures(100, 3, 0, 0));
        FixtureSection.put(path(Demo.ZONE1), d, figures(102, 5, 3, 4));
        int calls = FixtureSection.CALLS.get();
        JsonPath r = live(Tokens.leader1(), Demo.ZONE1, d);
        assertThat(FixtureSection.CALLS.get() - calls).as("one figures() call per section for [date-1, date]").isEqualTo(1);
        assertThat(r.getString("areaId")).isEqualTo(Demo.ZONE1.toString());
        assertThat(r.getString("areaKind")).isEqualTo("ZONE");
        assertThat(r.getString("date")).isEqualTo(d.toString());
        assertThat(r.getString("previousDate")).isEqualTo(d.minusDays(1).toString());
        assertThat(r.getString("source")).isEqualTo("LIVE");
        assertThat((Object) r.get("version")).isNull();
        assertThat(OffsetDateTime.parse(r.getString("cutoff")).toInstant()).isEqualTo(at(d, "16:00"));
        assertThat(r.getBoolean("submittable")).isTrue();
        assertThat(r.getList("children")).isEmpty();
        assertThat((Object) r.get("submission")).isNull();
        assertThat(r.getString("sections[0].key")).isEqualTo("fixture");
        assertThat(r.getString("sections[0].titleZh")).isEqualTo("测试");
        assertThat(figure(r, "fixture.households", "value")).isEqualTo(102);
        assertThat(figure(r, "fixture.households", "previous")).isEqualTo(100);
        assertThat(figure(r, "fixture.households", "kind")).isEqualTo("LEVEL");
        assertThat(figure(r, "fixture.visits", "value")).isEqualTo(5);
        assertThat(figure(r, "fixture.rate", "value")).isEqualTo(0.75f);
        assertThat(figure(r, "fixture.rate", "unit")).isEqualTo("ratio");
        assertThat(figure(r, "fixture.rate", "previous")).as("0 planned the day before").isNull();
        // the supervisor reads the zone but does not submit it; leader1's own top node is the zone
        assertThat(live(Tokens.supervisor(), Demo.ZONE1, d).getBoolean("submittable")).isFalse();
        Api.as(Tokens.leader1()).queryParam("date", d.toString()).get("/api/v1/daily-reports").then().statusCode(200)
                .body("areaId", equalTo(Demo.ZONE1.toString()));
        // a day after today is not submittable
        assertThat(live(Tokens.leader1(), Demo.ZONE1, d.plusDays(1)).getBoolean("submittable")).isFalse();
    }

    @Test
    void aSubmissionFreezesTheFiguresTheLiveReportMovesOn() {
        LocalDate d = LocalDate.of(2033, 5, 12);
        TestClock.set(at(d, "11:00"));
        FixtureSection.put(path(Demo.ZONE1), d.minusDays(1), figures(90, 1, 1, 2));
        FixtureSection.put(path(Demo.ZONE1), d, figures(102, 5, 3, 4));
        Response created = submit(Tokens.leader1(), Demo.ZONE1, d, null);
        created.then().statusCode(201).body("source", equalTo("SUBMITTED")).body("version", equalTo(1))
                .body("submission.highlights", equalTo("入户走访正常")).body("submission.problems", nullValue())
                .body("submission.late", equalTo(false)).body("submission.submittedBy", equalTo("leader1"));
        String id = created.jsonPath().getString("submission.id");
        assertThat(created.header("Location")).endsWith("/api/v1/daily-reports/submissions/" + id);
        FixtureSection.put(path(Demo.ZONE1), d, figures(150, 9, 3, 4));
        JsonPath now = live(Tokens.leader1(), Demo.ZONE1, d);
        assertThat(figure(now, "fixture.households", "value")).isEqualTo(150);
        assertThat(now.getInt("submission.version")).isEqualTo(1);
        JsonPath frozen = Api.as(Tokens.supervisor()).get("/api/v1/daily-reports/submissions/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(frozen.getString("source")).isEqualTo("SUBMITTED");
        assertThat(figure(frozen, "fixture.households", "value")).isEqualTo(102);
        assertThat(figure(frozen, "fixture.households", "previous")).as("live the day before: nothing submitted then")
                .isEqualTo(90);
        assertThat(figure(frozen, "fixture.visits", "value")).isEqualTo(5);
        // the next day's submission shows this day's submitted figures as "previous", not the live ones
        TestClock.set(at(d.plusDays(1), "11:00"));
        FixtureSection.put(path(Demo.ZONE1), d.plusDays(1), figures(151, 2, 0, 0));
        submit(Tokens.leader1(), Demo.ZONE1, d.plusDays(1), null).then().statusCode(201)
                .body("sections.find { it.key == 'fixture' }.figures.find { it.key == 'fixture.households' }.previous",
                        equalTo(102));
    }

    @Test
    void theCommunitySumsItsZonesSubmissionsALateZoneIsMarkedNotFoldedInAndACorrectionNeedsAReason() {
        LocalDate d = LocalDate.of(2033, 5, 14);
        TestClock.set(at(d, "12:00"));
        FixtureSection.put(path(Demo.ZONE1), d, figures(100, 5, 3, 4));
        FixtureSection.put(path(Demo.ZONE2), d, figures(80, 7, 1, 6));
        submit(Tokens.leader1(), Demo.ZONE1, d, null).then().statusCode(201);
        JsonPath live = live(Tokens.supervisor(), Demo.COMMUNITY, d);
        assertThat(live.getString("children.find { it.areaId == '" + Demo.ZONE1 + "' }.status")).isEqualTo("SUBMITTED");
        assertThat(live.getString("children.find { it.areaId == '" + Demo.ZONE2 + "' }.status")).isEqualTo("MISSING");
        assertThat(live.getBoolean("submittable")).isTrue();
        assertThat(figure(live, "fixture.households", "value")).as("live: both zones").isEqualTo(180);

        JsonPath v1 = submit(Tokens.supervisor(), Demo.COMMUNITY, d, null).then().statusCode(201).extract().jsonPath();
        assertThat(figure(v1, "fixture.households", "value")).as("only zone 1 was submitted").isEqualTo(100);
        assertThat(figure(v1, "fixture.rate", "value")).isEqualTo(0.75f);
        assertThat(v1.getString("children.find { it.areaId == '" + Demo.ZONE2 + "' }.status")).isEqualTo("MISSING");

        TestClock.set(at(d, "13:00"));
        submit(Tokens.leader2(), Demo.ZONE2, d, null).then().statusCode(201).body("submission.late", equalTo(false));
        JsonPath after = live(Tokens.supervisor(), Demo.COMMUNITY, d);
        assertThat(after.getString("children.find { it.areaId == '" + Demo.ZONE2 + "' }.status")).as("after the community")
                .isEqualTo("LATE");
        assertThat(after.getInt("submission.version")).isEqualTo(1);
        JsonPath again = Api.as(Tokens.supervisor()).get("/api/v1/daily-reports/submissions/" + v1.getString("submission.id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(figure(again, "fixture.households", "value")).as("never folded into version 1").isEqualTo(100);

        submit(Tokens.supervisor(), Demo.COMMUNITY, d, null).then().statusCode(422).body("errors[0].field", equalTo("reason"));
        JsonPath v2 = submit(Tokens.supervisor(), Demo.COMMUNITY, d, "二片区补报").then().statusCode(201).extract().jsonPath();
        assertThat(v2.getInt("version")).isEqualTo(2);
        assertThat(v2.getString("submission.reason")).isEqualTo("二片区补报");
        assertThat(figure(v2, "fixture.households", "value")).isEqualTo(180);
        assertThat(figure(v2, "fixture.rate", "value")).as("(3 + 1) / (4 + 6), not the mean of the ratios").isEqualTo(0.4f);
        assertThat(v2.getString("children.find { it.areaId == '" + Demo.ZONE2 + "' }.status"))
                .as("folded in by the correction, and still marked as after version 1").isEqualTo("LATE");
        Api.as(Tokens.supervisor()).queryParam("areaId", Demo.COMMUNITY).queryParam("date", d.toString())
                .get("/api/v1/daily-reports/submissions").then().statusCode(200).body("items.version", contains(2, 1))
                .body("items[1].reason", nullValue());
    }

    @Test
    void theCommunityAddsWhatLiesOnItselfToItsZonesSubmissions() {
        LocalDate d = LocalDate.of(2033, 6, 2);
        TestClock.set(at(d, "12:00"));
        FixtureSection.put(path(Demo.ZONE1), d, figures(100, 5, 3, 4));
        FixtureSection.put(path(Demo.ZONE2), d, figures(80, 7, 1, 6));
        // the community's own gates (checkpoints guarding the community node lie in no zone)
        FixtureSection.put(path(Demo.COMMUNITY), d, figures(0, 2, 1, 1));
        submit(Tokens.leader1(), Demo.ZONE1, d, null).then().statusCode(201);
        submit(Tokens.leader2(), Demo.ZONE2, d, null).then().statusCode(201);
        JsonPath community = submit(Tokens.supervisor(), Demo.COMMUNITY, d, null).then().statusCode(201).extract().jsonPath();
        assertThat(figure(community, "fixture.households", "value")).isEqualTo(180);
        assertThat(figure(community, "fixture.visits", "value")).as("5 + 7 submitted, 2 on the community itself").isEqualTo(14);
        assertThat(figure(community, "fixture.rate", "value")).as("(3 + 1 + 1) / (4 + 6 + 1)").isEqualTo(0.4545f);
    }

    @Test
    void aReportNotSubmittedAtCutoffPlusHalfAnHourRaisesReportLateOnTheParentClosedBySubmitting() {
        LocalDate d = LocalDate.of(2033, 5, 16);
        String key = ReportRules.lateKey(Demo.ZONE1, d);
        TestClock.set(at(d, "16:29"));
        sweep.sweep();
        assertThat(rows("select state from alert where kind = 'REPORT_LATE' and dedupe_key = ?", key)).isEmpty();
        TestClock.set(at(d, "16:30"));
        assertThat(sweep.sweep()).isPositive();
        assertThat(rows("select area_id from alert where kind = 'REPORT_LATE' and dedupe_key = ? and state = 'OPEN'", key))
                .containsExactly(Demo.COMMUNITY.toString());
        Api.as(Tokens.supervisor()).queryParam("kind", "REPORT_LATE").get("/api/v1/alerts").then().statusCode(200)
                .body("items.subjectId", hasItem(Demo.ZONE1.toString()));
        String open = rows("select count(*) from alert a join area_node n on n.id = a.area_id where a.kind = 'REPORT_LATE'"
                + " and a.state <> 'CLOSED' and n.path like ?", path(Demo.COMMUNITY) + "%").get(0);
        Api.as(Tokens.supervisor()).get("/api/v1/dashboard").then().statusCode(200)
                .body("alerts.find { it.kind == 'REPORT_LATE' }.open", equalTo(Integer.parseInt(open)))
                .body("alerts.find { it.kind == 'REPORT_LATE' }.overdue", equalTo(0))
                .body("alerts.find { it.kind == 'REPORT_LATE' }.escalated", equalTo(0));

        // a street is flagged too: on itself (it lies in no community), for the supervisors above it
        String street = SectionSql.parent(path(Demo.COMMUNITY)).replaceAll(".*/([^/]+)/$", "$1");
        String streetKey = ReportRules.lateKey(java.util.UUID.fromString(street), d);
        assertThat(rows("select state from alert where kind = 'REPORT_LATE' and dedupe_key = ?", streetKey))
                .as("nobody is there to submit the street's report").isEmpty();
        String streetSupervisor = "street-sup-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.as(Tokens.admin()).body(java.util.Map.of("principal", streetSupervisor, "principalType", "USER",
                "role", "supervisor", "nodeId", street)).post("/api/v1/assignments").then().statusCode(201);
        sweep.sweep();
        assertThat(rows("select area_id || ' ' || coalesce(cast(community_id as text), 'none') from alert"
                + " where kind = 'REPORT_LATE' and dedupe_key = ?", streetKey)).containsExactly(street + " none");
        Api.as(Tokens.user(streetSupervisor, "supervisor")).queryParam("kind", "REPORT_LATE").queryParam("limit", 500)
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items.find { it.subjectId == '" + street + "' }.communityId", nullValue())
                .body("items.subjectId", hasItem(Demo.COMMUNITY.toString()));
        Api.as(Tokens.supervisor()).queryParam("kind", "REPORT_LATE").queryParam("limit", 500).get("/api/v1/alerts").then()
                .statusCode(200).body("items.subjectId", not(hasItem(street)));

        TestClock.set(at(d, "16:40"));
        submit(Tokens.leader1(), Demo.ZONE1, d, null).then().statusCode(201).body("submission.late", equalTo(true));
        assertThat(rows("select state from alert where kind = 'REPORT_LATE' and dedupe_key = ?", key)).containsExactly("CLOSED");
        sweep.sweep();
        assertThat(rows("select state from alert where kind = 'REPORT_LATE' and dedupe_key = ?", key)).containsExactly("CLOSED");
        JsonPath community = live(Tokens.supervisor(), Demo.COMMUNITY, d);
        assertThat(community.getString("children.find { it.areaId == '" + Demo.ZONE1 + "' }.status")).isEqualTo("LATE");
        assertThat(community.getBoolean("children.find { it.areaId == '" + Demo.ZONE1 + "' }.late")).isTrue();
    }

    @Test
    void reachRolesAndBadInput() {
        LocalDate d = LocalDate.of(2033, 5, 18);
        TestClock.set(at(d, "10:00"));
        String other = Api.as(Tokens.leader1()).queryParam("areaId", Demo.ZONE2).get("/api/v1/daily-reports").then()
                .statusCode(404).extract().jsonPath().getString("detail");
        String none = Api.as(Tokens.leader1()).queryParam("areaId", UUID.randomUUID()).get("/api/v1/daily-reports").then()
                .statusCode(404).extract().jsonPath().getString("detail");
        assertThat(other).isEqualTo(none);
        submit(Tokens.leader1(), Demo.ZONE2, d, null).then().statusCode(404).body("detail", equalTo(none));
        submit(Tokens.leader1(), Demo.COMMUNITY, d, null).then().statusCode(404);
        submit(Tokens.worker1(), Demo.ZONE1, d, null).then().statusCode(403);
        submit(Tokens.admin(), Demo.ZONE1, d, null).then().statusCode(403);
        submit(Tokens.supervisor(), Demo.ZONE1, d, null).then().statusCode(403);
        submit(Tokens.leader1(), Demo.CELL1, d, null).then().statusCode(422).body("errors[0].field", equalTo("areaId"));
        submit(Tokens.leader1(), Demo.ZONE1, d.plusDays(1), null).then().statusCode(422).body("errors[0].field", equalTo("date"));
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"date\":\"" + d + "\",\"highlights\":\"   \"}")
                .post("/api/v1/daily-reports/submissions").then().statusCode(400);
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"date\":\"" + d + "\",\"highlights\":\"好\","
                + "\"problems\":\"" + "长".repeat(2001) + "\"}").post("/api/v1/daily-reports/submissions").then().statusCode(400);
        String zone2 = submit(Tokens.leader2(), Demo.ZONE2, d, null).then().statusCode(201).extract().jsonPath()
                .getString("submission.id");
        Api.as(Tokens.leader1()).get("/api/v1/daily-reports/submissions/" + zone2).then().statusCode(404);
        Api.as(Tokens.leader1()).queryParam("areaId", Demo.ZONE2).get("/api/v1/daily-reports/submissions").then().statusCode(404);
        Api.as(Tokens.supervisor()).get("/api/v1/daily-reports/submissions/" + zone2).then().statusCode(200);
    }

    @Test
    void aRetryWithTheSameKeySubmitsOnceAndTwoFirstSubmissionsAtOnceMakeOneVersionOne() throws Exception {
        LocalDate d = LocalDate.of(2033, 5, 20);
        TestClock.set(at(d, "10:00"));
        String key = UUID.randomUUID().toString();
        Response first = Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(submission(Demo.ZONE1, d, null))
                .post("/api/v1/daily-reports/submissions");
        Response retry = Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(submission(Demo.ZONE1, d, null))
                .post("/api/v1/daily-reports/submissions");
        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.jsonPath().getString("submission.id")).isEqualTo(first.jsonPath().getString("submission.id"));
        assertThat(rows("select version from report_submission where area_id = ? and day = ?", Demo.ZONE1, d)).hasSize(1);

        LocalDate d2 = d.plusDays(1);
        TestClock.set(at(d2, "10:00"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> call = () -> submit(Tokens.leader2(), Demo.ZONE2, d2, null).statusCode();
            answers.add(pool.submit(call));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).isSubsetOf(201, 409, 422);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(rows("select version from report_submission where area_id = ? and day = ?", Demo.ZONE2, d2))
                .containsExactly("1");
    }

    @Test
    void theDailySeriesGivesEachDaysFiguresAndRefusesAnUnknownMeasure() {
        LocalDate d = LocalDate.of(2033, 5, 24);
        TestClock.set(at(d, "10:00"));
        FixtureSection.put(path(Demo.ZONE1), d.minusDays(1), figures(100, 3, 0, 0));
        FixtureSection.put(path(Demo.ZONE1), d, figures(102, 5, 3, 4));
        FixtureSection.put(path(Demo.ZONE2), d, figures(50, 1, 1, 4));
        JsonPath m = Api.as(Tokens.supervisor()).queryParam("areaId", Demo.COMMUNITY).queryParam("from", d.minusDays(1).toString())
                .queryParam("to", d.toString()).queryParam("measures", "fixture.households,fixture.rate")
                .get("/api/v1/metrics/daily").then().statusCode(200).extract().jsonPath();
        assertThat(m.getList("measures.key")).containsExactly("fixture.households", "fixture.rate");
        assertThat(m.getList("days.date")).containsExactly(d.minusDays(1).toString(), d.toString());
        assertThat((Object) m.get("days[0].values.'fixture.households'")).isEqualTo(100);
        assertThat((Object) m.get("days[0].values.'fixture.rate'")).isNull();
        assertThat((Object) m.get("days[1].values.'fixture.households'")).isEqualTo(152);
        assertThat((Object) m.get("days[1].values.'fixture.rate'")).isEqualTo(0.5f);
        assertThat(m.getMap("days[1].values")).doesNotContainKey("fixture.visits");
        String csv = Api.as(Tokens.agency()).accept("text/csv").queryParam("from", d.minusDays(1).toString())
                .queryParam("to", d.toString()).queryParam("measures", "fixture.households").get("/api/v1/metrics/daily").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains("date,measure,value").contains(d + ",fixture.households,152");
        Api.as(Tokens.supervisor()).queryParam("measures", "fixture.households,census.nothing").get("/api/v1/metrics/daily")
                .then().statusCode(422).body("errors[0].field", equalTo("measures"))
                .body("detail", org.hamcrest.Matchers.containsString("census.nothing"));
        Api.as(Tokens.leader1()).queryParam("areaId", Demo.ZONE2).get("/api/v1/metrics/daily").then().statusCode(404);
        // a supervisor or a bureau's client without an area of its own sees nothing, never the whole city
        Api.as(Tokens.user("no-area-" + java.util.UUID.randomUUID(), "supervisor")).get("/api/v1/metrics/daily").then()
                .statusCode(404);
    }

    @Test
    void theDashboardShowsTilesAlertsAndTheReportStatusButNoReportsForWorkers() {
        Api.as(Tokens.leader1()).get("/api/v1/dashboard").then().statusCode(200)
                .body("areaId", equalTo(Demo.ZONE1.toString())).body("areaKind", equalTo("ZONE"))
                .body("tiles.find { it.key == 'fixture.area' }.section", equalTo("fixture"))
                .body("tiles.find { it.key == 'fixture.area' }.total", equalTo(10))
                .body("alerts", notNullValue()).body("reports.cutoff", notNullValue())
                .body("reports.children", org.hamcrest.Matchers.empty());
        Api.as(Tokens.supervisor()).get("/api/v1/dashboard").then().statusCode(200)
                .body("areaId", equalTo(Demo.COMMUNITY.toString()))
                .body("reports.children.areaId", hasItem(Demo.ZONE1.toString()));
        Api.as(Tokens.worker1()).get("/api/v1/dashboard").then().statusCode(200)
                .body("areaId", equalTo(Demo.CELL1.toString())).body("reports", nullValue())
                .body("tiles.find { it.key == 'fixture.mine' }.mine", equalTo(true));
        Api.as(Tokens.worker1()).queryParam("areaId", Demo.CELL5).get("/api/v1/dashboard").then().statusCode(404);
    }
}
