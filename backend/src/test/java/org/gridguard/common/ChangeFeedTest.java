package org.gridguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ChangeFeedTest {

    /** Reads the feed to its end from {@code cursor}; returns [ids..., lastCursor]. */
    static List<String> drain(String token, String cursor, List<String> ids) {
        while (true) {
            var spec = Api.as(token).queryParam("limit", 200);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                ids.add(item.get("op") + ":" + item.get("id"));
            }
            cursor = page.getString("next");
            if (!page.getBoolean("hasMore")) {
                return List.of(cursor);
            }
        }
    }

    @Test
    void createsAndDeletesAppearWithTombstones() {
        String start = drain(Tokens.admin(), null, new ArrayList<>()).get(0);
        String id = Api.as(Tokens.admin()).body("{\"code\":\"FEED-1\",\"name\":\"f\",\"zoneId\":\"" + Demo.ZONE1 + "\"}")
                .post("/api/v1/grid-cells").then().statusCode(201).extract().path("id");
        Api.as(Tokens.admin()).delete("/api/v1/grid-cells/" + id).then().statusCode(204);
        List<String> seen = new ArrayList<>();
        drain(Tokens.admin(), start, seen);
        assertThat(seen).containsSubsequence("UPSERT:" + id, "DELETE:" + id);
    }

    @Test
    void aLateCommittingTransactionIsNeverSkipped() throws Exception {
        String start = drain(Tokens.admin(), null, new ArrayList<>()).get(0);
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (Connection a = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
                Connection b = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres")) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            // transaction A starts first and takes its sequence number first, but commits last
            insert(a, late);
            insert(b, early);
            b.commit();
            List<String> seen = new ArrayList<>();
            String cursor = drain(Tokens.admin(), start, seen).get(0);
            assertThat(seen).as("B waits behind the still-running A").doesNotContain("UPSERT:" + early, "UPSERT:" + late);
            a.commit();
            List<String> after = new ArrayList<>();
            drain(Tokens.admin(), cursor, after);
            assertThat(after).contains("UPSERT:" + late, "UPSERT:" + early);
        }
    }

    static void insert(Connection c, UUID id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into change_log (entity, entity_id, community_id, path, op) values ('AREA_NODE', ?, null, '/x/', 'UPSERT')")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    @Test
    void feedIsFilteredByJurisdiction() {
        String start = drain(Tokens.agency(), null, new ArrayList<>()).get(0);
        String inside = Api.as(Tokens.admin()).body("{\"code\":\"FEED-IN\",\"name\":\"f\",\"zoneId\":\"" + Demo.ZONE2 + "\"}")
                .post("/api/v1/grid-cells").then().statusCode(201).extract().path("id");
        String outside = Api.as(Tokens.admin()).body("{\"kind\":\"DISTRICT\",\"code\":\"FEED-OUT\",\"name\":\"外区\"}")
                .post("/api/v1/areas").then().statusCode(201).extract().path("id");
        List<String> seen = new ArrayList<>();
        drain(Tokens.agency(), start, seen);
        assertThat(seen).contains("UPSERT:" + inside).doesNotContain("UPSERT:" + outside);
        Api.as(Tokens.agency()).queryParam("entity", "HOUSEHOLD_SECRETS").get("/api/v1/changes").then().statusCode(400);
        Api.as(Tokens.agency()).queryParam("cursor", "bm9wZQ").get("/api/v1/changes").then().statusCode(400);
    }

    @Test
    void theFeedsEntitiesAreThoseTheFeaturesPublish() {
        Api.as(Tokens.agency()).get("/api/v1/changes/entities").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.contains("ALERT", "AREA_NODE", "CHECKPOINT", "QUARANTINE_ORDER", "TEST_ROUND", "TEST_TUBE"))
                .body("description", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString())));
        Api.as(Tokens.worker1()).get("/api/v1/changes/entities").then().statusCode(403);
    }
}
