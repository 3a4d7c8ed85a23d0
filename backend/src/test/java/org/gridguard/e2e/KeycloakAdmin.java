package org.gridguard.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Keycloak's admin REST API on the test stack, as the master realm's bootstrap admin (GG_KC_ADMIN_USER). */
final class KeycloakAdmin {

    static final String REALM = "/admin/realms/gridguard";

    private KeycloakAdmin() {
    }

    static String token() {
        return given().baseUri(RealSystem.env("GG_KC_URL")).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", RealSystem.env("GG_KC_ADMIN_USER"))
                .formParam("password", RealSystem.env("GG_KC_ADMIN_PASSWORD"))
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    /** A request to the admin API (paths under {@link #REALM}), with a fresh admin token. */
    static RequestSpecification api() {
        return given().baseUri(RealSystem.env("GG_KC_URL")).auth().oauth2(token()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** The id at the end of a 201's Location header. */
    static String createdId(io.restassured.response.Response created) {
        String location = created.then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
