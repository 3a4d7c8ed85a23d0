package org.gridguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Issue 20's journey against the real system (Keycloak tokens, the packaged API): leader1 submits zone 1's daily
 * report (a retried submission is the same version), a reading after it changes the live figures and not the submitted
 * ones, the supervisor sees it among the community's children (zone 2 still missing), submits the community's with
 * the submitted figures summed, and downloads it as PDF and XLSX.
 */
class DailyReportJourneyTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void leader1SubmitsTheZoneTheSupervisorRollsItUpAndDownloadsIt() throws Exception {
        String leader = RealSystem.password("leader1");
        String supervisor = RealSystem.password("supervisor");
        UUID zone = QuarantineJourneyTest.nodeId("BH-C001-Z1");
        UUID community = QuarantineJourneyTest.nodeId("BH-C001");

        JsonPath live = RealSystem.as(leader).get("/api/v1/daily-reports?areaId=" + zone + "&date=" + TODAY).then()
                .statusCode(200).extract().jsonPath();
        assertThat(live.getString("source")).isEqualTo("LIVE");
        assertThat(live.getList("sections.key")).contains("census", "checkpoints", "testing", "duty");
        int before = RealSystem.as(leader).get("/api/v1/daily-reports/submissions?areaId=" + zone + "&date=" + TODAY).then()
                .statusCode(200).extract().jsonPath().getList("items").size();

        // leader1 submits the zone's report; the phone's retry with the same key is the same version
        Map<String, Object> body = new HashMap<>(Map.of("areaId", zone.toString(), "date", TODAY.toString(),
                "highlights", "一区今日入户核查完成", "problems", "3户电话未接通", "requests", "请协调物资车辆"));
        if (before > 0) {
            body.put("reason", "重跑端到端测试");
        }
        String key = "report-" + UUID.randomUUID();
        JsonPath zoneReport = RealSystem.as(leader).header("Idempotency-Key", key).body(body)
                .post("/api/v1/daily-reports/submissions").then().statusCode(201).extract().jsonPath();
        assertThat(zoneReport.getString("source")).isEqualTo("SUBMITTED");
        assertThat(zoneReport.getInt("version")).isEqualTo(before + 1);
        RealSystem.as(leader).header("Idempotency-Key", key).body(body).post("/api/v1/daily-reports/submissions").then()
                .body("version", equalTo(before + 1));

        // a reading after the submission changes the live figures, not the submitted ones
        String worker = RealSystem.password("worker1");
        String resident = RealSystem.as(worker).get("/api/v1/residents?status=LIVING&limit=1").then().statusCode(200)
                .extract().path("items[0].id");
        RealSystem.as(worker).body(FrozenDatabaseTest.reading(resident)).post("/api/v1/temperature-checks").then().statusCode(201);
        String checks = "checkpoints.temperatureChecks";
        BigDecimal submitted = figures(zoneReport).get(checks);
        String zoneSubmission = zoneReport.getString("submission.id");
        assertThat(figures(RealSystem.as(leader).get("/api/v1/daily-reports?areaId=" + zone + "&date=" + TODAY).then()
                .statusCode(200).extract().jsonPath()).get(checks)).isGreaterThan(submitted);
        assertThat(figures(RealSystem.as(leader).get("/api/v1/daily-reports/submissions/" + zoneSubmission).then()
                .statusCode(200).extract().jsonPath()).get(checks)).isEqualByComparingTo(submitted);

        // the supervisor sees zone 1 submitted (late or not, by the clock of the run) among the community's children
        JsonPath communityLive = RealSystem.as(supervisor).get("/api/v1/daily-reports?areaId=" + community + "&date=" + TODAY)
                .then().statusCode(200).extract().jsonPath();
        assertThat(communityLive.getBoolean("submittable")).isTrue();
        assertThat(communityLive.getString("children.find { it.areaId == '" + zone + "' }.status")).isIn("SUBMITTED", "LATE");

        // the community's submission sums its children's submitted figures
        Map<String, Object> communityBody = new HashMap<>(Map.of("areaId", community.toString(), "date", TODAY.toString(),
                "highlights", "社区日报"));
        int communityBefore = RealSystem.as(supervisor).get("/api/v1/daily-reports/submissions?areaId=" + community + "&date="
                + TODAY).then().statusCode(200).extract().jsonPath().getList("items").size();
        if (communityBefore > 0) {
            communityBody.put("reason", "重跑端到端测试");
        }
        JsonPath frozen = RealSystem.as(supervisor).header("Idempotency-Key", "report-" + UUID.randomUUID()).body(communityBody)
                .post("/api/v1/daily-reports/submissions").then().statusCode(201).extract().jsonPath();
        Map<String, BigDecimal> sum = new HashMap<>();
        for (Map<String, Object> child : frozen.<Map<String, Object>>getList("children")) {
            if ("MISSING".equals(child.get("status"))) {
                continue;
            }
            String sub = RealSystem.as(supervisor).get("/api/v1/daily-reports/submissions?areaId=" + child.get("areaId")
                    + "&date=" + TODAY).then().statusCode(200).extract().jsonPath().getString("items[0].id");
            JsonPath c = RealSystem.as(supervisor).get("/api/v1/daily-reports/submissions/" + sub).then().statusCode(200)
                    .extract().jsonPath();
            figures(c).forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
        }
        assertThat(frozen.getList("children.status")).contains("MISSING"); // zone 2's leader has not submitted
        Map<String, BigDecimal> communityFigures = figures(frozen);
        assertThat(communityFigures).isNotEmpty();
        sum.forEach((k, v) -> assertThat(communityFigures.get(k)).as(k).isEqualByComparingTo(v));

        // downloads for superiors who file paper
        String id = frozen.getString("submission.id");
        byte[] pdf = RealSystem.as(supervisor).get("/api/v1/daily-reports/submissions/" + id + "?format=pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        byte[] xlsx = RealSystem.as(supervisor).get("/api/v1/daily-reports/submissions/" + id + "?format=xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isPositive();
        }
    }

    /** The COUNT and LEVEL figures of a report by key (ratios are recomputed, not summed). */
    static Map<String, BigDecimal> figures(JsonPath report) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Map<String, Object> s : report.<Map<String, Object>>getList("sections")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> figs = (List<Map<String, Object>>) s.get("figures");
            for (Map<String, Object> f : figs) {
                if (!"RATIO".equals(f.get("kind")) && f.get("value") != null) {
                    out.put((String) f.get("key"), new BigDecimal(f.get("value").toString()));
                }
            }
        }
        return out;
    }
}
