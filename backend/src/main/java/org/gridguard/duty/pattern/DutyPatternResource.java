package org.gridguard.duty.pattern;

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
import org.gridguard.duty.pattern.PatternViews.*;

@Path("/api/v1/duty-patterns")
@Tag(name = "Duty shifts", description = "值班值守: patterns, shifts, people on duty, assignees, check-ins, rosters")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class DutyPatternResource {

    @Inject
    PatternService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Duty patterns of the checkpoints you see", description = "With areaId: of the checkpoints guarding that area, inside it or above it.")
    public List<PatternView> list(@QueryParam("areaId") UUID areaId) {
        return service.patterns(areaId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Set how a checkpoint is watched", description = "One pattern per checkpoint: three 8-hour shifts, day only (08–16) or one custom shift a day.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@Valid @NotNull NewPattern body) {
        PatternView v = service.createPattern(body);
        return Response.status(201).entity(v).location(java.net.URI.create("/api/v1/duty-patterns/" + v.id())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Change a duty pattern", description = "Needs the version you edited. Shifts already generated keep their needs.")
    public PatternView update(@PathParam("id") UUID id, @Valid @NotNull PatternPatch body, @HeaderParam("If-Match") String ifMatch) {
        return service.updatePattern(id, body, ifMatch);
    }
}
