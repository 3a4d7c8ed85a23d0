package org.gridguard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

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

    @Test
    void prometheusMetrics() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void swaggerUiIsOffOutsideDev() {
        RestAssured.get("/q/swagger-ui").then().statusCode(404);
    }
}
