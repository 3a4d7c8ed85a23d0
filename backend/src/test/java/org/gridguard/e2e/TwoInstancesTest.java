package org.gridguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * Once-only scheduling across processes: two more packaged API instances on the same database run the
 * overdue sweep every 2 s. Every window is claimed by exactly one instance, both instances try, and an
 * overdue alert gets exactly one "overdue" event. Likewise the duty-gap sweep: one claim per minute, one
 * DUTY_GAP alert for an unstaffed post.
 */
class TwoInstancesTest {

    Process start(String name, int port, File log) throws Exception {
        String jar = Path.of(System.getProperty("gridguard.repo.root", ".."), "backend/target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath().normalize().toString();
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-jar", jar);
        var env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(port + 1000));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", RealSystem.env("GG_JDBC_URL"));
        env.put("QUARKUS_DATASOURCE_USERNAME", RealSystem.env("GG_DB_USER"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", RealSystem.env("GG_DB_PASSWORD"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", RealSystem.env("GG_KC_REALM_URL"));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", RealSystem.env("GG_KC_ISSUER"));
        env.put("GRIDGUARD_ALERTS_SWEEP_EVERY", "2s");
        env.put("GRIDGUARD_DUTY_GAP_EVERY", "2s");
        env.put("GRIDGUARD_INSTANCE_ID", name);
        env.put("GRIDGUARD_DEMO_LOAD", "true");
        // the same personal-data keys as the main instance
        for (String line : java.nio.file.Files.readAllLines(Path.of(RealSystem.env("GG_STATE"), "pii-keys.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        pb.redirectErrorStream(true).redirectOutput(log);
        return pb.start();
    }

    void awaitReady(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (RestAssured.given().baseUri("http://localhost:" + port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("instance on " + port + " not ready");
    }

    @Test
    void overdueSweepRunsOncePerWindowAcrossTwoInstances() throws Exception {
        UUID alert = UUID.randomUUID();
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("""
                        insert into alert (id, kind, state, subject_type, subject_label, area_id, community_id, raised_at, due_at)
                        select ?, 'MISSING_REPORT', 'OPEN', 'RESIDENT', 'e2e', id, community_id, now() - interval '3 hours',
                               now() - interval '1 hour' from area_node where code = 'BH-C001-G01'""")) {
            ps.setObject(1, alert);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        // an unstaffed post: a shift that started 20 minutes ago with nobody checked in
        UUID shift = UUID.randomUUID();
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("""
                        insert into duty_shift (id, community_id, checkpoint_id, business_date, kind, starts_at, ends_at, people_needed)
                        select ?, community_id, id, current_date, 'CUSTOM', now() - interval '20 minutes',
                               now() + interval '100 minutes', 1 from checkpoint where code = 'BH-C001-KK4'""")) {
            ps.setObject(1, shift);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Instant from = Instant.now();
        File dir = new File("target");
        Process a = start("e2e-a", 18091, new File(dir, "instance-a.log"));
        Process b = start("e2e-b", 18092, new File(dir, "instance-b.log"));
        try {
            awaitReady(18091);
            awaitReady(18092);
            Thread.sleep(12_000);
            // the gap sweep (first run 20 s after start, then every 2 s here) claims one-minute windows:
            // wait until both instances have tried a few times and the unstaffed shift has its alert
            for (int i = 0; i < 120 && (gapAlerts(shift) == 0 || attempts(18091, "duty-gaps") < 3
                    || attempts(18092, "duty-gaps") < 3); i++) {
                Thread.sleep(1_000);
            }
            List<String> claimants = new ArrayList<>();
            try (Connection c = RealSystem.db();
                    PreparedStatement ps = c.prepareStatement("""
                            select window_start, count(*), min(instance_id) from scheduled_claim
                            where job = 'alert-overdue-sweep' and window_start >= ? group by window_start""")) {
                ps.setObject(1, java.sql.Timestamp.from(from));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertThat(rs.getInt(2)).as("claims of one window").isEqualTo(1);
                        claimants.add(rs.getString(3));
                    }
                }
                assertThat(claimants.size()).as("windows swept in 12 s").isGreaterThanOrEqualTo(3);
                try (PreparedStatement ev = c.prepareStatement(
                        "select count(*) from alert_event where alert_id = ? and note = 'overdue'")) {
                    ev.setObject(1, alert);
                    try (ResultSet rs = ev.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("overdue events of the alert").isEqualTo(1);
                    }
                }
            }
            double skipped = skipped(18091, "alert-overdue-sweep") + skipped(18092, "alert-overdue-sweep");
            assertThat(skipped).as("the instance that lost a window skipped it").isGreaterThan(0);
            // the duty-gap sweep: one claim per minute across the instances, one DUTY_GAP alert for the post
            assertThat(skipped(18091, "duty-gaps") + skipped(18092, "duty-gaps")).as("duty-gap windows skipped")
                    .isGreaterThan(0);
            assertThat(gapAlerts(shift)).as("gap alerts for the unstaffed shift").isEqualTo(1);
        } finally {
            a.destroy();
            b.destroy();
            a.waitFor(30, TimeUnit.SECONDS);
            b.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int gapAlerts(UUID shift) throws java.sql.SQLException {
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("select count(*) from alert where kind = 'DUTY_GAP' and subject_id = ?")) {
            ps.setObject(1, shift);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static double attempts(int port, String job) {
        return count(port, job, "ran") + count(port, job, "skipped");
    }

    static double skipped(int port, String job) {
        return count(port, job, "skipped");
    }

    static double count(int port, String job, String result) {
        String metrics = RestAssured.given().baseUri("http://localhost:" + port).get("/q/metrics").asString();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("gridguard_schedule_runs_total") && line.contains("job=\"" + job + "\"")
                    && line.contains("result=\"" + result + "\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
