package org.gridguard.quarantine;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Problem;
import org.gridguard.common.RateLimited;

/** The printable release notice of a quarantine order (ADR 0033). */
@Path("/api/v1/quarantines/{id}/release-notice.pdf")
@Tag(name = "Quarantine")
public class NoticeResource {

    static final String PDF = "application/pdf";

    @Inject
    NoticeService service;

    @GET
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @RateLimited
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "The release notice of a released order (A4 PDF, Chinese)", description = "解除居家医学观察告知书 "
            + "(home orders) or 解除集中隔离医学观察告知书 (central isolation): community, order number and check code, dates, "
            + "the person's name and masked ID number, and a QR code for the public verification. Each download is "
            + "recorded in the PII audit (action RELEASE_NOTICE).")
    @APIResponse(responseCode = "200", description = "The notice", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such order in your reach", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order is not released (its status in the problem's orderStatus)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many downloads; see Retry-After", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The notice's font is not installed on this server", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        byte[] pdf = service.releaseNotice(id);
        return Response.ok(pdf, PDF).header("Content-Disposition", "inline; filename=\"release-notice.pdf\"").build();
    }
}
