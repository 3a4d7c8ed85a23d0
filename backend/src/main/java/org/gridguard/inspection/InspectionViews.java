package org.gridguard.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The inspections' requests and answers: templates, places, inspections, rectification tasks. */
public final class InspectionViews {
    private InspectionViews() {
    }

    @Schema(name = "InspectionPlaceKind", description = "AREA: an area node (compound or building); CHECKPOINT: a checkpoint "
            + "(an isolation site is one of kind QUARANTINE_SITE); ENTERPRISE: a row of the enterprise register")
    public enum PlaceKind {
        AREA, CHECKPOINT, ENTERPRISE
    }

    @Schema(name = "InspectionPlaceType", description = "What a template is for: COMPOUND (AREA places), CHECKPOINT, "
            + "ISOLATION_SITE (a QUARANTINE_SITE checkpoint), ENTERPRISE")
    public enum PlaceType {
        COMPOUND, CHECKPOINT, ISOLATION_SITE, ENTERPRISE
    }

    @Schema(name = "InspectionItemSeverity")
    public enum Severity {
        MAJOR, MINOR
    }

    @Schema(name = "InspectionAnswerResult", description = "PASS, FAIL (needs reason and responsibleName) or NA (not applicable)")
    public enum AnswerResult {
        PASS, FAIL, NA
    }

    @Schema(name = "InspectionResult", description = "PASSED when no item failed")
    public enum Result {
        PASSED, FAILED
    }

    @Schema(name = "InspectionTaskKind", description = "RECTIFY: a failed item to put right (回头看); FIRST_CHECK: an "
            + "enterprise resuming work today, to inspect the same day")
    public enum TaskKind {
        RECTIFY, FIRST_CHECK
    }

    @Schema(name = "InspectionTaskStatus")
    public enum TaskStatus {
        OPEN, OVERDUE, CLOSED
    }

    // ---- templates

    @Schema(name = "InspectionTemplateChildInput", description = "A minor item under a major one")
    public record TemplateChildInput(@NotBlank @Size(max = 500) String text) {
    }

    @Schema(name = "InspectionTemplateItemInput", description = "A top-level item; a MAJOR item may hold MINOR children")
    public record TemplateItemInput(@NotBlank @Size(max = 500) String text, @NotNull Severity severity,
            @Valid @Size(max = 50) List<@NotNull TemplateChildInput> children) {
    }

    @Schema(name = "NewInspectionTemplate")
    public record NewTemplate(@NotBlank @Size(max = 200) String name, @NotNull PlaceType placeType,
            @NotEmpty @Size(max = 100) @Valid List<@NotNull TemplateItemInput> items) {
    }

    @Schema(name = "InspectionTemplateItem", requiredProperties = { "id", "position", "text", "severity" })
    public record TemplateItemView(UUID id, int position,
            @Schema(description = "The major item this minor item belongs to", nullable = true) UUID parentId, String text,
            Severity severity) {
    }

    @Schema(name = "InspectionTemplate", requiredProperties = { "id", "key", "version", "name", "placeType", "example",
            "retired", "createdAt", "items" })
    public record TemplateView(UUID id, @Schema(description = "Shared by every version of the template") UUID key,
            int version, String name, PlaceType placeType,
            @Schema(description = "A default example that a community edits") boolean example,
            @Schema(description = "A newer version replaced it; inspections keep using the version they used") boolean retired,
            Instant createdAt, @Schema(description = "Every item is answered, majors and minors, by position") List<TemplateItemView> items) {
    }

    // ---- places

    @Schema(name = "InspectionPlace", requiredProperties = { "placeKind", "placeId", "name", "placeType", "areaId", "areaName" })
    public record PlaceView(PlaceKind placeKind, UUID placeId, String name, PlaceType placeType,
            @Schema(description = "The area node whose reach is the place's") UUID areaId, String areaName) {
    }

    @Schema(name = "InspectionPlacePage", requiredProperties = { "place", "inspections", "openTasks" })
    public record PlacePageView(PlaceView place,
            @Schema(description = "The latest 20, newest first") List<InspectionSummary> inspections,
            @Schema(description = "Open and overdue tasks, earliest due first") List<TaskView> openTasks) {
    }

    // ---- inspections

    @Schema(name = "InspectionAnswerInput")
    public record AnswerInput(@NotNull UUID itemId, @NotNull AnswerResult result,
            @Size(max = 1000) @Schema(description = "Required for FAIL", nullable = true) String reason,
            @Size(max = 100) @Schema(description = "Required for FAIL: who puts it right", nullable = true) String responsibleName) {
    }

    @Schema(name = "InspectionSignOffInput", description = "The responsible person signs on the inspector's phone")
    public record SignOffInput(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 40) String phone,
            @NotBlank @Schema(description = "Base64 of a PNG (or JPEG) image, at most 256 KB decoded") String signaturePng) {
    }

    @Schema(name = "NewInspection", description = "Every item of the template version answered exactly once; signOff or "
            + "responsibleUser required. Send an Idempotency-Key: the phone's offline queue retries it.")
    public record NewInspection(@NotNull PlaceKind placeKind, @NotNull UUID placeId, @NotNull UUID templateId,
            @NotNull Instant inspectedAt, @NotNull @Size(max = 500) @Valid List<@NotNull AnswerInput> answers,
            @Size(max = 100) @Schema(description = "Tasks this inspection re-checks (may be empty)") List<@NotNull UUID> recheckOf,
            @Size(max = 2000) @Schema(nullable = true) String note, @Valid @Schema(nullable = true) SignOffInput signOff,
            @Size(max = 100) @Schema(description = "The responsible person's username, who confirms from their own login",
                    nullable = true) String responsibleUser) {
    }

    @Schema(name = "InspectionAnswer", requiredProperties = { "itemId", "text", "severity", "result" })
    public record AnswerView(UUID itemId, String text, Severity severity, AnswerResult result,
            @Schema(nullable = true) String reason, @Schema(nullable = true) String responsibleName) {
    }

    @Schema(name = "InspectionSignedBy", requiredProperties = { "name", "phoneMasked" })
    public record SignedByView(String name, String phoneMasked) {
    }

    @Schema(name = "Inspection", requiredProperties = { "id", "placeKind", "placeId", "placeName", "placeType", "templateId",
            "templateName", "templateVersion", "inspector", "inspectedAt", "result", "answers", "signature", "tasksOpened",
            "tasksClosed", "version" })
    public record InspectionView(UUID id, PlaceKind placeKind, UUID placeId, String placeName, PlaceType placeType,
            UUID templateId, String templateName, int templateVersion, String inspector, Instant inspectedAt, Result result,
            @Schema(description = "By item position") List<AnswerView> answers,
            @Schema(nullable = true) SignedByView signedBy,
            @Schema(description = "Whether a signature image is stored (GET …/signature)") boolean signature,
            @Schema(nullable = true) String confirmedBy, @Schema(nullable = true) Instant confirmedAt,
            @Schema(nullable = true) String responsibleUser, @Schema(nullable = true) String note,
            @Schema(description = "One RECTIFY task per failed item") List<TaskView> tasksOpened,
            @Schema(description = "Tasks this inspection closed (re-checks passed, a first check done)") List<TaskView> tasksClosed,
            long version) {
    }

    @Schema(name = "InspectionSummary", requiredProperties = { "id", "placeKind", "placeId", "placeName", "templateName",
            "templateVersion", "inspector", "inspectedAt", "result", "failedItems" })
    public record InspectionSummary(UUID id, PlaceKind placeKind, UUID placeId, String placeName, String templateName,
            int templateVersion, String inspector, Instant inspectedAt, Result result, int failedItems) {
    }

    // ---- tasks

    @Schema(name = "InspectionTask", requiredProperties = { "id", "kind", "placeKind", "placeId", "placeName", "dueAt",
            "status" })
    public record TaskView(UUID id, TaskKind kind, PlaceKind placeKind, UUID placeId, String placeName,
            @Schema(nullable = true) UUID itemId, @Schema(nullable = true) String itemText,
            @Schema(nullable = true) Severity severity, @Schema(nullable = true) String reason,
            @Schema(nullable = true) String responsibleName, Instant dueAt, TaskStatus status,
            @Schema(description = "The inspection that opened it", nullable = true) UUID openedBy,
            @Schema(description = "The inspection that closed it", nullable = true) UUID closedBy,
            @Schema(nullable = true) Instant closedAt) {
    }
}
