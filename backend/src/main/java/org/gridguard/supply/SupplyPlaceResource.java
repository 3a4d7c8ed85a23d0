package org.gridguard.supply;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Responses;
import org.gridguard.supply.SupplyViews.NewPlace;
import org.gridguard.supply.SupplyViews.PlaceStock;
import org.gridguard.supply.SupplyViews.PlaceView;
import org.gridguard.supply.SupplyViews.Threshold;

/** Storage places (community office, checkpoint, isolation site), what each holds, and their low-stock thresholds. */
@Path("/api/v1/supplies/places")
@Tag(name = "Supplies")
@Produces(MediaType.APPLICATION_JSON)
public class SupplyPlaceResource {

    @Inject
    CatalogueService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Storage places in your reach", description = "Places within your nodes and those above them "
            + "(a community office serves the whole community).")
    @APIResponse(responseCode = "200", description = "The places, by name")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public List<PlaceView> list(@QueryParam("areaId") UUID areaId) {
        return service.places(areaId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Open a storage place", description = "On an area node of your reach, or at a checkpoint. Send an "
            + "Idempotency-Key: a retry never opens it twice.")
    @APIResponse(responseCode = "201", description = "Opened (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlaceView.class)))
    @APIResponse(responseCode = "400", description = "Bad input, naming the field")
    @APIResponse(responseCode = "404", description = "The area node or checkpoint is not in your reach")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewPlace body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/supplies/places", service.createPlace(body, key));
    }

    @GET
    @Path("/{id}/stock")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Stock on hand at a place", description = "Every item held or with a threshold there; low = below "
            + "its threshold.")
    @APIResponse(responseCode = "200", description = "The place and its stock")
    @APIResponse(responseCode = "404", description = "No such place in your reach")
    public PlaceStock stock(@PathParam("id") UUID id) {
        return service.stock(id);
    }

    @PUT
    @Path("/{id}/thresholds/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Set the low-stock threshold of an item at a place", description = "0 clears it.")
    @APIResponse(responseCode = "200", description = "The place's stock with the new threshold")
    @APIResponse(responseCode = "400", description = "A negative threshold, or a fraction of a counted item")
    @APIResponse(responseCode = "404", description = "No such place in your reach, or no such item")
    public PlaceStock threshold(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
            @Valid @NotNull Threshold body) {
        return service.threshold(id, itemId, body);
    }
}
