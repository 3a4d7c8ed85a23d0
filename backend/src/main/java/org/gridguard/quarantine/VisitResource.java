package org.gridguard.quarantine;

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
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.quarantine.VisitViews.NewVisit;
import org.gridguard.quarantine.VisitViews.VisitView;

/**
 * The visits of one order. Its own class under the order's path: a class at /api/v1 would lose every request under
 * /api/v1/quarantines to {@link QuarantineResource} (JAX-RS matches the class by its longest literal path first).
 */
@Path("/api/v1/quarantines/{id}/visits")
@Tag(name = "Quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {

    @Inject
    VisitService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker", "site-staff" })
    @Operation(summary = "Record a visit to a person under a quarantine order", description = "By phone or at the door: temperature, "
            + "symptoms, the door seal (home isolation), needs. Counts for a window of the order's kind. A fever (37.3 °C or more) "
            + "raises FEVER (one per person and day) and the webhook quarantine.fever; a symptom without fever raises SYMPTOM "
            + "(one per person and day); a late visit closes the window's VISIT_MISSED. The same clientRef (or Idempotency-Key) "
            + "again answers the first visit.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "200", description = "The same clientRef and body again: the visit recorded the first time", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "404", description = "No such order in your reach")
    @APIResponse(responseCode = "409", description = "The order is no longer active (quarantine-released), or the clientRef was used for another visit")
    @APIResponse(responseCode = "422", description = "A refused value (a temperature out of range, NONE with a symptom, a seal on an order that is not home isolation …), or an Idempotency-Key reused with another body")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull NewVisit body, @HeaderParam(Idempotency.HEADER) String key) {
        VisitService.Recorded r = service.record(id, body, key);
        return Response.status(r.created() ? 201 : 200).entity(r.view()).build();
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "site-staff" })
    @Operation(summary = "The visits of a quarantine order", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    @APIResponse(responseCode = "404", description = "No such order in your reach")
    public Page<VisitView> list(@PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(id, cursor, limit);
    }
}
