package org.gridguard.report;

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
import org.gridguard.report.ReportViews.Dashboard;

@Path("/api/v1/dashboard")
@Tag(name = "Dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "The landing screen's day at a glance", description = "Every feature's tiles for the caller (a grid "
            + "worker: their own work today; a leader or supervisor: what needs attention in the area), the open alerts in "
            + "reach by kind (open, overdue, escalated), and the daily report's status of the node and its children (null "
            + "for grid workers).")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "400", description = "A malformed area id")
    @APIResponse(responseCode = "404", description = "No such area node within the caller's reach")
    public Dashboard get(@Parameter(description = "An area node; default the caller's own top node") @QueryParam("areaId") UUID areaId) {
        return service.dashboard(areaId);
    }
}
