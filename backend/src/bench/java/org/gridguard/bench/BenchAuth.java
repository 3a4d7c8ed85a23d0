package org.gridguard.bench;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * BENCH BUILD ONLY (backend/src/bench, Maven profile {@code bench}; never in the product jar).
 * <p>
 * "Auth off" for P4: a request carrying {@code X-Bench-Auth: off} is given a fixed identity (default: worker1 with
 * the grid-worker role) without any token being read or verified. Everything after authentication is the same as
 * for a real token: {@code @RolesAllowed}, {@code Caller}, the jurisdiction query, validation, the write. Requests
 * without the header go to the OIDC bearer mechanism as usual, so one running API serves both sides of P4.
 */
@ApplicationScoped
public class BenchAuth implements HttpAuthenticationMechanism {

    static final String HEADER = "X-Bench-Auth";

    final SecurityIdentity fixed;

    BenchAuth(@ConfigProperty(name = "gridguard.bench.principal", defaultValue = "worker1") String principal,
            @ConfigProperty(name = "gridguard.bench.roles", defaultValue = "grid-worker") Set<String> roles) {
        fixed = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal)).addRoles(roles).build();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if ("off".equals(context.request().getHeader(HEADER))) {
            return Uni.createFrom().item(fixed);
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        // before the OIDC bearer mechanism (DEFAULT_PRIORITY = 1000)
        return 3000;
    }
}
