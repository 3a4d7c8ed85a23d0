package org.gridguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridguard.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;

/**
 * A webhook delivery pending when the API dies is made after a real restart. The stack's own API is paused
 * (SIGSTOP) so that only the instances of this test deliver; instance A records a failed first attempt
 * (the receiver answers 500) and is killed with SIGKILL; instance B, a new process on the same database,
 * makes the retry. The receiver checks the signature of both attempts.
 */
class WebhookRestartTest {

    record Received(String signature, String eventId, String attempt, String body) {
    }

    Process start(String name, int port, File log) throws Exception {
        return RealSystem.startInstance(name, port, log, java.util.Map.of("GRIDGUARD_WEBHOOKS_ALLOW_HTTP", "true",
                "GRIDGUARD_WEBHOOKS_ALLOWED_PRIVATE", "127.0.0.2", "GRIDGUARD_WEBHOOKS_POLL_EVERY", "1s",
                "GRIDGUARD_WEBHOOKS_BACKOFF_BASE", "PT6S"));
    }

    static void awaitReady(int port) throws InterruptedException {
        RealSystem.awaitReady(port, 120);
    }

    static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(300);
        }
    }

    @Test
    void aDeliveryPendingWhenTheApiDiesIsMadeAfterTheRestart() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        receiver.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = ex.getRequestHeaders();
            received.add(new Received(h.getFirst("GridGuard-Signature"), h.getFirst("GridGuard-Event-Id"),
                    h.getFirst("GridGuard-Attempt"), body));
            ex.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 204, -1);
            ex.close();
        });
        receiver.start();
        int base = Integer.parseInt(RealSystem.env("GG_API_PORT")) + 15;
        File dir = Path.of(RealSystem.env("GG_LOGS")).toFile();
        long stackApi = RealSystem.pid("api");
        String agency = RealSystem.client("agency-demo", "agency-demo-secret");
        List<Process> started = new ArrayList<>();
        RealSystem.run("kill", "-STOP", Long.toString(stackApi));
        try {
            Process a = start("webhook-restart-a", base, new File(dir, "webhook-restart-a.log"));
            started.add(a);
            awaitReady(base);
            String api = "http://localhost:" + base;
            var created = RestAssured.given().baseUri(api).auth().oauth2(agency).contentType("application/json")
                    .body(Map.of("url", "http://127.0.0.2:" + receiver.getAddress().getPort() + "/restart", "events",
                            List.of("pool.positive")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
            String id = created.getString("id");
            String secret = created.getString("secret");
            String event = RestAssured.given().baseUri(api).auth().oauth2(agency).post("/api/v1/webhooks/" + id + "/ping")
                    .then().statusCode(202).extract().path("eventId");

            await("the first attempt, recorded", () -> attempts(UUID.fromString(event)).size() == 1);
            a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(received).hasSize(1);
            assertThat(attempts(UUID.fromString(event))).containsExactly("1 500 webhook-restart-a");

            Process b = start("webhook-restart-b", base + 1, new File(dir, "webhook-restart-b.log"));
            started.add(b);
            awaitReady(base + 1);
            await("the retry after the restart", () -> received.size() >= 2);
            await("the retry, recorded", () -> attempts(UUID.fromString(event)).size() == 2);
            assertThat(attempts(UUID.fromString(event))).containsExactly("1 500 webhook-restart-a", "2 204 webhook-restart-b");
            for (Received r : received) {
                assertThat(r.eventId()).isEqualTo(event);
                long t = Long.parseLong(r.signature().substring(2, r.signature().indexOf(',')));
                assertThat(WebhookSignature.verify(secret, r.signature(), r.body(), t, 0)).isTrue();
            }
            assertThat(received.get(1).attempt()).isEqualTo("2");
            assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
            RestAssured.given().baseUri("http://localhost:" + (base + 1)).auth().oauth2(agency)
                    .delete("/api/v1/webhooks/" + id).then().statusCode(204);
        } finally {
            for (Process p : started) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            RealSystem.run("kill", "-CONT", Long.toString(stackApi));
            receiver.stop(0);
        }
    }

    static List<String> attempts(UUID eventId) {
        try (Connection c = RealSystem.db(); PreparedStatement ps = c.prepareStatement("""
                select a.attempt, coalesce(a.status_code::text, a.error), a.instance_id
                from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                where d.event_id = ? order by a.attempt""")) {
            ps.setObject(1, eventId);
            ResultSet rs = ps.executeQuery();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
