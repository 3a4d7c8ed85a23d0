package org.gridguard.inspection;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.inspection.InspectionViews.PlacePageView;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.PlaceView;

@Path("/api/v1/inspection-places")
@Tag(name = "Inspections")
@Produces(MediaType.APPLICATION_JSON)
public class PlaceResource {

    @Inject
    PlaceService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "Places to inspect in your reach", description = "Compounds and buildings, checkpoints and isolation "
            + "sites, enterprises of the register, whose name contains q; at most 50, by name.")
    @APIResponse(responseCode = "200", description = "The places")
    @APIResponse(responseCode = "400", description = "q longer than 100 characters")
    public List<PlaceView> list(@QueryParam("q") String q, @QueryParam("placeType") PlaceType placeType) {
        return service.search(q, placeType);
    }

    @GET
    @Path("/{placeKind}/{placeId}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "A place's page: its latest inspections and open findings")
    @APIResponse(responseCode = "200", description = "The place")
    @APIResponse(responseCode = "404", description = "No such place in your reach")
    public PlacePageView page(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "AREA", "CHECKPOINT", "ENTERPRISE" }))
            @PathParam("placeKind") String placeKind, @PathParam("placeId") UUID placeId) {
        return service.page(placeKind, placeId);
    }
}
