package org.gridguard.area;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.area.AreaViews.GridCellPatch;
import org.gridguard.area.AreaViews.GridCellView;
import org.gridguard.area.AreaViews.NewGridCell;
import org.gridguard.area.AreaViews.NewNode;
import org.gridguard.area.AreaViews.NodePatch;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;

@Path("/api/v1/grid-cells")
@Tag(name = "Grid cells", description = "网格: the unit a grid worker is responsible for")
@Produces(MediaType.APPLICATION_JSON)
public class GridCellResource {

    static final String BASE = "/api/v1/grid-cells";

    @Inject
    AreaService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "Grid cells in your jurisdiction", description = "With leaders, workers and live counts. Keyset-paged by code.")
    public Page<GridCellView> list(@QueryParam("parentId") @Parameter(description = "A zone id") UUID parentId,
            @QueryParam("q") String q, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.gridCells(parentId, q, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "One grid cell", description = "With leaders, workers and live counts; ETag carries its version.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GridCellView.class)))
    public Response get(@PathParam("id") UUID id) {
        GridCellView v = service.gridCell(id);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Create a grid cell in a zone")
    @APIResponse(responseCode = "201", description = "Created (or the first result again, with Idempotent-Replayed: true)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GridCellView.class)))
    public Response create(@Valid @NotNull NewGridCell body, @HeaderParam(Idempotency.HEADER) String key) {
        var outcome = service.create(new NewNode(body.id(), AreaKind.GRID_CELL, body.code(), body.name(), body.zoneId(), null),
                key);
        var view = service.gridCell(outcome.id());
        return Responses.created(BASE, new Idempotency.Outcome<>(view, outcome.id(), outcome.replayed()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Rename or move a grid cell", description = "Needs the version you edited (body or If-Match).")
    public GridCellView update(@PathParam("id") UUID id, @Valid @NotNull GridCellPatch body,
            @HeaderParam("If-Match") String ifMatch) {
        service.gridCell(id);
        service.update(id, new NodePatch(body.code(), body.name(), body.zoneId(), null, body.version()), ifMatch);
        return service.gridCell(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Delete an empty grid cell")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.gridCell(id);
        service.delete(id, ifMatch);
    }
}
