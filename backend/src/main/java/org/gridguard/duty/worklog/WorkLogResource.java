package org.gridguard.duty.worklog;

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
import org.gridguard.duty.worklog.WorkLogViews.*;

@Path("/api/v1/work-logs")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class WorkLogResource {

    static final String BASE = "/api/v1/work-logs";

    @Inject
    WorkLogService logs;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Daily work logs (日志填报)", description = "Leaders see their area's by day; workers their own.")
    public List<WorkLogView> list(@QueryParam("date") LocalDate date, @QueryParam("areaId") UUID areaId,
            @QueryParam("personId") UUID personId) {
        return logs.logs(date, areaId, personId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Log a day's work: what, how long, the figures", description = "Safe to retry (own id or Idempotency-Key). Hours count once a leader approves them.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@Valid @NotNull NewWorkLog body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, logs.createLog(body, key));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Approve or reject a work log", description = "Needs the version you saw.")
    public WorkLogView decide(@PathParam("id") UUID id, @Valid @NotNull Decision body, @HeaderParam("If-Match") String ifMatch) {
        return logs.decide(id, body, ifMatch);
    }
}
