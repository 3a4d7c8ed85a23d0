package org.gridguard.need;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.gridguard.need.NeedViews.NeedCancel;
import org.gridguard.need.NeedViews.NeedView;

@Path("/api/v1/needs")
@Tag(name = "Needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedResource {

    @Inject
    NeedService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Register a need", description = "Of a household, a resident, or a person under an active quarantine "
            + "order, in your reach. Send an Idempotency-Key: a retry never registers it twice.")
    @APIResponse(responseCode = "201", description = "Registered (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "400", description = "Not exactly one of householdId, residentId, quarantineOrderId, or bad input")
    @APIResponse(responseCode = "404", description = "The household, resident or active order is not in your reach")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull Needs.NewNeed body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/needs", service.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Needs in your reach", description = "Newest first: workers their cells, leaders their zone, "
            + "supervisors their community.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<NeedView> list(@QueryParam("status") Needs.Status status, @QueryParam("kind") Needs.Kind kind,
            @QueryParam("urgency") Needs.Urgency urgency, @QueryParam("areaId") UUID areaId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(status, kind, urgency, areaId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One need, with its history")
    @APIResponse(responseCode = "200", description = "The need")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    public NeedView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Cancel an open need, with a reason", description = "Needs the version you saw (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    @APIResponse(responseCode = "409", description = "The need is not open")
    @APIResponse(responseCode = "412", description = "The need changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public NeedView cancel(@PathParam("id") UUID id, @Valid @NotNull NeedCancel body, @HeaderParam("If-Match") String ifMatch) {
        return service.cancel(id, body, ifMatch);
    }
}
