package org.gridguard.disinfection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Disinfection schedules', rounds' and slots' requests and answers. */
public final class DisinfectionViews {
    private DisinfectionViews() {
    }

    @Schema(name = "DisinfectionPlaceKind", description = "AREA: the public areas of a compound or building; CHECKPOINT: a "
            + "checkpoint (an isolation site too)")
    public enum PlaceKind {
        AREA, CHECKPOINT
    }

    @Schema(name = "DisinfectionSlotStatus", description = "DONE: a round was recorded in the window; MISSED: the window "
            + "passed without one; DUE: the window is open now; UPCOMING: not yet")
    public enum SlotStatus {
        DONE, MISSED, DUE, UPCOMING
    }

    @Schema(name = "DisinfectionPlace", requiredProperties = { "placeKind", "placeId", "name", "areaId" })
    public record DisinfectionPlaceView(PlaceKind placeKind, UUID placeId, String name,
            @Schema(description = "COMPOUND, BUILDING or the checkpoint's kind") String type, UUID areaId, String areaName,
            @Schema(description = "The place's active schedule, if any") UUID scheduleId) {
    }

    @Schema(name = "NewDisinfectionSchedule")
    public record NewSchedule(@NotNull PlaceKind placeKind, @NotNull UUID placeId,
            @Schema(description = "Times of day HH:MM in the deployment's zone (default 08:00 and 16:00)", example = "[\"08:00\", \"16:00\"]")
            @Size(min = 1, max = DisinfectionRules.MAX_TIMES) List<@NotNull @Size(max = 5) String> times,
            @Schema(description = "A round this many minutes before or after a time does its slot (default 60)")
            @Min(DisinfectionRules.MIN_TOLERANCE) @Max(DisinfectionRules.MAX_TOLERANCE) Integer toleranceMinutes,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "DisinfectionScheduleChange", description = "Only the fields sent change")
    public record ScheduleChange(
            @Size(min = 1, max = DisinfectionRules.MAX_TIMES) List<@NotNull @Size(max = 5) String> times,
            @Min(DisinfectionRules.MIN_TOLERANCE) @Max(DisinfectionRules.MAX_TOLERANCE) Integer toleranceMinutes,
            @Size(max = 1000) String note,
            @Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "DisinfectionSchedule", requiredProperties = { "id", "placeKind", "placeId", "placeName", "areaId", "times",
            "toleranceMinutes", "active", "createdBy", "createdAt", "updatedAt", "version" })
    public record DisinfectionScheduleView(UUID id, PlaceKind placeKind, UUID placeId, String placeName, UUID areaId, String areaName,
            @Schema(description = "HH:MM, sorted") List<String> times, int toleranceMinutes, String note, boolean active,
            Instant deactivatedAt, String createdBy, Instant createdAt, Instant updatedAt, long version) {
    }

    @Schema(name = "NewDisinfectionRound")
    public record NewRound(@NotNull PlaceKind placeKind, @NotNull UUID placeId,
            @Schema(description = "The schedule the round belongs to (that place's), or null") UUID scheduleId,
            @Schema(description = "When it was done (default now); not in the future") OffsetDateTime doneAt,
            @Schema(description = "Area disinfected in m², more than 0", example = "1200.5")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 2) BigDecimal areaM2,
            @Schema(description = "The disinfectant, e.g. 含氯消毒剂 84") @NotBlank @Size(max = 100) String agent,
            @Schema(description = "Concentration in mg/L, more than 0", example = "500")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 7, fraction = 2) BigDecimal concentrationMgL,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "DisinfectionRound", requiredProperties = { "id", "placeKind", "placeId", "placeName", "areaId", "doneAt",
            "areaM2", "agent", "concentrationMgL", "recordedBy", "recordedAt" })
    public record DisinfectionRoundView(UUID id, PlaceKind placeKind, UUID placeId, String placeName, UUID areaId, UUID scheduleId,
            Instant doneAt, BigDecimal areaM2, String agent, BigDecimal concentrationMgL, String note, String recordedBy,
            Instant recordedAt) {
    }

    @Schema(name = "DisinfectionSlot", requiredProperties = { "at", "windowStart", "windowEnd", "status" })
    public record SlotView(Instant at, Instant windowStart, Instant windowEnd, SlotStatus status,
            @Schema(description = "The round that did it") UUID roundId) {
    }

    @Schema(name = "DisinfectionDay", description = "A schedule's slots of one day",
            requiredProperties = { "scheduleId", "placeKind", "placeId", "placeName", "areaId", "slots" })
    public record DisinfectionDayView(UUID scheduleId, PlaceKind placeKind, UUID placeId, String placeName, UUID areaId,
            List<SlotView> slots) {
    }
}
