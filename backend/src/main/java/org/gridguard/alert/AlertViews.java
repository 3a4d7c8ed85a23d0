package org.gridguard.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AlertViews {
    private AlertViews() {
    }

    @Schema(name = "Alert")
    public record AlertView(UUID id, AlertKind kind, AlertState state, String subjectType, UUID subjectId,
            String subjectLabel, UUID areaId, String areaName, UUID communityId, Map<String, Object> details,
            Instant raisedAt, Instant dueAt, boolean overdue, Instant overdueSince,
            @Schema(description = "The leaders of the alert's area, who handle it") List<String> assignees,
            String takenBy, Instant closedAt, Set<AlertState> nextStates, long version,
            @Schema(description = "When the alert last changed (delta reads with updatedSince)") Instant updatedAt) {
    }

    @Schema(name = "AlertEvent")
    public record EventView(long id, AlertState fromState, AlertState toState, String actor, Instant at, String note,
            Map<String, Object> data) {
    }

    @Schema(name = "AlertDetail")
    public record AlertDetail(AlertView alert, List<EventView> events) {
    }

    @Schema(name = "AlertTransition")
    public record Transition(@NotNull AlertState to, @Size(max = 1000) String note,
            @Schema(description = "Extra facts of this step, e.g. the re-measured temperature") Map<String, Object> data,
            @Schema(description = "The version you saw; or send If-Match") Long version) {
    }
}
