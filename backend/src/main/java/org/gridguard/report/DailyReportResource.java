package org.gridguard.report;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Problem;

@Path("/api/v1/daily-reports")
@Tag(name = "Daily reports")
public class DailyReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    DailyReportService service;
    @Inject
    ReportFormats formats;

    @GET
    @Produces({ "application/json", "text/csv", XLSX, "application/pdf" })
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "The daily report (日报) of an area node for a day, computed now", description = "Every feature's "
            + "section with the day before beside it, the child nodes' submission status, and this node's latest "
            + "submission. Days in Asia/Shanghai. JSON, or CSV (section,measure,label,value,previous), XLSX or a printable "
            + "PDF with format=csv|xlsx|pdf or the Accept header; downloads are named daily-report-<date>.<ext>.")
    @APIResponse(responseCode = "200", description = "The live report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReportViews.DailyReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "section,measure,label,value,previous")),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "A malformed date or area id, or an unknown format")
    @APIResponse(responseCode = "404", description = "No such area node within the caller's reach")
    @APIResponse(responseCode = "503", description = "format=pdf and the report's Chinese font is not installed on this server",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "An area node; default the caller's own top node") @QueryParam("areaId") UUID areaId,
            @Parameter(description = "The day; default today (Asia/Shanghai)") @QueryParam("date") LocalDate date,
            @Parameter(description = "json, csv, xlsx or pdf; default from the Accept header, else json") @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) {
        return formats.answer(service.live(areaId, date), format, accept);
    }
}
