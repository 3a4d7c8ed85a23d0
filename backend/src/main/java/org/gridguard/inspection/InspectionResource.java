package org.gridguard.inspection;

import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.inspection.InspectionViews.InspectionSummary;
import org.gridguard.inspection.InspectionViews.InspectionView;
import org.gridguard.inspection.InspectionViews.NewInspection;
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.Result;

@Path("/api/v1/inspections")
@Tag(name = "Inspections")
@Produces(MediaType.APPLICATION_JSON)
public class InspectionResource {

    static final String BASE = "/api/v1/inspections";

    @Inject
    InspectionService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(InspectionRules.MAX_BODY)
    @RolesAllowed({ "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "Record an inspection", description = "A place in your reach checked against a template version: "
            + "every item answered once, a FAIL with its reason and responsible person; signed on the phone (signOff) or "
            + "named for confirmation from their own login (responsibleUser). Every FAIL opens a RECTIFY task; recheckOf "
            + "closes the tasks whose item now passes. Send an Idempotency-Key: a retry never records it twice.")
    @APIResponse(responseCode = "201", description = "Recorded (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "400", description = "Bad input (the field is named)")
    @APIResponse(responseCode = "404", description = "The place or template is not in your reach")
    @APIResponse(responseCode = "413", description = "The signature image or the body is too large")
    @APIResponse(responseCode = "422", description = "The answers do not fit the template version (the field is named), the "
            + "template is not for this place, a re-checked task is not this place's, the signature is not a PNG/JPEG, or "
            + "the Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewInspection body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "Inspections in your reach", description = "Newest first; filtered by place, area, result and the "
            + "period [from, to) of inspectedAt.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or filter")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<InspectionSummary> list(@QueryParam("placeKind") PlaceKind placeKind, @QueryParam("placeId") UUID placeId,
            @QueryParam("areaId") UUID areaId, @QueryParam("result") Result result, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(new InspectionService.Query(placeKind, placeId, areaId, result, from, to), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency", "site-staff", "inspector" })
    @Operation(summary = "One inspection", description = "In your reach, or one that names you as its responsibleUser.")
    @APIResponse(responseCode = "200", description = "The inspection")
    @APIResponse(responseCode = "404", description = "No such inspection in your reach")
    public InspectionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/signature")
    @Produces({ "image/png", "image/jpeg", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency", "site-staff", "inspector" })
    @Operation(summary = "The responsible person's drawn signature")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No such inspection in your reach, or no signature")
    public Response signature(@PathParam("id") UUID id) {
        InspectionRepository.Image image = service.signature(id);
        return Response.ok(image.bytes(), image.contentType()).header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency", "site-staff", "inspector" })
    @Operation(summary = "Confirm an inspection as its responsible person", description = "Only the user named as "
            + "responsibleUser, from their own login; once.")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "403", description = "You are not the inspection's responsible person")
    @APIResponse(responseCode = "404", description = "No such inspection in your reach")
    @APIResponse(responseCode = "409", description = "Confirmed already")
    public InspectionView confirm(@PathParam("id") UUID id) {
        return service.confirm(id);
    }
}
