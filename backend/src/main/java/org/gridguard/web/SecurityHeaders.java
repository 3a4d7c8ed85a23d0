package org.gridguard.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * The Content-Security-Policy of every answer, and HSTS on HTTPS answers (ADR 0027). The other browser headers
 * (nosniff, X-Frame-Options, Referrer-Policy) and the API's {@code Cache-Control: no-store} are plain
 * {@code quarkus.http.header}/{@code quarkus.http.filter} settings in application.properties; these two need code:
 * the policy names Keycloak's origin, taken from {@code gridguard.web.oidc-authority}, and HSTS depends on the scheme.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** 180 days. No includeSubDomains: the deployment does not own its parent domain's other hosts. */
    static final String HSTS = "max-age=15552000";

    /** JSON and CSV answers load nothing and are framed by no one. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @ConfigProperty(name = "gridguard.web.oidc-authority")
    String authority;

    /**
     * The web app's policy. Scripts only from this origin (Vite emits no inline script, nothing evals); inline
     * styles allowed (antd writes its CSS-in-JS into style elements); fetches to this origin and to Keycloak
     * (discovery, token, refresh: oidc-client-ts renews with the refresh token, never in an iframe, so no frame
     * is allowed at all); the service worker from this origin; images also as data:/blob: URLs.
     */
    static String webPolicy(String keycloakOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self'",
                "connect-src 'self' " + keycloakOrigin,
                "worker-src 'self'",
                "manifest-src 'self'",
                "frame-src 'none'",
                "frame-ancestors 'none'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'");
    }

    /** scheme://host[:port] of a URL: a CSP source with a path would match that exact path only. */
    static String origin(String url) {
        URI u = URI.create(url);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("gridguard.web.oidc-authority must be an absolute URL: " + url);
        }
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    void register(@Observes Filters filters) {
        String web = webPolicy(origin(authority));
        // Dev mode only: the Dev UI and Swagger UI under /q/ are pages with inline scripts of their own.
        boolean devTools = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        filters.register(ctx -> {
            String path = ctx.normalizedPath();
            if (path.startsWith("/api/")) {
                ctx.response().putHeader("Content-Security-Policy", API_POLICY);
            } else if (!(devTools && path.startsWith("/q/"))) {
                ctx.response().putHeader("Content-Security-Policy", web);
            }
            if ("https".equals(ctx.request().scheme())) {
                ctx.response().putHeader("Strict-Transport-Security", HSTS);
            }
            ctx.next();
        }, 100);
    }
}
