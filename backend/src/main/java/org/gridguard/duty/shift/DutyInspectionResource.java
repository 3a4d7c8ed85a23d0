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

@Path("/api/v1/duty-inspections")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class DutyInspectionResource {

    @Inject
    DutyPostService posts;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Spot inspections of a day (default today)")
    public List<InspectionView> list(@QueryParam("areaId") UUID areaId, @QueryParam("date") LocalDate date) {
        return posts.inspections(areaId, date);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Record a spot inspection of a post", description = "Leaders check twice a day that posts are staffed.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response inspect(@Valid @NotNull NewInspection body) {
        return Response.status(201).entity(posts.inspect(body)).build();
    }
}
