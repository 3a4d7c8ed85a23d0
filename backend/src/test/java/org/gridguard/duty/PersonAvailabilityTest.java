package org.gridguard.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The limits of a person's availability hold alike for a new person and a patch, with the same answers. */
@QuarkusTest
class PersonAvailabilityTest {

    private static final Map<String, Object> TOO_MUCH = Map.of(
            "daysOff", List.of(1, 2, 3, 4, 5, 6, 7, 8),
            "datesOff", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "2022-03-10").toList(),
            "hoursOff", List.of("08:00-09:00", "", "10:00-11:00", "11:00-12:00", "12:00-13:00", "13:00-14:00"),
            "preferredKinds", List.of("DAY", "NIGHT", "EVENING", "CUSTOM", "DAY"));

    private static final List<Map<String, String>> ERRORS = List.of(
            Map.of("field", "datesOff", "message", "size must be between 0 and 100"),
            Map.of("field", "daysOff", "message", "size must be between 0 and 7"),
            Map.of("field", "daysOff[7]", "message", "must be less than or equal to 7"),
            Map.of("field", "hoursOff", "message", "size must be between 0 and 5"),
            Map.of("field", "hoursOff[1]", "message", "must not be blank"),
            Map.of("field", "preferredKinds", "message", "size must be between 0 and 4"));

    @Test
    void aNewPersonOverTheLimitsIsRefusedFieldByField() {
        Map<String, Object> body = new java.util.HashMap<>(TOO_MUCH);
        body.putAll(Map.of("name", "限制测试", "unit", "街道办", "homeAreaId", Demo.CELL1));
        List<Map<String, String>> errors = Api.as(Tokens.admin()).body(body).post("/api/v1/duty-people").then()
                .statusCode(400).extract().jsonPath().getList("errors");
        assertThat(errors).containsExactlyElementsOf(ERRORS);
    }

    @Test
    void aPatchOverTheLimitsIsRefusedTheSameWay() {
        Map<String, Object> body = new java.util.HashMap<>(TOO_MUCH);
        body.put("version", 0);
        List<Map<String, String>> errors = Api.as(Tokens.admin()).body(body)
                .patch("/api/v1/duty-people/" + DutyFixture.WORKER1_PERSON).then().statusCode(400).extract().jsonPath()
                .getList("errors");
        assertThat(errors).containsExactlyElementsOf(ERRORS);
    }
}
