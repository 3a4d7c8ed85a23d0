package org.gridguard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void healthReportsTheOidcProviderWithoutDependingOnIt() {
        RestAssured.get("/q/health").then().statusCode(200).body("checks.name", hasItem("oidc-provider"));
    }

    /** The management interface: its own port, in tests a free one (quarkus.management.test-port=0). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void prometheusMetricsOnlyOnTheManagementPort() {
        RestAssured.given().baseUri(URI.create(management.toString()).resolve("/q/metrics").toString()).get()
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        // not on the app port, which the internet reaches
        RestAssured.get("/q/metrics").then().statusCode(404);
        assertThat(URI.create(management.toString()).getPort()).isNotEqualTo(RestAssured.port);
    }

    @Test
    void healthAndOpenApiStayOnTheAppPort() {
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/openapi").then().statusCode(200);
    }

    @Test
    void swaggerUiIsOffOutsideDev() {
        RestAssured.get("/q/swagger-ui").then().statusCode(404);
    }
}
