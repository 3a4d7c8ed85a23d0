package org.gridguard.duty;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;

/** Shared set-up for the duty API tests: checkpoints, patterns, shifts and people made through the API. */
final class DutyFixture {
    private DutyFixture() {
    }

    static final UUID WORKER1_PERSON = Demo.id("BH-C001-P01");
    static final UUID WORKER2_PERSON = Demo.id("BH-C001-P05");

    /** A new checkpoint guarding a compound, with a pattern; returns the checkpoint id. */
    static String post(String code, UUID guards, String patternJson) {
        String cp = Api.as(Tokens.admin())
                .body(Map.of("code", code, "name", code + " 测试卡口", "kind", "ROAD_JUNCTION", "watched24h", true,
                        "guardsNodeId", guards))
                .post("/api/v1/checkpoints").then().statusCode(201).extract().path("id");
        Api.as(Tokens.admin()).body("{\"checkpointId\":\"" + cp + "\"," + patternJson + "}").post("/api/v1/duty-patterns")
                .then().statusCode(201);
        return cp;
    }

    static List<Map<String, Object>> shifts(String token, String checkpointId, String from, String to) {
        return Api.as(token).get("/api/v1/duty-shifts?limit=500&checkpointId=" + checkpointId + "&from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** A person without a login in a cell, with no days or hours off. */
    static String person(String token, String name, UUID home, String unit, String... skills) {
        return Api.as(token).body(Map.of("name", name, "unit", unit, "homeAreaId", home, "skills", List.of(skills)))
                .post("/api/v1/duty-people").then().statusCode(201).extract().path("id");
    }

    /** Clears a demo person's days and hours off so the rules tested are the only ones in play. */
    static void free(UUID personId, boolean partyMember) {
        int v = Api.as(Tokens.admin()).get("/api/v1/duty-people/" + personId).then().statusCode(200).extract().path("version");
        Api.as(Tokens.admin()).body(Map.of("daysOff", List.of(), "hoursOff", List.of(), "datesOff", List.of(),
                "partyMember", partyMember, "version", v)).patch("/api/v1/duty-people/" + personId).then().statusCode(200);
    }

    static String shiftAt(List<Map<String, Object>> shifts, String startsAt) {
        return shifts.stream().filter(s -> ((String) s.get("startsAt")).startsWith(startsAt)).findFirst()
                .map(s -> (String) s.get("id")).orElseThrow(() -> new AssertionError("no shift at " + startsAt + " in " + shifts));
    }
}
