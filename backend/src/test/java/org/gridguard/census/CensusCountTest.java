package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.census.CensusFixtures.newHousehold;
import static org.gridguard.census.CensusFixtures.newResident;
import static org.gridguard.census.CensusFixtures.validId;
import static org.gridguard.census.CensusFixtures.validMobile;
import static org.gridguard.testsupport.SectionSql.count;
import static org.gridguard.testsupport.SectionSql.exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The pre-counted census totals (V33, ADR 0054) against the tables: after creations, status changes, moves between
 * areas and deletions, by the API and by bare SQL (an import, a migration, a hand fix in psql), and after the
 * deltas are folded.
 */
@QuarkusTest
class CensusCountTest {

    static final String DIFFERENCES = """
            select count(*) from (
              select coalesce(t.community_id, c.community_id), coalesce(t.area_id, c.area_id)
              from (select community_id, area_id, sum(households) as households, sum(living) as living
                    from census_count group by 1, 2 having sum(households) <> 0 or sum(living) <> 0) c
              full join (select community_id, area_id, sum(h) as households, sum(l) as living from (
                           select community_id, area_id, 1 as h, 0 as l from household
                           union all select community_id, area_id, 0, 1 from resident where status = 'LIVING') x
                         group by 1, 2) t on t.community_id = c.community_id and t.area_id = c.area_id
              where coalesce(t.households, 0) <> coalesce(c.households, 0)
                 or coalesce(t.living, 0) <> coalesce(c.living, 0)) d""";

    @Inject
    CensusCountCompaction compaction;

    @Test
    void theTotalsAreTheTablesCountsAfterEveryKindOfWriteAndAfterFolding() {
        String h1 = newHousehold(Tokens.worker1(), "BH-C001-XQ01-B01");
        String h2 = newHousehold(Tokens.worker1(), "BH-C001-XQ01-B02");
        String r1 = newResident(Tokens.worker1(), h1, validId(), validMobile());
        newResident(Tokens.worker1(), h1, validId(), validMobile());
        String r3 = newResident(Tokens.worker1(), h2, validId(), validMobile());
        Api.as(Tokens.worker1()).header("If-Match", "\"0\"").body(Map.of("status", "MOVED_OUT"))
                .patch("/api/v1/residents/" + r1).then().statusCode(200);
        assertThat(count(DIFFERENCES)).isZero();

        // bare SQL: a resident moved to the other building, one comes back, a household's area rewritten, one deleted
        exec("update resident set area_id = (select area_id from household where id = ?::uuid), household_id = ?::uuid"
                + " where id = ?::uuid", h1, h1, r3);
        exec("update resident set status = 'LIVING' where id = ?::uuid", r1);
        exec("update household set area_id = (select id from area_node where code = 'BH-C001-XQ01-B03')"
                + " where id = ?::uuid", h2);
        exec("delete from resident where id = ?::uuid", r1);
        long before = count("select count(*) from census_count");
        exec("update household set updated_at = updated_at where id in (?::uuid, ?::uuid)", h1, h2);
        assertThat(count("select count(*) from census_count")).as("an update that moves nobody").isEqualTo(before);
        assertThat(count(DIFFERENCES)).isZero();
        assertThat(count("select count(*) from census_count where pending")).isPositive();

        while (compaction.fold() > 0) {
            assertThat(count(DIFFERENCES)).isZero();
        }
        assertThat(count("select count(*) from census_count where pending")).isZero();
        assertThat(count("select count(*) from (select area_id from census_count group by 1 having count(*) > 1) x"))
                .isZero();
        assertThat(count(DIFFERENCES)).isZero();
    }

    @Test
    void theTotalsFollowAnImportItsReRunAndAChangedRow() throws Exception {
        String compound = CensusFixtures.name("BH-C001-XQ02");
        List<List<String>> rows = new ArrayList<>(CensusFixtures.rows(compound, "3栋", 40, "CNT" + System.nanoTime() % 10000));
        byte[] file = CensusFixtures.csv(StandardCharsets.UTF_8, rows);
        CensusFixtures.importOk(Tokens.leader1(), file, "count.csv", Demo.ZONE1, false);
        assertThat(count(DIFFERENCES)).isZero();
        CensusFixtures.importOk(Tokens.leader1(), file, "count.csv", Demo.ZONE1, false); // re-run: changes nothing
        assertThat(count(DIFFERENCES)).isZero();
        // a changed row goes through the import's upsert (ON CONFLICT DO UPDATE fires the update triggers)
        List<String> changed = new ArrayList<>(rows.get(1)); // rows.get(0) is the header
        changed.set(3, "改了名字");
        rows.set(1, changed);
        CensusFixtures.importOk(Tokens.leader1(), CensusFixtures.csv(StandardCharsets.UTF_8, rows), "count2.csv", Demo.ZONE1,
                false);
        assertThat(count(DIFFERENCES)).isZero();
    }
}
