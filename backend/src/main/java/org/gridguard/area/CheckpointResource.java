package org.gridguard.area;

import java.util.List;
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
import org.gridguard.area.AreaViews.ChangeView;
import org.gridguard.area.AreaViews.CheckpointPatch;
import org.gridguard.area.AreaViews.CheckpointView;
import org.gridguard.area.AreaViews.NewCheckpoint;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;

@Path("/api/v1/checkpoints")
@Tag(name = "Checkpoints", description = "卡口: gates, road junctions, bridges, quarantine sites")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointResource {

    static final String BASE = "/api/v1/checkpoints";

    @Inject
    AreaService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "Checkpoints you may see", description = "With areaId: those guarding that area, inside it or above it.")
    public Page<CheckpointView> list(@QueryParam("areaId") @Parameter(description = "Any area node") UUID areaId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.checkpoints(areaId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "One checkpoint", description = "ETag carries its version.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckpointView.class)))
    public Response get(@PathParam("id") UUID id) {
        CheckpointView v = service.checkpoint(id);
        return Responses.withVersion(v, v.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "Change history of a checkpoint, newest first")
    public List<ChangeView> history(@PathParam("id") UUID id) {
        return service.history(id, "CHECKPOINT");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Create a checkpoint guarding a compound or a community")
    @APIResponse(responseCode = "201", description = "Created (or the first result again, with Idempotent-Replayed: true)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckpointView.class)))
    public Response create(@Valid @NotNull NewCheckpoint body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.createCheckpoint(body, key));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Change a checkpoint", description = "Needs the version you edited (body or If-Match).")
    public CheckpointView update(@PathParam("id") UUID id, @Valid @NotNull CheckpointPatch body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.updateCheckpoint(id, body, ifMatch);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Delete a checkpoint")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.deleteCheckpoint(id, ifMatch);
    }
}
