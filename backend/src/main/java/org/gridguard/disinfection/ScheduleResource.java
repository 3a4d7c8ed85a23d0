package org.gridguard.disinfection;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.disinfection.DisinfectionViews.NewSchedule;
import org.gridguard.disinfection.DisinfectionViews.PlaceKind;
import org.gridguard.disinfection.DisinfectionViews.ScheduleChange;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionScheduleView;

@Path("/api/v1/disinfection-schedules")
@Tag(name = "Disinfection")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    ScheduleService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Schedule a place's disinfection rounds (消杀)", description = "For a compound or building (its public "
            + "areas) or a checkpoint in your reach: the times of day (default twice a day, 08:00 and 16:00) and the "
            + "tolerance (a round that many minutes before or after a time does its slot; default 60). One active schedule "
            + "per place. Send an Idempotency-Key: a retry never creates it twice.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisinfectionScheduleView.class)))
    @APIResponse(responseCode = "400", description = "Bad input (a missing field, a tolerance outside 5–240 minutes)")
    @APIResponse(responseCode = "404", description = "The place is not in your reach")
    @APIResponse(responseCode = "409", description = "The place already has an active schedule (scheduleId names it)")
    @APIResponse(responseCode = "422", description = "A time is not HH:MM or repeats, two windows overlap, the AREA place is "
            + "not a compound or building, or the Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewSchedule body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/disinfection-schedules", service.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "inspector" })
    @Operation(summary = "Disinfection schedules in your reach", description = "By place name. Filters: the place, an area, "
            + "includeInactive.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or filter")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<DisinfectionScheduleView> list(@QueryParam("placeKind") PlaceKind placeKind, @QueryParam("placeId") UUID placeId,
            @QueryParam("areaId") UUID areaId, @QueryParam("includeInactive") boolean includeInactive,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(placeKind, placeId, areaId, includeInactive, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "inspector" })
    @Operation(summary = "One disinfection schedule")
    @APIResponse(responseCode = "200", description = "The schedule")
    @APIResponse(responseCode = "404", description = "No such schedule in your reach")
    public DisinfectionScheduleView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Change an active schedule", description = "The times, the tolerance, the note. Needs the version "
            + "you saw (If-Match or body). Slots already passed keep what they were.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Bad input")
    @APIResponse(responseCode = "404", description = "No such schedule in your reach")
    @APIResponse(responseCode = "409", description = "The schedule was deactivated")
    @APIResponse(responseCode = "412", description = "The schedule changed since the version you saw")
    @APIResponse(responseCode = "422", description = "A time is not HH:MM or repeats, or two windows overlap")
    @APIResponse(responseCode = "428", description = "No version sent")
    public DisinfectionScheduleView change(@PathParam("id") UUID id, @Valid @NotNull ScheduleChange body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.change(id, body, ifMatch);
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Deactivate a schedule", description = "No slot is owed from now on; its rounds and missed slots "
            + "stay. Needs If-Match with the version you saw. The place may then get a new schedule.")
    @APIResponse(responseCode = "200", description = "Deactivated")
    @APIResponse(responseCode = "400", description = "A bad If-Match")
    @APIResponse(responseCode = "404", description = "No such schedule in your reach")
    @APIResponse(responseCode = "409", description = "Already deactivated")
    @APIResponse(responseCode = "412", description = "The schedule changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public DisinfectionScheduleView deactivate(@PathParam("id") UUID id,
            @Parameter(description = "The version you saw, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        return service.deactivate(id, ifMatch);
    }
}
