package org.gridguard.quarantine;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Responses;
import org.gridguard.quarantine.BreachViews.BreachView;
import org.gridguard.quarantine.BreachViews.NewBreach;

@Path("/api/v1/quarantines/{id}/breaches")
@Tag(name = "Quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class BreachResource {

    @Inject
    BreachService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Record an attempt to go out under an order", description = "At a checkpoint where you record (your "
            + "area, or a shift there today), for a person who lives in the area it guards or in your reach. Every attempt is "
            + "kept; the QUARANTINE_BREACH alert for the leaders of the person's cell is raised once per order, checkpoint and "
            + "hour. Send an Idempotency-Key when retrying from an offline queue.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BreachView.class)))
    @APIResponse(responseCode = "400", description = "Bad input")
    @APIResponse(responseCode = "403", description = "You do not record at this checkpoint")
    @APIResponse(responseCode = "404", description = "No such checkpoint, or no such order in reach")
    @APIResponse(responseCode = "409", description = "The order is no longer active")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull NewBreach body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/quarantines/" + id + "/breaches", service.record(id, body, key));
    }
}
