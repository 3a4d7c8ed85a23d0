package org.gridguard.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Browser security headers and caching (issue 26 point 3, ADR 0027): a strict CSP, no framing, nosniff and
 * no referrer on every answer of the web app and the API; index.html revalidated on every load; no API answer
 * (personal data) stored by a browser or a proxy. HSTS goes on HTTPS answers only: checked here on plain HTTP
 * (absent) and in the e2e tier over HTTPS (present).
 */
@QuarkusTest
class SecurityHeadersTest {

    /** gridguard.web.oidc-authority's origin: the only other origin the web app talks to. */
    static final String KEYCLOAK = "https://localhost:8543";

    static ValidatableResponse browserSafe(ValidatableResponse r) {
        return r.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", nullValue());
    }

    static Map<String, String> directives(String policy) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String d : policy.split(";")) {
            String t = d.trim();
            if (!t.isEmpty()) {
                int sp = t.indexOf(' ');
                out.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1).trim());
            }
        }
        return out;
    }

    static void assertWebPolicy(String policy) {
        Map<String, String> d = directives(policy);
        assertThat(d).containsEntry("default-src", "'self'")
                .containsEntry("script-src", "'self'")
                .containsEntry("style-src", "'self' 'unsafe-inline'")
                .containsEntry("connect-src", "'self' " + KEYCLOAK)
                .containsEntry("img-src", "'self' data: blob:")
                .containsEntry("worker-src", "'self'")
                .containsEntry("frame-src", "'none'")
                .containsEntry("frame-ancestors", "'none'")
                .containsEntry("object-src", "'none'")
                .containsEntry("base-uri", "'self'")
                .containsEntry("form-action", "'self'");
        assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("*");
    }

    static void assertApiPolicy(String policy) {
        assertThat(directives(policy)).containsEntry("default-src", "'none'").containsEntry("frame-ancestors", "'none'");
    }

    @Test
    void theAppShellIsRevalidatedOnEveryLoad_underAStrictPolicy() {
        for (String path : List.of("/", "/index.html", "/grid-cells/deep/link")) {
            String csp = browserSafe(given().accept("text/html").get(path).then().statusCode(200)
                    .body(containsString("id=\"root\""))
                    .header("Cache-Control", "no-cache"))
                    .extract().header("Content-Security-Policy");
            assertWebPolicy(csp);
        }
    }

    @Test
    void hashedAssetsKeepTheirLongCaching_andAreNotSniffed() {
        browserSafe(given().get("/assets/index-T3st0001.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", containsString("max-age")));
    }

    @Test
    void theLoginSettingsAndHealthCarryTheHeadersToo() {
        assertWebPolicy(browserSafe(given().get("/config.json").then().statusCode(200)).extract().header("Content-Security-Policy"));
        browserSafe(given().get("/q/health/live").then().statusCode(200));
    }

    @Test
    void personalDataIsNeverStored_residentsHouseholdsUnmaskAndExports() {
        String residents = browserSafe(Api.as(Tokens.leader1()).get("/api/v1/residents?limit=1").then().statusCode(200)
                .header("Cache-Control", "no-store"))
                .extract().header("Content-Security-Policy");
        assertApiPolicy(residents);
        String rid = Api.as(Tokens.leader1()).get("/api/v1/residents?limit=1").then().extract().path("items[0].id");
        browserSafe(Api.as(Tokens.leader1()).get("/api/v1/residents/" + rid).then().statusCode(200).header("Cache-Control", "no-store"));
        browserSafe(Api.as(Tokens.leader1()).body(Map.of("fields", List.of("PHONE"), "reason", "电话随访"))
                .post("/api/v1/residents/" + rid + "/unmask").then().statusCode(200).header("Cache-Control", "no-store"));
        browserSafe(Api.as(Tokens.leader1()).get("/api/v1/households?limit=1").then().statusCode(200).header("Cache-Control", "no-store"));
        browserSafe(Api.as(Tokens.supervisor()).accept("text/csv").body("{}").post("/api/v1/exports/residents").then()
                .statusCode(200).contentType(containsString("text/csv")).header("Cache-Control", "no-store"));
        browserSafe(Api.as(Tokens.supervisor()).accept("text/csv").body("{}").post("/api/v1/exports/households").then()
                .statusCode(200).contentType(containsString("text/csv")).header("Cache-Control", "no-store"));
    }

    @Test
    void problemAnswersCarryTheHeadersToo() {
        browserSafe(Api.anonymous().get("/api/v1/residents").then().statusCode(401).header("Cache-Control", "no-store"));
        browserSafe(Api.as(Tokens.worker1()).get("/api/v1/no-such-thing").then().statusCode(404).header("Cache-Control", "no-store"));
        assertThat(Api.as(Tokens.worker1()).get("/api/v1/me").then().statusCode(200).header("Cache-Control", equalTo("no-store"))
                .extract().header("Content-Security-Policy")).contains("default-src 'none'");
    }
}
