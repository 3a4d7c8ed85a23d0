package org.gridguard.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 26: a reading's date is refused at the edge when its year is absurd (-999999999, once a 500), and by the
 * rules when it is older than the 30-day window (1970, year 1: once accepted); in a batch per item, the good items
 * kept. A NUL in a string is refused per item too.
 */
@QuarkusTest
class ReadingInputTest {

    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(2).withNano(0);

    @Test
    void aBatchItemWithAnAbsurdDateOrANulIsRejectedAloneAndTheOthersAreKept() {
        List<String> people = TempFixture.residents(Demo.CELL1, 3);
        Map<String, Object> good = TempFixture.gate(TempFixture.KK4, people.get(0), "36.5", NOW);
        Map<String, Object> extreme = TempFixture.gate(TempFixture.KK4, people.get(1), "36.5", NOW);
        extreme.put("measuredAt", "-999999999-01-01T00:00:00Z");
        Map<String, Object> nul = TempFixture.gate(TempFixture.KK4, people.get(2), "36.5", NOW);
        nul.put("vehiclePlate", "京A\u000012345");
        JsonPath r = Api.as(Tokens.worker1()).body(Map.of("items", List.of(good, extreme, nul)))
                .post("/api/v1/temperature-checks/batch").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("items.status")).containsExactly("CREATED", "REJECTED", "REJECTED");
        assertThat(r.getString("items[1].errors[0].field")).isEqualTo("measuredAt");
        assertThat(r.getString("items[1].errors[0].message")).contains("1900").contains("2100");
        assertThat(r.getString("items[2].errors[0].field")).isEqualTo("vehiclePlate");
        assertThat(r.getString("items[2].errors[0].message")).contains("control characters");
    }

    @Test
    void readingsOf1970AndYearOneAreRefused() {
        String resident = TempFixture.residents(Demo.CELL1, 1).get(0);
        Map<String, Object> old = TempFixture.gate(TempFixture.KK4, resident, "36.5", NOW);
        old.put("measuredAt", "1970-01-01T00:00:00Z");
        Api.as(Tokens.worker1()).body(old).post("/api/v1/temperature-checks").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("measuredAt"));
        // year 1 is outside the years the API reads at all: 400 at the edge
        old.put("measuredAt", "0001-01-01T00:00:00Z");
        Api.as(Tokens.worker1()).body(old).post("/api/v1/temperature-checks").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("measuredAt"));
        // 31 days ago is outside the offline window; 29 days ago is a late reading, kept
        old.put("measuredAt", NOW.minusDays(31).toString());
        Api.as(Tokens.worker1()).body(old).post("/api/v1/temperature-checks").then().statusCode(422);
        old.put("measuredAt", NOW.minusDays(29).toString());
        Api.as(Tokens.worker1()).body(old).post("/api/v1/temperature-checks").then().statusCode(201).body("late", equalTo(true));
    }

    @Test
    void anExtremeDateInTheFromFilterIs400() {
        Api.as(Tokens.worker1()).queryParam("from", "-999999999-01-01").get("/api/v1/temperature-checks").then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("from"));
    }
}
