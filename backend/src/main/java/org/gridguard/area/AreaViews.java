package org.gridguard.area;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the area feature. */
public final class AreaViews {
    private AreaViews() {
    }

    @Schema(name = "AreaNode")
    public record NodeView(UUID id, AreaKind kind, String code, String name, UUID parentId, UUID communityId,
            CompoundType compoundType, long version, Instant updatedAt) {
        static NodeView of(AreaNode n) {
            return new NodeView(n.id, n.kind, n.code, n.name, n.parentId, n.communityId, n.compoundType, n.version,
                    n.updatedAt);
        }
    }

    @Schema(name = "NewAreaNode")
    public record NewNode(
            @Schema(description = "Client-supplied id (optional): a retried create with the same id returns the first result") UUID id,
            @NotNull AreaKind kind,
            @NotBlank @Size(max = 64) String code,
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Required for every kind but DISTRICT") UUID parentId,
            @Schema(description = "Required for compounds, forbidden otherwise") CompoundType compoundType) {
    }

    @Schema(name = "AreaNodePatch", description = "Only the fields sent change. Moving a node (parentId) keeps it in its community.")
    public record NodePatch(@Size(min = 1, max = 64) String code, @Size(min = 1, max = 200) String name,
            UUID parentId, CompoundType compoundType,
            @Schema(description = "The version you edited; or send If-Match") Long version) {
    }

    @Schema(name = "TreeNode")
    public record TreeNode(UUID id, AreaKind kind, String code, String name, CompoundType compoundType,
            @Schema(description = "True for an ancestor shown only as context: outside the caller's jurisdiction") boolean context,
            List<TreeNode> children) {
    }

    @Schema(name = "GridCellCounts", description = "Live counts; households and residents are absent until the census holds data")
    public record Counts(long compounds, long buildings, long checkpoints, Long households, Long residents) {
    }

    @Schema(name = "GridCell")
    public record GridCellView(UUID id, String code, String name, UUID zoneId, String zoneName, UUID communityId,
            String communityName, List<String> leaders, List<String> workers, Counts counts, long version) {
    }

    @Schema(name = "NewGridCell")
    public record NewGridCell(UUID id, @NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 200) String name,
            @NotNull UUID zoneId) {
    }

    @Schema(name = "GridCellPatch")
    public record GridCellPatch(@Size(min = 1, max = 64) String code, @Size(min = 1, max = 200) String name,
            UUID zoneId, Long version) {
    }

    @Schema(name = "Checkpoint")
    public record CheckpointView(UUID id, String code, String name, CheckpointKind kind, boolean watched24h,
            UUID guardsNodeId, String guardsNodeName, UUID communityId, long version) {
    }

    @Schema(name = "NewCheckpoint")
    public record NewCheckpoint(UUID id, @NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 200) String name,
            @NotNull CheckpointKind kind, Boolean watched24h,
            @NotNull @Schema(description = "The compound or community the checkpoint guards") UUID guardsNodeId) {
    }

    @Schema(name = "CheckpointPatch")
    public record CheckpointPatch(@Size(min = 1, max = 64) String code, @Size(min = 1, max = 200) String name,
            CheckpointKind kind, Boolean watched24h, UUID guardsNodeId, Long version) {
    }

    @Schema(name = "AreaChange", description = "One entry of a node's change history")
    public record ChangeView(long id, String actor, Instant at, String action, Map<String, Object> changes) {
    }
}
