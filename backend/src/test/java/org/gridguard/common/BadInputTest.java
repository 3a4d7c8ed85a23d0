package org.gridguard.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 26: control characters and absurd dates are refused at the edge (ADR 0025), with the field named. */
@QuarkusTest
class BadInputTest {

    static final String B1 = Demo.id("BH-C001-XQ01-B01").toString();

    @Test
    void aNulInAHouseholdNameIs400NamingTheField() {
        Api.as(Tokens.worker1()).body(Map.of("areaId", B1, "doorNumber", "NUL-" + UUID.randomUUID().toString().substring(0, 6),
                "contactName", "王\u0000五")).post("/api/v1/households").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("contactName"))
                .body("errors[0].message", containsString("control characters"));
        // a lone surrogate is refused too; TAB, LF and CR are text
        Api.as(Tokens.worker1()).body("{\"areaId\":\"" + B1 + "\",\"doorNumber\":\"S-1\",\"notes\":\"a\\ud800b\"}")
                .post("/api/v1/households").then().statusCode(400).body("errors[0].field", equalTo("notes"));
        Api.as(Tokens.worker1()).body(Map.of("areaId", B1, "doorNumber", "TAB-" + UUID.randomUUID().toString().substring(0, 6),
                "notes", "line 1\r\n\tline 2")).post("/api/v1/households").then().statusCode(201);
    }

    @Test
    void aNulOrAnAbsurdDateInAQueryFilterIs400NamingTheParameter() {
        Api.as(Tokens.supervisor()).queryParam("door", "1\u00000").get("/api/v1/households").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("door"));
        Api.as(Tokens.supervisor()).queryParam("q", "\u0000").get("/api/v1/areas").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        Api.as(Tokens.supervisor()).queryParam("updatedSince", "-999999999-01-01T00:00:00Z").get("/api/v1/households")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        Api.as(Tokens.supervisor()).queryParam("date", "+999999999-12-31").get("/api/v1/work-logs").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        // ordinary values still pass
        Api.as(Tokens.supervisor()).queryParam("door", "10%_\\").get("/api/v1/households").then().statusCode(200);
    }
}
