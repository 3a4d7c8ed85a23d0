package org.gridguard.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The register through the API: create once, reach, the credit-code rule, duplicates, changes with the version seen. */
@QuarkusTest
class EnterpriseTest {

    static final Random RND = new Random();

    @Inject
    DataSource ds;
    @Inject
    Clock clock;

    static String inspector() {
        return Tokens.user("inspector1", "inspector");
    }

    /** A fresh valid credit code. */
    static String code() {
        StringBuilder b = new StringBuilder("91");
        for (int i = 0; i < 15; i++) {
            b.append(EnterpriseRules.ALPHABET.charAt(RND.nextInt(31)));
        }
        return b.toString() + EnterpriseRules.checkCharacter(b.toString());
    }

    static Map<String, Object> body(String code, UUID area) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "测试商贸" + code.substring(12));
        m.put("creditCode", code);
        m.put("kind", "SHOP");
        m.put("areaId", area.toString());
        m.put("address", "燕泉路1号");
        m.put("contactName", "王经理");
        m.put("contactPhone", "13912345678");
        m.put("employees", 9);
        return m;
    }

    static String create(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
    }

    @Test
    void aSupervisorRegistersAnEnterpriseOnceAndOnlyItsAreasPeopleSeeIt() throws Exception {
        String code = code();
        String key = "ent-" + UUID.randomUUID();
        Response first = Api.as(Tokens.supervisor()).header("Idempotency-Key", key).body(body(code, Demo.COMPOUND1))
                .post("/api/v1/enterprises");
        first.then().statusCode(201).header("Location", containsString("/api/v1/enterprises/"))
                .body("creditCode", equalTo(code)).body("status", equalTo("PENDING")).body("kind", equalTo("SHOP"))
                .body("contactPhoneMasked", equalTo("139****5678")).body("resumingToday", equalTo(false))
                .body("areaId", equalTo(Demo.COMPOUND1.toString())).body("employees", equalTo(9));
        assertThat(first.asString()).doesNotContain("13912345678");
        String id = first.path("id");
        Api.as(Tokens.supervisor()).header("Idempotency-Key", key).body(body(code, Demo.COMPOUND1))
                .post("/api/v1/enterprises").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select phone_cipher, phone_mask from enterprise where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("v1:").doesNotContain("13912345678");
            }
        }

        Api.as(Tokens.leader1()).get("/api/v1/enterprises/" + id).then().statusCode(200).header("ETag", containsString("0"));
        Api.as(inspector()).get("/api/v1/enterprises/" + id).then().statusCode(200);
        String missing = Api.as(Tokens.leader1()).get("/api/v1/enterprises/" + UUID.randomUUID()).then().statusCode(404)
                .extract().path("detail");
        Api.as(Tokens.leader2()).get("/api/v1/enterprises/" + id).then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", equalTo(missing));
        assertThat(ids(Tokens.leader2(), "q=" + code)).isEmpty();
        assertThat(ids(Tokens.leader1(), "q=" + code.substring(5, 14).toLowerCase())).containsExactly(id);
        assertThat(ids(Tokens.leader1(), "status=PENDING&areaId=" + Demo.COMPOUND1 + "&limit=500")).contains(id);
        assertThat(ids(Tokens.leader1(), "status=RESUMED&limit=500")).doesNotContain(id);
        Api.as(Tokens.leader2()).get("/api/v1/enterprises?areaId=" + Demo.COMPOUND1).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/enterprises/" + id).then().statusCode(403);
        Api.as(Tokens.lab()).get("/api/v1/enterprises").then().statusCode(403);
        Api.as(Tokens.leader1()).body(body(code(), Demo.COMPOUND1)).post("/api/v1/enterprises").then().statusCode(403);
    }

    @Test
    void todaysResumingEnterprisesAreMarkedAndFoundByTheirDay() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> b = body(code(), Demo.COMPOUND5);
        b.put("status", "RESUMED");
        b.put("resumedOn", today.toString());
        String id = create(inspector(), b);
        Api.as(Tokens.leader2()).get("/api/v1/enterprises/" + id).then().statusCode(200)
                .body("resumingToday", equalTo(true)).body("status", equalTo("RESUMED"));
        assertThat(ids(inspector(), "resumedOn=" + today + "&limit=500")).contains(id);
        assertThat(ids(inspector(), "resumedOn=" + today.minusDays(1) + "&limit=500")).doesNotContain(id);
    }

    @Test
    void aWrongCheckCharacterIsA422NamingCreditCodeAndADuplicateA409() {
        String code = code();
        char wrong = EnterpriseRules.ALPHABET.charAt((EnterpriseRules.ALPHABET.indexOf(code.charAt(17)) + 1) % 31);
        Api.as(Tokens.supervisor()).body(body(code.substring(0, 17) + wrong, Demo.COMPOUND1)).post("/api/v1/enterprises")
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("creditCode")).body("detail", containsString("check character"));
        Api.as(Tokens.supervisor()).body(body("91440300708461", Demo.COMPOUND1)).post("/api/v1/enterprises").then()
                .statusCode(422).body("errors[0].field", equalTo("creditCode"));

        // typed with full-width characters and spaces: cleaned, then the same code again is a duplicate
        String fullWidth = EnterpriseRules.halfWidth(code).chars()
                .mapToObj(ch -> String.valueOf((char) (ch + 0xFEE0))).reduce("", String::concat);
        create(Tokens.supervisor(), body(fullWidth.substring(0, 9) + " " + fullWidth.substring(9), Demo.COMPOUND1));
        Api.as(inspector()).body(body(code, Demo.COMPOUND5)).post("/api/v1/enterprises").then().statusCode(409)
                .body("errors[0].field", equalTo("creditCode"));
    }

    @Test
    void badInputIsAClearProblemNamingTheField() {
        Map<String, Object> b = body(code(), Demo.COMPOUND1);
        b.put("contactPhone", "12345");
        Api.as(Tokens.supervisor()).body(b).post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].field", equalTo("contactPhone"));
        b = body(code(), Demo.COMPOUND1);
        b.put("status", "RESUMED");
        Api.as(Tokens.supervisor()).body(b).post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].field", equalTo("resumedOn"));
        b = body(code(), Demo.COMPOUND1);
        b.put("employees", -1);
        Api.as(Tokens.supervisor()).body(b).post("/api/v1/enterprises").then().statusCode(400);
        b = body(code(), Demo.COMPOUND1);
        b.put("kind", "CASINO");
        Api.as(Tokens.supervisor()).body(b).post("/api/v1/enterprises").then().statusCode(400);
        b = body(code(), Demo.COMPOUND1);
        b.put("name", "bad\u0000name");
        assertThat(Api.as(Tokens.supervisor()).body(b).post("/api/v1/enterprises").statusCode()).isEqualTo(400);
        Api.as(Tokens.supervisor()).body(body(code(), UUID.randomUUID())).post("/api/v1/enterprises").then().statusCode(404);
        String street = Api.as(inspector()).get("/api/v1/me").then().statusCode(200).extract()
                .path("jurisdiction[0].nodeId");
        Api.as(inspector()).body(body(code(), UUID.fromString(street))).post("/api/v1/enterprises").then()
                .statusCode(400).body("errors[0].field", equalTo("areaId"));
    }

    @Test
    void aChangeNeedsTheVersionSeenAndAnUnchangedOneKeepsIt() {
        String id = create(Tokens.supervisor(), body(code(), Demo.COMPOUND1));
        Map<String, Object> patch = Map.of("status", "RESUMED", "resumedOn", "2022-04-20", "employees", 12);
        Api.as(Tokens.supervisor()).body(patch).patch("/api/v1/enterprises/" + id).then().statusCode(428);
        Api.as(Tokens.supervisor()).header("If-Match", "\"7\"").body(patch).patch("/api/v1/enterprises/" + id).then()
                .statusCode(412);
        Api.as(inspector()).header("If-Match", "\"0\"").body(patch).patch("/api/v1/enterprises/" + id).then()
                .statusCode(200).body("status", equalTo("RESUMED")).body("employees", equalTo(12))
                .body("version", equalTo(1)).body("updatedBy", equalTo("inspector1"))
                .body("contactPhoneMasked", equalTo("139****5678"));
        Api.as(inspector()).header("If-Match", "\"1\"").body(patch).patch("/api/v1/enterprises/" + id).then()
                .statusCode(200).body("version", equalTo(1));
        Api.as(Tokens.supervisor()).body(Map.of("contactPhone", "", "version", 1)).patch("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("contactPhoneMasked", nullValue()).body("version", equalTo(2));
        Api.as(Tokens.supervisor()).body(Map.of("status", "PENDING", "resumedOn", "x", "version", 2))
                .patch("/api/v1/enterprises/" + id).then().statusCode(400);
        Api.as(Tokens.leader1()).body(Map.of("employees", 1, "version", 2)).patch("/api/v1/enterprises/" + id).then()
                .statusCode(403);
        String other = create(inspector(), body(code(), Demo.COMPOUND5));
        String taken = Api.as(inspector()).get("/api/v1/enterprises/" + other).path("creditCode");
        Api.as(Tokens.supervisor()).body(Map.of("creditCode", taken, "version", 2)).patch("/api/v1/enterprises/" + id).then().statusCode(409);
    }

    static List<String> ids(String token, String query) {
        return Api.as(token).get("/api/v1/enterprises?" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }
}
