package org.gridguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every JAX-RS endpoint: without a token (401 unless deliberately public), with forged tokens (401),
 * and with each role against the role × endpoint matrix in role-matrix.txt (403 where denied). A new
 * endpoint without a row in the matrix fails the build.
 */
@QuarkusTest
class EndpointSecurityTest {

    /** Deliberately public endpoints. */
    static final Set<String> PUBLIC = Set.of("GET /config.json", "GET /api/v1/quarantine-notices/verify");

    static final List<String> ROLES = List.of("admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency",
            "site-staff", "inspector");

    static Map<String, Map<String, Boolean>> matrix() throws IOException {
        Map<String, Map<String, Boolean>> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(EndpointSecurityTest.class.getResourceAsStream("/role-matrix.txt")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                if (f.length != 2 + ROLES.size()) {
                    throw new IllegalStateException("bad matrix row: " + line);
                }
                Map<String, Boolean> row = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    row.put(ROLES.get(i), f[2 + i].equals("Y"));
                }
                m.put(f[0] + " " + f[1], row);
            }
        }
        return m;
    }

    static String tokenFor(String role) {
        // principals without any assignment: the role check must not depend on jurisdiction
        return switch (role) {
            case "lab" -> Tokens.client("matrix-lab", "lab");
            case "agency" -> Tokens.client("matrix-agency", "agency");
            default -> Tokens.user("matrix-" + role, role);
        };
    }

    /** The first bytes of a PNG: enough for a route that takes an image (a prescription photo). */
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

    static Response call(RequestSpecification spec, EndpointInventory.Endpoint e) {
        if (e.consumes() != null && e.consumes().contains("json")) {
            spec = spec.body("{}");
        } else if (e.consumes() != null && e.consumes().startsWith("image/")) {
            spec = spec.contentType(e.consumes()).body(PNG);
        }
        return spec.request(e.method(), e.concretePath());
    }

    @Test
    void inventoryAndMatrixAgree() throws IOException {
        Set<String> endpoints = new TreeSet<>();
        EndpointInventory.all().forEach(e -> endpoints.add(e.key()));
        assertThat(endpoints).as("the inventory finds the endpoints").contains("GET /api/v1/grid-cells", "GET /api/v1/me");
        Set<String> rows = matrix().keySet();
        assertThat(new TreeSet<>(rows)).as("every endpoint needs a row in role-matrix.txt, and every row an endpoint")
                .containsExactlyElementsOf(endpoints);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointNeedsAToken() {
        return EndpointInventory.all().stream().filter(e -> !PUBLIC.contains(e.key()))
                .map(e -> DynamicTest.dynamicTest(e.key(), () -> {
                    call(Api.anonymous(), e).then().statusCode(401)
                            .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
                    call(Api.as(Tokens.forged("admin", "admin")), e).then().statusCode(401);
                    call(Api.as(Tokens.wrongIssuer("admin", "admin")), e).then().statusCode(401);
                    call(Api.as(Tokens.otherAudience("admin", "admin")), e).then().statusCode(401);
                }));
    }

    @TestFactory
    Stream<DynamicTest> roleMatrix() throws IOException {
        Map<String, Map<String, Boolean>> m = matrix();
        List<DynamicTest> tests = new ArrayList<>();
        for (EndpointInventory.Endpoint e : EndpointInventory.all()) {
            Map<String, Boolean> row = m.get(e.key());
            if (row == null) {
                continue; // reported by inventoryAndMatrixAgree
            }
            for (String role : ROLES) {
                boolean allowed = row.get(role);
                tests.add(DynamicTest.dynamicTest(e.key() + " as " + role + (allowed ? " allowed" : " denied"), () -> {
                    int status = call(Api.as(tokenFor(role)), e).statusCode();
                    if (allowed) {
                        assertThat(status).as(e.key() + " as " + role).isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(status).as(e.key() + " as " + role).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void publicEndpointsAnswerWithoutToken() {
        Api.anonymous().get("/config.json").then().statusCode(200).body("oidcClientId", equalTo("gridguard-web"));
        Api.anonymous().queryParam("number", "Q1").queryParam("code", "X").get("/api/v1/quarantine-notices/verify").then()
                .statusCode(200).body("genuine", equalTo(false));
    }
}
