package org.gridguard.quarantine;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Page;
import org.gridguard.quarantine.QuarantineListViews.ResolveRequest;
import org.gridguard.quarantine.QuarantineListViews.WorklistView;

@Path("/api/v1/quarantine-worklist")
@Tag(name = "Quarantine lists")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {

    @Inject
    WorklistService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "People of the bureau's lists the census did not find, in the caller's cells, zone or community (以房找人)")
    @APIResponse(responseCode = "200", description = "A page of the worklist, oldest first")
    @APIResponse(responseCode = "400", description = "A bad status, cursor or limit")
    public Page<WorklistView> list(
            @QueryParam("status") @Parameter(description = "OPEN (default), FOUND, NOT_FOUND, MOVED_AWAY") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.page(status, cursor, limit);
    }

    @POST
    @Path("/{itemId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Resolve a person of the worklist: FOUND (the resident; an order is created or extended), NOT_FOUND or MOVED_AWAY")
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "400", description = "A bad status, no resident for FOUND, no note otherwise")
    @APIResponse(responseCode = "404", description = "Not on the caller's worklist")
    @APIResponse(responseCode = "409", description = "Resolved already, or the order would have ended")
    public WorklistView resolve(@PathParam("itemId") UUID itemId, @Valid @NotNull ResolveRequest body) {
        return service.resolve(itemId, body);
    }
}
