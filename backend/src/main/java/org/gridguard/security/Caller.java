package org.gridguard.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: a person (keyed by preferred_username, stable across realm re-imports) or a partner
 * client (keyed by its client id; Keycloak names its service account "service-account-&lt;client&gt;").
 */
@RequestScoped
public class Caller {

    public enum Type {
        USER, CLIENT
    }

    @Inject
    SecurityIdentity identity;

    private String name;
    private Type type;

    private void resolve() {
        if (name != null) {
            return;
        }
        if (identity.isAnonymous()) {
            name = "anonymous";
            type = Type.USER;
            return;
        }
        String username = identity.getPrincipal().getName();
        String clientId = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object cid = jwt.getClaim("client_id");
            Object azp = jwt.getClaim("azp");
            if (cid != null || (username != null && username.startsWith("service-account-"))) {
                clientId = String.valueOf(cid != null ? cid : azp);
            }
        }
        if (clientId != null) {
            name = clientId;
            type = Type.CLIENT;
        } else {
            name = username;
            type = Type.USER;
        }
    }

    /** The key of this caller in assignments and audit rows. */
    public String name() {
        resolve();
        return name;
    }

    public Type type() {
        resolve();
        return type;
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
