package org.gridguard;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.PostgresResource;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SmokeTest {

    @Test
    void meShowsWorker1sCell() {
        Api.as(Tokens.worker1()).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("worker1"))
                .body("roles", hasItem("grid-worker"))
                .body("jurisdiction.code", hasItem("BH-C001-G01"));
    }
}
