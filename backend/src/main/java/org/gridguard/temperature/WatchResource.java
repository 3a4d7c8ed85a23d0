package org.gridguard.temperature;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.temperature.TemperatureViews.NewWatch;
import org.gridguard.temperature.TemperatureViews.ReportStatus;
import org.gridguard.temperature.TemperatureViews.ReportWindow;
import org.gridguard.temperature.TemperatureViews.WatchPatch;
import org.gridguard.temperature.TemperatureViews.WatchReportRow;
import org.gridguard.temperature.TemperatureViews.WatchView;

@Path("/api/v1")
@Tag(name = "Temperature checks")
@Produces(MediaType.APPLICATION_JSON)
public class WatchResource {

    @Inject
    WatchService service;

    @POST
    @Path("/watches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Put a resident under watch", description = "With a reason and a period; they then report morning and afternoon. "
            + "Residents of your jurisdiction only.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again with the same Idempotency-Key)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WatchView.class)))
    public Response create(@Valid @NotNull NewWatch body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/watches", service.create(body, key));
    }

    @GET
    @Path("/watches")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "People under watch in your jurisdiction")
    public Page<WatchView> list(@QueryParam("areaId") UUID areaId,
            @QueryParam("activeOn") @Parameter(description = "Only watches running on this day") LocalDate activeOn,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(areaId, activeOn, cursor, limit);
    }

    @GET
    @Path("/watches/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One watch")
    public WatchView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/watches/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Change a watch: end it early, change its period or reason", description = "Needs the version you edited (If-Match or body).")
    public WatchView update(@PathParam("id") UUID id, @Valid @NotNull WatchPatch body, @HeaderParam("If-Match") String ifMatch) {
        return service.update(id, body, ifMatch);
    }

    @GET
    @Path("/watch-reports")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Twice-daily reports of the people under watch", description = "One row per person and window of the day "
            + "(default today in the deployment's zone): reported or not, the reading, and the MISSING_REPORT alert if one was raised.")
    public Page<WatchReportRow> reports(@QueryParam("areaId") UUID areaId, @QueryParam("date") LocalDate date,
            @QueryParam("window") ReportWindow window,
            @QueryParam("status") @Parameter(description = "MISSING, REPORTED or ALL (default)") ReportStatus status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.reports(areaId, date, window, status, cursor, limit);
    }
}
