package org.gridguard.report;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.ReportFormat;
import org.gridguard.report.ReportViews.DailyMetrics;

@Path("/api/v1/metrics/daily")
@Tag(name = "Metrics")
public class DailyMetricsResource {

    @Inject
    DailyMetricsService metrics;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "agency" })
    @Operation(summary = "The daily report's figures per day, for an agency's own dashboards", description = "Every measure "
            + "of every section (or those named in measures) for each day from `from` to `to` (included, Asia/Shanghai), "
            + "computed live over the area node and everything under it. COUNT: the day's events; LEVEL: the state at the "
            + "day's end; RATIO: 0..1 with 4 decimals, null when its denominator is 0. Default area: the caller's own top "
            + "node; default days: the last 7 including today; at most 92 days. CSV (date,measure,value) with "
            + "Accept: text/csv or format=csv.")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DailyMetrics.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "date,measure,value")) })
    @APIResponse(responseCode = "400", description = "A malformed date, or to before from")
    @APIResponse(responseCode = "404", description = "No such area node within the caller's reach")
    @APIResponse(responseCode = "422", description = "An unknown measure (named in the problem), or more than 92 days")
    public Response get(@Parameter(description = "An area node (and everything under it); default the caller's own top node")
            @QueryParam("areaId") UUID areaId,
            @Parameter(description = "The first day; default 6 days before the last") @QueryParam("from") LocalDate from,
            @Parameter(description = "The last day, included; default today") @QueryParam("to") LocalDate to,
            @Parameter(description = "Measure keys, comma-separated (census.households,duty.fillRate); default all",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2000)) @QueryParam("measures") String measures,
            @BeanParam ReportFormat format) {
        return format.answer(metrics.series(areaId, from, to, measures), "daily-metrics.csv", DailyMetricsService::csv);
    }
}
