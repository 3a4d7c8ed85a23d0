package org.gridguard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Access tokens already verified, by their exact text, until they expire (ADR 0016). A gate device or an
 * offline queue sends the same bearer token with every request for its whole lifetime; verifying its RS256
 * signature and parsing its claims again each time was the largest fixed cost of a registration. Only a token
 * that OIDC verified is ever remembered (the {@link Remember} augmentor sees identities that a provider has
 * already authenticated), so a forged, tampered or expired token always goes to OIDC and fails there. An
 * entry ends at the token's own {@code exp}: the cache never lets a token live longer than OIDC would.
 * Revocation is unchanged: OIDC checks bearer JWTs locally and never asked Keycloak about revocation.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final Cache<String, SecurityIdentity> verified;
    /** Requests answered from the cache (tests and diagnostics). */
    private final AtomicLong served = new AtomicLong();

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "gridguard.security.verified-tokens", defaultValue = "10000") long size) {
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfter(new Expiry<String, SecurityIdentity>() {
            public long expireAfterCreate(String token, SecurityIdentity identity, long now) {
                return lifetime(identity).toNanos();
            }

            public long expireAfterUpdate(String token, SecurityIdentity identity, long now, long current) {
                return lifetime(identity).toNanos();
            }

            public long expireAfterRead(String token, SecurityIdentity identity, long now, long current) {
                return current;
            }
        }).build();
    }

    /** Until the token's exp (0 when it has none or is past it: such an identity is not kept). */
    static Duration lifetime(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
            return left.isNegative() ? Duration.ZERO : left;
        }
        return Duration.ZERO;
    }

    SecurityIdentity get(String token) {
        SecurityIdentity id = verified.getIfPresent(token);
        // Caffeine evicts lazily; never answer with an identity whose token has expired
        return id == null || lifetime(id).isZero() ? null : id;
    }

    void put(String token, SecurityIdentity identity) {
        if (!lifetime(identity).isZero()) {
            verified.put(token, identity);
        }
    }

    /** Requests answered from the cache so far. */
    long served() {
        return served.get();
    }

    void servedOne() {
        served.incrementAndGet();
    }

    /** Answers a known token from the cache; anything else goes on to OIDC (a null item means "not mine"). */
    @ApplicationScoped
    public static class Known implements IdentityProvider<TokenAuthenticationRequest> {

        @Inject
        VerifiedTokens tokens;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            // before OIDC's provider (which keeps the default priority, 1001; higher runs first)
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            if (!(request.getToken() instanceof AccessTokenCredential credential)) {
                return Uni.createFrom().nullItem();
            }
            SecurityIdentity cached = tokens.get(credential.getToken());
            if (cached == null) {
                return Uni.createFrom().nullItem();
            }
            // the identity was built for an earlier request: attributes that point at that request's routing
            // context point at this one instead
            RoutingContext now = HttpSecurityUtils.getRoutingContextAttribute(request);
            QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(cached);
            for (Map.Entry<String, Object> a : cached.getAttributes().entrySet()) {
                if (a.getValue() instanceof RoutingContext) {
                    b.addAttribute(a.getKey(), now);
                }
            }
            tokens.servedOne();
            return Uni.createFrom().item(b.build());
        }
    }

    /** Remembers every identity OIDC verified from an access token. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            // first, so that the identity remembered is the one OIDC built, before any other augmentation
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential credential = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
            if (credential != null && !credential.isOpaque() && tokens.get(credential.getToken()) == null) {
                tokens.put(credential.getToken(), identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
