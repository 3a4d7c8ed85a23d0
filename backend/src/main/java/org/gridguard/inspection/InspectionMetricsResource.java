package org.gridguard.inspection;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.gridguard.inspection.InspectionMetricsViews.Metrics;
import org.gridguard.common.ReportFormat;

@Path("/api/v1/metrics/inspections")
@Tag(name = "Metrics")
public class InspectionMetricsResource {

    @Inject
    InspectionMetrics metrics;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "Inspection metrics for an area and days", description = "Inspections done, passed and failed, "
            + "the pass rate by template version and by item; rectification and first-check tasks open and overdue now; "
            + "enterprises that resumed work against those inspected the same day (当天复工当天上门核查); disinfection "
            + "rounds due, done and missed. Days in Asia/Shanghai, `to` included. Default area: the caller's own top node; "
            + "default days: the last 7 including today; at most 92 days. CSV (section, figure, value) with "
            + "Accept: text/csv or format=csv.")
    @APIResponse(responseCode = "422", description = "The range spans more than 92 days")
    @APIResponse(responseCode = "404", description = "No such area node within the caller's reach")
    @APIResponse(responseCode = "400", description = "A malformed date, or to before from")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = "text/csv", schema = @Schema(implementation = String.class, description = "section,figure,value")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = Metrics.class)) })
    public Response get(@Parameter(description = "An area node; default the caller's own top node") @QueryParam("areaId") UUID areaId,
            @Parameter(description = "First day; default 6 days before to") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, included; default today") @QueryParam("to") LocalDate to,
            @BeanParam ReportFormat format) {
        return format.answer(metrics.metrics(areaId, from, to), "inspection-metrics.csv", InspectionMetrics::csv);
    }
}
