package org.gridguard.duty.swap;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer shapes of shift swaps. */
public final class SwapViews {
    private SwapViews() {
    }

    @Schema(name = "DutySwap", requiredProperties = { "id", "shiftId", "personId", "otherPersonId", "state", "personName", "otherPersonName",
            "checkpointCode", "checkpointName", "startsAt", "endsAt", "version" })
    public record SwapView(UUID id, UUID shiftId, UUID personId, UUID otherPersonId, UUID otherShiftId,
            DutySwap.State state, String reason, String requestedBy, String acceptedBy, String decidedBy, long version,
            @Schema(description = "Who gives the shift away") String personName,
            @Schema(description = "Who is asked to take it") String otherPersonName,
            String checkpointCode, String checkpointName, OffsetDateTime startsAt, OffsetDateTime endsAt,
            @Schema(description = "Start of the other person's shift taken in exchange, if any") OffsetDateTime otherStartsAt) {
    }

    @Schema(name = "NewDutySwap")
    public record NewSwap(@NotNull @Schema(description = "The shift given away") UUID shiftId,
            @NotNull @Schema(description = "Who gives it away") UUID personId,
            @NotNull @Schema(description = "Who takes it") UUID otherPersonId,
            @Schema(description = "The other person's shift taken in exchange, if any") UUID otherShiftId,
            @Size(max = 500) String reason) {
    }
}
