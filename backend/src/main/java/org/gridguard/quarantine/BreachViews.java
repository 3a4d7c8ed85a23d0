package org.gridguard.quarantine;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A breach of a home order seen at a checkpoint: the request and the answer. */
public final class BreachViews {
    private BreachViews() {
    }

    @Schema(name = "NewQuarantineBreach")
    public record NewBreach(@NotNull @Schema(description = "Where the person tried to go out") UUID checkpointId,
            @Size(max = 500) String note) {
    }

    @Schema(name = "QuarantineBreach", requiredProperties = { "id", "orderId", "orderNumber", "checkpointId", "at",
            "recordedBy", "alertId" })
    public record BreachView(UUID id, UUID orderId, String orderNumber, UUID checkpointId, String checkpointName, Instant at,
            String recordedBy, String note,
            @Schema(description = "The QUARANTINE_BREACH alert it raised or joined (one per order, checkpoint and hour)")
            UUID alertId) {
    }
}
