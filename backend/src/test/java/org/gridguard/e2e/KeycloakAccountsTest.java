package org.gridguard.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 26 point 7, against the real Keycloak of the test stack: the realm locks an account for a while after repeated
 * wrong passwords (brute-force detection, never permanent), and what someone typed as a username (here a phone number)
 * never reaches Keycloak's log. The lockout test uses a throwaway user, so the demo users of the other tests are never
 * locked. See ADR 0026.
 */
class KeycloakAccountsTest {

    static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void wrongPasswordsLockTheAccountForAWhile() {
        String username = "e2e-lockout-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Right-" + UUID.randomUUID();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", "E2e", "lastName",
                "Lockout", "email", username + "@example.org", "emailVerified", true, "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String id = KeycloakAdmin.createdId(KeycloakAdmin.api().body(user).post(KeycloakAdmin.REALM + "/users"));
        try {
            assertThat(grant(username, password).statusCode()).as("the right password works at first").isEqualTo(200);
            for (int i = 0; i < 12; i++) {
                assertThat(grant(username, "wrong-" + i).statusCode()).isNotEqualTo(200);
            }
            Response locked = grant(username, password);
            assertThat(locked.statusCode()).as("the right password is refused while the account is locked").isNotEqualTo(200);
            assertThat(locked.<String>path("error")).isEqualTo("invalid_grant");
            Map<String, Object> status = KeycloakAdmin.api()
                    .get(KeycloakAdmin.REALM + "/attack-detection/brute-force/users/" + id).then().statusCode(200)
                    .extract().path("");
            assertThat(status).containsEntry("disabled", true);
            Map<String, Object> realm = KeycloakAdmin.api().get(KeycloakAdmin.REALM).then().statusCode(200).extract().path("");
            assertThat(realm).as("a temporary lockout, never a permanent one").containsEntry("bruteForceProtected", true)
                    .containsEntry("permanentLockout", false);
        } finally {
            KeycloakAdmin.api().delete(KeycloakAdmin.REALM + "/users/" + id).then().statusCode(204);
        }
    }

    @Test
    void aPhoneTypedAsUsernameNeverReachesKeycloaksLog() throws Exception {
        Path log = Path.of(RealSystem.env("GG_LOGS"), "keycloak.log");
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("the log this test scans is Keycloak's")
                .contains("Keycloak");
        String phone = "139" + String.format("%08d", RANDOM.nextInt(100_000_000));

        assertThat(grant(phone, "wrong-password").statusCode()).isEqualTo(401); // the token endpoint
        loginForm(phone, "wrong-password"); // the login page people type into

        // Keycloak writes its event lines as the request ends: give a late write a moment before looking.
        Thread.sleep(1000);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("Keycloak's log (%s) holds no typed username", log).doesNotContain(phone);
    }

    /**
     * Issue 17: the realm's site-staff role and its demo user site1, against real Keycloak: the token carries the role,
     * /me shows the central isolation site site1 is assigned to, and site1 reads that site and nothing of the grid.
     */
    @Test
    void siteStaffSignInWithTheirRoleAndSeeTheirSite() throws Exception {
        String token = RealSystem.password("site1");
        java.util.Map<?, ?> claims = new com.fasterxml.jackson.databind.ObjectMapper().readValue(new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8), java.util.Map.class);
        assertThat(((java.util.Map<?, ?>) claims.get("realm_access")).get("roles").toString()).contains("site-staff");
        String site;
        try (java.sql.Connection c = RealSystem.db();
                java.sql.ResultSet rs = c.createStatement().executeQuery(
                        "select id from checkpoint where code = 'BH-C001-GL1' and kind = 'QUARANTINE_SITE'")) {
            assertThat(rs.next()).as("the demo's isolation site").isTrue();
            site = rs.getString(1);
        }
        Response me = RealSystem.as(token).get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.jsonPath().getString("username")).isEqualTo("site1");
        assertThat(me.jsonPath().getList("roles")).contains("site-staff");
        assertThat(me.jsonPath().getList("siteIds")).containsExactly(site);
        Response sites = RealSystem.as(token).get("/api/v1/quarantine-sites");
        assertThat(sites.statusCode()).isEqualTo(200);
        assertThat(sites.jsonPath().getList("items.id")).containsExactly(site);
        assertThat(RealSystem.as(token).get("/api/v1/residents").statusCode()).isEqualTo(403);
    }

    static Response grant(String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "gridguard-cli").formParam("username", username).formParam("password", password)
                .post(RealSystem.env("GG_KC_TOKEN_URL"));
    }

    /** Opens the web app's login page (code flow with PKCE) and submits the form, as a browser would. */
    static void loginForm(String username, String password) {
        Response page = given().baseUri(RealSystem.env("GG_KC_URL")).redirects().follow(false)
                .queryParam("client_id", "gridguard-web").queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("redirect_uri", "http://localhost:8080/")
                .queryParam("state", UUID.randomUUID().toString()).queryParam("code_challenge_method", "S256")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .get("/realms/gridguard/protocol/openid-connect/auth");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.asString());
        assertThat(action.find()).as("the login page has a form").isTrue();
        String url = action.group(1).replace("&amp;", "&");
        Response submitted = given().relaxedHTTPSValidation().redirects().follow(false).urlEncodingEnabled(false)
                .cookies(page.getCookies()).contentType(ContentType.URLENC)
                .body("username=" + username + "&password=" + password + "&credentialId=").post(url);
        assertThat(submitted.statusCode()).as("the wrong password shows the login page again").isEqualTo(200);
        assertThat(submitted.asString()).contains("kc-form-login");
    }
}
