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
import org.gridguard.area.AreaViews.NewNode;
import org.gridguard.area.AreaViews.NodePatch;
import org.gridguard.area.AreaViews.NodeView;
import org.gridguard.area.AreaViews.TreeNode;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.RateLimited;
import org.gridguard.common.Responses;

@Path("/api/v1/areas")
@Tag(name = "Areas", description = "The area hierarchy: district → street → community → zone → grid cell → compound → building")
@Produces(MediaType.APPLICATION_JSON)
public class AreaResource {

    static final String BASE = "/api/v1/areas";

    @Inject
    AreaService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "List area nodes in your jurisdiction", description = "Keyset-paged by code.")
    public Page<NodeView> list(@QueryParam("kind") AreaKind kind, @QueryParam("parentId") UUID parentId,
            @QueryParam("q") @Parameter(description = "Matches code or name") String q,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @Parameter(description = "1 to 500, default 50") Integer limit) {
        return service.list(kind, parentId, q, cursor, limit);
    }

    @GET
    @Path("/tree")
    @RateLimited
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "The area tree you may see", description = "Your nodes and everything below them down to maxKind, with their ancestors as context.")
    public List<TreeNode> tree(@QueryParam("rootId") UUID rootId, @QueryParam("maxKind") AreaKind maxKind) {
        return service.tree(rootId, maxKind);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "One area node", description = "With an ETag carrying its version.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NodeView.class)))
    public Response get(@PathParam("id") UUID id) {
        NodeView v = service.get(id);
        return Responses.withVersion(v, v.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "Change history of an area node (who, when, what), newest first")
    public List<ChangeView> history(@PathParam("id") UUID id) {
        return service.history(id, "AREA_NODE");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Create an area node", description = "Admins anywhere; supervisors and leaders below their own nodes. Safe to retry with a client id or Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again, with Idempotent-Replayed: true)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NodeView.class)))
    public Response create(@Valid @NotNull NewNode body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes the create safe to retry") String key) {
        return Responses.created(BASE, service.create(body, key));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Rename, re-code or move an area node", description = "Needs the version you edited (body or If-Match); a stale one gets 412.")
    public NodeView update(@PathParam("id") UUID id, @Valid @NotNull NodePatch body, @HeaderParam("If-Match") String ifMatch) {
        return service.update(id, body, ifMatch);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Delete an empty area node", description = "409 while it has children, checkpoints, assignments or people.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }
}
