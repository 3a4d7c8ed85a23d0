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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * Once-only scheduling across processes: two more packaged API instances on the same database run the
 * overdue sweep every 2 s. Every window is claimed by exactly one instance, both instances try, and an
 * overdue alert gets exactly one "overdue" event. Likewise the duty-gap sweep: one claim per minute, one
 * DUTY_GAP alert for an unstaffed post; and the missing-report sweep: the two instances get a morning report
 * window that closes while they run, claim it once, and raise one MISSING_REPORT alert per person under watch; and the
 * missed-visit sweep of quarantine orders (issue 17): the same closing instant ends their morning visit window, which
 * is claimed once, with one VISIT_MISSED alert for an order made through the API and never visited.
 * Their ports default to 18091/18092 (GG_E2E_PORT_A / GG_E2E_PORT_B override them).
 */
class TwoInstancesTest {

    static final int PORT_A = port("GG_E2E_PORT_A", 18091);
    static final int PORT_B = port("GG_E2E_PORT_B", 18092);
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
    /** The report window the two instances see closing: from midnight to two minutes from now (local, to the minute). */
    static final java.time.ZonedDateTime CLOSE = java.time.ZonedDateTime.now(ZONE).plusMinutes(2).withSecond(0).withNano(0);

    /** The visit windows of the two instances: the morning one closes at {@link #CLOSE}. */
    static final String VISIT_WINDOWS = "00:00-" + hhmm(CLOSE) + "," + hhmm(CLOSE) + "-23:59";

    static int port(String env, int fallback) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    Process start(String name, int port, File log) throws Exception {
        return RealSystem.startInstance(name, port, log, Map.ofEntries(
                Map.entry("GRIDGUARD_ALERTS_SWEEP_EVERY", "2s"),
                Map.entry("GRIDGUARD_DUTY_GAP_EVERY", "2s"),
                Map.entry("GRIDGUARD_TEMPERATURE_MISSING_EVERY", "2s"),
                Map.entry("GRIDGUARD_TEMPERATURE_MORNING", "00:00-" + hhmm(CLOSE)),
                Map.entry("GRIDGUARD_TEMPERATURE_AFTERNOON", hhmm(CLOSE) + "-23:59"),
                Map.entry("GRIDGUARD_QUARANTINE_VISIT_SWEEP_EVERY", "2s"),
                Map.entry("GRIDGUARD_QUARANTINE_WINDOWS_HOME_ISOLATION", VISIT_WINDOWS),
                Map.entry("GRIDGUARD_QUARANTINE_WINDOWS_HOME_MONITORING", VISIT_WINDOWS),
                Map.entry("GRIDGUARD_QUARANTINE_WINDOWS_CENTRAL_ISOLATION", VISIT_WINDOWS),
                Map.entry("GRIDGUARD_DEMO_LOAD", "true")));
    }

    static String hhmm(java.time.ZonedDateTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    void awaitReady(int port) throws InterruptedException {
        RealSystem.awaitReady(port, 240);
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
        // a resident under watch today with no report: missing when the instances' morning window closes
        java.time.LocalDate today = CLOSE.toLocalDate();
        UUID watched;
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("""
                        insert into watch (id, community_id, resident_id, grid_cell_id, area_id, reason, starts_on, ends_on,
                                           created_by, updated_by)
                        select ?, r.community_id, r.id, r.grid_cell_id, r.area_id, 'RETURNEE', ?, ?, 'e2e', 'e2e'
                        from resident r join area_node g on g.id = r.grid_cell_id
                        where g.code = 'BH-C001-G02' and r.status = 'LIVING'
                          and not exists (select 1 from temperature_check t where t.resident_id = r.id and t.business_date = ?)
                        order by r.id offset ? limit 1 returning resident_id""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, today);
            ps.setObject(3, today);
            ps.setObject(4, today);
            ps.setInt(5, (int) (System.currentTimeMillis() / 1000 % 200));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a resident to watch").isTrue();
                watched = rs.getObject(1, UUID.class);
            }
        }
        UUID order = unvisitedOrder(today);
        Instant from = Instant.now();
        File dir = new File("target");
        Process a = start("e2e-a", PORT_A, new File(dir, "instance-a.log"));
        Process b = start("e2e-b", PORT_B, new File(dir, "instance-b.log"));
        try {
            awaitReady(PORT_A);
            awaitReady(PORT_B);
            sameBatchToBothInstances();
            Thread.sleep(12_000);
            // the gap sweep (first run 20 s after start, then every 2 s here) claims one-minute windows:
            // wait until both instances have tried a few times and the unstaffed shift has its alert
            for (int i = 0; i < 120 && (gapAlerts(shift) == 0 || attempts(PORT_A, "duty-gaps") < 3
                    || attempts(PORT_B, "duty-gaps") < 3); i++) {
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
            double skipped = skipped(PORT_A, "alert-overdue-sweep") + skipped(PORT_B, "alert-overdue-sweep");
            assertThat(skipped).as("the instance that lost a window skipped it").isGreaterThan(0);
            // the duty-gap sweep: one claim per minute across the instances, one DUTY_GAP alert for the post
            assertThat(skipped(PORT_A, "duty-gaps") + skipped(PORT_B, "duty-gaps")).as("duty-gap windows skipped")
                    .isGreaterThan(0);
            assertThat(gapAlerts(shift)).as("gap alerts for the unstaffed shift").isEqualTo(1);
            // the missing-report sweep: wait for the window to close and both instances to try it a few times
            while (Instant.now().isBefore(CLOSE.toInstant().plusSeconds(2))) {
                Thread.sleep(1_000);
            }
            double before = attempts(PORT_A, "missing-reports") + attempts(PORT_B, "missing-reports");
            for (int i = 0; i < 60 && (missingClaims() == 0 || attempts(PORT_A, "missing-reports")
                    + attempts(PORT_B, "missing-reports") < before + 6); i++) {
                Thread.sleep(1_000);
            }
            assertThat(missingClaims()).as("claims of the closed report window").isEqualTo(1);
            assertThat(missingAlerts(watched, today)).as("missing-report alerts of the person under watch").isEqualTo(1);
            assertThat(skipped(PORT_A, "missing-reports") + skipped(PORT_B, "missing-reports"))
                    .as("missing-report windows skipped").isGreaterThan(0);
            // the missed-visit sweep: both instances try the closed morning window a few times, one claims it
            String visits = "quarantine-visit-missed";
            double tried = attempts(PORT_A, visits) + attempts(PORT_B, visits);
            for (int i = 0; i < 60 && (claims(visits) == 0 || attempts(PORT_A, visits) + attempts(PORT_B, visits) < tried + 6); i++) {
                Thread.sleep(1_000);
            }
            assertThat(claims(visits)).as("claims of the closed visit window").isEqualTo(1);
            assertThat(rows("select count(*) from alert where kind = 'VISIT_MISSED' and subject_id = ?", order))
                    .as("VISIT_MISSED alerts of the order").isEqualTo(1);
            assertThat(rows("select count(*) from alert where kind = 'VISIT_MISSED' and dedupe_key = ?",
                    "visit-missed:" + order + ":" + today + ":MORNING")).as("the morning window's alert").isEqualTo(1);
            assertThat(skipped(PORT_A, visits) + skipped(PORT_B, visits)).as("visit windows skipped").isGreaterThan(0);
        } finally {
            a.destroy();
            b.destroy();
            a.waitFor(30, TimeUnit.SECONDS);
            b.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Idempotency across instances: the same offline queue sent to both at once is written once. */
    void sameBatchToBothInstances() throws Exception {
        String token = RealSystem.password("worker1");
        java.util.List<String> residents = RestAssured.given().baseUri("http://localhost:" + PORT_A).auth().oauth2(token)
                .get("/api/v1/residents?status=LIVING&limit=10").then().statusCode(200).extract().jsonPath().getList("items.id");
        UUID kk4;
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("select id from checkpoint where code = 'BH-C001-KK4'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            kk4 = rs.getObject(1, UUID.class);
        }
        List<java.util.Map<String, Object>> items = new ArrayList<>();
        String at = java.time.OffsetDateTime.now(ZONE).minusMinutes(1).withNano(0).toString();
        for (int i = 0; i < residents.size(); i++) {
            items.add(java.util.Map.of("id", UUID.randomUUID().toString(), "checkpointId", kk4.toString(), "source", "GATE",
                    "direction", "IN", "measuredAt", at, "temperature", i == 0 ? 38.1 : 36.5, "residentId", residents.get(i)));
        }
        var body = java.util.Map.of("items", items);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
        for (int port : new int[] { PORT_A, PORT_B }) {
            sent.add(pool.submit(() -> {
                go.await();
                return RestAssured.given().baseUri("http://localhost:" + port).auth().oauth2(token)
                        .contentType("application/json").body(body).post("/api/v1/temperature-checks/batch").then()
                        .statusCode(200).extract().<Integer>path("summary.created");
            }));
        }
        go.countDown();
        int created = sent.get(0).get() + sent.get(1).get();
        pool.shutdown();
        assertThat(created).as("created across the two instances").isEqualTo(items.size());
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement("select count(*) from temperature_check where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", items.stream().map(m -> UUID.fromString((String) m.get("id"))).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("rows of the batch").isEqualTo(items.size());
            }
        }
    }

    static int missingClaims() throws java.sql.SQLException {
        return claims("missing-reports");
    }

    /** The claims of a once-only job for the window closing at {@link #CLOSE}. */
    static int claims(String job) throws java.sql.SQLException {
        return (int) rows("select count(*) from scheduled_claim where job = ? and window_start = ?", job,
                CLOSE.toOffsetDateTime());
    }

    static long rows(String sql, Object... args) throws java.sql.SQLException {
        try (Connection c = RealSystem.db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A home isolation order made by leader1 through the API today for a resident of G01 with no order. */
    static UUID unvisitedOrder(java.time.LocalDate today) throws java.sql.SQLException {
        UUID resident;
        try (Connection c = RealSystem.db(); PreparedStatement ps = c.prepareStatement("""
                select r.id from resident r join area_node g on g.id = r.grid_cell_id
                where g.code = 'BH-C001-G01' and r.status = 'LIVING'
                  and not exists (select 1 from quarantine_order o where o.resident_id = r.id)
                order by r.id offset ? limit 1""")) {
            ps.setInt(1, (int) (System.currentTimeMillis() / 1000 % 100));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a resident to put under an order").isTrue();
                resident = rs.getObject(1, UUID.class);
            }
        }
        String id = RealSystem.as(RealSystem.password("leader1")).body(Map.of("residentId", resident.toString(), "kind",
                "HOME_ISOLATION", "reason", "CLOSE_CONTACT", "startsOn", today.toString())).post("/api/v1/quarantines").then()
                .statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static int missingAlerts(UUID resident, java.time.LocalDate day) throws java.sql.SQLException {
        try (Connection c = RealSystem.db();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*) from alert where kind = 'MISSING_REPORT' and subject_id = ? and dedupe_key = ?")) {
            ps.setObject(1, resident);
            ps.setString(2, "missing:" + resident + ":" + day + ":MORNING");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
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
        String metrics = RestAssured.given().baseUri("http://localhost:" + RealSystem.managementPort(port))
                .get("/q/metrics").asString();
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
