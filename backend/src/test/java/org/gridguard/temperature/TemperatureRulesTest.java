package org.gridguard.temperature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.Problem.FieldError;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.Direction;
import org.gridguard.temperature.TemperatureViews.ReportWindow;
import org.gridguard.temperature.TemperatureViews.Source;
import org.gridguard.temperature.TemperatureViews.VisitorInput;
import org.junit.jupiter.api.Test;

/** The reading rules alone: no Quarkus, no database. */
class TemperatureRulesTest {

    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static CheckInput gate(String celsius, Instant at) {
        return new CheckInput(UUID.randomUUID(), UUID.randomUUID(), Source.GATE, Direction.IN,
                OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)), celsius == null ? null : new BigDecimal(celsius), null,
                null, UUID.randomUUID(), null);
    }

    static List<String> fields(CheckInput in) {
        return TemperatureRules.problems(in, NOW, TOLERANCE, TODAY).stream().map(FieldError::field).toList();
    }

    @Test
    void thePlausibleRangeIncludesItsBounds() {
        assertThat(TemperatureRules.PLAUSIBLE_MIN).isEqualByComparingTo("34.0");
        assertThat(TemperatureRules.PLAUSIBLE_MAX).isEqualByComparingTo("43.0");
        assertThat(fields(gate("34.0", NOW))).isEmpty();
        assertThat(fields(gate("43.0", NOW))).isEmpty();
        assertThat(fields(gate("33.9", NOW))).containsExactly("temperature");
        assertThat(fields(gate("43.01", NOW))).containsExactly("temperature");
        assertThat(TemperatureRules.problems(gate("50", NOW), NOW, TOLERANCE, TODAY).get(0).message())
                .isEqualTo("must be between 34.0 and 43.0 °C; measure again").doesNotContain("50");
    }

    @Test
    void aClockAheadByMoreThanTheToleranceIsRejected() {
        assertThat(fields(gate("36.5", NOW.plus(TOLERANCE)))).isEmpty();
        assertThat(fields(gate("36.5", NOW.plus(TOLERANCE).plusSeconds(1)))).containsExactly("measuredAt");
    }

    @Test
    void everyMissingFieldIsNamedInOrder() {
        CheckInput empty = new CheckInput(null, null, Source.GATE, null, null, null, null, "123456789012345678901", null, null);
        assertThat(fields(empty)).containsExactly("id", "measuredAt", "temperature", "checkpointId", "direction", "residentId",
                "vehiclePlate");
    }

    @Test
    void visitorsOnlyAtAGateWithADocumentTypeOnlyWithItsNumber() {
        VisitorInput v = new VisitorInput(" ", org.gridguard.security.pii.IdentityRules.DocType.PASSPORT, null, "12", null, null);
        CheckInput report = new CheckInput(UUID.randomUUID(), null, Source.PHONE, null,
                OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), new BigDecimal("36.5"), null, null, null, v);
        assertThat(fields(report)).containsExactly("visitor", "visitor.name", "visitor.documentNumber", "visitor.phone");
    }

    @Test
    void roundingFeverAndLateness() {
        assertThat(TemperatureRules.rounded(new BigDecimal("37.25"))).isEqualByComparingTo("37.3");
        assertThat(TemperatureRules.isFever(TemperatureRules.rounded(new BigDecimal("37.25")))).isTrue();
        assertThat(TemperatureRules.isFever(TemperatureRules.rounded(new BigDecimal("37.24")))).isFalse();
        Duration late = Duration.ofMinutes(10);
        assertThat(TemperatureRules.isLate(NOW.minus(late), NOW, late)).isFalse();
        assertThat(TemperatureRules.isLate(NOW.minus(late).minusSeconds(1), NOW, late)).isTrue();
    }

    @Test
    void theHashIgnoresTrailingZerosAndTheOffsetButNotTheValue() {
        CheckInput a = gate("36.50", NOW);
        CheckInput b = new CheckInput(a.id(), a.checkpointId(), a.source(), a.direction(),
                a.measuredAt().withOffsetSameInstant(ZoneOffset.UTC), new BigDecimal("36.5"), null, null, a.residentId(), null);
        CheckInput c = new CheckInput(a.id(), a.checkpointId(), a.source(), a.direction(), a.measuredAt(),
                new BigDecimal("36.6"), null, null, a.residentId(), null);
        assertThat(TemperatureRules.hash(a)).isEqualTo(TemperatureRules.hash(b)).isNotEqualTo(TemperatureRules.hash(c));
    }

    @Test
    void alertKeys() {
        UUID check = UUID.randomUUID(), resident = UUID.randomUUID();
        assertThat(TemperatureRules.feverKey(check, resident, new byte[] { 1 }, TODAY))
                .isEqualTo("fever:resident:" + resident + ":2026-03-02");
        assertThat(TemperatureRules.feverKey(check, null, new byte[] { 10, 11 }, TODAY)).isEqualTo("fever:visitor:0a0b:2026-03-02");
        assertThat(TemperatureRules.feverKey(check, null, null, TODAY)).isEqualTo("fever:check:" + check);
        assertThat(TemperatureRules.missingKey(resident, TODAY, ReportWindow.MORNING))
                .isEqualTo("missing:" + resident + ":2026-03-02:MORNING");
        assertThat(TemperatureRules.plate("  ")).isNull();
        assertThat(TemperatureRules.plate(" 粤B1 ")).isEqualTo("粤B1");
    }
}
