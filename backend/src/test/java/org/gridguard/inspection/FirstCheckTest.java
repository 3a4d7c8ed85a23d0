package org.gridguard.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * 当天复工当天上门核查: an enterprise resuming today gets a first check due at the end of the day, an inspection that
 * day closes it, a missed one raises one alert; and the Inspections port's figures, item rates and first days.
 */
@QuarkusTest
class FirstCheckTest {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    @Inject
    InspectionSweep sweep;
    @Inject
    Inspections port;
    @Inject
    DataSource ds;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A valid unified social credit code (GB 32100-2015) ending with the given digits. */
    static String code(int n) {
        String base = "9111010" + String.format("%010d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(base.charAt(i)) * WEIGHTS[i];
        }
        return base + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    static String enterprise(String name, int n, LocalDate resumedOn) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("creditCode", code(n));
        m.put("kind", "FACTORY");
        m.put("areaId", Demo.COMPOUND1.toString());
        m.put("resumedOn", resumedOn.toString());
        m.put("status", "RESUMED");
        return Api.as(Tokens.supervisor()).body(m).post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
    }

    long count(String sql) throws Exception {
        try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Object> inspect(String enterprise, int... failing) {
        Map<String, Object> b = InspectionTest.body(Demo.COMPOUND1, InspectionTest.ENTERPRISE_TEMPLATE,
                InspectionTest.answers(InspectionTest.ENTERPRISE_TEMPLATE, failing));
        b.put("placeKind", "ENTERPRISE");
        b.put("placeId", enterprise);
        return b;
    }

    @Test
    void anEnterpriseResumingTodayIsCheckedTheSameDayOrRaisesOneAlertAtDaysEnd() throws Exception {
        TestClock.set(Instant.parse("2035-05-10T01:00:00Z"));
        LocalDate day = LocalDate.parse("2035-05-10");
        String checked = enterprise("复工机械厂", 510001, day);
        String missed = enterprise("复工纺织厂", 510002, day);
        sweep.sweep();
        sweep.sweep();
        assertThat(count("select count(*) from inspection_task where kind = 'FIRST_CHECK' and place_id in ('" + checked
                + "', '" + missed + "') and due_at = '2035-05-10T16:00:00Z'")).isEqualTo(2);

        List<Map<String, Object>> places = Api.as(Tokens.leader1()).get("/api/v1/inspection-places?placeType=ENTERPRISE&q=复工")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(places).extracting(p -> p.get("placeId")).contains(checked, missed);
        assertThat(places).allSatisfy(p -> assertThat(p.get("placeKind")).isEqualTo("ENTERPRISE"));
        assertThat(Api.as(Tokens.leader2()).get("/api/v1/inspection-places?placeType=ENTERPRISE&q=复工").then().statusCode(200)
                .extract().jsonPath().getList("placeId", String.class)).doesNotContain(checked, missed);
        Api.as(Tokens.leader2()).get("/api/v1/inspection-places/ENTERPRISE/" + checked).then().statusCode(404);

        String inspector = Tokens.user("inspector1", "inspector");
        InspectionTest.post(inspector, inspect(checked)).statusCode(201).body("placeType", equalTo("ENTERPRISE"))
                .body("tasksClosed", hasSize(1)).body("tasksClosed[0].kind", equalTo("FIRST_CHECK"));
        TestClock.set(Instant.parse("2035-05-10T03:00:00Z"));
        InspectionTest.post(inspector, inspect(checked, 1)).statusCode(201).body("result", equalTo("FAILED"));
        InspectionTest.post(inspector, InspectionTest.body(Demo.COMPOUND1, InspectionTest.COMPOUND_TEMPLATE,
                InspectionTest.answers(InspectionTest.COMPOUND_TEMPLATE))).statusCode(201);

        TestClock.set(Instant.parse("2035-05-10T16:00:01Z"));
        sweep.sweep();
        sweep.sweep();
        assertThat(count("select count(*) from alert where kind = 'ENTERPRISE_CHECK_MISSED' and subject_id in (select id from"
                + " inspection_task where place_id = '" + missed + "')")).isEqualTo(1);
        assertThat(count("select count(*) from alert where subject_id in (select id from inspection_task where place_id = '"
                + checked + "' and kind = 'FIRST_CHECK')")).isZero();
        Api.as(Tokens.leader1()).get("/api/v1/inspection-places/ENTERPRISE/" + missed).then().statusCode(200)
                .body("openTasks", hasSize(1)).body("openTasks[0].status", equalTo("OVERDUE"));

        Instant from = Instant.parse("2035-05-10T00:00:00Z");
        Instant to = Instant.parse("2035-05-11T00:00:00Z");
        Map<UUID, LocalDate> first = port.firstInspectionDay(List.of(UUID.fromString(checked), UUID.fromString(missed)));
        assertThat(first).containsExactly(Map.entry(UUID.fromString(checked), day));
        Inspections.Figures f = port.figures(null, from, to);
        assertThat(f.inspections()).isEqualTo(3);
        assertThat(f.passed()).isEqualTo(2);
        assertThat(f.failed()).isEqualTo(1);
        assertThat(f.openTasks()).isGreaterThanOrEqualTo(2);
        assertThat(f.overdueTasks()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(f.openTasks());
        assertThat(port.figures("/nowhere/", from, to)).isEqualTo(new Inspections.Figures(0, 0, 0, 0, 0));

        List<Inspections.ItemRate> rates = port.itemRates(null, from, to);
        assertThat(rates).hasSize(16);
        List<Inspections.ItemRate> enterprise = rates.stream()
                .filter(r -> r.templateId().toString().equals(InspectionTest.ENTERPRISE_TEMPLATE)).toList();
        assertThat(enterprise).hasSize(8);
        assertThat(enterprise.get(0)).satisfies(r -> {
            assertThat(r.severity()).isEqualTo("MAJOR");
            assertThat(r.answered()).isEqualTo(2);
            assertThat(r.passed()).isEqualTo(1);
            assertThat(r.failed()).isEqualTo(1);
            assertThat(r.notApplicable()).isZero();
            assertThat(r.version()).isEqualTo(1);
        });
        assertThat(enterprise.get(1).passed()).isEqualTo(2);
    }
}
