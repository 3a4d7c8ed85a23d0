package org.gridguard.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Each rule of the validator, including across midnight and over a week boundary (Asia/Shanghai). */
class DutyRulesTest {

    static final ZoneId Z = ZoneId.of("Asia/Shanghai");
    final DutyRules rules = new DutyRules(new DutyRules.Config(Duration.ofHours(8), Duration.ofHours(48), Z));

    static DutyRules.Shift shift(String start, int hours, int needed, String... skills) {
        Instant s = LocalDateTime.parse(start).atZone(Z).toInstant();
        return new DutyRules.Shift(UUID.randomUUID(), s, s.plus(Duration.ofHours(hours)), needed, List.of(skills));
    }

    static DutyRules.Person person(String name, String... skills) {
        return new DutyRules.Person(UUID.randomUUID(), name, Set.of(skills), Set.of(), Set.of(), List.of());
    }

    static List<String> rulesOf(List<DutyRules.Violation> v) {
        return v.stream().map(DutyRules.Violation::rule).toList();
    }

    @Test
    void aFreePersonBreaksNoRule() {
        assertThat(rules.check(person("甲"), shift("2030-03-04T08:00", 8, 2), List.of(), List.of())).isEmpty();
    }

    @Test
    void overlapIncludingAcrossMidnight() {
        DutyRules.Person p = person("甲");
        DutyRules.Shift evening = shift("2030-03-04T20:00", 8, 1); // 20:00–04:00 next day
        DutyRules.Shift night = shift("2030-03-05T00:00", 8, 1);
        assertThat(rulesOf(rules.check(p, night, List.of(evening), List.of()))).contains(DutyRules.OVERLAP);
        // touching ends do not overlap (but leave no rest)
        DutyRules.Shift day = shift("2030-03-05T04:00", 8, 1);
        assertThat(rulesOf(rules.check(p, day, List.of(evening), List.of()))).containsExactly(DutyRules.REST);
    }

    @Test
    void restAcrossMidnight() {
        DutyRules.Person p = person("乙");
        DutyRules.Shift late = shift("2030-03-04T16:00", 8, 1); // 16–24
        DutyRules.Shift nextNight = shift("2030-03-05T00:00", 8, 1); // 00–08: 0 h rest
        DutyRules.Shift nextDay = shift("2030-03-05T08:00", 8, 1); // 08–16: exactly 8 h rest
        List<DutyRules.Violation> v = rules.check(p, nextNight, List.of(late), List.of());
        assertThat(rulesOf(v)).containsExactly(DutyRules.REST);
        assertThat(v.get(0).message()).contains("0 h").contains("8 h");
        assertThat(rules.check(p, nextDay, List.of(late), List.of())).isEmpty();
        // the rest is configurable
        DutyRules strict = new DutyRules(new DutyRules.Config(Duration.ofHours(12), Duration.ofHours(48), Z));
        assertThat(rulesOf(strict.check(p, nextDay, List.of(late), List.of()))).containsExactly(DutyRules.REST);
    }

    @Test
    void weeklyMaximumCountsTheCalendarWeekAndResetsOnMonday() {
        DutyRules.Person p = person("丙");
        List<DutyRules.Shift> week = new ArrayList<>();
        for (int d = 0; d < 6; d++) { // Mon 2030-03-04 .. Sat: 6 × 8 h = 48 h
            week.add(shift(LocalDate.of(2030, 3, 4).plusDays(d) + "T08:00", 8, 1));
        }
        assertThat(LocalDate.of(2030, 3, 4).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        DutyRules.Shift sunday = shift("2030-03-10T08:00", 8, 1);
        List<DutyRules.Violation> v = rules.check(p, sunday, week, List.of());
        assertThat(rulesOf(v)).containsExactly(DutyRules.WEEKLY_MAX);
        assertThat(v.get(0).message()).contains("56 h").contains("48 h");
        // next Monday is a new week
        assertThat(rules.check(p, shift("2030-03-11T08:00", 8, 1), week, List.of())).isEmpty();
    }

    @Test
    void aShiftOverTheWeekBoundaryCountsInBothWeeks() {
        DutyRules.Person p = person("丁");
        List<DutyRules.Shift> week = new ArrayList<>();
        for (int d = 0; d < 6; d++) { // 48 h in the week of 2030-03-04, ending Saturday 16:00
            week.add(shift(LocalDate.of(2030, 3, 4).plusDays(d) + "T08:00", 8, 1));
        }
        // Sunday 22:00 – Monday 06:00: 2 h fall in the full week, 6 h in the next
        DutyRules.Shift overTheBoundary = shift("2030-03-10T22:00", 8, 1);
        List<DutyRules.Violation> v = rules.check(p, overTheBoundary, week, List.of());
        assertThat(rulesOf(v)).containsExactly(DutyRules.WEEKLY_MAX);
        assertThat(v.get(0).message()).contains("50 h").contains("2030-03-04");
        // with 44 h in the first week the same shift fits (46 h and 6 h)
        DutyRules tolerant = new DutyRules(new DutyRules.Config(Duration.ofHours(8), Duration.ofHours(50), Z));
        assertThat(tolerant.check(p, overTheBoundary, week, List.of())).isEmpty();
    }

    @Test
    void requiredSkillsKeepTheLastPlacesForSomeoneWhoHasThem() {
        DutyRules.Shift quarantine = shift("2030-03-04T08:00", 8, 2, "medical");
        DutyRules.Person nurse = person("护士", "medical");
        DutyRules.Person a = person("甲");
        DutyRules.Person b = person("乙");
        // the first place may go to anyone, the last must bring the skill
        assertThat(rules.check(a, quarantine, List.of(), List.of())).isEmpty();
        List<DutyRules.Violation> v = rules.check(b, quarantine, List.of(), List.of(a));
        assertThat(rulesOf(v)).containsExactly(DutyRules.SKILLS);
        assertThat(v.get(0).message()).contains("medical");
        assertThat(rules.check(nurse, quarantine, List.of(), List.of(a))).isEmpty();
        assertThat(rules.check(b, quarantine, List.of(), List.of(nurse))).isEmpty();
    }

    @Test
    void availabilityDaysDatesAndHoursOffIncludingAcrossMidnight() {
        DutyRules.Person sundays = new DutyRules.Person(UUID.randomUUID(), "周日休", Set.of(), Set.of(DayOfWeek.SUNDAY),
                Set.of(), List.of());
        // Saturday 20:00 – Sunday 04:00 reaches into the day off
        assertThat(rulesOf(rules.check(sundays, shift("2030-03-09T20:00", 8, 1), List.of(), List.of())))
                .containsExactly(DutyRules.AVAILABILITY);
        assertThat(rules.check(sundays, shift("2030-03-09T08:00", 8, 1), List.of(), List.of())).isEmpty();
        DutyRules.Person leave = new DutyRules.Person(UUID.randomUUID(), "请假", Set.of(), Set.of(),
                Set.of(LocalDate.of(2030, 3, 5)), List.of());
        assertThat(rulesOf(rules.check(leave, shift("2030-03-05T08:00", 8, 1), List.of(), List.of())))
                .containsExactly(DutyRules.AVAILABILITY);
        DutyRules.Person nights = new DutyRules.Person(UUID.randomUUID(), "不值夜", Set.of(), Set.of(), Set.of(),
                List.of(DutyRules.HoursOff.parse("22:00-06:00")));
        assertThat(rulesOf(rules.check(nights, shift("2030-03-05T00:00", 8, 1), List.of(), List.of())))
                .containsExactly(DutyRules.AVAILABILITY);
        assertThat(rulesOf(rules.check(nights, shift("2030-03-05T16:00", 8, 1), List.of(), List.of())))
                .containsExactly(DutyRules.AVAILABILITY);
        assertThat(rules.check(nights, shift("2030-03-05T08:00", 8, 1), List.of(), List.of())).isEmpty();
    }

    @Test
    void staffingNeverOverfillsAndNeverTwice() {
        DutyRules.Person a = person("甲");
        DutyRules.Person b = person("乙");
        DutyRules.Shift one = shift("2030-03-04T08:00", 8, 1);
        assertThat(rulesOf(rules.check(b, one, List.of(), List.of(a)))).containsExactly(DutyRules.STAFFING);
        assertThat(rulesOf(rules.check(a, shift("2030-03-04T08:00", 8, 2), List.of(), List.of(a))))
                .containsExactly(DutyRules.STAFFING);
    }

    @Test
    void checkAllFindsEveryBrokenRuleOfARota() {
        DutyRules.Person a = person("甲");
        DutyRules.Shift s1 = shift("2030-03-04T16:00", 8, 1);
        DutyRules.Shift s2 = shift("2030-03-05T00:00", 8, 1);
        var rota = new java.util.LinkedHashMap<DutyRules.Shift, List<DutyRules.Person>>();
        rota.put(s1, List.of(a));
        rota.put(s2, List.of(a));
        assertThat(rulesOf(rules.checkAll(rota))).contains(DutyRules.REST).doesNotContain(DutyRules.OVERLAP);
        rota.put(s2, List.of(person("乙")));
        assertThat(rules.checkAll(rota)).isEmpty();
    }
}
