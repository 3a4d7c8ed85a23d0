package org.gridguard.care;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.care.CareViews.CareVisitView;
import org.gridguard.care.CareViews.NewCareVisit;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;

/** A care plan's visits (a class of its own: RESTEasy matches the longest class path first). */
@Path("/api/v1/care-plans/{id}/visits")
@Tag(name = "Care")
@Produces(MediaType.APPLICATION_JSON)
public class CareVisitResource {

    @Inject
    CareVisitService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Record a care visit", description = "By phone or at the door: how the person is, a note, and needs "
            + "raised (each into the needs register, source CARE_VISIT). Send an Idempotency-Key: a retried visit is never "
            + "recorded twice.")
    @APIResponse(responseCode = "201", description = "Recorded (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CareVisitView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "404", description = "No such plan in your reach")
    @APIResponse(responseCode = "409", description = "The plan has ended")
    @APIResponse(responseCode = "422", description = "visitedAt in the future or before the plan, or an Idempotency-Key reused "
            + "with another body")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull NewCareVisit body,
            @HeaderParam(Idempotency.HEADER) String key) {
        // no Location: a visit is read in its plan's list, not on a route of its own
        Idempotency.Outcome<CareVisitView> o = service.record(id, body, key);
        Response.ResponseBuilder rb = Response.status(201).entity(o.view());
        return (o.replayed() ? rb.header(Idempotency.REPLAYED_HEADER, "true") : rb).build();
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "The visits of a care plan", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such plan in your reach")
    public Page<CareVisitView> list(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(id, cursor, limit);
    }
}
