package org.gridguard.disinfection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Page;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionDayView;
import org.gridguard.disinfection.DisinfectionViews.PlaceKind;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionPlaceView;

/** The disinfection log's reads that are not one aggregate: a day's slots and the place picker. */
@Path("/api/v1")
@Tag(name = "Disinfection")
@Produces(MediaType.APPLICATION_JSON)
public class DisinfectionLogResource {

    @Inject
    RoundService rounds;
    @Inject
    ScheduleService schedules;

    @GET
    @Path("/disinfection-slots")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "inspector" })
    @Operation(summary = "A day's disinfection slots per place", description = "Every schedule in your reach alive that day "
            + "(default today, deployment zone), by place name, with each slot DONE (and the round), MISSED, DUE or UPCOMING.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or day")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<DisinfectionDayView> slots(@QueryParam("day") LocalDate day, @QueryParam("areaId") UUID areaId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return rounds.day(day, areaId, cursor, limit);
    }

    @GET
    @Path("/disinfection-places")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "inspector" })
    @Operation(summary = "Places to disinfect in your reach", description = "Compounds, checkpoints and buildings whose name "
            + "contains q, compounds first, at most 50, each with its active schedule if any.")
    @APIResponse(responseCode = "200", description = "The places")
    @APIResponse(responseCode = "400", description = "A bad filter")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public List<DisinfectionPlaceView> places(@QueryParam("q") @jakarta.validation.constraints.Size(max = 100) String q,
            @QueryParam("placeKind") PlaceKind placeKind, @QueryParam("areaId") UUID areaId) {
        return schedules.places(q, placeKind, areaId);
    }
}
