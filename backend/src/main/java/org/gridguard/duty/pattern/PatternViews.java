package org.gridguard.duty.pattern;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer shapes of duty patterns. */
public final class PatternViews {
    private PatternViews() {
    }

    @Schema(name = "DutyPattern")
    public record PatternView(UUID id, UUID checkpointId, String checkpointCode, DutyPattern.Kind kind, int peopleNeeded,
            Integer nightNeeded, List<String> requiredSkills, String customStart, String customEnd, long version) {
    }

    @Schema(name = "NewDutyPattern")
    public record NewPattern(@NotNull UUID checkpointId,
            @NotNull @Schema(description = "THREE_SHIFTS (00–08, 08–16, 16–24), DAY_ONLY (08–16) or CUSTOM") DutyPattern.Kind kind,
            @NotNull @Min(1) @Max(50) Integer peopleNeeded,
            @Min(1) @Max(50) @Schema(description = "People on the 00–08 shift, when different") Integer nightNeeded,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> requiredSkills,
            @Schema(description = "HH:mm, for CUSTOM") String customStart,
            @Schema(description = "HH:mm, for CUSTOM; at or before the start means the next day") String customEnd) {
    }

    @Schema(name = "DutyPatternPatch")
    public record PatternPatch(DutyPattern.Kind kind, @Min(1) @Max(50) Integer peopleNeeded,
            @Min(1) @Max(50) Integer nightNeeded, @Size(max = 10) List<@NotBlank @Size(max = 40) String> requiredSkills,
            String customStart, String customEnd, Long version) {
    }
}
