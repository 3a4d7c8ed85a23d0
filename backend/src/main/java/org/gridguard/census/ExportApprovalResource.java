package org.gridguard.census;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.census.CensusViews.ExportApprovalStatus;
import org.gridguard.census.CensusViews.ExportApprovalView;
import org.gridguard.census.CensusViews.ExportDecision;
import org.gridguard.census.CensusViews.ExportRequest;
import org.gridguard.common.Responses;

/** Clear exports of many people: asked for, approved by a second supervisor, downloaded once (ADR 0029). */
@Path("/api/v1/census/export-requests")
@Tag(name = "Census")
public class ExportApprovalResource {

    @Inject
    ExportApprovalService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "Ask for a clear export of more people than the approval threshold (1,000 by default)",
            description = "202: PENDING until another supervisor of the area (or an admin) approves it. A masked or "
                    + "smaller export needs no approval (422): use POST /api/v1/exports/residents. Audited.")
    @APIResponse(responseCode = "202", description = "Asked: PENDING", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExportApprovalView.class)))
    public Response request(@Valid ExportRequest body) {
        ExportApprovalView v = service.request(body);
        return Response.accepted(v).location(URI.create("/api/v1/census/export-requests/" + v.id())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Export requests of your communities, newest first (at most 200)")
    public List<ExportApprovalView> list(@QueryParam("status") ExportApprovalStatus status) {
        return service.list(status);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "One export request")
    public ExportApprovalView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Approve a PENDING export request (not your own)", description = "The requester may then download it once before expiresAt. Audited.")
    public ExportApprovalView approve(@PathParam("id") UUID id, @Valid ExportDecision body) {
        return service.decide(id, true, body);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Reject a PENDING export request (not your own)", description = "Audited.")
    public ExportApprovalView reject(@PathParam("id") UUID id, @Valid ExportDecision body) {
        return service.decide(id, false, body);
    }

    @POST
    @Path("/{id}/download")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "Download an approved export, once (its requester only; CSV like POST /api/v1/exports/residents)",
            description = "409 when it is not approved, was rejected, was downloaded already or expired. Audited.")
    public Response download(@PathParam("id") UUID id) {
        return Responses.csv(service.download(id), "residents.csv");
    }
}
