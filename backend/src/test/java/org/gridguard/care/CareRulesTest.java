package org.gridguard.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The cadence and due maths of care plans, plain JUnit. */
class CareRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate MON = LocalDate.of(2022, 4, 4);

    static Instant at(String local) {
        return OffsetDateTime.parse(local).toInstant();
    }

    @Test
    void aDailyPlanIsDueTheDayAfterItsStartAndAfterEachVisit() {
        assertThat(CareRules.nextDue(MON, null, 1)).isEqualTo(MON.plusDays(1));
        assertThat(CareRules.nextDue(MON, MON.plusDays(1), 1)).isEqualTo(MON.plusDays(2));
        // a visit on the day the plan started does not move the first due day earlier
        assertThat(CareRules.nextDue(MON, MON, 1)).isEqualTo(MON.plusDays(1));
        // a contact before the plan (a delivery last month) counts from the start instead
        assertThat(CareRules.nextDue(MON, MON.minusDays(30), 7)).isEqualTo(MON.plusDays(7));
        assertThat(CareRules.nextDue(MON, MON.plusDays(3), 7)).isEqualTo(MON.plusDays(10));
    }

    @Test
    void aDueDayIsMissedOnlyOnceItHasEnded() {
        LocalDate due = MON.plusDays(1);
        assertThat(CareRules.missed(due, MON)).isFalse();
        assertThat(CareRules.missed(due, due)).as("the due day itself is still open").isFalse();
        assertThat(CareRules.missed(due, due.plusDays(1))).isTrue();
    }

    @Test
    void theLocalDayIsTheDeploymentZonesDay() {
        // 23:30 UTC on 3 April is 07:30 on 4 April in Shanghai
        assertThat(CareRules.day(Instant.parse("2022-04-03T23:30:00Z"), SHANGHAI)).isEqualTo(MON);
        assertThat(CareRules.day(null, SHANGHAI)).isNull();
    }

    @Test
    void visitsDueCountTheActiveDaysOfThePeriodPerCadenceRoundedUp() {
        Instant weekFrom = at("2022-04-04T00:00+08:00");
        Instant weekTo = at("2022-04-11T00:00+08:00");
        // a daily plan active the whole week owes 7 visits, every other day 4, weekly 1
        Instant before = at("2022-03-01T10:00+08:00");
        assertThat(CareRules.visitsDue(before, null, weekFrom, weekTo, 1, SHANGHAI)).isEqualTo(7);
        assertThat(CareRules.visitsDue(before, null, weekFrom, weekTo, 2, SHANGHAI)).isEqualTo(4);
        assertThat(CareRules.visitsDue(before, null, weekFrom, weekTo, 7, SHANGHAI)).isEqualTo(1);
        // started on Wednesday afternoon: Wednesday to Sunday, 5 days
        assertThat(CareRules.visitsDue(at("2022-04-06T15:00+08:00"), null, weekFrom, weekTo, 1, SHANGHAI)).isEqualTo(5);
        // ended on Tuesday morning: Monday and Tuesday
        assertThat(CareRules.visitsDue(before, at("2022-04-05T09:00+08:00"), weekFrom, weekTo, 1, SHANGHAI)).isEqualTo(2);
        // started after, or ended before, the period: nothing
        assertThat(CareRules.visitsDue(weekTo, null, weekFrom, weekTo, 1, SHANGHAI)).isZero();
        assertThat(CareRules.visitsDue(before, weekFrom, weekFrom, weekTo, 1, SHANGHAI)).isZero();
    }

    @Test
    void onlyTheVulnerableCategoriesCount() {
        assertThat(CareRules.vulnerable(List.of("TENANT", "BED_RIDDEN"))).isTrue();
        assertThat(CareRules.vulnerable(List.of("TENANT", "CLOSE_CONTACT"))).isFalse();
        assertThat(CareRules.vulnerable(List.of())).isFalse();
        assertThat(CareRules.vulnerable(null)).isFalse();
        assertThat(CareRules.vulnerableOf(List.of("NEEDS_DELIVERY", "TENANT", "ELDERLY_ALONE")))
                .containsExactly("ELDERLY_ALONE", "NEEDS_DELIVERY");
    }

    @Test
    void theMissedKeyIsOnePerPlanAndDay() {
        UUID plan = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(CareRules.missedKey(plan, MON)).isEqualTo("care:00000000-0000-0000-0000-000000000001:2022-04-04");
        assertThat(CareRules.missedKey(plan, MON)).isNotEqualTo(CareRules.missedKey(plan, MON.plusDays(1)));
    }
}
