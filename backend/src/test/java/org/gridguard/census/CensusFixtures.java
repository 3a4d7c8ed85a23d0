package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.gridguard.security.pii.IdentityRules;

/** Valid fake identities, census files and helpers shared by the census tests. */
final class CensusFixtures {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private CensusFixtures() {
    }

    /** A valid mainland ID, unique within the test run (region 510104, which the demo does not use; births spread over 1950–1999). */
    static String validId() {
        long n = SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 18_000);
        String first17 = "510104" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", (n / 18_000) % 1000);
        return first17 + IdentityRules.checkCharacter(first17);
    }

    static String validMobile() {
        return "139" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000);
    }

    static String name(String code) {
        return Api.as(Tokens.admin()).get("/api/v1/areas/" + Demo.id(code)).then().statusCode(200).extract()
                .path("name");
    }

    /** A household of worker1's cell (G01), in its first building. */
    static String newHousehold(String token, String buildingCode) {
        return Api.as(token).body(Map.of("areaId", Demo.id(buildingCode), "doorNumber", "T-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    static String newResident(String token, String householdId, String idNumber, String phone) {
        return Api.as(token).body(Map.of("householdId", householdId, "name", "测试" + (SEQ.get() % 100),
                "idNumber", idNumber, "phone", phone)).post("/api/v1/residents").then().statusCode(201).extract()
                .path("id");
    }

    static byte[] csv(Charset cs, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            sb.append(String.join(",", r)).append("\r\n");
        }
        return sb.toString().getBytes(cs);
    }

    static List<String> header() {
        return List.of("小区", "楼栋", "门牌号", "姓名", "身份证号", "联系电话", "人员类别");
    }

    static Response upload(String token, byte[] content, String filename, UUID areaId, boolean dryRun) {
        var spec = RestAssured.given().auth().oauth2(token).multiPart("file", filename, content)
                .multiPart("dryRun", Boolean.toString(dryRun));
        if (areaId != null) {
            spec = spec.multiPart("areaId", areaId.toString());
        }
        return spec.post("/api/v1/imports");
    }

    /** Polls the job until it ends; returns its final JSON and the distinct progress values seen. */
    static Map<String, Object> await(String token, String jobId, List<Integer> progressSeen) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> job = Api.as(token).get("/api/v1/jobs/" + jobId).then().statusCode(200).extract()
                    .jsonPath().getMap("");
            int p = ((Number) job.get("progress")).intValue();
            if (progressSeen != null && (progressSeen.isEmpty() || progressSeen.get(progressSeen.size() - 1) != p)) {
                progressSeen.add(p);
            }
            String status = (String) job.get("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    static Map<String, Object> importOk(String token, byte[] content, String filename, UUID areaId, boolean dryRun)
            throws InterruptedException {
        Response r = upload(token, content, filename, areaId, dryRun);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        Map<String, Object> job = await(token, r.path("jobId"), null);
        assertThat(job.get("status")).as(String.valueOf(job)).isEqualTo("SUCCEEDED");
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) job.get("report");
        return report;
    }

    static List<List<String>> rows(String compound, String building, int n, String prefix) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header());
        for (int i = 0; i < n; i++) {
            rows.add(List.of(compound, building, prefix + "-" + i, "导入" + i, validId(), validMobile(), i % 5 == 0 ? "租户" : ""));
        }
        return rows;
    }
}
