package org.gridguard.disinfection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.gridguard.disinfection.DisinfectionRules.Slot;
import org.gridguard.disinfection.DisinfectionRules.Status;
import org.junit.jupiter.api.Test;

class DisinfectionRulesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate D = LocalDate.of(2031, 3, 10);

    static Instant at(LocalDate day, String time) {
        return OffsetDateTime.parse(day + "T" + time + "+08:00").toInstant();
    }

    @Test
    void timesAreSortedAndRefusedWhenNotATimeRepeatedOrOverlapping() {
        assertThat(DisinfectionRules.times(List.of("16:00", "08:00"), 60)).containsExactly(LocalTime.of(8, 0),
                LocalTime.of(16, 0));
        assertThat(DisinfectionRules.join(DisinfectionRules.times(List.of("16:00", "08:00"), 60))).isEqualTo("08:00,16:00");
        assertThat(DisinfectionRules.split("08:00,16:00")).containsExactly(LocalTime.of(8, 0), LocalTime.of(16, 0));
        assertThatThrownBy(() -> DisinfectionRules.times(List.of("25:00"), 60)).hasMessageContaining("25:00");
        assertThatThrownBy(() -> DisinfectionRules.times(List.of("8:00"), 60)).hasMessageContaining("8:00");
        assertThatThrownBy(() -> DisinfectionRules.times(List.of("08:00", "08:00"), 60)).hasMessageContaining("twice");
        assertThatThrownBy(() -> DisinfectionRules.times(List.of("08:00", "09:30"), 60)).hasMessageContaining("overlap");
        assertThat(DisinfectionRules.times(List.of("08:00", "10:00"), 60)).hasSize(2);
        // around midnight too: 23:30 and 00:10 are 40 minutes apart
        assertThatThrownBy(() -> DisinfectionRules.times(List.of("23:30", "00:10"), 30)).hasMessageContaining("overlap");
        assertThatThrownBy(() -> DisinfectionRules.times(List.of(), 60)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DisinfectionRules.toleranceOk(4)).isFalse();
        assertThat(DisinfectionRules.toleranceOk(240)).isTrue();
    }

    @Test
    void aSlotIsDoneByARoundInItsWindowAndMissedOnceTheWindowHasPassed() {
        Slot s = DisinfectionRules.slotsOn(D, List.of(LocalTime.of(8, 0)), 60, ZONE).get(0);
        assertThat(s.at()).isEqualTo(at(D, "08:00:00"));
        assertThat(s.start()).isEqualTo(at(D, "07:00:00"));
        assertThat(s.end()).isEqualTo(at(D, "09:00:00"));
        assertThat(DisinfectionRules.inWindow(s, at(D, "07:00:00"))).isTrue();
        assertThat(DisinfectionRules.inWindow(s, at(D, "09:00:00"))).isTrue();
        assertThat(DisinfectionRules.inWindow(s, at(D, "09:00:01"))).isFalse();
        assertThat(DisinfectionRules.status(s, false, at(D, "06:59:00"))).isEqualTo(Status.UPCOMING);
        assertThat(DisinfectionRules.status(s, false, at(D, "08:30:00"))).isEqualTo(Status.DUE);
        assertThat(DisinfectionRules.status(s, false, at(D, "09:00:00"))).isEqualTo(Status.DUE);
        assertThat(DisinfectionRules.status(s, false, at(D, "09:00:01"))).isEqualTo(Status.MISSED);
        assertThat(DisinfectionRules.status(s, true, at(D, "09:00:01"))).isEqualTo(Status.DONE);
    }

    @Test
    void aScheduleOwesTheSlotsFromItsCreationUntilItIsDeactivated() {
        List<LocalTime> twice = List.of(LocalTime.of(8, 0), LocalTime.of(16, 0));
        // created on D at 09:00, deactivated on D+2 at 12:00: D 16:00, D+1 both, D+2 08:00
        List<Slot> owed = DisinfectionRules.owedBetween(twice, 60, at(D, "09:00:00"), at(D.plusDays(2), "12:00:00"),
                at(D.minusDays(5), "00:00:00"), at(D.plusDays(5), "00:00:00"), ZONE);
        assertThat(owed).extracting(Slot::at).containsExactly(at(D, "16:00:00"), at(D.plusDays(1), "08:00:00"),
                at(D.plusDays(1), "16:00:00"), at(D.plusDays(2), "08:00:00"));
        // a period cuts them: [D+1 00:00, D+1 12:00)
        assertThat(DisinfectionRules.owedBetween(twice, 60, at(D, "09:00:00"), null, at(D.plusDays(1), "00:00:00"),
                at(D.plusDays(1), "12:00:00"), ZONE)).hasSize(1);
        assertThat(DisinfectionRules.owedBetween(twice, 60, at(D, "09:00:00"), null, at(D.minusDays(3), "00:00:00"),
                at(D, "08:00:00"), ZONE)).isEmpty();
        UUID id = UUID.randomUUID();
        assertThat(DisinfectionRules.missedKey(id, at(D, "08:00:00"))).isEqualTo("disinfection:" + id + ":2031-03-10T00:00:00Z");
    }
}
