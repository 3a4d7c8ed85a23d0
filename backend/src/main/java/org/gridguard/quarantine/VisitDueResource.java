package org.gridguard.quarantine;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Page;
import org.gridguard.quarantine.VisitViews.DueRow;

/** The day's visits of the caller's reach (the worker's 隔离 screen). */
@Path("/api/v1/quarantine-visits")
@Tag(name = "Quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class VisitDueResource {

    @Inject
    VisitService service;

    @GET
    @Path("/due")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "site-staff" })
    @Operation(operationId = "VisitResource_due", summary = "The day's visits in your reach", description = "One row per order running that day and window of its kind "
            + "(workers: their cells; leaders: their zone): DONE, DUE (the window has not closed), OVERDUE (closed today without a "
            + "visit), MISSED (a past day's). Overdue first, then by window.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "A bad date, cursor or limit")
    @APIResponse(responseCode = "404", description = "No such area node in your reach")
    public Page<DueRow> due(@QueryParam("date") @Parameter(description = "Default today in the deployment's zone") LocalDate date,
            @QueryParam("areaId") UUID areaId, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.due(date, areaId, cursor, limit);
    }
}
