package org.gridguard.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.response.Response;

/** Keycloak and PostgreSQL outages: no 500, no hang; service comes back when they do. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageTest {

    /** No hang: a request that does not answer within 30 s fails the test with a timeout. */
    static final io.restassured.config.RestAssuredConfig BOUNDED = io.restassured.RestAssured.config()
            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));

    @Test
    @Order(1)
    void keycloakDownIssuedTokensKeepWorking() throws Exception {
        String token = RealSystem.password("worker1");
        RealSystem.as(token).get("/api/v1/me").then().statusCode(200); // keys now cached
        long kc = RealSystem.pid("keycloak");
        RealSystem.run("kill", "-STOP", Long.toString(kc));
        try {
            RealSystem.as(token).get("/api/v1/grid-cells").then().statusCode(200);
            // a client that gives up after 30 s turns a hang into a failure
            Response forged = RealSystem.as(token.substring(0, token.lastIndexOf('.')) + ".c2lnbmF0dXJl")
                    .config(BOUNDED).get("/api/v1/me");
            assertThat(forged.statusCode()).isEqualTo(401);
            given().baseUri(RealSystem.api()).get("/q/health/ready").then().statusCode(200);
        } finally {
            RealSystem.run("kill", "-CONT", Long.toString(kc));
        }
    }

    @Test
    @Order(2)
    void databaseDownMeans503AndNotReady() throws Exception {
        String token = RealSystem.password("worker1");
        String pgctl = "/usr/lib/postgresql/15/bin/pg_ctl";
        String data = RealSystem.env("GG_PGDATA");
        RealSystem.run("runuser", "-u", "postgres", "--", pgctl, "-D", data, "-w", "-m", "fast", "stop");
        try {
            Response r = RealSystem.as(token).config(BOUNDED).get("/api/v1/grid-cells");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isNotNull();
            given().baseUri(RealSystem.api()).get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            RealSystem.run("runuser", "-u", "postgres", "--", pgctl, "-D", data, "-w", "-o",
                    "-c listen_addresses=127.0.0.1 -c port=" + RealSystem.env("GG_PG_PORT")
                            + " -c unix_socket_directories=/var/run/postgresql",
                    "start");
        }
        for (int i = 0; i < 120 && given().baseUri(RealSystem.api()).get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(500);
        }
        RealSystem.as(token).get("/api/v1/grid-cells").then().statusCode(200);
    }
}
