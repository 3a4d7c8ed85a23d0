package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.gridguard.common.ApiProblem;
import org.gridguard.quarantine.QuarantineViews.Kind;
import org.gridguard.quarantine.QuarantineViews.Reason;
import org.gridguard.quarantine.QuarantineViews.Status;
import org.junit.jupiter.api.Test;

class QuarantineRulesTest {

    static final LocalDate START = LocalDate.of(2031, 1, 1);

    static Function<String, Optional<Integer>> config(Map<String, Integer> m) {
        return k -> Optional.ofNullable(m.get(k));
    }

    @Test
    void theMostSpecificConfiguredDurationWinsAndTheStartDayCounts() {
        var none = config(Map.of());
        assertThat(QuarantineRules.defaultEnd(Kind.HOME_ISOLATION, Reason.CLOSE_CONTACT, START, none)).isEqualTo("2031-01-14");
        assertThat(QuarantineRules.defaultEnd(Kind.HOME_MONITORING, Reason.RETURNEE, START, none)).isEqualTo("2031-01-07");
        assertThat(QuarantineRules.defaultEnd(Kind.CENTRAL_ISOLATION, Reason.OTHER, START, none)).isEqualTo("2031-01-14");
        var set = config(Map.of("gridguard.quarantine.days.HOME_ISOLATION", 10,
                "gridguard.quarantine.days.HOME_ISOLATION.SECONDARY_CONTACT", 3));
        assertThat(QuarantineRules.defaultEnd(Kind.HOME_ISOLATION, Reason.SECONDARY_CONTACT, START, set)).isEqualTo("2031-01-03");
        assertThat(QuarantineRules.defaultEnd(Kind.HOME_ISOLATION, Reason.RETURNEE, START, set)).isEqualTo("2031-01-10");
        // a nonsensical 0 still gives a one-day order
        assertThat(QuarantineRules.defaultEnd(Kind.HOME_MONITORING, Reason.OTHER, START,
                config(Map.of("gridguard.quarantine.days.HOME_MONITORING", 0)))).isEqualTo(START);
    }

    @Test
    void periodsNumbersKeysAndEndedOrders() {
        QuarantineRules.checkPeriod(START, START);
        assertThatThrownBy(() -> QuarantineRules.checkPeriod(START, START.minusDays(1))).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status).isEqualTo(422));
        assertThatThrownBy(() -> QuarantineRules.checkPeriod(START, START.plusDays(400))).isInstanceOf(ApiProblem.class);
        assertThat(QuarantineRules.number(START, 17)).isEqualTo("Q20310101-17");
        assertThat(QuarantineRules.checkCode()).matches("[0-9A-F]{8}");
        assertThat(QuarantineRules.personKey(new byte[] { 1, (byte) 0xab }, null)).isEqualTo("D:01ab");
        assertThat(QuarantineRules.personKey(null, java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("R:00000000-0000-0000-0000-000000000001");
        QuarantineRules.requireActive(Status.ACTIVE, "extended");
        assertThatThrownBy(() -> QuarantineRules.requireActive(Status.RELEASED, "extended"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status).isEqualTo(409));
    }
}
