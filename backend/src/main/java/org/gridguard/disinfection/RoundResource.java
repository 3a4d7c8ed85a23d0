package org.gridguard.disinfection;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.disinfection.DisinfectionViews.NewRound;
import org.gridguard.disinfection.DisinfectionViews.PlaceKind;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionRoundView;

@Path("/api/v1/disinfection-rounds")
@Tag(name = "Disinfection")
@Produces(MediaType.APPLICATION_JSON)
public class RoundResource {

    @Inject
    RoundService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Record a disinfection round", description = "At a compound or building (its public areas) or a "
            + "checkpoint in your reach: when (default now), the area in m², the agent (e.g. 含氯消毒剂 84) and its "
            + "concentration in mg/L. A round within a slot's window does that slot. Send an Idempotency-Key: the phone's "
            + "offline queue retries, and a retry never records the round twice.")
    @APIResponse(responseCode = "201", description = "Recorded (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisinfectionRoundView.class)))
    @APIResponse(responseCode = "400", description = "Bad input (m² or concentration not above 0, no agent)")
    @APIResponse(responseCode = "404", description = "The place (or the schedule) is not in your reach")
    @APIResponse(responseCode = "422", description = "doneAt in the future, the schedule is another place's, the AREA place "
            + "is not a compound or building, or the Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewRound body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/disinfection-rounds", service.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "inspector" })
    @Operation(summary = "Disinfection rounds in your reach", description = "Newest first. Filters: the place, an area, the "
            + "business days from and to (inclusive).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or filter")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<DisinfectionRoundView> list(@QueryParam("placeKind") PlaceKind placeKind, @QueryParam("placeId") UUID placeId,
            @QueryParam("areaId") UUID areaId,
            @Parameter(description = "First business day") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last business day (inclusive)") @QueryParam("to") LocalDate to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(placeKind, placeId, areaId, from, to, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "inspector" })
    @Operation(summary = "One disinfection round")
    @APIResponse(responseCode = "200", description = "The round")
    @APIResponse(responseCode = "404", description = "No such round in your reach")
    public DisinfectionRoundView get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
