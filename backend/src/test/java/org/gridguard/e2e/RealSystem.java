package org.gridguard.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The system started by `GG_MODE=test bin/gridguard up --detach`: real PostgreSQL, real Keycloak with the
 * gridguard realm, the packaged API. Its coordinates come from the env file the script writes.
 */
final class RealSystem {

    private RealSystem() {
    }

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the e2e tier through bin/test");
        }
        return v;
    }

    static String api() {
        return env("GG_API_URL");
    }

    static String password(String username) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "gridguard-cli").formParam("username", username)
                .formParam("password", "gridguard").post(env("GG_KC_TOKEN_URL")).then().statusCode(200).extract()
                .path("access_token");
    }

    static String client(String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post(env("GG_KC_TOKEN_URL"))
                .then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification as(String token) {
        return given().baseUri(api()).auth().oauth2(token).accept(ContentType.JSON).contentType(ContentType.JSON);
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(env("GG_JDBC_URL"), env("GG_DB_USER"), env("GG_DB_PASSWORD"));
    }

    static long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(Path.of(env("GG_PIDS"), service + ".pid")).trim());
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("command failed: " + String.join(" ", cmd));
        }
    }

    /**
     * Starts one more packaged API instance on {@code port} against this system's database and Keycloak, with the
     * main instance's personal-data keys and {@code settings} (environment variables) on top; output goes to {@code log}.
     */
    static Process startInstance(String name, int port, java.io.File log, java.util.Map<String, String> settings)
            throws IOException {
        String jar = Path.of(System.getProperty("gridguard.repo.root", ".."), "backend/target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath().normalize().toString();
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-jar", jar);
        var env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(port + 1000));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort(port)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", env("GG_JDBC_URL"));
        env.put("QUARKUS_DATASOURCE_USERNAME", env("GG_DB_USER"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", env("GG_DB_PASSWORD"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", env("GG_KC_REALM_URL"));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", env("GG_KC_ISSUER"));
        env.put("GRIDGUARD_INSTANCE_ID", name);
        for (String line : Files.readAllLines(Path.of(env("GG_STATE"), "pii-keys.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        env.putAll(settings);
        pb.redirectErrorStream(true).redirectOutput(log);
        return pb.start();
    }

    /** The management port (/q/metrics) of an instance started by {@link #startInstance} on {@code port}. */
    static int managementPort(int port) {
        return port + 1020;
    }

    /** The main instance's Prometheus metrics, served on its management port only. */
    static String metricsUrl() {
        return env("GG_API_METRICS_URL");
    }

    /** Waits until the instance on {@code port} answers ready, at most {@code seconds}. */
    static void awaitReady(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                if (given().baseUri("http://localhost:" + port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("instance on " + port + " not ready");
    }
}
