package org.gridguard.quarantine;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Problem;
import org.gridguard.common.RateLimited;
import org.gridguard.quarantine.NoticeViews.NoticeVerification;

/** The public check of a release notice: deliberately without login, rate-limited per client address (ADR 0033). */
@Path("/api/v1/quarantine-notices")
@Tag(name = "Quarantine")
public class NoticeVerifyResource {

    static final int MAX = 64;

    @Inject
    NoticeService service;

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @RateLimited(group = "verify")
    @Operation(summary = "Is this release notice genuine? (public, no login)", description = "For the order number and "
            + "check code printed on a release notice (and carried by its QR code): whether they are those of a released "
            + "order, with the community and the dates. Nothing personal. A wrong code answers exactly like an unknown "
            + "number. Rate-limited per client address.")
    @APIResponse(responseCode = "200", description = "The answer", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeVerification.class)))
    @APIResponse(responseCode = "400", description = "number or code missing or too long", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many checks from your address; see Retry-After", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NoticeVerification verify(
            @QueryParam("number") @Parameter(required = true, description = "The order number printed on the notice (Q20261207-12)") String number,
            @QueryParam("code") @Parameter(required = true, description = "The check code printed on the notice") String code) {
        required("number", number);
        required("code", code);
        return service.verify(number, code);
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(name, "is required: it is printed on the notice");
        }
        if (value.length() > MAX) {
            throw ApiProblem.invalid(name, "is at most " + MAX + " characters");
        }
    }
}
