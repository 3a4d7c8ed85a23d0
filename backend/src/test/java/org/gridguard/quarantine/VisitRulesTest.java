package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.Problem.FieldError;
import org.gridguard.quarantine.VisitRules.Span;
import org.gridguard.quarantine.VisitViews.Mode;
import org.gridguard.quarantine.VisitViews.NewVisit;
import org.gridguard.quarantine.VisitViews.Slot;
import org.gridguard.quarantine.VisitViews.Symptom;
import org.junit.jupiter.api.Test;

class VisitRulesTest {

    static final List<Span> DEFAULT = VisitRules.parse("k", "08:00-10:00,16:00-18:00");

    @Test
    void windowsParseInOrder() {
        assertThat(DEFAULT).extracting(Span::slot).containsExactly(Slot.MORNING, Slot.AFTERNOON);
        assertThat(DEFAULT.get(1).start()).isEqualTo(LocalTime.of(16, 0));
        assertThat(VisitRules.parse("k", "09:00-11:00")).hasSize(1);
        assertThatThrownBy(() -> VisitRules.parse("k", "10:00-08:00")).hasMessageContaining("end after");
        assertThatThrownBy(() -> VisitRules.parse("k", "08:00-10:00,09:00-12:00")).hasMessageContaining("overlapping");
        assertThatThrownBy(() -> VisitRules.parse("k", "8-10")).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> VisitRules.parse("k", "08:00-09:00,10:00-11:00,12:00-13:00")).hasMessageContaining("one or two");
        assertThatThrownBy(() -> VisitRules.parse("k", "")).hasMessageContaining("one or two");
    }

    @Test
    void aVisitCountsForTheWindowItFallsInElseTheLastOpenedElseTheFirst() {
        assertThat(VisitRules.slotAt(DEFAULT, LocalTime.of(6, 0))).isEqualTo(Slot.MORNING);
        assertThat(VisitRules.slotAt(DEFAULT, LocalTime.of(8, 0))).isEqualTo(Slot.MORNING);
        assertThat(VisitRules.slotAt(DEFAULT, LocalTime.of(9, 59, 59))).isEqualTo(Slot.MORNING);
        assertThat(VisitRules.slotAt(DEFAULT, LocalTime.of(12, 0))).isEqualTo(Slot.MORNING);
        assertThat(VisitRules.slotAt(DEFAULT, LocalTime.of(16, 0))).isEqualTo(Slot.AFTERNOON);
        assertThat(VisitRules.slotAt(DEFAULT, LocalTime.of(23, 59))).isEqualTo(Slot.AFTERNOON);
    }

    static NewVisit visit(OffsetDateTime at, String temperature, Boolean seal, Symptom... symptoms) {
        return new NewVisit(UUID.randomUUID(), at, null, Mode.DOOR, temperature == null ? null : new BigDecimal(temperature),
                List.of(symptoms), seal, null, null);
    }

    @Test
    void problemsNameTheFieldAndNeverTheValue() {
        Instant now = Instant.parse("2033-03-10T02:00:00Z");
        OffsetDateTime at = OffsetDateTime.parse("2033-03-10T09:00:00+08:00");
        assertThat(VisitRules.problems(visit(at, "36.5", true, Symptom.NONE), "HOME_ISOLATION", DEFAULT, now, t -> true)).isEmpty();
        List<FieldError> e = VisitRules.problems(visit(at, "50.1", true, Symptom.NONE, Symptom.COUGH), "HOME_MONITORING", DEFAULT, now,
                t -> t.compareTo(new BigDecimal("43")) <= 0);
        assertThat(e).extracting(FieldError::field).containsExactly("temperature", "symptoms", "sealIntact");
        assertThat(e).extracting(FieldError::message).noneMatch(m -> m.contains("50.1"));
        assertThat(VisitRules.problems(visit(at.plusHours(2), null, null, Symptom.COUGH), "HOME_ISOLATION", DEFAULT, now, t -> true))
                .extracting(FieldError::field).containsExactly("visitedAt");
        assertThat(VisitRules.problems(visit(at.minusDays(8), null, null, Symptom.COUGH), "HOME_ISOLATION", DEFAULT, now, t -> true))
                .extracting(FieldError::field).containsExactly("visitedAt");
        assertThat(VisitRules.problems(visit(at, null, null, Symptom.COUGH, Symptom.COUGH), "HOME_ISOLATION", DEFAULT, now, t -> true))
                .extracting(FieldError::field).containsExactly("symptoms");
        assertThat(VisitRules.hasSymptom(List.of(Symptom.NONE))).isFalse();
        assertThat(VisitRules.hasSymptom(List.of(Symptom.FATIGUE))).isTrue();
    }

    @Test
    void aRetryIsTheSameVisitOnlyWithTheSameBody() {
        UUID order = UUID.randomUUID();
        NewVisit v = visit(OffsetDateTime.parse("2033-03-10T09:00:00+08:00"), "36.50", null, Symptom.NONE);
        NewVisit same = new NewVisit(v.clientRef(), OffsetDateTime.parse("2033-03-10T01:00:00Z"), null, Mode.DOOR,
                new BigDecimal("36.5"), List.of(Symptom.NONE), null, null, null);
        assertThat(VisitRules.hash(order, same)).isEqualTo(VisitRules.hash(order, v));
        assertThat(VisitRules.hash(UUID.randomUUID(), v)).isNotEqualTo(VisitRules.hash(order, v));
    }
}
