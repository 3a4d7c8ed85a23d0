package org.gridguard.duty.hours;

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
import org.gridguard.duty.hours.HoursViews.*;

@Path("/api/v1/duty-hours")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class DutyHoursResource {

    @Inject
    DutyHoursService hours;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Service hours for the year, by person and by unit", description = "Workers see their own.")
    public HoursReport report(@QueryParam("areaId") UUID areaId, @QueryParam("year") Integer year) {
        return hours.report(areaId, year);
    }
}
