package org.gridguard.duty.shift;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer shapes of shifts, their assignees, check-ins and inspections. */
public final class ShiftViews {
    private ShiftViews() {
    }

    @Schema(name = "GenerateDutyShifts")
    public record GenerateShifts(@NotNull @Schema(description = "Any area node: its checkpoints get shifts") UUID areaId,
            @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @Schema(name = "GeneratedDutyShifts")
    public record Generated(int created, int existing, int checkpoints) {
    }

    @Schema(name = "DutyShift")
    public record ShiftView(UUID id, UUID checkpointId, String checkpointCode, String checkpointName,
            LocalDate businessDate, DutyShift.Kind kind, OffsetDateTime startsAt, OffsetDateTime endsAt, int peopleNeeded,
            List<String> requiredSkills, List<AssigneeView> assignees,
            @Schema(description = "Nobody checked in 15 minutes after the start (a DUTY_GAP alert was raised)") boolean gap,
            UUID gapAlertId, long version) {
    }

    @Schema(name = "DutyShiftAssignee")
    public record AssigneeView(UUID personId, String name, String unit, String source, UUID checkInId,
            @Schema(description = "Send it with a correction") Long checkInVersion, OffsetDateTime checkInAt, OffsetDateTime checkOutAt, Integer lateMinutes, boolean missingCheckOut) {
    }

    @Schema(name = "NewDutyShiftAssignee")
    public record NewAssignee(@NotNull UUID personId,
            @Schema(description = "Move the person here from this shift: taken off it and put on this one in one transaction, or neither (the week board's drag and drop)") UUID fromShiftId) {
    }

    @Schema(name = "DutyCheckIn")
    public record CheckInRequest(
            @Schema(description = "Who arrives; default the caller (their duty person record)") UUID personId,
            @Schema(description = "When; default now. Offline clients send the moment of the tap") OffsetDateTime at,
            @DecimalMin("-90") @DecimalMax("90") Double latitude, @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    @Schema(name = "DutyHoursCorrection")
    public record Correction(@NotNull OffsetDateTime checkInAt, OffsetDateTime checkOutAt,
            @NotBlank @Size(max = 500) String reason, Long version) {
    }

    @Schema(name = "DutyHoursCorrectionView")
    public record CorrectionView(long id, OffsetDateTime oldCheckInAt, OffsetDateTime oldCheckOutAt,
            OffsetDateTime newCheckInAt, OffsetDateTime newCheckOutAt, String reason, String correctedBy,
            OffsetDateTime correctedAt) {
    }

    @Schema(name = "NewDutyInspection")
    public record NewInspection(@NotNull UUID checkpointId, @NotNull @Min(0) @Max(100) Integer present,
            @Schema(description = "Default: at least one person present") Boolean staffed, @Size(max = 1000) String note) {
    }

    @Schema(name = "DutyInspection")
    public record InspectionView(UUID id, UUID checkpointId, String checkpointCode, OffsetDateTime inspectedAt,
            String inspector, int present, boolean staffed, String note) {
    }
}
