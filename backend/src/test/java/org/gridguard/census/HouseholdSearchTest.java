package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Door-number search runs on the server, inside the caller's jurisdiction. */
@QuarkusTest
class HouseholdSearchTest {

    @Test
    void searchByDoorNumber() {
        String door = Api.as(Tokens.worker1()).get("/api/v1/households?limit=1").then().statusCode(200).extract()
                .path("items[0].doorNumber");
        List<String> doors = Api.as(Tokens.worker1()).queryParam("door", door.toLowerCase()).queryParam("limit", 500)
                .get("/api/v1/households").then().statusCode(200).extract().jsonPath().getList("items.doorNumber");
        assertThat(doors).contains(door).allSatisfy(d -> assertThat(d.toLowerCase()).contains(door.toLowerCase()));
        // the same door in worker2's cells is not theirs to find
        List<String> cells = Api.as(Tokens.worker2()).queryParam("door", door).queryParam("limit", 500)
                .get("/api/v1/households").then().statusCode(200).extract().jsonPath().getList("items.gridCellId");
        assertThat(cells).doesNotContain(org.gridguard.testsupport.Demo.CELL1.toString());
        Api.as(Tokens.worker1()).queryParam("door", "x".repeat(51)).get("/api/v1/households").then().statusCode(400);
    }
}
