package org.gridguard.duty.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer shapes of service hours and duty metrics. */
public final class HoursViews {
    private HoursViews() {
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

    @Schema(name = "DutyMetrics")
    public record Metrics(UUID areaId, LocalDate from, LocalDate to, int shifts, int seatsNeeded, int seatsFilled,
            @Schema(description = "Filled seats / needed seats, 0–1") double fillRate, int gaps, long gapMinutesTotal,
            double gapMinutesAverage, List<PersonHours> hoursByPerson, List<UnitHours> hoursByUnit) {
    }

    @Schema(name = "DutyPersonHours")
    public record PersonHours(UUID personId, String name, String unit, BigDecimal hours) {
    }
}
