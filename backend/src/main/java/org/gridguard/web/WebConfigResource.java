package org.gridguard.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deliberately public: tells the web app where to log in, so one build works on any host name. */
@Path("/config.json")
@Tag(name = "Web app")
public class WebConfigResource {

    @ConfigProperty(name = "gridguard.web.oidc-authority")
    String authority;

    @ConfigProperty(name = "gridguard.web.oidc-client-id")
    String clientId;

    @Schema(name = "WebConfig")
    public record WebConfig(String oidcAuthority, String oidcClientId) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Login settings for the web app (public)")
    public WebConfig config() {
        return new WebConfig(authority, clientId);
    }
}
