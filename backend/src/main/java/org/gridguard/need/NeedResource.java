package org.gridguard.need;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.need.NeedViews.NeedAssign;
import org.gridguard.need.NeedViews.NeedCancel;
import org.gridguard.need.NeedViews.NeedDeliver;
import org.gridguard.need.NeedViews.NeedStep;
import org.gridguard.need.NeedViews.NeedView;

@Path("/api/v1/needs")
@Tag(name = "Needs")
@Produces(MediaType.APPLICATION_JSON)
public class NeedResource {

    @Inject
    NeedService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Register a need", description = "Of a household, a resident, or a person under an active quarantine "
            + "order, in your reach. Send an Idempotency-Key: a retry never registers it twice.")
    @APIResponse(responseCode = "201", description = "Registered (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "400", description = "Not exactly one of householdId, residentId, quarantineOrderId, or bad input")
    @APIResponse(responseCode = "404", description = "The household, resident or active order is not in your reach")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull Needs.NewNeed body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/needs", service.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Needs in your reach", description = "Newest first: workers their cells, leaders their zone, "
            + "supervisors their community.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<NeedView> list(@QueryParam("status") Needs.Status status, @QueryParam("kind") Needs.Kind kind,
            @QueryParam("urgency") Needs.Urgency urgency, @QueryParam("areaId") UUID areaId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(status, kind, urgency, areaId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One need, with its history")
    @APIResponse(responseCode = "200", description = "The need")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    public NeedView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Cancel a need, with a reason", description = "Any need not yet delivered or cancelled. Needs the "
            + "version you saw (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    @APIResponse(responseCode = "409", description = "The need is delivered or cancelled already")
    @APIResponse(responseCode = "412", description = "The need changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public NeedView cancel(@PathParam("id") UUID id, @Valid @NotNull NeedCancel body, @HeaderParam("If-Match") String ifMatch) {
        return service.cancel(id, body, ifMatch);
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Assign an open need to a carrier", description = "A grid worker takes it (assignee empty); a leader "
            + "or supervisor names a grid worker or leader of the need's cell. Needs the version you saw.")
    @APIResponse(responseCode = "200", description = "Assigned", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "400", description = "The assignee is not a worker or leader of the need's cell")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    @APIResponse(responseCode = "409", description = "The need is not open")
    @APIResponse(responseCode = "412", description = "The need changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public NeedView assign(@PathParam("id") UUID id, @Valid @NotNull NeedAssign body, @HeaderParam("If-Match") String ifMatch) {
        return service.assign(id, body, ifMatch);
    }

    @POST
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Set out with an assigned need (out for delivery)")
    @APIResponse(responseCode = "200", description = "Out for delivery", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    @APIResponse(responseCode = "409", description = "The need is not assigned")
    @APIResponse(responseCode = "412", description = "The need changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public NeedView dispatch(@PathParam("id") UUID id, @Valid @NotNull NeedStep body, @HeaderParam("If-Match") String ifMatch) {
        return service.dispatch(id, body, ifMatch);
    }

    @POST
    @Path("/{id}/deliver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Record the hand-over at the door, with who received it")
    @APIResponse(responseCode = "200", description = "Delivered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "400", description = "No receivedBy")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    @APIResponse(responseCode = "409", description = "The need is open, cancelled or delivered already")
    @APIResponse(responseCode = "412", description = "The need changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public NeedView deliver(@PathParam("id") UUID id, @Valid @NotNull NeedDeliver body, @HeaderParam("If-Match") String ifMatch) {
        return service.deliver(id, body, ifMatch);
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Put an assigned need back on the board, with a reason", description = "Nobody home, the carrier could "
            + "not go …: the carrier and run are cleared.")
    @APIResponse(responseCode = "200", description = "Open again", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NeedView.class)))
    @APIResponse(responseCode = "409", description = "The need is not assigned or out for delivery")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "412", description = "The need changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public NeedView reopen(@PathParam("id") UUID id, @Valid @NotNull NeedCancel body, @HeaderParam("If-Match") String ifMatch) {
        return service.reopen(id, body, ifMatch);
    }

    @PUT
    @Path("/{id}/prescription")
    @Consumes({ "image/jpeg", "image/png", "image/webp" })
    @BodyLimit(NeedPhotos.MAX_BYTES)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Attach the prescription photo of a medicine need", description = "JPEG, PNG or WebP, at most 5 MB; "
            + "replaces an earlier one.")
    @APIResponse(responseCode = "204", description = "Attached")
    @APIResponse(responseCode = "400", description = "Not an image")
    @APIResponse(responseCode = "404", description = "No such need in your reach")
    @APIResponse(responseCode = "409", description = "The need is not a medicine need")
    @APIResponse(responseCode = "413", description = "Larger than 5 MB")
    @APIResponse(responseCode = "415", description = "Not image/jpeg, image/png or image/webp")
    public Response putPrescription(@PathParam("id") UUID id, @HeaderParam("Content-Type") String type, byte[] photo) {
        service.putPrescription(id, type, photo);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/prescription")
    @Produces({ "image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "The prescription photo of a need")
    @APIResponse(responseCode = "200", description = "The photo", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No such need in your reach, or no photo")
    public Response prescription(@PathParam("id") UUID id) {
        Object[] photo = service.prescription(id);
        return Response.ok(photo[1], (String) photo[0]).header("Cache-Control", "private, no-store").build();
    }
}
