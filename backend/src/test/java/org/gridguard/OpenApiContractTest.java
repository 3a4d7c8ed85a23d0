package org.gridguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The committed top-level openapi.yaml is the contract partners integrate with: it must be exactly what
 * the code generates. Regenerate with: ./mvnw -pl backend test -Dtest=OpenApiContractTest -Dgridguard.openapi.update=true
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedContractMatchesTheCode() throws Exception {
        String generated = RestAssured.given().accept("application/yaml").get("/q/openapi?format=yaml").then()
                .statusCode(200).extract().asString();
        Path committed = Path.of(System.getProperty("gridguard.repo.root", ".."), "openapi.yaml").normalize();
        if (Boolean.getBoolean("gridguard.openapi.update")) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(committed)).as(committed + " exists").isTrue();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("openapi.yaml is out of date: regenerate it with -Dgridguard.openapi.update=true (see this test's javadoc)")
                .isEqualTo(generated);
    }
}
