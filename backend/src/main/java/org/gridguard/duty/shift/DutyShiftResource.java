package org.gridguard.duty.shift;

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
import org.gridguard.duty.shift.ShiftViews.*;

@Path("/api/v1/duty-shifts")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class DutyShiftResource {

    @Inject
    ShiftService service;
    @Inject
    AssigneeService assignees;
    @Inject
    DutyPostService posts;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Shifts you may see, by start time", description = "Default: the 7 days from today (business zone). mine=true: only the shifts you stand.")
    public Page<ShiftView> list(@QueryParam("areaId") UUID areaId, @QueryParam("checkpointId") UUID checkpointId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("mine") @Parameter(description = "Only the caller's own shifts") boolean mine,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.shifts(areaId, checkpointId, from, to, mine, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One shift with its assignees, check-ins, lateness and missing check-outs")
    public ShiftView get(@PathParam("id") UUID id) {
        return service.shift(id);
    }

    @POST
    @Path("/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Generate shifts from the patterns", description = "For every patterned checkpoint in the area, for the dates (business zone). Idempotent: existing shifts are kept, never duplicated.")
    public Generated generate(@Valid @NotNull GenerateShifts body) {
        return service.generate(body);
    }

    @POST
    @Path("/{id}/assignees")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Put a person on the shift", description = "Checked by the duty rules (OVERLAP, REST, WEEKLY_MAX, SKILLS, AVAILABILITY, STAFFING); each violation is listed in errors[] with the rule as field (422). With fromShiftId the person is moved: off that shift and onto this one atomically, checked as if they had never stood the old one; on any refusal neither shift changes.")
    @APIResponse(responseCode = "422", description = "A duty rule would be broken")
    public ShiftView addAssignee(@PathParam("id") UUID id, @Valid @NotNull NewAssignee body) {
        return body.fromShiftId() == null ? assignees.addAssignee(id, body.personId())
                : assignees.moveAssignee(body.fromShiftId(), id, body.personId());
    }

    @DELETE
    @Path("/{id}/assignees/{personId}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Take a person off the shift")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeAssignee(@PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        assignees.removeAssignee(id, personId);
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "grid-leader", "grid-worker" })
    @Operation(summary = "Check in at the post", description = "Yourself, or (leaders; a worker on the same shift) someone without a login. Repeating it answers the first check-in.")
    public ShiftView checkIn(@PathParam("id") UUID id, @Valid CheckInRequest body) {
        return posts.checkIn(id, body);
    }

    @POST
    @Path("/{id}/check-outs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "grid-leader", "grid-worker" })
    @Operation(summary = "Check out of the post")
    public ShiftView checkOut(@PathParam("id") UUID id, @Valid CheckInRequest body) {
        return posts.checkOut(id, body);
    }
}
