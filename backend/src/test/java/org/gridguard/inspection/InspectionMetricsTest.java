package org.gridguard.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code /api/v1/metrics/inspections} (issue 19 part 7): every figure equals a count made independently from the
 * tables for the same area and day; pass rates by template and item; the CSV; reach and bad ranges.
 */
@QuarkusTest
class InspectionMetricsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    DataSource ds;

    long count(String sql, Object... params) throws Exception {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    BigDecimal sum(String sql, Object... params) throws Exception {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    static final String IN_AREA = " join area_node an on an.id = x.area_id where an.path like (select path from area_node where id = ?) || '%'";
    static final String TODAY = " and x.inspected_at >= cast(cast(? as date) as timestamp) at time zone 'Asia/Shanghai'"
            + " and x.inspected_at < cast(cast(? as date) + 1 as timestamp) at time zone 'Asia/Shanghai'";

    @Test
    void everyFigureIsTheCountOfTheTablesForTheAreaAndDay() throws Exception {
        String template = InspectionTest.COMPOUND_TEMPLATE;
        // leader2 inspects compound 5 three times: passed, two failures, one failure
        InspectionTest.post(Tokens.leader2(), InspectionTest.body(Demo.COMPOUND5, template, InspectionTest.answers(template)))
                .statusCode(201);
        InspectionTest.post(Tokens.leader2(), InspectionTest.body(Demo.COMPOUND5, template, InspectionTest.answers(template, 1, 2)))
                .statusCode(201);
        InspectionTest.post(Tokens.leader2(), InspectionTest.body(Demo.COMPOUND5, template, InspectionTest.answers(template, 2)))
                .statusCode(201);
        String day = LocalDate.ofInstant(TestClock.instantNow(), ZONE).toString();
        JsonPath m = Api.as(Tokens.supervisor()).get("/api/v1/metrics/inspections?areaId=" + Demo.COMPOUND5 + "&from=" + day
                + "&to=" + day).then().statusCode(200).extract().jsonPath();

        String inspections = "select count(*) from inspection x" + IN_AREA + TODAY;
        long all = count(inspections, Demo.COMPOUND5, day, day);
        long failed = count(inspections + " and x.result = 'FAILED'", Demo.COMPOUND5, day, day);
        assertThat(all).isGreaterThanOrEqualTo(3);
        assertThat(m.getLong("inspections")).isEqualTo(all);
        assertThat(m.getLong("failed")).isEqualTo(failed);
        assertThat(m.getLong("passed")).isEqualTo(all - failed);
        assertThat(m.getDouble("passRate")).isCloseTo((double) (all - failed) / all, org.assertj.core.data.Offset.offset(1e-6));

        String tasks = "select count(*) from inspection_task x" + IN_AREA + " and x.status in ('OPEN','OVERDUE')";
        assertThat(m.getLong("openTasks")).isEqualTo(count(tasks, Demo.COMPOUND5));
        assertThat(m.getLong("overdueTasks")).isEqualTo(count(tasks.replace("('OPEN','OVERDUE')", "('OVERDUE')"), Demo.COMPOUND5));

        // item 2 of the compound template: failed in two of the three, by the answers table
        Map<String, Object> version = m.getMap("byTemplate.find { it.templateId == '" + template + "' }");
        List<Map<String, Object>> items = m.getList("byTemplate.find { it.templateId == '" + template + "' }.items");
        String item2 = (String) InspectionTest.items(template).stream().filter(i -> ((Integer) i.get("position")) == 2)
                .findFirst().orElseThrow().get("id");
        Map<String, Object> second = items.stream().filter(i -> item2.equals(i.get("itemId"))).findFirst().orElseThrow();
        String answers = "select count(*) from inspection_answer a join inspection x on x.id = a.inspection_id" + IN_AREA + TODAY
                + " and a.item_id = cast(? as uuid)";
        long answered = count(answers, Demo.COMPOUND5, day, day, item2);
        long fails = count(answers + " and a.result = 'FAIL'", Demo.COMPOUND5, day, day, item2);
        assertThat(((Number) second.get("answered")).longValue()).isEqualTo(answered);
        assertThat(((Number) second.get("failed")).longValue()).isEqualTo(fails);
        assertThat(fails).isGreaterThanOrEqualTo(2);
        assertThat(((Number) version.get("answered")).longValue()).isEqualTo(count(answers.replace(" and a.item_id = cast(? as uuid)",
                " and x.template_id = cast(? as uuid)"), Demo.COMPOUND5, day, day, template));

        // disinfection rounds recorded in the area that day, by the rounds table
        String rounds = "select count(*) from disinfection_round x" + IN_AREA
                + " and x.done_at >= cast(cast(? as date) as timestamp) at time zone 'Asia/Shanghai' and x.done_at < cast(cast(? as date) + 1 as timestamp) at time zone 'Asia/Shanghai'";
        assertThat(m.getLong("disinfection.roundsDone")).isEqualTo(count(rounds, Demo.COMPOUND5, day, day));
        BigDecimal m2 = sum(rounds.replace("count(*)", "coalesce(sum(x.area_m2), 0)"), Demo.COMPOUND5, day, day);
        assertThat(new BigDecimal(m.getString("disinfection.areaM2"))).isEqualByComparingTo(m2);
    }

    @Test
    void enterprisesResumedAreCountedAgainstThoseCheckedTheSameDay() throws Exception {
        String day = LocalDate.ofInstant(TestClock.instantNow(), ZONE).toString();
        JsonPath m = Api.as(Tokens.supervisor()).get("/api/v1/metrics/inspections?areaId=" + Demo.COMMUNITY + "&from=" + day
                + "&to=" + day).then().statusCode(200).extract().jsonPath();
        String resumed = "select count(*) from enterprise x" + IN_AREA + " and x.status = 'RESUMED' and x.resumed_on = cast(? as date)";
        long expected = count(resumed, Demo.COMMUNITY, day);
        String sameDay = resumed + " and exists (select 1 from inspection i where i.place_kind = 'ENTERPRISE' and i.place_id = x.id"
                + " and cast(i.inspected_at at time zone 'Asia/Shanghai' as date) = x.resumed_on)";
        assertThat(m.getLong("enterprises.resumed")).isEqualTo(expected);
        assertThat(m.getLong("enterprises.checkedSameDay")).isEqualTo(count(sameDay, Demo.COMMUNITY, day));
        String never = resumed + " and not exists (select 1 from inspection i where i.place_kind = 'ENTERPRISE' and i.place_id = x.id)";
        assertThat(m.getLong("enterprises.notChecked")).isEqualTo(count(never, Demo.COMMUNITY, day));
    }

    @Test
    void csvReachAndBadRanges() {
        Api.as(Tokens.supervisor()).accept("text/csv").get("/api/v1/metrics/inspections?areaId=" + Demo.COMMUNITY).then()
                .statusCode(200).contentType(containsString("text/csv")).body(containsString("section,figure,value"))
                .body(containsString("disinfection,roundsDue"));
        Api.as(Tokens.user("inspector1", "inspector")).get("/api/v1/metrics/inspections").then().statusCode(200);
        // leader2 asking for leader1's zone: exactly as if it did not exist
        Api.as(Tokens.leader2()).get("/api/v1/metrics/inspections?areaId=" + Demo.ZONE1).then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/metrics/inspections?areaId=" + UUID.randomUUID()).then().statusCode(404);
        Api.as(Tokens.supervisor()).get("/api/v1/metrics/inspections?from=2026-12-05&to=2026-12-01").then().statusCode(400)
                .body("status", equalTo(400));
        Api.as(Tokens.supervisor()).get("/api/v1/metrics/inspections?from=2026-01-01&to=2026-12-01").then().statusCode(422);
        Api.as(Tokens.supervisor()).get("/api/v1/metrics/inspections?from=yesterday").then().statusCode(400);
        Api.as(Tokens.worker1()).get("/api/v1/metrics/inspections").then().statusCode(403);
    }
}
