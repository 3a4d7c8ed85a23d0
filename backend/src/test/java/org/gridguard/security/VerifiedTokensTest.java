package org.gridguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** The cache of verified tokens (ADR 0016) must never let through a token that OIDC would refuse. */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aVerifiedTokenIsRememberedAndAnswersLikeTheFirstTime() {
        String token = Tokens.user("worker1", "grid-worker");
        assertThat(tokens.get(token)).isNull();
        Api.as(token).get("/api/v1/me").then().statusCode(200).body("username", equalTo("worker1"));
        assertThat(tokens.get(token)).isNotNull();
        long served = tokens.served();
        Api.as(token).get("/api/v1/me").then().statusCode(200).body("username", equalTo("worker1"));
        assertThat(tokens.served()).as("the second request was answered from the cache").isGreaterThan(served);
        // roles come with the remembered identity: a worker is still not a supervisor
        Api.as(token).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = Tokens.user("worker1", "grid-worker");
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        String[] p = token.split("\\.");
        // the same signature over claims that now say supervisor
        String claims = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8)
                .replace("\"grid-worker\"", "\"supervisor\"");
        String promoted = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + p[2];
        Api.as(promoted).get("/api/v1/me").then().statusCode(401);
        // one character of the signature changed
        char last = p[2].charAt(p[2].length() - 2);
        String badSig = p[0] + "." + p[1] + "." + p[2].substring(0, p[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + p[2].charAt(p[2].length() - 1);
        Api.as(badSig).get("/api/v1/me").then().statusCode(401);
        assertThat(tokens.get(promoted)).isNull();
        assertThat(tokens.get(badSig)).isNull();
        // a forged token of the same person is never remembered
        String forged = Tokens.forged("worker1", "grid-worker");
        Api.as(forged).get("/api/v1/me").then().statusCode(401);
        assertThat(tokens.get(forged)).isNull();
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() throws Exception {
        String token = Jwt.issuer(Tokens.ISSUER).preferredUserName("worker1").subject("sub-worker1")
                .claim("realm_access", Map.of("roles", List.of("grid-worker"))).audience(Tokens.AUDIENCE).expiresIn(2)
                .jws().keyId("1").sign();
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        assertThat(tokens.get(token)).isNotNull();
        Thread.sleep(3_500);
        assertThat(tokens.get(token)).isNull();
        Api.as(token).get("/api/v1/me").then().statusCode(401);
    }
}
