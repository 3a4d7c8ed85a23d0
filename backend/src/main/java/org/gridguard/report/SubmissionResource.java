package org.gridguard.report;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.gridguard.common.Problem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Responses;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.NewSubmission;
import org.gridguard.report.ReportViews.SubmissionPage;

/** Submitting a daily report upward, and reading the submitted (frozen) versions. */
@Path("/api/v1/daily-reports/submissions")
@Tag(name = "Daily reports")
public class SubmissionResource {

    static final String BASE = "/api/v1/daily-reports/submissions";

    @Inject
    SubmissionService service;
    @Inject
    ReportFormats formats;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Submit a node's daily report upward (日报送)", description = "By the node's reporting role: a zone's "
            + "grid leader, a community's (street's, district's) supervisor. The figures are frozen: a zone's live figures; a "
            + "community's and above the sum of its children's latest submitted versions (children not yet submitted are "
            + "MISSING and add nothing). The first submission of a day is version 1; a correction needs a reason and makes "
            + "the next version; every version is kept. Send an Idempotency-Key: a retry never submits twice.")
    @APIResponse(responseCode = "201", description = "Submitted (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DailyReport.class)))
    @APIResponse(responseCode = "400", description = "No areaId, date or highlights, or a text longer than 2000 characters")
    @APIResponse(responseCode = "403", description = "The caller's role does not submit this level's report (a zone: grid-leader; "
            + "above: supervisor)")
    @APIResponse(responseCode = "404", description = "No such area node within the caller's reach")
    @APIResponse(responseCode = "409", description = "Another submission of this node and day came first: read it and send a "
            + "correction with a reason")
    @APIResponse(responseCode = "422", description = "A day in the future, a grid cell or below (they do not submit), a correction "
            + "without a reason, or an Idempotency-Key used with another request")
    public Response submit(@Valid @NotNull NewSubmission body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.submit(body, key));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "The submissions of a node for a day", description = "Every version, newest first.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "400", description = "No areaId, or a malformed date")
    @APIResponse(responseCode = "404", description = "No such area node within the caller's reach")
    public SubmissionPage list(@Parameter(description = "The area node", required = true) @QueryParam("areaId") UUID areaId,
            @Parameter(description = "The day; default today (Asia/Shanghai)") @QueryParam("date") LocalDate date) {
        return service.list(areaId, date);
    }

    @GET
    @Path("/{id}")
    @Produces({ "application/json", "text/csv", DailyReportResource.XLSX, "application/pdf" })
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "One submitted version, frozen as submitted", description = "The figures and children as they were "
            + "at submission, whatever happened since. The same four formats as the live report.")
    @APIResponse(responseCode = "200", description = "The submitted report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DailyReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "the live report's columns")),
            @Content(mediaType = DailyReportResource.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "The submitted report as a spreadsheet")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "The submitted report, printable, in Chinese")) })
    @APIResponse(responseCode = "400", description = "An unknown format")
    @APIResponse(responseCode = "404", description = "No such submission within the caller's reach")
    @APIResponse(responseCode = "503", description = "format=pdf and the report's Chinese font is not installed on this server",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "json, csv, xlsx or pdf; default from the Accept header, else json") @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) {
        return formats.answer(service.get(id), format, accept);
    }
}
