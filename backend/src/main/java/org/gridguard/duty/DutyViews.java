package org.gridguard.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer shapes of the duty feature. */
public final class DutyViews {
    private DutyViews() {
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

    @Schema(name = "DutyPerson")
    public record PersonView(UUID id, String username, String name, String unit, List<String> skills, boolean partyMember,
            UUID homeAreaId, List<Integer> daysOff, List<String> datesOff, List<String> hoursOff,
            List<String> preferredKinds, boolean active, long version) {
    }

    @Schema(name = "NewDutyPerson")
    public record NewPerson(UUID id, @Size(max = 100) @Schema(description = "Login name, for those who log in") String username,
            @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) @Schema(description = "派出单位") String unit,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> skills, Boolean partyMember,
            @NotNull @Schema(description = "Their own grid cell or zone") UUID homeAreaId,
            @Size(max = 7) List<@Min(1) @Max(7) Integer> daysOff, @Size(max = 100) List<LocalDate> datesOff,
            @Size(max = 5) List<@NotBlank String> hoursOff, @Size(max = 4) List<DutyShift.Kind> preferredKinds) {
    }

    @Schema(name = "DutyPersonPatch")
    public record PersonPatch(@Size(min = 1, max = 100) String name, @Size(min = 1, max = 100) String unit,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> skills, Boolean partyMember, UUID homeAreaId,
            @Size(max = 7) List<@Min(1) @Max(7) Integer> daysOff, @Size(max = 100) List<LocalDate> datesOff,
            @Size(max = 5) List<@NotBlank String> hoursOff, @Size(max = 4) List<DutyShift.Kind> preferredKinds,
            Boolean active, Long version) {
    }

    @Schema(name = "DutyHours")
    public record HoursView(UUID personId, String name, String unit, boolean partyMember, int year, BigDecimal checkInHours,
            BigDecimal workLogHours, BigDecimal totalHours,
            @Schema(description = "12 for party members, else absent") BigDecimal targetHours, Boolean targetMet) {
    }

    @Schema(name = "DutyUnitHours")
    public record UnitHours(String unit, int people, BigDecimal hours) {
    }

    @Schema(name = "DutyHoursReport")
    public record HoursReport(int year, List<HoursView> people, List<UnitHours> units) {
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

    @Schema(name = "NewWorkLog")
    public record NewWorkLog(UUID id, @Schema(description = "Default: the caller's own duty person record") UUID personId,
            @NotNull LocalDate workDate, @NotBlank @Size(max = 2000) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") BigDecimal hours,
            @Min(0) @Max(100000) Integer householdsPhoned, @Min(0) @Max(100000) Integer householdsVisited) {
    }

    @Schema(name = "WorkLog")
    public record WorkLogView(UUID id, UUID personId, String personName, LocalDate workDate, String description,
            BigDecimal hours, int householdsPhoned, int householdsVisited, DutyWorkLog.Status status, String createdBy,
            String decidedBy, long version) {
    }

    @Schema(name = "WorkLogDecision")
    public record Decision(@NotNull Boolean approve, Long version) {
    }

    @Schema(name = "DutyMetrics")
    public record Metrics(UUID areaId, LocalDate from, LocalDate to, int shifts, int seatsNeeded, int seatsFilled,
            @Schema(description = "Filled seats / needed seats, 0–1") double fillRate, int gaps, long gapMinutesTotal,
            double gapMinutesAverage, List<PersonHours> hoursByPerson, List<UnitHours> hoursByUnit) {
    }

    @Schema(name = "DutyPersonHours")
    public record PersonHours(UUID personId, String name, String unit, BigDecimal hours) {
    }
}
