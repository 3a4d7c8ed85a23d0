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
import org.gridguard.supply.SupplyViews.ItemUpdate;
import org.gridguard.supply.SupplyViews.ItemView;
import org.gridguard.supply.SupplyViews.NewItem;

/** The item catalogue of supplies: what is counted, in what unit, in which category. */
@Path("/api/v1/supplies/items")
@Tag(name = "Supplies")
@Produces(MediaType.APPLICATION_JSON)
public class SupplyItemResource {

    @Inject
    CatalogueService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "The item catalogue", description = "By category and name; retired items only with all=true.")
    @APIResponse(responseCode = "200", description = "The items")
    public List<ItemView> list(@QueryParam("all") boolean all) {
        return service.items(all);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Add an item to the catalogue", description = "KG and LITRE items are counted in kg and L with up "
            + "to 3 decimals; COUNT items in whole units. Send an Idempotency-Key: a retry never adds it twice.")
    @APIResponse(responseCode = "201", description = "Added (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "400", description = "Bad input, naming the field")
    @APIResponse(responseCode = "409", description = "An item of that name is already in the catalogue")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewItem body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/supplies/items", service.createItem(body, key));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Rename, recategorise or retire an item", description = "The catalogue is shared by every "
            + "community, so only an admin changes an item. Its unit kind never changes (the ledger counts in it). Needs the "
            + "version you edited (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Bad input, naming the field")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "409", description = "Another item has that name")
    @APIResponse(responseCode = "412", description = "The item changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public ItemView update(@PathParam("id") UUID id, @Valid @NotNull ItemUpdate body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.updateItem(id, body, ifMatch);
    }
}
