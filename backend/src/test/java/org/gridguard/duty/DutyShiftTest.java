package org.gridguard.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Patterns and shift generation, the rules on every change (as problem+json), swaps, jurisdiction. */
@QuarkusTest
class DutyShiftTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void generationIsIdempotentAndInTheBusinessZone() {
        String cp = DutyFixture.post("T-GEN-1", Demo.COMPOUND1, "\"kind\":\"THREE_SHIFTS\",\"peopleNeeded\":1,\"nightNeeded\":2");
        String body = "{\"areaId\":\"" + Demo.COMPOUND1 + "\",\"from\":\"2031-01-06\",\"to\":\"2031-01-07\"}";
        int first = Api.as(Tokens.leader1()).body(body).post("/api/v1/duty-shifts/generate").then().statusCode(200)
                .extract().path("created");
        assertThat(first).isGreaterThanOrEqualTo(6); // the compound's other posts (KK4) get theirs too
        Api.as(Tokens.leader1()).body(body).post("/api/v1/duty-shifts/generate").then().statusCode(200)
                .body("created", equalTo(0)).body("existing", equalTo(first));
        List<Map<String, Object>> shifts = DutyFixture.shifts(Tokens.leader1(), cp, "2031-01-06", "2031-01-07");
        assertThat(shifts).hasSize(6);
        assertThat(shifts.get(0).get("startsAt")).isEqualTo("2031-01-06T00:00:00+08:00");
        assertThat(shifts.get(0).get("endsAt")).isEqualTo("2031-01-06T08:00:00+08:00");
        assertThat(shifts.get(0).get("kind")).isEqualTo("NIGHT");
        assertThat(shifts.get(0).get("peopleNeeded")).isEqualTo(2);
        assertThat(shifts.get(2).get("endsAt")).isEqualTo("2031-01-07T00:00:00+08:00");
        // custom shifts cross midnight
        String custom = DutyFixture.post("T-GEN-2", Demo.COMPOUND1,
                "\"kind\":\"CUSTOM\",\"peopleNeeded\":1,\"customStart\":\"20:00\",\"customEnd\":\"04:00\"");
        Api.as(Tokens.leader1()).body(body).post("/api/v1/duty-shifts/generate").then().statusCode(200);
        Api.as(Tokens.leader1()).body(body).post("/api/v1/duty-shifts/generate").then().statusCode(200).body("created", equalTo(0));
        List<Map<String, Object>> c = DutyFixture.shifts(Tokens.leader1(), custom, "2031-01-06", "2031-01-07");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).get("endsAt")).isEqualTo("2031-01-07T04:00:00+08:00");
        // a bad pattern is a problem with the field
        Api.as(Tokens.leader1()).body("{\"checkpointId\":\"" + Demo.id("BH-C001-KK4") + "\",\"kind\":\"CUSTOM\",\"peopleNeeded\":1}")
                .post("/api/v1/duty-patterns").then().statusCode(409);
    }

    @Test
    void everyChangeIsCheckedByTheRules() {
        String cp = DutyFixture.post("T-RULE-1", Demo.COMPOUND1, "\"kind\":\"THREE_SHIFTS\",\"peopleNeeded\":1");
        String medical = DutyFixture.post("T-RULE-2", Demo.COMPOUND1,
                "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":1,\"requiredSkills\":[\"medical\"]");
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.COMPOUND1 + "\",\"from\":\"2031-02-03\",\"to\":\"2031-02-04\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        String p = DutyFixture.person(Tokens.leader1(), "规则测试员", Demo.CELL1, "街道下沉干部");
        List<Map<String, Object>> s = DutyFixture.shifts(Tokens.leader1(), cp, "2031-02-03", "2031-02-04");
        String day = DutyFixture.shiftAt(s, "2031-02-03T08:00");
        String evening = DutyFixture.shiftAt(s, "2031-02-03T16:00");
        String nextNight = DutyFixture.shiftAt(s, "2031-02-04T00:00");
        String medicalDay = DutyFixture.shiftAt(DutyFixture.shifts(Tokens.leader1(), medical, "2031-02-03", "2031-02-03"),
                "2031-02-03T08:00");
        String add = "{\"personId\":\"" + p + "\"}";
        Api.as(Tokens.leader1()).body(add).post("/api/v1/duty-shifts/" + day + "/assignees").then().statusCode(200)
                .body("assignees.personId", hasItem(p));
        // the same hours at another post
        Api.as(Tokens.leader1()).body(add).post("/api/v1/duty-shifts/" + medicalDay + "/assignees").then().statusCode(422)
                .contentType(startsWith(PROBLEM)).body("type", equalTo("/problems/duty-rule-violation"))
                .body("errors.field", hasItem("OVERLAP")).body("errors.field", hasItem("SKILLS"))
                .body("rules", hasItem("OVERLAP"));
        // straight after the day shift: no rest
        Api.as(Tokens.leader1()).body(add).post("/api/v1/duty-shifts/" + evening + "/assignees").then().statusCode(422)
                .body("errors.field", equalTo(List.of("REST"))).body("errors[0].message", containsString("0 h"));
        // across midnight, 8 hours after the day shift: allowed
        Api.as(Tokens.leader1()).body(add).post("/api/v1/duty-shifts/" + nextNight + "/assignees").then().statusCode(200);
        // the place is taken now
        String other = DutyFixture.person(Tokens.leader1(), "第二人", Demo.CELL1, "社区志愿者");
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + other + "\"}").post("/api/v1/duty-shifts/" + nextNight + "/assignees")
                .then().statusCode(422).body("errors.field", hasItem("STAFFING"));
        // availability: a day off
        int v = Api.as(Tokens.leader1()).get("/api/v1/duty-people/" + other).then().extract().path("version");
        Api.as(Tokens.leader1()).body(Map.of("datesOff", List.of("2031-02-03"), "version", v)).patch("/api/v1/duty-people/" + other)
                .then().statusCode(200);
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + other + "\"}").post("/api/v1/duty-shifts/" + evening + "/assignees")
                .then().statusCode(422).body("errors.field", equalTo(List.of("AVAILABILITY")));
        // removing and re-adding
        Api.as(Tokens.leader1()).delete("/api/v1/duty-shifts/" + nextNight + "/assignees/" + p).then().statusCode(204);
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + nextNight).then().body("assignees", equalTo(List.of()));
    }

    @Test
    void weeklyMaximumThroughTheApi() {
        String cp = DutyFixture.post("T-WEEK-1", Demo.COMPOUND1, "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":1");
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.COMPOUND1 + "\",\"from\":\"2031-03-10\",\"to\":\"2031-03-17\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        String p = DutyFixture.person(Tokens.leader1(), "一周六天", Demo.CELL1, "市直机关志愿者");
        List<Map<String, Object>> s = DutyFixture.shifts(Tokens.leader1(), cp, "2031-03-10", "2031-03-17");
        for (int d = 10; d <= 15; d++) { // Monday 2031-03-10 .. Saturday: 48 h
            Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}")
                    .post("/api/v1/duty-shifts/" + DutyFixture.shiftAt(s, "2031-03-" + d + "T08:00") + "/assignees").then()
                    .statusCode(200);
        }
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}")
                .post("/api/v1/duty-shifts/" + DutyFixture.shiftAt(s, "2031-03-16T08:00") + "/assignees").then()
                .statusCode(422).body("errors.field", equalTo(List.of("WEEKLY_MAX")))
                .body("errors[0].message", containsString("56 h"));
        // Monday starts a new week
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}")
                .post("/api/v1/duty-shifts/" + DutyFixture.shiftAt(s, "2031-03-17T08:00") + "/assignees").then()
                .statusCode(200);
    }

    @Test
    void swapsNeedTheOtherPersonAndALeader() {
        String cp = DutyFixture.post("T-SWAP-1", Demo.COMPOUND1, "\"kind\":\"THREE_SHIFTS\",\"peopleNeeded\":1");
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.COMPOUND1 + "\",\"from\":\"2031-04-07\",\"to\":\"2031-04-07\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        DutyFixture.free(DutyFixture.WORKER1_PERSON, false);
        String w1 = DutyFixture.WORKER1_PERSON.toString();
        String b = DutyFixture.person(Tokens.leader1(), "替班人", Demo.CELL1, "社区志愿者");
        List<Map<String, Object>> s = DutyFixture.shifts(Tokens.leader1(), cp, "2031-04-07", "2031-04-07");
        String day = DutyFixture.shiftAt(s, "2031-04-07T08:00");
        String evening = DutyFixture.shiftAt(s, "2031-04-07T16:00");
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + w1 + "\"}").post("/api/v1/duty-shifts/" + day + "/assignees").then().statusCode(200);
        // worker1 sees the shift as theirs
        Api.as(Tokens.worker1()).get("/api/v1/duty-shifts?mine=true&from=2031-04-07&to=2031-04-07").then().statusCode(200)
                .body("items.id", equalTo(List.of(day)));
        // worker1 offers it to B; B has no login, so the leader accepts for them
        String swap = Api.as(Tokens.worker1()).body(Map.of("shiftId", day, "personId", w1, "otherPersonId", b, "reason", "家中有事"))
                .post("/api/v1/duty-swaps").then().statusCode(201).body("state", equalTo("REQUESTED"))
                .body("otherPersonName", equalTo("替班人")).body("checkpointCode", equalTo("T-SWAP-1"))
                .body("startsAt", equalTo("2031-04-07T08:00:00+08:00")).extract().path("id");
        Api.as(Tokens.leader1()).post("/api/v1/duty-swaps/" + swap + "/approve").then().statusCode(409);
        Api.as(Tokens.worker1()).post("/api/v1/duty-swaps/" + swap + "/accept").then().statusCode(403);
        Api.as(Tokens.leader1()).post("/api/v1/duty-swaps/" + swap + "/accept").then().statusCode(200).body("state", equalTo("ACCEPTED"));
        // leader2 cannot see it, let alone approve it
        Api.as(Tokens.leader2()).post("/api/v1/duty-swaps/" + swap + "/approve").then().statusCode(404);
        // B is meanwhile on the evening shift: taking the day shift would leave no rest; nothing changes
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + b + "\"}").post("/api/v1/duty-shifts/" + evening + "/assignees").then().statusCode(200);
        Api.as(Tokens.leader1()).post("/api/v1/duty-swaps/" + swap + "/approve").then().statusCode(422)
                .body("errors.field", hasItem("REST"));
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + day).then().body("assignees.personId", equalTo(List.of(w1)));
        // without the conflict the leader approves, and the shift changes hands
        Api.as(Tokens.leader1()).delete("/api/v1/duty-shifts/" + evening + "/assignees/" + b).then().statusCode(204);
        Api.as(Tokens.leader1()).post("/api/v1/duty-swaps/" + swap + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("decidedBy", equalTo("leader1"));
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + day).then().body("assignees.personId", equalTo(List.of(b)))
                .body("assignees[0].source", equalTo("SWAP"));
        Api.as(Tokens.worker1()).get("/api/v1/duty-shifts?mine=true&from=2031-04-07&to=2031-04-07").then()
                .body("items", equalTo(List.of()));
        // an exchange of two shifts, rejected by the leader
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + w1 + "\"}").post("/api/v1/duty-shifts/" + evening + "/assignees").then().statusCode(200);
        String ex = Api.as(Tokens.worker1()).body(Map.of("shiftId", evening, "personId", w1, "otherPersonId", b, "otherShiftId", day))
                .post("/api/v1/duty-swaps").then().statusCode(201).extract().path("id");
        Api.as(Tokens.leader1()).post("/api/v1/duty-swaps/" + ex + "/reject").then().statusCode(200).body("state", equalTo("REJECTED"));
        Api.as(Tokens.leader1()).post("/api/v1/duty-swaps/" + ex + "/accept").then().statusCode(409);
    }

    @Test
    void movingAPersonIsOneChangeOrNone() {
        String a = DutyFixture.post("T-MOVE-1", Demo.COMPOUND1, "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":1");
        String b = DutyFixture.post("T-MOVE-2", Demo.COMPOUND1, "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":1,\"requiredSkills\":[\"medical\"]");
        String c = DutyFixture.post("T-MOVE-3", Demo.COMPOUND1, "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":1");
        Api.as(Tokens.leader1()).body("{\"areaId\":\"" + Demo.COMPOUND1 + "\",\"from\":\"2031-05-05\",\"to\":\"2031-05-05\"}")
                .post("/api/v1/duty-shifts/generate").then().statusCode(200);
        String p = DutyFixture.person(Tokens.leader1(), "拖动测试员", Demo.CELL1, "社区志愿者");
        String from = DutyFixture.shiftAt(DutyFixture.shifts(Tokens.leader1(), a, "2031-05-05", "2031-05-05"), "2031-05-05T08:00");
        String skilled = DutyFixture.shiftAt(DutyFixture.shifts(Tokens.leader1(), b, "2031-05-05", "2031-05-05"), "2031-05-05T08:00");
        String same = DutyFixture.shiftAt(DutyFixture.shifts(Tokens.leader1(), c, "2031-05-05", "2031-05-05"), "2031-05-05T08:00");
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}").post("/api/v1/duty-shifts/" + from + "/assignees").then().statusCode(200);
        // the same hours at another post: an add is an overlap, a move is not
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + p + "\"}").post("/api/v1/duty-shifts/" + same + "/assignees").then()
                .statusCode(422).body("errors.field", hasItem("OVERLAP"));
        // a refused move changes neither shift
        Api.as(Tokens.leader1()).body(Map.of("personId", p, "fromShiftId", from)).post("/api/v1/duty-shifts/" + skilled + "/assignees")
                .then().statusCode(422).contentType(startsWith(PROBLEM)).body("errors.field", equalTo(List.of("SKILLS")));
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + from).then().body("assignees.personId", equalTo(List.of(p)));
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + skilled).then().body("assignees", equalTo(List.of()));
        // an accepted move
        Api.as(Tokens.leader1()).body(Map.of("personId", p, "fromShiftId", from)).post("/api/v1/duty-shifts/" + same + "/assignees")
                .then().statusCode(200).body("assignees.personId", equalTo(List.of(p)));
        Api.as(Tokens.leader1()).get("/api/v1/duty-shifts/" + from).then().body("assignees", equalTo(List.of()));
        // moving from a shift they are no longer on, or onto the same shift
        Api.as(Tokens.leader1()).body(Map.of("personId", p, "fromShiftId", from)).post("/api/v1/duty-shifts/" + skilled + "/assignees")
                .then().statusCode(409);
        Api.as(Tokens.leader1()).body(Map.of("personId", p, "fromShiftId", same)).post("/api/v1/duty-shifts/" + same + "/assignees")
                .then().statusCode(400);
        // leader2 cannot move people on leader1's posts
        Api.as(Tokens.leader2()).body(Map.of("personId", p, "fromShiftId", same)).post("/api/v1/duty-shifts/" + from + "/assignees")
                .then().statusCode(404);
    }

    @Test
    void leadersOfOneZoneCannotTouchAnother() {
        String cp = DutyFixture.post("T-BOLA-1", Demo.COMPOUND1, "\"kind\":\"DAY_ONLY\",\"peopleNeeded\":1");
        String gen = "{\"areaId\":\"" + Demo.ZONE1 + "\",\"from\":\"2031-05-05\",\"to\":\"2031-05-05\"}";
        Api.as(Tokens.leader2()).body(gen).post("/api/v1/duty-shifts/generate").then().statusCode(404)
                .contentType(startsWith(PROBLEM));
        Api.as(Tokens.leader2()).body("{\"areaId\":\"" + Demo.ZONE1 + "\",\"from\":\"2031-05-05\",\"to\":\"2031-05-11\"}")
                .post("/api/v1/rosters").then().statusCode(404);
        Api.as(Tokens.leader2()).body("{\"areaId\":\"" + Demo.COMMUNITY + "\",\"from\":\"2031-05-05\",\"to\":\"2031-05-11\"}")
                .post("/api/v1/rosters").then().statusCode(403);
        Api.as(Tokens.leader1()).body(gen).post("/api/v1/duty-shifts/generate").then().statusCode(200);
        String shift = DutyFixture.shiftAt(DutyFixture.shifts(Tokens.leader1(), cp, "2031-05-05", "2031-05-05"), "2031-05-05T08:00");
        Api.as(Tokens.leader2()).get("/api/v1/duty-shifts/" + shift).then().statusCode(404);
        Api.as(Tokens.worker2()).get("/api/v1/duty-shifts/" + shift).then().statusCode(404);
        Api.as(Tokens.leader2()).body("{\"personId\":\"" + DutyFixture.WORKER2_PERSON + "\"}")
                .post("/api/v1/duty-shifts/" + shift + "/assignees").then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/duty-shifts?from=2031-05-05&to=2031-05-05&limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(shift)));
        Api.as(Tokens.leader2()).get("/api/v1/duty-shifts?areaId=" + Demo.ZONE1).then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/duty-people/" + DutyFixture.WORKER1_PERSON).then().statusCode(404);
        Api.as(Tokens.leader2()).get("/api/v1/metrics/duty?areaId=" + Demo.ZONE1).then().statusCode(404);
        Api.as(Tokens.leader2()).body("{\"checkpointId\":\"" + cp + "\",\"present\":1}").post("/api/v1/duty-inspections").then()
                .statusCode(404);
        // a leader cannot put someone from another zone on their shift
        Api.as(Tokens.leader1()).body("{\"personId\":\"" + DutyFixture.WORKER2_PERSON + "\"}")
                .post("/api/v1/duty-shifts/" + shift + "/assignees").then().statusCode(404);
        // workers read, they do not roster
        Api.as(Tokens.worker1()).body(gen).post("/api/v1/duty-shifts/generate").then().statusCode(403);
        Api.as(Tokens.worker1()).get("/api/v1/duty-shifts/" + shift).then().statusCode(200);
    }
}
