package org.gridguard.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.config.SSLConfig;

/** Done-when of the foundation, against the real system: Keycloak tokens, jurisdiction, the served app. */
class SystemJourneyTest {

    @Test
    void worker1SeesOnlyTheirCell_worker2OnlyTheirs() {
        String w1 = RealSystem.password("worker1");
        String w2 = RealSystem.password("worker2");
        RealSystem.as(w1).get("/api/v1/me").then().statusCode(200).body("username", equalTo("worker1"))
                .body("roles", hasItem("grid-worker")).body("jurisdiction.code", contains("BH-C001-G01"));
        RealSystem.as(w1).get("/api/v1/grid-cells").then().statusCode(200).body("items.code", contains("BH-C001-G01"));
        RealSystem.as(w2).get("/api/v1/grid-cells").then().statusCode(200).body("items.code", contains("BH-C001-G05"));
        String cell5 = RealSystem.as(w2).get("/api/v1/grid-cells").then().extract().path("items[0].id");
        RealSystem.as(w1).get("/api/v1/grid-cells/" + cell5).then().statusCode(404);
    }

    @Test
    void tokensCarryTheFixedIssuerAndRealmRoles() throws Exception {
        String t = RealSystem.password("leader1");
        Map<?, ?> claims = new ObjectMapper().readValue(
                new String(Base64.getUrlDecoder().decode(t.split("\\.")[1]), StandardCharsets.UTF_8), Map.class);
        assertThat(claims.get("iss")).isEqualTo(RealSystem.env("GG_KC_ISSUER"));
        assertThat(claims.get("preferred_username")).isEqualTo("leader1");
        assertThat(((Map<?, ?>) claims.get("realm_access")).get("roles").toString()).contains("grid-leader");
    }

    @Test
    void partnerClientsUseClientCredentials() {
        String lab = RealSystem.client("lab-demo", "lab-demo-secret");
        RealSystem.as(lab).get("/api/v1/me").then().statusCode(200).body("username", equalTo("lab-demo"))
                .body("principalType", equalTo("CLIENT")).body("roles", hasItem("lab"));
        RealSystem.as(lab).get("/api/v1/grid-cells").then().statusCode(403);
        String agency = RealSystem.client("agency-demo", "agency-demo-secret");
        RealSystem.as(agency).get("/api/v1/grid-cells?limit=100").then().statusCode(200)
                .body("items.code", hasItem("BH-C001-G16"));
        RealSystem.as(agency).get("/api/v1/changes?limit=5").then().statusCode(200);
    }

    @Test
    void badTokensAre401() {
        String t = RealSystem.password("admin");
        String tampered = t.substring(0, t.length() - 4) + (t.endsWith("AAAA") ? "BBBB" : "AAAA");
        RealSystem.as(tampered).get("/api/v1/me").then().statusCode(401);
        RealSystem.as("not.a.jwt").get("/api/v1/me").then().statusCode(401);
        given().baseUri(RealSystem.api()).get("/api/v1/grid-cells").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void theWebAppAndItsLoginConfigAreServedOverHttps() {
        String web = RealSystem.env("GG_WEB_URL");
        given().config(io.restassured.RestAssured.config().sslConfig(SSLConfig.sslConfig().relaxedHTTPSValidation()))
                .baseUri(web).accept("text/html").get("/").then().statusCode(200).body(containsString("id=\"root\""));
        given().config(io.restassured.RestAssured.config().sslConfig(SSLConfig.sslConfig().relaxedHTTPSValidation()))
                .baseUri(web).accept("text/html").get("/grid-cells/deep/link").then().statusCode(200)
                .body(containsString("id=\"root\""));
        given().baseUri(RealSystem.api()).get("/config.json").then().statusCode(200)
                .body("oidcAuthority", equalTo(RealSystem.env("GG_KC_ISSUER"))).body("oidcClientId", equalTo("gridguard-web"));
    }

    @Test
    void operations() {
        given().baseUri(RealSystem.api()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(RealSystem.api()).get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'oidc-provider' }.data.provider", equalTo("UP"));
        // metrics on the management port only (ADR 0030)
        given().config(io.restassured.RestAssured.config().sslConfig(SSLConfig.sslConfig().relaxedHTTPSValidation()))
                .get(RealSystem.metricsUrl()).then().statusCode(200).body(containsString("jvm_"));
        given().baseUri(RealSystem.api()).get("/q/metrics").then().statusCode(404);
        given().baseUri(RealSystem.api()).get("/q/swagger-ui").then().statusCode(404);
    }
}
