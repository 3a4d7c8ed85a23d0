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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.ReportFormat;
import org.gridguard.duty.hours.HoursViews.*;

@Path("/api/v1/metrics/duty")
@Tag(name = "Metrics")
@SuppressWarnings("unused")
public class DutyMetricsResource {

    @Inject
    DutyHoursService hours;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "agency" })
    @Operation(summary = "Duty metrics for an area and dates", description = "Fill rate, gaps and their duration, hours by person and unit. CSV with Accept: text/csv or format=csv.")
    public Response metrics(@QueryParam("areaId") UUID areaId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @BeanParam ReportFormat format) {
        Metrics m = hours.metrics(areaId, from, to);
        return format.answer(m, "duty-metrics.csv", DutyHoursService::csv);
    }
}
