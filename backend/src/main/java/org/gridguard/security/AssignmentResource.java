package org.gridguard.security;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.security.SecurityViews.AssignmentView;
import org.gridguard.security.SecurityViews.NewAssignment;

@Path("/api/v1/assignments")
@Tag(name = "Assignments", description = "Jurisdiction: who works which area nodes")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @Inject
    AssignmentService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Assignments inside your jurisdiction")
    public Page<AssignmentView> list(@QueryParam("nodeId") UUID nodeId, @QueryParam("principal") String principal,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(nodeId, principal, cursor, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Assign a person or partner client to an area node")
    @APIResponse(responseCode = "201", description = "Created (or the first result again, with Idempotent-Replayed: true)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    public Response create(@Valid @NotNull NewAssignment body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/assignments", service.create(body, key));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Remove an assignment")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }
}
