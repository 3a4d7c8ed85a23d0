package org.gridguard.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * A frozen PostgreSQL (every process of the cluster stopped with SIGSTOP: connections stay open, nothing answers),
 * the case a stopped server does not cover (OutageTest): every path answers 503 with Retry-After, and readiness DOWN,
 * within a bounded time instead of waiting on the database; after the thaw everything works and nothing acknowledged
 * is lost (ADR 0030).
 */
class FrozenDatabaseTest {

    /** A request that has not answered within 12 s fails the test: a timeout, not a measured speed. */
    static final RestAssuredConfig BOUNDED = io.restassured.RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 12_000).setParam("http.connection.timeout", 5_000));

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aFrozenDatabaseAnswers503OnEveryPathAndLosesNothing() throws Exception {
        String token = RealSystem.password("worker1");
        String resident = RealSystem.as(token).get("/api/v1/residents?status=LIVING&limit=1").then().statusCode(200)
                .extract().path("items[0].id");
        UUID building;
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("select id from area_node where code = 'BH-C001-XQ01-B01'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            building = rs.getObject(1, UUID.class);
        }
        // acknowledged before the freeze
        Map<String, Object> before = reading(resident);
        RealSystem.as(token).body(before).post("/api/v1/temperature-checks").then().statusCode(201);
        String household = RealSystem.as(token).body(household(building)).post("/api/v1/households").then()
                .statusCode(201).extract().path("id");

        Map<String, Object> during = reading(resident);
        Map<String, Object> duringHousehold = household(building);
        List<Long> postgres = postgresProcesses();
        freeze(postgres);
        try {
            // twice: the first time pooled connections go stale, the second time new ones cannot log in
            for (int round = 0; round < 2; round++) {
                unavailable(RealSystem.as(token).config(BOUNDED).body(during).post("/api/v1/temperature-checks"));
                unavailable(RealSystem.as(token).config(BOUNDED).body(duringHousehold).post("/api/v1/households"));
                unavailable(RealSystem.as(token).config(BOUNDED).get("/api/v1/households?limit=5"));
                Response ready = given().config(BOUNDED).baseUri(RealSystem.api()).get("/q/health/ready");
                System.out.printf("FROZEN-DB readiness answered %d in %d ms%n", ready.statusCode(), ready.getTime());
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.jsonPath().getString("status")).isEqualTo("DOWN");
            }
        } finally {
            thaw(postgres);
        }
        for (int i = 0; i < 120 && given().baseUri(RealSystem.api()).get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(500);
        }
        // after the thaw: the refused requests, sent again, succeed (once: the ids make them safe to retry) ...
        assertThat(RealSystem.as(token).body(during).post("/api/v1/temperature-checks").statusCode()).isIn(200, 201);
        assertThat(RealSystem.as(token).body(duringHousehold).post("/api/v1/households").statusCode()).isIn(200, 201);
        RealSystem.as(token).get("/api/v1/households?limit=5").then().statusCode(200);
        // ... and what was acknowledged before is there
        RealSystem.as(token).get("/api/v1/temperature-checks/" + before.get("id")).then().statusCode(200);
        RealSystem.as(token).get("/api/v1/households/" + household).then().statusCode(200);
        RealSystem.as(token).get("/api/v1/temperature-checks/" + during.get("id")).then().statusCode(200);
        RealSystem.as(token).get("/api/v1/households/" + duringHousehold.get("id")).then().statusCode(200);
    }

    static void unavailable(Response r) {
        // a figure for the report (docs/adr/0030), never asserted
        System.out.printf("FROZEN-DB request answered %d in %d ms%n", r.statusCode(), r.getTime());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNotNull();
    }

    static Map<String, Object> reading(String resident) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID().toString());
        m.put("source", "PHONE");
        m.put("measuredAt", OffsetDateTime.now(ZONE).minusMinutes(1).withNano(0).toString());
        m.put("temperature", new java.math.BigDecimal("36.5"));
        m.put("residentId", resident);
        return m;
    }

    static Map<String, Object> household(UUID building) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID().toString());
        m.put("areaId", building.toString());
        m.put("doorNumber", "F-" + UUID.randomUUID().toString().substring(0, 8));
        return m;
    }

    /** The cluster's postmaster (from its pid file) and every process it started. */
    static List<Long> postgresProcesses() throws Exception {
        long postmaster = Long.parseLong(
                Files.readAllLines(Path.of(RealSystem.env("GG_PGDATA"), "postmaster.pid")).get(0).trim());
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** The postmaster first, so that it starts nothing new, then its children. */
    static void freeze(List<Long> pids) throws Exception {
        for (long pid : pids) {
            signal("-STOP", pid);
        }
    }

    /** A backend may have exited since it was listed: that one needs no signal. */
    static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
    }

    static void thaw(List<Long> pids) throws Exception {
        for (int i = pids.size() - 1; i >= 0; i--) {
            signal("-CONT", pids.get(i));
        }
    }
}
