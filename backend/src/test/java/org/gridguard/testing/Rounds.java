package org.gridguard.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Tokens;

import io.restassured.path.json.JsonPath;

/** Helpers of the testing tests: a round over some area in sampling, residents of a cell, samples, lab posts. */
final class Rounds {

    private Rounds() {
    }

    /** The first column of the first row of {@code sql}, read directly from the database. */
    static long count(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String uniq(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A round over {@code scope}, assigned to lab-demo, moved to SAMPLING. Returns its id. */
    static String sampling(String name, int poolSize, UUID... scope) {
        String id = planned(name, poolSize, scope);
        Api.as(Tokens.supervisor()).header("If-Match", "\"0\"").body("{\"to\":\"SAMPLING\"}")
                .post("/api/v1/test-rounds/" + id + "/transitions").then().statusCode(200);
        return id;
    }

    static String planned(String name, int poolSize, UUID... scope) {
        StringBuilder s = new StringBuilder();
        for (UUID u : scope) {
            s.append(s.length() == 0 ? "" : ",").append('"').append(u).append('"');
        }
        return Api.as(Tokens.supervisor()).body("""
                {"name":"%s","scope":[%s],"roundDate":"2022-04-05","samplingFrom":"2022-04-05T00:00:00Z",
                 "samplingTo":"2032-04-05T12:00:00Z","modes":["CENTRAL","DOOR_TO_DOOR"],"poolSize":%d,"labs":["lab-demo"]}"""
                .formatted(name, s, poolSize)).post("/api/v1/test-rounds").then().statusCode(201).extract().path("id");
    }

    /** Living residents under an area, as the given user sees them (ids, in the API's order). */
    static List<Map<String, Object>> residents(String token, UUID areaId, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonPath j = Api.as(token).queryParam("areaId", areaId).queryParam("status", "LIVING").queryParam("limit", 500)
                .get("/api/v1/residents").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = j.getList("items");
        for (Map<String, Object> m : items) {
            if (out.size() < n) {
                out.add(m);
            }
        }
        return out;
    }

    static JsonPath sample(String token, String round, String barcode, Object residentId, String kind, int status) {
        return sampleAt(token, round, barcode, residentId, kind, null, status);
    }

    /** A registration with its own sampledAt (as an offline queue uploads it later), or none. */
    static JsonPath sampleAt(String token, String round, String barcode, Object residentId, String kind, Instant at, int status) {
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + barcode + "\",\"residentId\":\"" + residentId
                + "\"" + (at == null ? "" : ",\"sampledAt\":\"" + at + "\"") + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + "}";
        return Api.as(token).body(body).post("/api/v1/test-rounds/" + round + "/samples").then().statusCode(status)
                .extract().jsonPath();
    }

    static JsonPath labPost(String token, String round, String items, int status) {
        return Api.as(token).body("{\"items\":[" + items + "]}").post("/api/v1/test-rounds/" + round + "/tube-results/batch")
                .then().statusCode(status).extract().jsonPath();
    }

    static String result(String barcode, String result, String testedAt, String ref) {
        return "{\"barcode\":\"" + barcode + "\",\"result\":\"" + result + "\",\"testedAt\":\"" + testedAt
                + "\",\"labRef\":\"" + ref + "\"}";
    }
}
