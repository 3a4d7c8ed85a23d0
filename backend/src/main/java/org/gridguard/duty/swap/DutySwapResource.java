package org.gridguard.duty.swap;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.duty.swap.SwapViews.*;

@Path("/api/v1/duty-swaps")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class DutySwapResource {

    @Inject
    SwapService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Swap requests you may see, newest first")
    public List<SwapView> list(@QueryParam("state") DutySwap.State state) {
        return service.swaps(state);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Ask someone to take (or exchange) a shift", description = "The other person accepts, then a leader approves; the rules are checked on approval.")
    @APIResponse(responseCode = "201", description = "Requested")
    public Response request(@Valid @NotNull NewSwap body) {
        SwapView v = service.requestSwap(body);
        return Response.status(201).entity(v).location(java.net.URI.create("/api/v1/duty-swaps/" + v.id())).build();
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({ "admin", "grid-leader", "grid-worker" })
    @Operation(summary = "The other person accepts the swap")
    public SwapView accept(@PathParam("id") UUID id) {
        return service.acceptSwap(id);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "A leader approves an accepted swap", description = "The assignees change; 422 with the rules when the swap would break one.")
    public SwapView approve(@PathParam("id") UUID id) {
        return service.approveSwap(id);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Reject a swap (the person asked, or a leader)")
    public SwapView reject(@PathParam("id") UUID id) {
        return service.rejectSwap(id);
    }
}
