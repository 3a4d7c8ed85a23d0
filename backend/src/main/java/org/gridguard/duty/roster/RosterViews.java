package org.gridguard.duty.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer shapes of rosters. */
public final class RosterViews {
    private RosterViews() {
    }

    @Schema(name = "NewRoster")
    public record NewRoster(@NotNull UUID areaId, @NotNull LocalDate from, @NotNull LocalDate to,
            @Min(1) @Max(600) @Schema(description = "Longest solve, seconds (default 30)") Integer timeLimitSeconds,
            @Min(1) @Max(600) @Schema(description = "Stop after this many seconds without improvement (default 10)") Integer unimprovedSeconds) {
    }

    @Schema(name = "Roster")
    public record RosterView(UUID id, UUID areaId, LocalDate from, LocalDate to, UUID jobId, DutyRoster.Status status,
            String score, @Schema(description = "New assignees per shift") List<Map<String, Object>> proposal,
            @Schema(description = "Shifts that cannot be filled, with the rules that stop each candidate") List<Map<String, Object>> unfilled,
            String createdBy, String publishedBy, OffsetDateTime publishedAt, long version) {
    }
}
