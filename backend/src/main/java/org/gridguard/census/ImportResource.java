package org.gridguard.census;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.census.CensusViews.ImportAccepted;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.RateLimited;
import org.gridguard.common.Responses;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/imports")
@Tag(name = "Census")
public class ImportResource {

    @Inject
    ImportService service;

    @POST
    // JSON is listed so that a caller without the right role gets 403 rather than 415 (negotiation runs first)
    @Consumes({ MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(60L * 1024 * 1024)
    @RateLimited(group = "import")
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Import a census file (CSV in UTF-8 or GBK, or XLSX) with the usual Chinese columns", description = "Runs as a job: 202 with Location /api/v1/jobs/{id}; progress and report there. dryRun checks without writing. A matching ID number in the community updates the resident; re-running the same file changes nothing.")
    @APIResponse(responseCode = "202", description = "Accepted: follow the job", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportAccepted.class)))
    public Response submit(@RestForm("file") FileUpload file, @RestForm("areaId") UUID areaId,
            @RestForm("dryRun") boolean dryRun) {
        ImportAccepted a = service.submit(file, areaId, dryRun);
        return Response.accepted(a).location(URI.create("/api/v1/jobs/" + a.jobId())).build();
    }

    @GET
    @Path("/template")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "The import template (CSV, UTF-8 with BOM so Excel opens it)")
    public Response template() {
        return Responses.csv(ImportService.template(), "census-template.csv");
    }

    @GET
    @Path("/{jobId}/errors")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "The rows an import refused: line number and reason (CSV)")
    public Response errors(@PathParam("jobId") UUID jobId) {
        return Responses.csv(service.errors(jobId), "import-errors.csv");
    }
}
