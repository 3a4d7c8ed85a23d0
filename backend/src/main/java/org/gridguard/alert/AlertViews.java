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
    public record AlertView(UUID id,
            @Schema(description = "The alert's kind: one of the kinds GET /api/v1/alert-kinds lists; features add kinds, so clients keep unknown ones", example = "FEVER") String kind, AlertState state, String subjectType, UUID subjectId,
            String subjectLabel, UUID areaId, String areaName,
            @Schema(description = "The community of its area; null for an alert of a street or district", nullable = true) UUID communityId,
            Map<String, Object> details,
            Instant raisedAt, Instant dueAt, boolean overdue, Instant overdueSince,
            @Schema(description = "When it last escalated one level up, open too long past its due time; null if never", nullable = true) Instant escalatedAt,
            @Schema(description = "The area node it is escalated to now (a zone's grid leaders, a community's or higher level's supervisors); null if never escalated", nullable = true) UUID escalationAreaId,
            @Schema(description = "Who handles it: the holders of the kind's role (grid leaders) at the alert's area or above it") List<String> assignees,
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

    @Schema(name = "AlertKind", description = "A kind of alert, declared by the feature that raises it",
            requiredProperties = { "kind", "labels", "color", "assigneeRole", "transitions" })
    public record KindView(@Schema(example = "FEVER") String kind,
            @Schema(description = "The name to show, by language") Map<String, String> labels,
            @Schema(description = "A tag colour (antd preset name: red, orange, magenta …)") String color,
            @Schema(description = "The role that handles alerts of this kind at the alert's area or above it") String assigneeRole,
            @Schema(description = "The workflow: the states each state may go to") Map<AlertState, Set<AlertState>> transitions) {
    }
}
