package org.gridguard.duty.roster;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.RateLimited;
import org.gridguard.common.Responses;
import org.gridguard.duty.roster.RosterViews.*;

@Path("/api/v1/rosters")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class RosterResource {

    @Inject
    RosterService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(group = "solve")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Build a rota automatically", description = "Starts a job (202, Location: the job) that fills the open places of the area's shifts for the dates with Timefold Solver. One solve at a time per instance; the job's report carries progress and score. The result is a proposal to review and publish. 429 with Retry-After when the caller started too many solves lately, or has too many (or the server has too many) queued or running.")
    @APIResponse(responseCode = "202", description = "Started: follow the job", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RosterView.class)))
    public Response start(@Valid @NotNull NewRoster body) {
        RosterView v = service.start(body);
        return Response.accepted(v).location(java.net.URI.create("/api/v1/jobs/" + v.jobId())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "A roster: status, score, the proposal and the shifts it cannot fill (with why)")
    public RosterView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Stop solving early", description = "The best rota found so far becomes the proposal.")
    public RosterView stop(@PathParam("id") UUID id) {
        return service.stop(id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Publish the proposal", description = "Every new assignee is checked by the duty rules again; if any would break one, nothing is published (422).")
    public RosterView publish(@PathParam("id") UUID id) {
        return service.publish(id);
    }
}
