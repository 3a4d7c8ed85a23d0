package org.gridguard.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
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
import io.restassured.response.ValidatableResponse;

/**
 * Inspections (issue 19 parts 1–3): a place checked against a template version, failures with reason and responsible
 * person, the sign-off, re-checks closing rectification tasks, the once-only overdue alert; and the attacks.
 */
@QuarkusTest
class InspectionTest {

    /** The shared example template for compounds, seeded by V26. */
    static final String COMPOUND_TEMPLATE = "19000000-0000-4000-8000-001000000000";
    static final String ENTERPRISE_TEMPLATE = "19000000-0000-4000-8000-003000000000";
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    @Inject
    InspectionSweep sweep;
    @Inject
    DataSource ds;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static String inspector() {
        return Tokens.user("inspector1", "inspector");
    }

    /** The items of a template version: id and severity by position. */
    static List<Map<String, Object>> items(String templateId) {
        return Api.as(Tokens.supervisor()).get("/api/v1/inspection-templates/" + templateId).then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    /** Answers every item PASS except the positions given, which FAIL with a reason. */
    static List<Map<String, Object>> answers(String templateId, int... failing) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> it : items(templateId)) {
            int pos = (Integer) it.get("position");
            boolean fail = java.util.Arrays.stream(failing).anyMatch(f -> f == pos);
            Map<String, Object> a = new HashMap<>();
            a.put("itemId", it.get("id"));
            a.put("result", fail ? "FAIL" : "PASS");
            a.put("reason", fail ? "第" + pos + "项未落实" : null);
            a.put("responsibleName", fail ? "王经理" : null);
            out.add(a);
        }
        return out;
    }

    static Map<String, Object> signOff(byte[] image) {
        return Map.of("name", "王经理", "phone", "13812345678", "signaturePng", Base64.getEncoder().encodeToString(image));
    }

    static Map<String, Object> body(UUID compound, String templateId, List<Map<String, Object>> answers) {
        Map<String, Object> b = new HashMap<>();
        b.put("placeKind", "AREA");
        b.put("placeId", compound.toString());
        b.put("templateId", templateId);
        b.put("inspectedAt", TestClock.instantNow().truncatedTo(ChronoUnit.SECONDS).toString());
        b.put("answers", answers);
        b.put("recheckOf", List.of());
        b.put("signOff", signOff(PNG));
        return b;
    }

    static ValidatableResponse post(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/inspections").then();
    }

    long count(String sql) throws Exception {
        try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theThreeExampleTemplatesHoldNineMajorAndFifteenMinorItems() {
        List<Map<String, Object>> examples = Api.as(inspector()).get("/api/v1/inspection-templates").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.example }");
        assertThat(examples).hasSize(3);
        assertThat(examples).extracting(t -> t.get("placeType")).containsExactlyInAnyOrder("COMPOUND", "CHECKPOINT", "ENTERPRISE");
        List<Object> severities = examples.stream().flatMap(t -> ((List<Map<String, Object>>) t.get("items")).stream())
                .map(i -> i.get("severity")).map(Object.class::cast).toList();
        assertThat(severities.stream().filter("MAJOR"::equals).count()).isEqualTo(9);
        assertThat(severities.stream().filter("MINOR"::equals).count()).isEqualTo(15);
        Api.as(Tokens.worker1()).get("/api/v1/inspection-templates").then().statusCode(403);
        Api.as(Tokens.supervisor()).get("/api/v1/inspection-templates/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aTemplateIsVersionedNeverChangedAndAnInspectionKeepsItsVersion() {
        Map<String, Object> tpl = Map.of("name", "小区检查（本社区）", "placeType", "COMPOUND", "items",
                List.of(Map.of("text", "出入口有人值守", "severity", "MAJOR", "children", List.of(Map.of("text", "测温登记"))),
                        Map.of("text", "公告栏张贴防控须知", "severity", "MINOR")));
        String v1 = Api.as(Tokens.supervisor()).body(tpl).post("/api/v1/inspection-templates").then().statusCode(201)
                .body("version", equalTo(1)).body("items", hasSize(3)).body("items[2].parentId", equalTo(null))
                .extract().path("id");
        Api.as(Tokens.supervisor()).get("/api/v1/inspection-templates/" + v1).then().body("items[1].severity", equalTo("MINOR"))
                .body("items[1].parentId", equalTo(items(v1).get(0).get("id")));
        String inspection = post(Tokens.leader1(), body(Demo.COMPOUND1, v1, answers(v1))).statusCode(201)
                .body("templateVersion", equalTo(1)).body("result", equalTo("PASSED")).extract().path("id");

        Map<String, Object> changed = Map.of("name", "小区检查（本社区）v2", "placeType", "COMPOUND", "items",
                List.of(Map.of("text", "出入口24小时有人值守", "severity", "MAJOR")));
        String path = "/api/v1/inspection-templates/" + v1 + "/versions";
        Api.as(Tokens.supervisor()).body(changed).post(path).then().statusCode(428);
        Api.as(Tokens.supervisor()).header("If-Match", "\"7\"").body(changed).post(path).then().statusCode(412);
        Api.as(Tokens.leader1()).header("If-Match", "\"1\"").body(changed).post(path).then().statusCode(403);
        Map<String, Object> other = new HashMap<>(changed);
        other.put("placeType", "ENTERPRISE");
        Api.as(Tokens.supervisor()).header("If-Match", "\"1\"").body(other).post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("placeType"));
        String key = Api.as(Tokens.supervisor()).get("/api/v1/inspection-templates/" + v1).then().extract().path("key");
        String v2 = Api.as(Tokens.supervisor()).header("If-Match", "\"1\"").body(changed).post(path).then().statusCode(201)
                .body("version", equalTo(2)).body("key", equalTo(key)).body("retired", equalTo(false)).extract().path("id");
        Api.as(Tokens.supervisor()).header("If-Match", "\"1\"").body(changed).post(path).then().statusCode(409);
        Api.as(Tokens.supervisor()).get("/api/v1/inspection-templates/" + v1).then().body("retired", equalTo(true))
                .body("items", hasSize(3)).body("name", equalTo("小区检查（本社区）"));
        assertThat(Api.as(Tokens.supervisor()).get("/api/v1/inspection-templates?placeType=COMPOUND").then().extract()
                .jsonPath().getList("id", String.class)).contains(v2).doesNotContain(v1);
        assertThat(Api.as(Tokens.supervisor()).get("/api/v1/inspection-templates?includeRetired=true").then().extract()
                .jsonPath().getList("id", String.class)).contains(v1, v2);
        Api.as(Tokens.leader1()).get("/api/v1/inspections/" + inspection).then().statusCode(200)
                .body("templateId", equalTo(v1)).body("templateVersion", equalTo(1)).body("answers", hasSize(3));
        // an offline phone that still holds version 1 is not refused: nothing is lost
        post(Tokens.leader1(), body(Demo.COMPOUND1, v1, answers(v1))).statusCode(201).body("templateVersion", equalTo(1));
        // the shared examples are changed by an admin only
        Api.as(Tokens.supervisor()).header("If-Match", "\"1\"").body(changed)
                .post("/api/v1/inspection-templates/" + COMPOUND_TEMPLATE + "/versions").then().statusCode(403);
        Map<String, Object> minorWithChildren = Map.of("name", "x", "placeType", "COMPOUND", "items",
                List.of(Map.of("text", "y", "severity", "MINOR", "children", List.of(Map.of("text", "z")))));
        Api.as(Tokens.supervisor()).body(minorWithChildren).post("/api/v1/inspection-templates").then().statusCode(422)
                .body("errors[0].field", equalTo("items[0].children"));
        Api.as(Tokens.supervisor()).body(Map.of("name", "x", "placeType", "COMPOUND", "items", List.of()))
                .post("/api/v1/inspection-templates").then().statusCode(400);
    }

    @Test
    void aLeaderFailsTwoItemsTheResponsiblePersonSignsAndTheTasksAreDueBySeverity() throws Exception {
        TestClock.set(Instant.parse("2035-03-02T02:00:00Z"));
        Map<String, Object> b = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE, 1, 2));
        String id = post(Tokens.leader1(), b).statusCode(201).body("result", equalTo("FAILED"))
                .body("placeType", equalTo("COMPOUND")).body("inspector", equalTo("leader1"))
                .body("signedBy.name", equalTo("王经理")).body("signedBy.phoneMasked", equalTo("138****5678"))
                .body("signature", equalTo(true)).body("answers", hasSize(8)).body("answers[0].reason", equalTo("第1项未落实"))
                .body("tasksOpened", hasSize(2)).body("tasksOpened[0].severity", equalTo("MAJOR"))
                .body("tasksOpened[0].dueAt", equalTo("2035-03-03T02:00:00Z"))
                .body("tasksOpened[1].severity", equalTo("MINOR")).body("tasksOpened[1].dueAt", equalTo("2035-03-05T02:00:00Z"))
                .body("tasksOpened[0].status", equalTo("OPEN")).body("tasksOpened[0].responsibleName", equalTo("王经理"))
                .extract().path("id");
        byte[] image = Api.as(Tokens.supervisor()).get("/api/v1/inspections/" + id + "/signature").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(image).isEqualTo(PNG);
        assertThat(count("select count(*) from inspection where id = '" + id + "' and signer_phone_enc not like '%13812345678%'"
                + " and signer_phone_masked = '138****5678'")).isEqualTo(1);
        Api.as(Tokens.leader2()).get("/api/v1/inspections/" + id).then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/inspections/" + id + "/signature").then().statusCode(404);
        Api.as(inspector()).get("/api/v1/inspections/" + id).then().statusCode(200);
        assertThat(Api.as(Tokens.leader1()).get("/api/v1/inspections?placeId=" + Demo.COMPOUND1 + "&result=FAILED&limit=500")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class)).contains(id);
        assertThat(Api.as(Tokens.leader2()).get("/api/v1/inspections?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).doesNotContain(id);
        Api.as(Tokens.leader2()).get("/api/v1/inspections?areaId=" + Demo.ZONE1).then().statusCode(404);
        Api.as(Tokens.leader1()).get("/api/v1/inspection-places/AREA/" + Demo.COMPOUND1).then().statusCode(200)
                .body("place.placeType", equalTo("COMPOUND"))
                .body("inspections.find { it.id == '" + id + "' }.failedItems", equalTo(2))
                .body("openTasks.findAll { it.openedBy == '" + id + "' }", hasSize(2));
        Api.as(Tokens.leader2()).get("/api/v1/inspection-places/AREA/" + Demo.COMPOUND1).then().statusCode(404)
                .body("detail", equalTo("Place not found"));
        Api.as(Tokens.leader1()).get("/api/v1/inspection-places/NOPE/" + Demo.COMPOUND1).then().statusCode(404)
                .body("detail", equalTo("Place not found"));
    }

    @Test
    void aReCheckThatPassesClosesItsTaskAFailKeepsItOpenAndTheOtherGoesOverdueWithOneAlert() throws Exception {
        TestClock.set(Instant.parse("2035-04-02T02:00:00Z"));
        Map<String, Object> first = post(Tokens.leader1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE,
                answers(COMPOUND_TEMPLATE, 1, 2))).statusCode(201).extract().jsonPath().getMap("");
        List<Map<String, Object>> opened = (List<Map<String, Object>>) first.get("tasksOpened");
        String major = (String) opened.get(0).get("id");
        String minor = (String) opened.get(1).get("id");

        TestClock.advance(Duration.ofHours(2));
        Map<String, Object> again = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE, 2));
        again.put("recheckOf", List.of(major, minor));
        String recheck = post(Tokens.leader1(), again).statusCode(201).body("tasksClosed", hasSize(1))
                .body("tasksClosed[0].id", equalTo(major)).body("tasksClosed[0].status", equalTo("CLOSED"))
                .body("tasksOpened", hasSize(0)).extract().path("id");
        Map<String, Object> elsewhere = body(Demo.COMPOUND5, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        elsewhere.put("recheckOf", List.of(minor));
        post(Tokens.supervisor(), elsewhere).statusCode(422).body("errors[0].field", equalTo("recheckOf[0]"));

        List<Map<String, Object>> open = Api.as(Tokens.leader1())
                .get("/api/v1/inspection-tasks?placeKind=AREA&placeId=" + Demo.COMPOUND1 + "&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(open).filteredOn(t -> t.get("id").equals(major)).singleElement()
                .satisfies(t -> assertThat(t.get("closedBy")).isEqualTo(recheck));
        assertThat(open).filteredOn(t -> t.get("id").equals(minor)).singleElement()
                .satisfies(t -> assertThat(t.get("status")).isEqualTo("OPEN"));
        assertThat(count("select count(*) from inspection_recheck where task_id = '" + minor + "' and result = 'FAIL'"))
                .isEqualTo(1);

        TestClock.set(Instant.parse("2035-04-05T02:00:01Z"));
        sweep.sweep();
        sweep.sweep();
        assertThat(count("select count(*) from alert where kind = 'INSPECTION_TASK_OVERDUE' and subject_id = '" + minor + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from alert where subject_id = '" + major + "'")).isZero();
        Api.as(Tokens.supervisor()).get("/api/v1/inspection-tasks?status=OVERDUE&limit=500").then().statusCode(200)
                .body("items.findAll { it.id == '" + minor + "' }", hasSize(1));
        TestClock.advance(Duration.ofDays(1));
        assertThat(sweep.sweep()).isZero();
    }

    @Test
    void everyBadInputIsAClearProblemNamingTheFieldAndNothingIsKept() throws Exception {
        long before = count("select count(*) from inspection");
        List<Map<String, Object>> answers = answers(COMPOUND_TEMPLATE, 3);
        answers.get(2).put("reason", " ");
        post(Tokens.leader1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers)).statusCode(422)
                .contentType(containsString("problem+json")).body("errors[0].field", equalTo("answers[2].reason"));
        answers.get(2).put("reason", "未消毒");
        answers.get(2).put("responsibleName", null);
        post(Tokens.leader1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers)).statusCode(422)
                .body("errors[0].field", equalTo("answers[2].responsibleName"));

        List<Map<String, Object>> foreign = answers(COMPOUND_TEMPLATE);
        foreign.get(0).put("itemId", UUID.randomUUID().toString());
        post(Tokens.leader1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, foreign)).statusCode(422)
                .body("errors[0].field", equalTo("answers[0].itemId"));
        List<Map<String, Object>> otherVersion = answers(COMPOUND_TEMPLATE);
        otherVersion.set(0, answers(ENTERPRISE_TEMPLATE).get(0));
        post(Tokens.leader1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, otherVersion)).statusCode(422)
                .body("errors[0].field", equalTo("answers[0].itemId"));
        List<Map<String, Object>> twice = answers(COMPOUND_TEMPLATE);
        twice.set(1, twice.get(0));
        post(Tokens.leader1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, twice)).statusCode(422)
                .body("errors[0].field", equalTo("answers[1].itemId"));
        List<Map<String, Object>> missing = answers(COMPOUND_TEMPLATE);
        missing.remove(7);
        post(Tokens.leader1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, missing)).statusCode(422)
                .body("errors[0].field", equalTo("answers"));

        post(Tokens.leader1(), body(Demo.COMPOUND1, ENTERPRISE_TEMPLATE, answers(ENTERPRISE_TEMPLATE))).statusCode(422)
                .body("errors[0].field", equalTo("templateId"));
        Map<String, Object> unsigned = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        unsigned.put("signOff", null);
        post(Tokens.leader1(), unsigned).statusCode(422).body("errors[0].field", equalTo("signOff"));
        Map<String, Object> text = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        text.put("signOff", signOff("not an image at all".getBytes()));
        post(Tokens.leader1(), text).statusCode(422).body("errors[0].field", equalTo("signOff.signaturePng"))
                .body("detail", containsString("PNG"));
        Map<String, Object> notBase64 = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        notBase64.put("signOff", Map.of("name", "王经理", "phone", "13812345678", "signaturePng", "%%%"));
        post(Tokens.leader1(), notBase64).statusCode(422).body("errors[0].field", equalTo("signOff.signaturePng"));
        byte[] big = new byte[InspectionRules.MAX_SIGNATURE + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Map<String, Object> tooBig = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        tooBig.put("signOff", signOff(big));
        post(Tokens.leader1(), tooBig).statusCode(413).body("detail", containsString("signature"));
        Map<String, Object> phone = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        phone.put("signOff", Map.of("name", "王经理", "phone", "12345", "signaturePng", Base64.getEncoder().encodeToString(PNG)));
        post(Tokens.leader1(), phone).statusCode(400).body("errors[0].field", equalTo("signOff.phone"));
        Map<String, Object> future = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        future.put("inspectedAt", "3035-01-01T00:00:00Z");
        post(Tokens.leader1(), future).statusCode(400).body("errors[0].field", equalTo("inspectedAt"));

        post(Tokens.leader2(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE))).statusCode(404)
                .body("detail", equalTo("Place not found"));
        post(Tokens.leader1(), body(Demo.COMPOUND1, UUID.randomUUID().toString(), answers(COMPOUND_TEMPLATE))).statusCode(404);
        post(Tokens.worker1(), body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE))).statusCode(403);
        Map<String, Object> nul = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE));
        nul.put("note", "a\u0000b");
        post(Tokens.leader1(), nul).statusCode(400);
        assertThat(count("select count(*) from inspection")).isEqualTo(before);
    }

    @Test
    void aRetriedInspectionWithTheSameKeyIsRecordedOnce() throws Exception {
        Map<String, Object> b = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE, 4));
        String key = "insp-" + UUID.randomUUID();
        String id = Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(b).post("/api/v1/inspections").then()
                .statusCode(201).extract().path("id");
        Api.as(Tokens.leader1()).header("Idempotency-Key", key).body(b).post("/api/v1/inspections").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(count("select count(*) from inspection_task where opened_by = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void theNamedResponsibleUserConfirmsFromTheirOwnLoginOnceAndSeesTheirTasks() {
        Map<String, Object> b = body(Demo.COMPOUND1, COMPOUND_TEMPLATE, answers(COMPOUND_TEMPLATE, 5));
        b.put("signOff", null);
        b.put("responsibleUser", "worker1");
        String id = post(inspector(), b).statusCode(201).body("signedBy", nullValue()).body("signature", equalTo(false))
                .body("responsibleUser", equalTo("worker1")).extract().path("id");
        Api.as(Tokens.leader1()).get("/api/v1/inspections/" + id + "/signature").then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/inspections/" + id).then().statusCode(200);
        Api.as(Tokens.leader1()).post("/api/v1/inspections/" + id + "/confirm").then().statusCode(403)
                .contentType(containsString("problem+json"));
        Api.as(Tokens.worker2()).post("/api/v1/inspections/" + id + "/confirm").then().statusCode(404);
        Api.as(Tokens.worker1()).post("/api/v1/inspections/" + id + "/confirm").then().statusCode(200)
                .body("confirmedBy", equalTo("worker1")).body("version", equalTo(1));
        Api.as(Tokens.worker1()).post("/api/v1/inspections/" + id + "/confirm").then().statusCode(409);
        List<Map<String, Object>> mine = Api.as(Tokens.worker1()).get("/api/v1/inspection-tasks?limit=500").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(mine).isNotEmpty().allSatisfy(t -> assertThat(t.get("openedBy")).isNotNull());
        assertThat(mine).extracting(t -> t.get("openedBy")).contains(id);
        Api.as(Tokens.worker2()).get("/api/v1/inspection-tasks?limit=500").then().statusCode(200)
                .body("items.findAll { it.openedBy == '" + id + "' }", hasSize(0));
        Api.as(Tokens.worker1()).get("/api/v1/inspections").then().statusCode(403);
    }

    @Test
    void theDemoCommunityHasPastInspectionsWithAnOpenFinding() {
        Api.as(inspector()).get("/api/v1/inspections/" + Demo.id("INSPECTION-2")).then().statusCode(200)
                .body("result", equalTo("FAILED")).body("signature", equalTo(true))
                .body("signedBy.phoneMasked", equalTo("139****9001")).body("tasksOpened", hasSize(1))
                .body("answers.findAll { it.result == 'FAIL' }", hasSize(1));
        Api.as(inspector()).get("/api/v1/inspection-places/ENTERPRISE/" + Api.as(inspector()).get("/api/v1/inspections/"
                + Demo.id("INSPECTION-3")).then().statusCode(200).body("placeName", equalTo("燕泉科技园")).extract().path("placeId"))
                .then().statusCode(200).body("inspections.id", org.hamcrest.Matchers.hasItem(Demo.id("INSPECTION-3").toString()));
    }

    @Test
    void placesInReachIncludeCheckpointsAndIsolationSites() {
        List<Map<String, Object>> mine = Api.as(Tokens.leader1()).get("/api/v1/inspection-places?placeType=COMPOUND").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(mine).extracting(p -> p.get("placeId")).contains(Demo.COMPOUND1.toString())
                .doesNotContain(Demo.COMPOUND5.toString());
        List<Map<String, Object>> sites = Api.as(Tokens.supervisor()).get("/api/v1/inspection-places?placeType=ISOLATION_SITE")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(sites).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get("placeKind")).isEqualTo("CHECKPOINT");
            assertThat(p.get("placeType")).isEqualTo("ISOLATION_SITE");
        });
        String site = (String) sites.get(0).get("placeId");
        String checkpointTemplate = "19000000-0000-4000-8000-002000000000";
        Map<String, Object> b = body(Demo.COMPOUND1, checkpointTemplate, answers(checkpointTemplate));
        b.put("placeKind", "CHECKPOINT");
        b.put("placeId", site);
        post(Tokens.supervisor(), b).statusCode(201).body("placeType", equalTo("ISOLATION_SITE")).body("result", equalTo("PASSED"));
        Api.as(Tokens.supervisor()).get("/api/v1/inspection-places?q=" + "x".repeat(101)).then().statusCode(400);
    }
}
