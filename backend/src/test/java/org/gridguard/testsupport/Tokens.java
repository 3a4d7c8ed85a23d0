package org.gridguard.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/** Real signed JWTs, shaped like Keycloak's, for the WireMock OIDC server of the fast tier. */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "gridguard-api";

    /** A valid signature and issuer, but minted for another audience. */
    public static String otherAudience(String username, String... roles) {
        return Jwt.issuer(ISSUER).preferredUserName(username)
                .claim("realm_access", Map.of("roles", Arrays.asList(roles))).audience("some-other-api").jws()
                .keyId("1").sign();
    }

    private Tokens() {
    }

    /** A person's token: preferred_username and realm_access.roles, as Keycloak issues them. */
    public static String user(String username, String... roles) {
        return Jwt.issuer(ISSUER).preferredUserName(username).subject("sub-" + username)
                .claim("realm_access", Map.of("roles", Arrays.asList(roles)))
                .claim("azp", "gridguard-web").audience(AUDIENCE).jws().keyId("1").sign();
    }

    /** A partner client's token (client credentials): Keycloak's service-account shape. */
    public static String client(String clientId, String... roles) {
        return Jwt.issuer(ISSUER).preferredUserName("service-account-" + clientId).subject("sa-" + clientId)
                .claim("client_id", clientId).claim("azp", clientId)
                .claim("realm_access", Map.of("roles", Arrays.asList(roles))).audience(AUDIENCE).jws().keyId("1").sign();
    }

    /** Same claims, but signed with a key the server never published. */
    public static String forged(String username, String... roles) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            return Jwt.issuer(ISSUER).preferredUserName(username).subject("sub-" + username)
                    .claim("realm_access", Map.of("roles", Arrays.asList(roles))).audience(AUDIENCE).jws().keyId("1")
                    .sign(kp.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token from another issuer, signed with the right key. */
    public static String wrongIssuer(String username, String... roles) {
        return Jwt.issuer("https://evil.example.com").preferredUserName(username)
                .claim("realm_access", Map.of("roles", Arrays.asList(roles))).audience(AUDIENCE).jws().keyId("1").sign();
    }

    public static String admin() {
        return user("admin", "admin");
    }

    public static String supervisor() {
        return user("supervisor", "supervisor");
    }

    public static String leader1() {
        return user("leader1", "grid-leader");
    }

    public static String leader2() {
        return user("leader2", "grid-leader");
    }

    public static String worker1() {
        return user("worker1", "grid-worker");
    }

    public static String worker2() {
        return user("worker2", "grid-worker");
    }

    public static String agency() {
        return client("agency-demo", "agency");
    }

    public static String lab() {
        return client("lab-demo", "lab");
    }

    /** A second partner lab, assigned to no demo round. */
    public static String lab2() {
        return client("lab-other", "lab");
    }
}
