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

@Path("/api/v1/duty-check-ins")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class DutyCheckInResource {

    @Inject
    DutyPostService posts;

    @GET
    @Path("/{id}/corrections")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Corrections of a check-in, newest first")
    public List<CorrectionView> corrections(@PathParam("id") UUID id) {
        return posts.corrections(id);
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Correct the times of a check-in", description = "Leaders of the post; the old and new times are kept in the history. Needs the check-in's version.")
    @APIResponse(responseCode = "201", description = "Corrected")
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull Correction body, @HeaderParam("If-Match") String ifMatch) {
        return Response.status(201).entity(posts.correct(id, body, ifMatch)).build();
    }
}
