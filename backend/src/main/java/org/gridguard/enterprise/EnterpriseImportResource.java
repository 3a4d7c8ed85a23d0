package org.gridguard.enterprise;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.RateLimited;
import org.gridguard.common.Responses;
import org.gridguard.enterprise.EnterpriseViews.ImportAccepted;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Imports of the register from a sheet: a job per file, its progress and report, its refused rows. */
@Path("/api/v1/enterprise-imports")
@Tag(name = "Enterprises")
public class EnterpriseImportResource {

    @Inject
    EnterpriseImportService service;

    @POST
    // JSON is listed so that a caller without the right role gets 403 rather than 415 (negotiation runs first)
    @Consumes({ MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(20L * 1024 * 1024)
    @RateLimited(group = "import")
    @RolesAllowed({ "admin", "supervisor", "inspector" })
    @Operation(summary = "Import the register from a sheet (CSV in UTF-8 or GBK, or XLSX) with the usual Chinese columns",
            description = "Runs as a job: 202 with Location /api/v1/jobs/{id} (progress and report there: created, updated, unchanged, rejected, errors). Upserts by credit code: "
                    + "re-importing the same file changes nothing. dryRun checks and counts without writing.")
    @APIResponse(responseCode = "202", description = "Accepted: follow the job", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ImportAccepted.class)))
    @APIResponse(responseCode = "400", description = "No file, no area, an unreadable file or a header without 企业名称 or "
            + "统一社会信用代码")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    @APIResponse(responseCode = "413", description = "More than 5000 rows, or a file over the limit")
    @APIResponse(responseCode = "429", description = "Too many imports running")
    public Response submit(@RestForm("file") FileUpload file, @RestForm("areaId") UUID areaId,
            @RestForm("dryRun") boolean dryRun) {
        ImportAccepted a = service.submit(file, areaId, dryRun);
        return Response.accepted(a).location(URI.create("/api/v1/jobs/" + a.jobId())).build();
    }

    @GET
    @Path("/template")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "admin", "supervisor", "inspector" })
    @Operation(summary = "The register sheet's template (CSV, UTF-8 with BOM so Excel opens it)")
    @APIResponse(responseCode = "200", description = "The header row")
    public Response template() {
        return Responses.csv(EnterpriseImportService.template(), "enterprise-template.csv");
    }

    @GET
    @Path("/{jobId}/errors")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "admin", "supervisor", "inspector" })
    @Operation(summary = "The rows an import refused: line, column and reason (CSV)")
    @APIResponse(responseCode = "200", description = "The refused rows")
    @APIResponse(responseCode = "404", description = "No such import of yours, or its rows are not checked yet")
    public Response errors(@PathParam("jobId") UUID jobId) {
        return Responses.csv(service.errors(jobId), "enterprise-import-errors.csv");
    }
}
