package org.gridguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Issue 19's journey against the real system (Keycloak tokens, the packaged API): leader1 inspects a compound and
 * fails a major and a minor item, the property manager signs on the phone, a re-check closes the major finding, the
 * minor one goes overdue (its deadline moved into the past in the database; the test stack sweeps every 2 s) and the
 * supervisor sees it, as a task, an alert and in the metrics.
 */
class InspectionJourneyTest {

    /** A 1×1 PNG: what the phone's signature pad sends, only smaller. */
    static final String SIGNATURE = Base64.getEncoder().encodeToString(Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));

    @Test
    void aFailedCompoundIsSignedRecheckedAndItsOverdueFindingReachesTheSupervisor() throws Exception {
        String leader = RealSystem.password("leader1");
        String supervisor = RealSystem.password("supervisor");
        UUID compound = QuarantineJourneyTest.nodeId("BH-C001-XQ01");
        String metricsUrl = "/api/v1/metrics/inspections?areaId=" + compound;
        JsonPath before = RealSystem.as(supervisor).get(metricsUrl).then().statusCode(200).extract().jsonPath();

        // the compound's current template: the default example for compounds
        JsonPath templates = RealSystem.as(leader).get("/api/v1/inspection-templates?placeType=COMPOUND").then().statusCode(200)
                .extract().jsonPath();
        String template = templates.getString("[0].id");
        List<Map<String, Object>> items = templates.getList("[0].items");
        String major = (String) items.stream().filter(i -> "MAJOR".equals(i.get("severity"))).findFirst().orElseThrow().get("id");
        String minor = (String) items.stream().filter(i -> "MINOR".equals(i.get("severity"))).findFirst().orElseThrow().get("id");

        Map<String, String> results = new HashMap<>();
        items.forEach(i -> results.put((String) i.get("id"), "PASS"));
        results.put(major, "FAIL");
        results.put(minor, "FAIL");
        Map<String, Object> body = inspection(compound, template, results, List.of());
        body.put("signOff", Map.of("name", "王物业", "phone", "13800138000", "signaturePng", SIGNATURE));
        String key = "journey-" + UUID.randomUUID();
        JsonPath first = RealSystem.as(leader).header("Idempotency-Key", key).body(body).post("/api/v1/inspections").then()
                .statusCode(201).extract().jsonPath();
        assertThat(first.getString("result")).isEqualTo("FAILED");
        assertThat(first.getList("tasksOpened")).hasSize(2);
        assertThat(first.getString("signedBy.phoneMasked")).doesNotContain("13800138000");
        // the phone's queue retries: the same inspection, not a second one
        RealSystem.as(leader).header("Idempotency-Key", key).body(body).post("/api/v1/inspections").then()
                .body("id", equalTo(first.getString("id")));
        RealSystem.as(supervisor).get("/api/v1/inspections/" + first.getString("id") + "/signature").then().statusCode(200)
                .contentType("image/png");

        String majorTask = first.getString("tasksOpened.find { it.itemId == '" + major + "' }.id");
        String minorTask = first.getString("tasksOpened.find { it.itemId == '" + minor + "' }.id");

        // the re-check (回头看) passes the major item: its task closes, the minor one stays open
        results.replaceAll((id, r) -> "PASS");
        results.put(minor, "FAIL");
        Map<String, Object> recheck = inspection(compound, template, results, List.of(majorTask));
        recheck.put("signOff", Map.of("name", "王物业", "phone", "13800138000", "signaturePng", SIGNATURE));
        JsonPath second = RealSystem.as(leader).header("Idempotency-Key", "journey-" + UUID.randomUUID()).body(recheck)
                .post("/api/v1/inspections").then().statusCode(201).extract().jsonPath();
        assertThat(second.getList("tasksClosed.id")).containsExactly(majorTask);

        // 72 h later (moved in the database: the stack's clock is real) the minor finding is overdue: the sweep marks it
        // and the supervisor sees the task, one alert, and the metrics count it
        try (java.sql.Connection c = RealSystem.db(); java.sql.PreparedStatement ps = c.prepareStatement(
                "update inspection_task set due_at = now() - interval '1 minute' where id = ?")) {
            ps.setObject(1, UUID.fromString(minorTask));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonPath overdue = null;
        for (int i = 0; i < 60; i++) {
            overdue = RealSystem.as(supervisor).get("/api/v1/inspection-tasks?status=OVERDUE&placeKind=AREA&placeId=" + compound)
                    .then().statusCode(200).extract().jsonPath();
            if (overdue.getList("items.id").contains(minorTask)) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(overdue.getList("items.id")).as("the minor finding, overdue").contains(minorTask);
        assertThat(overdue.getList("items.id")).doesNotContain(majorTask);
        JsonPath alerts = RealSystem.as(supervisor).get("/api/v1/alerts?kind=INSPECTION_TASK_OVERDUE&limit=200").then()
                .statusCode(200).extract().jsonPath();
        assertThat(alerts.getList("items.findAll { it.subjectId == '" + minorTask + "' }")).hasSize(1);
        JsonPath after = RealSystem.as(supervisor).get(metricsUrl).then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("inspections") - before.getLong("inspections")).isEqualTo(2);
        assertThat(after.getLong("failed") - before.getLong("failed")).isEqualTo(2);
        assertThat(after.getLong("overdueTasks")).isGreaterThanOrEqualTo(1);
    }

    static Map<String, Object> inspection(UUID place, String template, Map<String, String> results, List<String> recheckOf) {
        List<Map<String, Object>> answers = new ArrayList<>();
        results.forEach((id, r) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("itemId", id);
            a.put("result", r);
            a.put("reason", "FAIL".equals(r) ? "测温登记未全覆盖" : null);
            a.put("responsibleName", "FAIL".equals(r) ? "王物业" : null);
            answers.add(a);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("placeKind", "AREA");
        body.put("placeId", place.toString());
        body.put("templateId", template);
        body.put("inspectedAt", OffsetDateTime.now(QuarantineJourneyTest.ZONE).withNano(0).toString());
        body.put("answers", answers);
        body.put("recheckOf", recheckOf);
        return body;
    }
}
