package org.gridguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Coverage against an independent count, exemptions, the missing worklist, door-to-door, comparison, CSV, metrics. */
@QuarkusTest
class CoverageTest {

    @Inject
    DataSource ds;

    @Inject
    CoverageRollup coverage;

    void refresh() {
        for (int i = 0; i < 20; i++) {
            Map<String, Object> r = coverage.refreshNow();
            if (((Number) r.get("claimed")).intValue() == 0) {
                return;
            }
        }
    }

    long count(String sql, Object... params) throws SQLException {
        return Rounds.count(ds, sql, params);
    }

    @Test
    void aSampleTakenWhileItsPersonIsRecountedDoesNotWaitAndIsCountedAtTheNextRefresh() throws Exception {
        String round = Rounds.sampling("重算", 5, Demo.CELL1);
        refresh();
        List<Map<String, Object>> people = Rounds.residents(Tokens.worker1(), Demo.CELL1, 2);
        Object p0 = people.get(0).get("id"), p1 = people.get(1).get("id");
        String pool0 = Rounds.uniq("R");
        Rounds.sample(Tokens.worker1(), round, pool0, p0, null, 201); // person 0 queued
        String queued = "select count(*) from test_dirty_person where round_id = cast(? as uuid) and resident_id = cast(? as uuid)";
        String claimed = queued + " and claimed_at is not null";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection blocker = ds.getConnection()) {
            // hold the rollup table: the refresh claims its queue, then waits in its recount
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table test_coverage_cell in exclusive mode");
            Future<Map<String, Object>> refreshing = pool.submit(() -> coverage.refreshNow());
            for (int i = 0; i < 200 && count(claimed, round, p0) == 0; i++) {
                Thread.sleep(50);
            }
            assertThat(count(claimed, round, p0)).as("claimed and committed before recounting").isEqualTo(1);
            // person 0 sampled again (by make-up) and person 1 meanwhile: answered at once, both left queued
            Future<?> again = pool.submit(() -> Rounds.sample(Tokens.worker1(), round, Rounds.uniq("R"), p0, "MAKEUP", 201));
            Future<?> other = pool.submit(() -> Rounds.sample(Tokens.worker1(), round, pool0, p1, null, 201));
            again.get(20, TimeUnit.SECONDS);
            other.get(20, TimeUnit.SECONDS);
            assertThat(count(claimed, round, p0)).as("unclaimed by the new sample").isZero();
            assertThat(refreshing.isDone()).isFalse();
            blocker.rollback();
            refreshing.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(queued, round, p0)).as("still queued after the recount committed").isEqualTo(1);
        assertThat(count(queued, round, p1)).isEqualTo(1);
        refresh();
        assertThat(count(queued, round, p0)).isZero();
        String cellRow = "select %s from test_coverage_cell where round_id = cast(? as uuid) and grid_cell_id = ?";
        assertThat(count(cellRow.formatted("sampled"), round, Demo.CELL1)).isEqualTo(2);
        assertThat(count(cellRow.formatted("makeup"), round, Demo.CELL1)).isEqualTo(1);
    }

    JsonPath coverageOf(String round) {
        return Api.as(Tokens.supervisor()).get("/api/v1/test-rounds/" + round + "/coverage?areaId=" + Demo.CELL1).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aStalledRefresherGivesItsClaimBackAndTheAnswerSaysHowFarBehindItIs() throws Exception {
        String round = Rounds.sampling("停滞", 5, Demo.CELL1);
        refresh();
        JsonPath fresh = coverageOf(round);
        assertThat(fresh.getBoolean("stale")).as("nothing queued: the figures are as of the read").isFalse();
        assertThat(fresh.getLong("lagSeconds")).isZero();
        long sampledBefore = fresh.getLong("total.sampled");
        Object p0 = Rounds.residents(Tokens.worker1(), Demo.CELL1, 1).get(0).get("id");
        Rounds.sample(Tokens.worker1(), round, Rounds.uniq("S"), p0, null, 201);
        // the sample has waited ten minutes for a refresher that cannot count it: the rollup is held by another session
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update test_dirty_person set queued_at = now() - interval '10 minutes' where round_id = cast(? as uuid)")) {
            ps.setObject(1, round);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Duration timeout = coverage.timeout();
        try (Connection blocker = ds.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table test_coverage_cell in exclusive mode");
            coverage.timeout(Duration.ofMillis(300));
            Map<String, Object> r = coverage.refreshNow();
            assertThat(r).as("time-boxed: it gives up instead of waiting").containsEntry("overran", true);
            assertThat(coverage.share()).as("the next refreshes claim less").isLessThan(1.0);
            assertThat(count("select count(*) from test_dirty_person where round_id = cast(? as uuid) and claimed_at is null",
                    round)).as("its claim given back").isEqualTo(1);
            JsonPath behind = coverageOf(round);
            assertThat(behind.getBoolean("stale")).isTrue();
            assertThat(behind.getLong("lagSeconds")).isBetween(599L, 700L);
            assertThat(Instant.parse(behind.getString("asOf"))).as("as of the change still queued")
                    .isBefore(Instant.now().minusSeconds(590));
            assertThat(behind.getLong("total.sampled")).as("the figures themselves: not yet counted").isEqualTo(sampledBefore);
            assertThat(Api.as(Tokens.supervisor()).get("/api/v1/metrics/testing").then().statusCode(200).extract()
                    .jsonPath().getBoolean("stale")).as("the metrics of rounds in sampling say so too").isTrue();
            blocker.rollback();
        } finally {
            coverage.timeout(timeout);
        }
        String log = Files.readString(Path.of("target/quarkus-test-run.log"));
        assertThat(log).as("the overrun is logged with the statement's plan").contains("coverage refresh overran")
                .contains("The plan of the statement");
        refresh();
        JsonPath counted = coverageOf(round);
        assertThat(counted.getBoolean("stale")).isFalse();
        assertThat(counted.getLong("total.sampled")).isEqualTo(sampledBefore + 1);
    }

    @Test
    void aPlannedRoundIsCountedFromItsCreationAndShowsWhomItExpects() throws SQLException {
        String round = Rounds.planned("计划中", 10, Demo.CELL1);
        assertThat(count("select count(*) from test_dirty_cell where round_id = cast(? as uuid)", round))
                .as("its cells queued when it is created").isEqualTo(1);
        refresh();
        JsonPath planned = coverageOf(round);
        assertThat(planned.getLong("total.expected")).isEqualTo(count(
                "select count(*) from resident where grid_cell_id = ? and status = 'LIVING'", Demo.CELL1)).isPositive();
        assertThat(planned.getBoolean("stale")).isFalse();
    }

    @Test
    void aSecondRefresherSkipsItsTurnInsteadOfWaiting() throws Exception {
        try (Connection holder = ds.getConnection()) {
            holder.createStatement().execute("select pg_advisory_lock(" + CoverageRollup.LOCK + ")");
            long t0 = System.nanoTime();
            assertThat(coverage.refreshNow()).containsEntry("skipped", true);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("answered at once, not after a wait")
                    .isLessThan(Duration.ofSeconds(5));
            holder.createStatement().execute("select pg_advisory_unlock(" + CoverageRollup.LOCK + ")");
        }
        assertThat(coverage.refreshNow()).doesNotContainKey("skipped");
    }

    @Test
    void aClaimOfARefreshThatDiedIsClaimedAgain() throws Exception {
        String round = Rounds.sampling("中断", 5, Demo.CELL1);
        refresh();
        Object p0 = Rounds.residents(Tokens.worker1(), Demo.CELL1, 1).get(0).get("id");
        Rounds.sample(Tokens.worker1(), round, Rounds.uniq("R"), p0, null, 201);
        // as left by an instance that died after claiming: stamped, never deleted
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update test_dirty_person set claimed_at = now() - interval '10 minutes' where round_id = cast(? as uuid)")) {
            ps.setObject(1, round);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        refresh();
        assertThat(count("select sampled from test_coverage_cell where round_id = cast(? as uuid) and grid_cell_id = ?",
                round, Demo.CELL1)).isEqualTo(1);
        assertThat(count("select count(*) from test_dirty_person where round_id = cast(? as uuid)", round)).isZero();
    }

    List<String> rollup(String round) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select 'cell', grid_cell_id, null, null, residents, exempt, expected, sampled, makeup, pending, negative, positive
                from test_coverage_cell where round_id = cast(?1 as uuid) and residents > 0
                union all
                select 'building', grid_cell_id, compound_id, building_id, residents, exempt, expected, sampled, makeup,
                  pending, negative, positive from test_coverage_building where round_id = cast(?1 as uuid) and residents > 0
                order by 1, 2, 3, 4""".replace("?1", "?"))) {
            ps.setObject(1, round);
            ps.setObject(2, round);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= 12; i++) {
                        b.append(rs.getObject(i)).append(' ');
                    }
                    rows.add(b.toString());
                }
            }
        }
        return rows;
    }

    void exempt(String round, Object resident, String kind) {
        Api.as(Tokens.leader1()).body("{\"residentId\":\"" + resident + "\",\"kind\":\"" + kind + "\",\"reason\":\"测试\"}")
                .post("/api/v1/test-rounds/" + round + "/exemptions").then().statusCode(201);
    }

    @Test
    void theIncrementalRollupEqualsARecountFromScratch() throws SQLException {
        UUID compound = Demo.id("BH-C001-XQ03");
        UUID cell = Demo.id("BH-C001-G03");
        String round = Rounds.sampling("增量核对", 5, compound);
        refresh();
        List<String> initial = rollup(round);
        assertThat(initial).isNotEmpty();
        List<Map<String, Object>> people = Rounds.residents(Tokens.leader1(), compound, 20);
        exempt(round, people.get(0).get("id"), "AWAY");
        exempt(round, people.get(1).get("id"), "INFANT");
        String[] b = { Rounds.uniq("I"), Rounds.uniq("I"), Rounds.uniq("I"), Rounds.uniq("I") };
        for (int i = 2; i < 14; i++) {
            Rounds.sample(Tokens.leader1(), round, b[(i - 2) / 5], people.get(i).get("id"), null, 201);
        }
        Rounds.sample(Tokens.leader1(), round, b[2], people.get(0).get("id"), null, 201); // exempt, sampled anyway
        assertThat(coverage.refreshNow()).as("the first samples of people queued by them alone")
                .containsEntry("newSamples", 12).containsEntry("claimed", 14);
        refresh();
        Rounds.labPost(Tokens.lab(), round, Rounds.result(b[0], "NEGATIVE", "2022-04-05T10:00:00Z", "n") + ","
                + Rounds.result(b[1], "POSITIVE", "2022-04-05T10:00:00Z", "p"), 200);
        refresh();
        assertThat(Rounds.labPost(Tokens.lab(), round, Rounds.result(b[0], "NEGATIVE", "2022-04-05T10:30:00Z", "n-2"), 200)
                .getString("items[0].status")).isEqualTo("UPDATED");
        assertThat(count("select count(*) from test_dirty_tube where round_id = cast(? as uuid)", round))
                .as("a new tested-at and lab reference change no figure: nothing queued").isZero();
        // a re-test of a positive pool's member, its result, then the pool corrected to negative
        Rounds.sample(Tokens.leader1(), round, b[3], people.get(7).get("id"), "RETEST", 201);
        Rounds.labPost(Tokens.lab(), round, Rounds.result(b[3], "NEGATIVE", "2022-04-05T12:00:00Z", "r") + ","
                + Rounds.result(b[1], "NEGATIVE", "2022-04-05T13:00:00Z", "p2"), 200);
        Rounds.sample(Tokens.leader1(), round, Rounds.uniq("M"), people.get(14).get("id"), "MAKEUP", 201);
        refresh();
        // a new sample is taken into the stored state alone only when it is the person's latest (ADR 0019); else,
        // and for a second write before the refresh or someone not counted yet, the person is counted again whole
        Object late = people.get(15).get("id"), twice = people.get(16).get("id");
        String latest = Rounds.uniq("L"), early = Rounds.uniq("E");
        Rounds.sample(Tokens.leader1(), round, latest, late, null, 201);
        refresh();
        Rounds.sampleAt(Tokens.leader1(), round, early, late, "MAKEUP", TestClock.instantNow().minusSeconds(3600), 201);
        Rounds.sample(Tokens.leader1(), round, Rounds.uniq("T"), twice, null, 201);
        Rounds.sample(Tokens.leader1(), round, Rounds.uniq("T"), twice, "MAKEUP", 201);
        String newcomer = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into resident (id, community_id, grid_cell_id, area_id, household_id, name, id_type, categories, status,
                  version, created_by, created_at, updated_by, updated_at)
                select cast(? as uuid), community_id, grid_cell_id, area_id, household_id, '新来', id_type, '{}', 'LIVING', 0,
                  'test', now(), 'test', now() from resident where id = cast(? as uuid)""")) {
            ps.setObject(1, newcomer);
            ps.setObject(2, people.get(2).get("id"));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Rounds.sample(Tokens.leader1(), round, Rounds.uniq("N"), newcomer, null, 201);
        refresh();
        Rounds.labPost(Tokens.lab(), round, Rounds.result(latest, "POSITIVE", "2022-04-05T14:00:00Z", "l") + ","
                + Rounds.result(early, "NEGATIVE", "2022-04-05T14:00:00Z", "e"), 200);
        refresh();
        String person = "select count(*) from test_coverage_person where round_id = cast(? as uuid) and resident_id = cast(? as uuid)";
        assertThat(count(person + " and result = 'POSITIVE' and makeup", round, late)).as("the later sample's result").isEqualTo(1);
        assertThat(count(person + " and makeup", round, twice)).isEqualTo(1);
        assertThat(count(person + " and sampled", round, newcomer)).as("counted before the census check").isEqualTo(1);
        String exemption = Api.as(Tokens.leader1()).queryParam("residentId", people.get(1).get("id"))
                .get("/api/v1/test-rounds/" + round + "/exemptions").then().statusCode(200).extract().path("items[0].id");
        Api.as(Tokens.leader1()).delete("/api/v1/test-rounds/" + round + "/exemptions/" + exemption).then().statusCode(204);
        refresh();
        // census changes reach the rollup through the census check of the cell: a sampled resident moves out
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update resident set status = 'MOVED_OUT' where id = cast(? as uuid)")) {
            ps.setObject(1, people.get(3).get("id"));
            ps.executeUpdate();
        }
        refresh();
        assertThat(count("select sampled from test_coverage_cell where round_id = cast(? as uuid) and grid_cell_id = ?",
                round, cell)).as("not checked yet").isEqualTo(16);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update test_coverage_cell set refreshed_at = refreshed_at - interval '1 hour'
                where round_id = cast(? as uuid) and grid_cell_id = ?""")) {
            ps.setObject(1, round);
            ps.setObject(2, cell);
            ps.executeUpdate();
        }
        refresh();
        List<String> incremental = rollup(round);
        assertThat(incremental).isNotEqualTo(initial);
        assertThat(count("select sampled from test_coverage_cell where round_id = cast(? as uuid) and grid_cell_id = ?",
                round, cell)).as("16 sampled, less the one who moved out and the exempt one sampled anyway").isEqualTo(15);
        assertThat(count("select negative from test_coverage_cell where round_id = cast(? as uuid) and grid_cell_id = ?",
                round, cell)).as("pools 0 and 1 negative (one moved out), the re-test negative").isEqualTo(9);

        // the same round counted from nothing
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            for (String t : List.of("test_coverage_person", "test_coverage_building", "test_coverage_cell")) {
                st.executeUpdate("delete from " + t + " where round_id = '" + round + "'");
            }
            st.executeUpdate("insert into test_dirty_cell (round_id, grid_cell_id) select '" + round
                    + "', id from area_node where kind = 'GRID_CELL' on conflict do nothing");
        }
        refresh();
        assertThat(rollup(round)).isEqualTo(incremental);
    }

    @Test
    void coverageMatchesAnIndependentCount() throws SQLException {
        UUID compound = Demo.id("BH-C001-XQ03");
        UUID cell = Demo.id("BH-C001-G03");
        String round = Rounds.sampling("覆盖核对", 10, compound);
        List<Map<String, Object>> people = Rounds.residents(Tokens.leader1(), compound, 60);
        // 2 exempt, 35 sampled in 4 pools, 3 by make-up, one pool negative, one positive, the rest pending
        for (int i = 0; i < 2; i++) {
            Api.as(Tokens.leader1()).body("{\"residentId\":\"" + people.get(i).get("id") + "\",\"kind\":\""
                    + (i == 0 ? "AWAY" : "IN_HOSPITAL") + "\",\"reason\":\"外地务工\"}")
                    .post("/api/v1/test-rounds/" + round + "/exemptions").then().statusCode(201)
                    .body("grantedBy", equalTo("leader1")).body("kind", equalTo(i == 0 ? "AWAY" : "IN_HOSPITAL"));
        }
        Api.as(Tokens.leader1()).body("{\"residentId\":\"" + people.get(0).get("id") + "\",\"kind\":\"OTHER\",\"reason\":\"再次\"}")
                .post("/api/v1/test-rounds/" + round + "/exemptions").then().statusCode(409);
        List<String> barcodes = new ArrayList<>();
        for (int i = 2; i < 40; i++) {
            int pool = (i - 2) / 10;
            while (barcodes.size() <= pool) {
                barcodes.add(Rounds.uniq("C"));
            }
            Rounds.sample(Tokens.leader1(), round, barcodes.get(pool), people.get(i).get("id"), i >= 37 ? "MAKEUP" : null, 201);
        }
        // an exempted person sampled anyway stays exempt, not sampled
        Rounds.sample(Tokens.leader1(), round, barcodes.get(3), people.get(1).get("id"), null, 201);
        Rounds.labPost(Tokens.lab(), round, Rounds.result(barcodes.get(0), "NEGATIVE", "2022-04-05T10:00:00Z", "a") + ","
                + Rounds.result(barcodes.get(1), "POSITIVE", "2022-04-05T10:00:00Z", "b") + ","
                + Rounds.result(barcodes.get(2), "INVALID", "2022-04-05T10:00:00Z", "c"), 200);
        refresh();

        String scope = "%/" + compound + "/%";
        String living = "from resident r join area_node a on a.id = r.area_id where r.status = 'LIVING' and a.path like ?";
        long residents = count("select count(*) " + living, scope);
        long exempt = count("select count(*) " + living
                + " and r.id in (select resident_id from test_exemption where round_id = ?::uuid)", scope, round);
        long sampled = count("select count(*) " + living
                + " and r.id not in (select resident_id from test_exemption where round_id = ?::uuid)"
                + " and r.id in (select resident_id from test_sample where round_id = ?::uuid and resident_id is not null)",
                scope, round, round);
        long makeup = count("select count(*) " + living
                + " and r.id not in (select resident_id from test_exemption where round_id = ?::uuid)"
                + " and r.id in (select resident_id from test_sample where round_id = ?::uuid and kind = 'MAKEUP')",
                scope, round, round);
        String withResult = " and r.id not in (select resident_id from test_exemption where round_id = ?::uuid)"
                + " and r.id in (select s.resident_id from test_sample s join test_tube t on t.id = s.tube_id"
                + " where s.round_id = ?::uuid and t.result %s)";
        long negative = count("select count(*) " + living + withResult.formatted("= 'NEGATIVE'"), scope, round, round);
        long positive = count("select count(*) " + living + withResult.formatted("= 'POSITIVE'"), scope, round, round);
        long pending = count("select count(*) " + living + withResult.formatted("is distinct from 'NEGATIVE' and t.result is distinct from 'POSITIVE'"),
                scope, round, round);
        assertThat(residents).isGreaterThan(40);
        assertThat(exempt).isEqualTo(2);
        assertThat(sampled).isEqualTo(38);
        assertThat(makeup).isEqualTo(3);

        JsonPath cells = Api.as(Tokens.leader1()).queryParam("areaId", Demo.ZONE1).queryParam("level", "GRID_CELL")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(cells.getList("rows.areaId")).containsExactly(cell.toString());
        Map<String, Object> f = cells.getMap("rows[0].figures");
        assertThat(f).containsEntry("residents", (int) residents).containsEntry("exempt", (int) exempt)
                .containsEntry("expected", (int) (residents - exempt)).containsEntry("sampled", (int) sampled)
                .containsEntry("makeup", (int) makeup).containsEntry("missing", (int) (residents - exempt - sampled))
                .containsEntry("negative", (int) negative).containsEntry("positive", (int) positive)
                .containsEntry("pending", (int) pending);
        assertThat(((Number) f.get("coveragePct")).doubleValue())
                .isCloseTo(Math.round(1000.0 * sampled / (residents - exempt)) / 10.0, org.assertj.core.api.Assertions.within(0.001));
        assertThat(cells.getInt("total.sampled")).isEqualTo((int) sampled);
        assertThat(cells.getInt("total.expected")).isEqualTo((int) (residents - exempt));

        // the per-building rollup (ADR 0018) adds up to the cell's row
        String cellRow = "select %s from test_coverage_cell where round_id = cast(? as uuid) and grid_cell_id = ?";
        String buildingRows = "select sum(%s) from test_coverage_building where round_id = cast(? as uuid) and grid_cell_id = ?";
        for (String col : List.of("residents", "exempt", "expected", "sampled", "makeup", "pending", "negative", "positive")) {
            assertThat(count(buildingRows.formatted(col), round, cell)).as(col).isEqualTo(count(cellRow.formatted(col), round, cell));
        }
        // the same totals compound by compound, building by building (the rollup) and household by household (live)
        for (String level : List.of("COMPOUND", "BUILDING", "HOUSEHOLD")) {
            JsonPath rows = Api.as(Tokens.worker1()).queryParam("areaId", cell).queryParam("level", level)
                    .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(level.equals("COMPOUND") ? 404 : 404)
                    .extract().jsonPath();
            assertThat(rows.getString("type")).isEqualTo("/problems/not-found"); // worker1 is not in cell 3
            JsonPath mine = Api.as(Tokens.leader1()).queryParam("areaId", cell).queryParam("level", level)
                    .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(200).extract().jsonPath();
            assertThat(mine.getInt("total.expected")).as(level).isEqualTo((int) (residents - exempt));
            assertThat(mine.getInt("total.sampled")).as(level).isEqualTo((int) sampled);
            assertThat(mine.getInt("total.makeup")).as(level).isEqualTo((int) makeup);
            assertThat(mine.getInt("total.positive")).as(level).isEqualTo((int) positive);
            assertThat(mine.getInt("total.pending")).as(level).isEqualTo((int) pending);
            long sum = mine.getList("rows.figures.sampled", Integer.class).stream().mapToLong(Integer::longValue).sum();
            assertThat(sum).isEqualTo(sampled);
        }
        Api.as(Tokens.leader1()).queryParam("areaId", Demo.ZONE1).queryParam("level", "BUILDING")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(400);
        Api.as(Tokens.leader1()).queryParam("areaId", cell).queryParam("level", "ZONE")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(400);

        // the make-up worklist: everyone expected and not sampled, by building and door
        List<Map<String, Object>> missing = new ArrayList<>();
        String cursor = null;
        do {
            var req = Api.as(Tokens.leader1()).queryParam("limit", 100);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/v1/test-rounds/" + round + "/missing").then().statusCode(200).extract().jsonPath();
            missing.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(missing).hasSize((int) (residents - exempt - sampled));
        assertThat(missing).noneMatch(m -> m.get("residentId").equals(people.get(0).get("id")));
        assertThat(missing).allMatch(m -> m.get("phone") == null || ((String) m.get("phone")).contains("*"));

        // CSV
        Api.as(Tokens.supervisor()).queryParam("areaId", Demo.ZONE1).queryParam("level", "GRID_CELL").queryParam("format", "csv")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(200).contentType(startsWith("text/csv"))
                .body(org.hamcrest.Matchers.containsString("areaId,level,name,residents"))
                .body(org.hamcrest.Matchers.containsString(cell.toString()));

        // revoking an exemption makes the person expected again
        String exemption = Api.as(Tokens.leader1()).queryParam("residentId", people.get(0).get("id"))
                .get("/api/v1/test-rounds/" + round + "/exemptions").then().statusCode(200).extract().path("items[0].id");
        Api.as(Tokens.leader1()).delete("/api/v1/test-rounds/" + round + "/exemptions/" + exemption).then().statusCode(204);
        refresh();
        Api.as(Tokens.leader1()).queryParam("areaId", cell).queryParam("level", "GRID_CELL")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(200)
                .body("total.exempt", equalTo(1)).body("total.expected", equalTo((int) (residents - 1)));

        // metrics of the supervisor include this round's figures
        Api.as(Tokens.supervisor()).queryParam("areaId", cell).get("/api/v1/metrics/testing").then().statusCode(200)
                .body("positivePools", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("figures.sampled", org.hamcrest.Matchers.greaterThanOrEqualTo((int) sampled));
    }

    @Test
    void aRoundOutsideTheCallersReachIsNotFound() {
        UUID compound = Demo.id("BH-C001-XQ03");
        String round = Rounds.sampling("谁能看", 10, compound);
        String path = "/api/v1/test-rounds/" + round + "/coverage";
        // the round's scope lies in cell 3 of zone 1: leader2 (zone 2), worker1 (cell 1), worker2 (cell 5) and a
        // worker with no assignment do not see it at all, with or without an area they do see; a lab has no coverage
        for (String outsider : List.of(Tokens.leader2(), Tokens.worker1(), Tokens.worker2(),
                Tokens.user("nobody", "grid-worker"))) {
            Api.as(outsider).get(path).then().statusCode(404).body("type", equalTo("/problems/not-found"));
            Api.as(outsider).queryParam("areaId", Demo.CELL5).get(path).then().statusCode(404);
        }
        Api.as(Tokens.lab()).get(path).then().statusCode(403);
        for (String insider : List.of(Tokens.leader1(), Tokens.supervisor(), Tokens.admin())) {
            Api.as(insider).queryParam("areaId", compound).get(path).then().statusCode(200).body("roundId", equalTo(round));
        }
        // an unknown round or area is 404 like an unseen one; a forged token is 401
        Api.as(Tokens.leader1()).get("/api/v1/test-rounds/" + UUID.randomUUID() + "/coverage").then().statusCode(404);
        Api.as(Tokens.leader1()).queryParam("areaId", UUID.randomUUID()).get(path).then().statusCode(404);
        Api.as(Tokens.forged("leader1", "grid-leader")).get(path).then().statusCode(401);
    }

    @Test
    void aRoundComparesWithThePreviousOneOverTheSameScope() {
        UUID compound = Demo.id("BH-C001-XQ04");
        String first = Rounds.sampling("第一轮", 10, compound);
        List<Map<String, Object>> people = Rounds.residents(Tokens.leader1(), compound, 10);
        String tube = Rounds.uniq("Q");
        for (Map<String, Object> p : people) {
            Rounds.sample(Tokens.leader1(), first, tube, p.get("id"), null, 201);
        }
        Api.as(Tokens.supervisor()).header("If-Match", "\"1\"").body("{\"to\":\"CLOSED\"}")
                .post("/api/v1/test-rounds/" + first + "/transitions").then().statusCode(200);
        String second = Rounds.sampling("第二轮", 10, compound);
        Rounds.sample(Tokens.leader1(), second, Rounds.uniq("Q"), people.get(0).get("id"), null, 201);
        refresh();
        Api.as(Tokens.supervisor()).get("/api/v1/test-rounds/" + second).then().body("previousRoundId", equalTo(first));
        JsonPath c = Api.as(Tokens.supervisor()).queryParam("areaId", compound).queryParam("level", "BUILDING")
                .get("/api/v1/test-rounds/" + second + "/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("previous.roundId")).isEqualTo(first);
        assertThat(c.getInt("previous.figures.sampled")).isEqualTo(10);
        assertThat(c.getInt("total.sampled")).isEqualTo(1);
        assertThat(c.getList("rows.previousCoveragePct")).isNotEmpty().doesNotContainNull();
    }

    @Test
    void bedRiddenAndQuarantinedAreListedForDoorToDoor() {
        UUID compound = Demo.id("BH-C001-XQ02");
        Map<String, Object> r = Rounds.residents(Tokens.leader1(), compound, 5).get(4);
        int version = Api.as(Tokens.leader1()).get("/api/v1/residents/" + r.get("id")).then().statusCode(200).extract()
                .path("version");
        Api.as(Tokens.leader1()).body("{\"categories\":[\"BED_RIDDEN\"],\"version\":" + version + "}")
                .patch("/api/v1/residents/" + r.get("id")).then().statusCode(200).body("categories", hasItem("BED_RIDDEN"));
        String round = Rounds.sampling("入户", 10, compound);
        JsonPath tasks = Api.as(Tokens.leader1()).queryParam("kind", "DOOR_TO_DOOR").queryParam("limit", 500)
                .get("/api/v1/test-rounds/" + round + "/tasks").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = tasks.getList("items");
        Map<String, Object> visit = items.stream().filter(t -> t.get("householdId").equals(r.get("householdId"))).findFirst()
                .orElseThrow();
        assertThat(((List<Map<String, Object>>) visit.get("people"))).anyMatch(p -> p.get("residentId").equals(r.get("id")));
        assertThat(visit.get("status")).isEqualTo("OPEN");
        // every listed household has a bed-ridden or quarantined (contact) resident, or a red code
        assertThat(items).allMatch(t -> !((List<?>) t.get("people")).isEmpty());
        String base = "/api/v1/test-rounds/" + round + "/tasks/" + visit.get("id") + "/outcome";
        Api.as(Tokens.leader1()).body("{\"status\":\"FAILED\",\"version\":0}").post(base).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        Api.as(Tokens.leader1()).body("{\"status\":\"FAILED\",\"reason\":\"家中无人\",\"version\":0}").post(base).then()
                .statusCode(200).body("status", equalTo("FAILED")).body("failureReason", equalTo("家中无人"))
                .body("doneBy", equalTo("leader1"));
        Api.as(Tokens.leader1()).body("{\"status\":\"DONE\",\"version\":1}").post(base).then().statusCode(409);
        // a visit asked by hand, once per household
        Object hh = Rounds.residents(Tokens.leader1(), compound, 1).get(0).get("householdId");
        String a = Api.as(Tokens.leader1()).body("{\"householdId\":\"" + hh + "\"}").post("/api/v1/test-rounds/" + round + "/tasks")
                .then().statusCode(201).extract().path("id");
        Api.as(Tokens.leader1()).body("{\"householdId\":\"" + hh + "\"}").post("/api/v1/test-rounds/" + round + "/tasks").then()
                .statusCode(201).body("id", equalTo(a));
        // worker2 sees none of zone 1's tasks; a site needs an area in the scope
        Api.as(Tokens.worker2()).get("/api/v1/test-rounds/" + round + "/tasks").then().statusCode(404);
        Api.as(Tokens.leader1()).body("{\"name\":\"2栋楼下\",\"areaId\":\"" + compound + "\",\"opensAt\":\"07:00\",\"closesAt\":\"19:00\"}")
                .post("/api/v1/test-rounds/" + round + "/sites").then().statusCode(201).body("opensAt", equalTo("07:00:00"));
        Api.as(Tokens.leader1()).body("{\"name\":\"别处\",\"areaId\":\"" + Demo.CELL1 + "\",\"opensAt\":\"07:00\",\"closesAt\":\"19:00\"}")
                .post("/api/v1/test-rounds/" + round + "/sites").then().statusCode(422);
        Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + round + "/sites").then().statusCode(404);
    }

    @Test
    void theDemoRoundShowsPoolsInWorker1sCell() {
        String round = Demo.id("ROUND-4").toString();
        refresh();
        Api.as(Tokens.worker1()).get("/api/v1/test-rounds/" + round).then().statusCode(200)
                .body("status", equalTo("SAMPLING")).body("labs", hasItem("lab-demo"));
        Api.as(Tokens.worker1()).queryParam("barcode", "BH04050003").get("/api/v1/test-rounds/" + round + "/tubes").then()
                .statusCode(200).body("status", equalTo("OPEN")).body("members", equalTo(5));
        JsonPath c = Api.as(Tokens.leader1()).queryParam("areaId", Demo.CELL1).queryParam("level", "GRID_CELL")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(c.getInt("total.sampled")).isEqualTo(25);
        assertThat(c.getInt("total.negative")).isEqualTo(10);
        assertThat(c.getInt("total.pending")).isEqualTo(15);
        Api.as(Tokens.supervisor()).queryParam("areaId", Demo.COMMUNITY).queryParam("level", "ZONE")
                .get("/api/v1/test-rounds/" + round + "/coverage").then().statusCode(200).body("rows.size()", equalTo(4));
    }
}
