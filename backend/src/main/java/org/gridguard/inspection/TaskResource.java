package org.gridguard.inspection;

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
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.TaskKind;
import org.gridguard.inspection.InspectionViews.TaskStatus;
import org.gridguard.inspection.InspectionViews.TaskView;

@Path("/api/v1/inspection-tasks")
@Tag(name = "Inspections")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency", "site-staff", "inspector" })
    @Operation(summary = "Rectification and first-check tasks", description = "Admins, supervisors, leaders and inspectors: "
            + "the tasks in their reach; anyone else: the tasks of inspections that name them as responsibleUser. Earliest "
            + "due first.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<TaskView> list(@QueryParam("status") TaskStatus status, @QueryParam("placeKind") PlaceKind placeKind,
            @QueryParam("placeId") UUID placeId, @QueryParam("areaId") UUID areaId, @QueryParam("kind") TaskKind kind,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(new TaskService.Query(status, placeKind, placeId, areaId, kind), cursor, limit);
    }
}
