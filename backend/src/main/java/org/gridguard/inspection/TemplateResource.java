package org.gridguard.inspection;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.gridguard.common.Responses;
import org.gridguard.inspection.InspectionViews.NewTemplate;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.TemplateView;

@Path("/api/v1/inspection-templates")
@Tag(name = "Inspections")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    static final String BASE = "/api/v1/inspection-templates";

    @Inject
    TemplateService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "Checklist templates", description = "The shared examples and your community's own, current "
            + "versions only unless includeRetired, by place type and name.")
    @APIResponse(responseCode = "200", description = "The templates")
    public List<TemplateView> list(@QueryParam("placeType") PlaceType placeType,
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return service.list(placeType, includeRetired);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "One template version, with its items")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", description = "No such template in your reach")
    public TemplateView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Create a template (version 1)", description = "Major items may hold minor items; every item is "
            + "answered. A supervisor's template belongs to their community; an admin's is shared.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "Bad input (the field is named)")
    @APIResponse(responseCode = "422", description = "A MINOR item holds children, or the Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewTemplate body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.create(body, key));
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "A new version of a template", description = "Templates are never changed in place: the new version "
            + "(same key, version + 1) replaces the current one, which is retired; inspections keep the version they used. "
            + "Send the version you saw as If-Match.")
    @APIResponse(responseCode = "201", description = "The new version", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "Bad input (the field is named)")
    @APIResponse(responseCode = "403", description = "A shared example is changed by an admin only; create your own from it")
    @APIResponse(responseCode = "404", description = "No such template in your reach")
    @APIResponse(responseCode = "409", description = "This version is retired already: a newer one exists")
    @APIResponse(responseCode = "412", description = "The template's version is not the one you saw")
    @APIResponse(responseCode = "422", description = "A MINOR item holds children, or the place type differs")
    @APIResponse(responseCode = "428", description = "No If-Match sent")
    public Response newVersion(@PathParam("id") UUID id, @Valid @NotNull NewTemplate body,
            @HeaderParam("If-Match") String ifMatch) {
        return Responses.created(BASE, service.newVersion(id, body, ifMatch));
    }
}
