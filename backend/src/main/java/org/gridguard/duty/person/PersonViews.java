package org.gridguard.duty.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.duty.person.Availability.DatesOff;
import org.gridguard.duty.person.Availability.DaysOff;
import org.gridguard.duty.person.Availability.HoursOff;
import org.gridguard.duty.person.Availability.PreferredKinds;
import org.gridguard.duty.person.Availability.Weekday;
import org.gridguard.duty.shift.DutyShift;

/** Request and answer shapes of people on duty. */
public final class PersonViews {
    private PersonViews() {
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
            @DaysOff List<@Weekday Integer> daysOff, @DatesOff List<@NotNull LocalDate> datesOff,
            @HoursOff List<@NotBlank String> hoursOff, @PreferredKinds List<DutyShift.@NotNull Kind> preferredKinds) {
    }

    @Schema(name = "DutyPersonPatch")
    public record PersonPatch(@Size(min = 1, max = 100) String name, @Size(min = 1, max = 100) String unit,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> skills, Boolean partyMember, UUID homeAreaId,
            @DaysOff List<@Weekday Integer> daysOff, @DatesOff List<@NotNull LocalDate> datesOff,
            @HoursOff List<@NotBlank String> hoursOff, @PreferredKinds List<DutyShift.@NotNull Kind> preferredKinds,
            Boolean active, Long version) {
    }
}
