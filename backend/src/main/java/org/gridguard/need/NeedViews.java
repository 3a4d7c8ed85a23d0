package org.gridguard.need;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The needs register's requests and answers. */
public final class NeedViews {
    private NeedViews() {
    }

    @Schema(name = "NeedCancel")
    public record NeedCancel(@NotBlank @Size(max = 500) String reason,
            @Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "NeedAssign")
    public record NeedAssign(@Size(max = 100) @Schema(description = "The carrier's username; empty: the caller takes it")
            String assignee, @Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "NeedStep")
    public record NeedStep(@Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "NeedDeliver")
    public record NeedDeliver(@NotBlank @Size(max = 100) @Schema(description = "Who received it: 本人, 家属, a neighbour's name …")
            String receivedBy, @Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "NeedEvent", requiredProperties = { "action", "toStatus", "actor", "at" })
    public record NeedEventView(String action, Needs.Status fromStatus, Needs.Status toStatus, String actor, Instant at,
            String reason) {
    }

    @Schema(name = "Need", requiredProperties = { "id", "kind", "urgency", "source", "status", "areaId", "gridCellId",
            "hasPrescription", "createdBy", "createdAt", "updatedAt", "version", "history" })
    public record NeedView(UUID id, Needs.Kind kind, String detail, Needs.Urgency urgency, Needs.Source source,
            @Schema(description = "The visit that raised it, if any") UUID sourceRef, Needs.Status status,
            String cancelReason, UUID householdId, UUID residentId,
            @Schema(description = "The resident's name, when the need is a resident's") String residentName,
            @Schema(description = "Compound / building / door number of the household") String doorLabel,
            UUID quarantineOrderId, @Schema(description = "The active order's number") String orderNumber, UUID areaId,
            UUID gridCellId, String cellName, String medicineName, String medicineQuantity,
            @Schema(description = "Whether a prescription photo is attached (GET …/prescription)") boolean hasPrescription,
            @Schema(description = "The delivery run carrying it") UUID runId,
            @Schema(description = "Who carries it, while assigned or out for delivery") String assignedTo,
            @Schema(description = "Who received it at the door") String receivedBy, Instant deliveredAt, String createdBy, Instant createdAt, Instant updatedAt, long version,
            @Schema(description = "Every change of status, oldest first") List<NeedEventView> history) {
    }
}
