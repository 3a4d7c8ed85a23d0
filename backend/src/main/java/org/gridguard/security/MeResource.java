package org.gridguard.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.security.SecurityViews.Me;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    AssignmentService service;

    @GET
    @Authenticated
    @Operation(summary = "Your roles and jurisdiction")
    public Me me() {
        return service.me();
    }
}
