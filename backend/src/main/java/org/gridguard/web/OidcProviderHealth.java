package org.gridguard.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Reports whether Keycloak answers, without taking the API out of service when it does not: tokens already
 * issued keep working with the cached keys. So this check is informational and always UP; readiness
 * checks only the database.
 */
@Liveness
@ApplicationScoped
public class OidcProviderHealth implements HealthCheck {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public HealthCheckResponse call() {
        String provider;
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(
                    authServer.replaceAll("/$", "") + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            provider = r.statusCode() == 200 ? "UP" : "DOWN (HTTP " + r.statusCode() + ")";
        } catch (Exception e) {
            provider = "DOWN (" + e.getClass().getSimpleName() + ")";
        } 
        return HealthCheckResponse.named("oidc-provider").up().withData("provider", provider)
                .withData("impact", "issued tokens keep working while the provider is down").build();
    }
}
