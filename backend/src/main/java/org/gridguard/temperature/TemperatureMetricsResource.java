package org.gridguard.temperature;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.ReportFormat;
import org.gridguard.temperature.TemperatureViews.Metrics;

@Path("/api/v1/metrics/temperature")
@Tag(name = "Metrics")
public class TemperatureMetricsResource {

    @Inject
    TemperatureMetrics metrics;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "agency" })
    @Operation(summary = "Temperature metrics for an area and days", description = "Per day: registrations, fevers, FEVER alerts open and "
            + "closed, reports due / received / missing and the compliance rate of people under watch. Default the last 7 days. "
            + "CSV with Accept: text/csv or format=csv.")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Metrics.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) })
    public Response get(@QueryParam("areaId") UUID areaId, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @BeanParam ReportFormat format) {
        Metrics m = metrics.metrics(areaId, from, to);
        return format.answer(m, "temperature-metrics.csv", TemperatureMetrics::csv);
    }
}
