package org.gridguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.gridguard.common.ApiProblem;
import org.gridguard.testing.TestingViews.SampleKind;
import org.junit.jupiter.api.Test;

/** The pure rules of sampling registration, without Quarkus. */
class SampleRulesTest {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00.123456789Z");
    static final UUID ROUND = UUID.randomUUID(), TUBE = UUID.randomUUID(), RESIDENT = UUID.randomUUID();

    @Test
    void barcodesAreStrippedAndChecked() {
        assertThat(SampleRules.barcode("  Q-1234 ")).isEqualTo("Q-1234");
        assertThatThrownBy(() -> SampleRules.barcode("Q1")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> SampleRules.barcode(null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> SampleRules.barcode("Q 1234")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aPoolHoldsAtMostTheRoundsPoolSize() {
        assertThat(SampleRules.capacity(null, 10)).isEqualTo(10);
        assertThat(SampleRules.capacity(3, 10)).isEqualTo(3);
        assertThatThrownBy(() -> SampleRules.capacity(0, 10)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> SampleRules.capacity(11, 10)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void theSamplingTimeIsStoredInMicrosecondsAndLiesInTheWindow() {
        Instant from = NOW.minus(Duration.ofHours(2));
        assertThat(SampleRules.sampledAt(null, NOW, from)).isEqualTo(Instant.parse("2026-03-01T08:00:00.123456Z"));
        assertThat(SampleRules.sampledAt(NOW.plus(Duration.ofMinutes(9)), NOW, from)).isNotNull();
        assertThatThrownBy(() -> SampleRules.sampledAt(NOW.plus(Duration.ofMinutes(11)), NOW, from))
                .hasMessage("is in the future");
        assertThatThrownBy(() -> SampleRules.sampledAt(from.minus(Duration.ofDays(2)), NOW, from))
                .hasMessage("is before the round's sampling window");
    }

    @Test
    void aReplayIsTheSameRoundBarcodeAndPerson() {
        assertThat(SampleRules.isReplay(ROUND, "Q-1234", RESIDENT, ROUND, "Q-1234", RESIDENT)).isTrue();
        assertThat(SampleRules.isReplay(ROUND, "Q-1234", RESIDENT, ROUND, "Q-1234", null)).isTrue();
        assertThatThrownBy(() -> SampleRules.isReplay(ROUND, "Q-1234", RESIDENT, ROUND, "Q-9999", RESIDENT))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status).isEqualTo(422));
    }

    @Test
    void aPoolTakesOneMoreWhileOpenWithRoom() {
        SampleRules.poolTakesOneMore(TUBE, "OPEN", 10, 9);
        assertThatThrownBy(() -> SampleRules.poolTakesOneMore(TUBE, "OPEN", 10, 10))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type).endsWith("pool-full"));
        assertThatThrownBy(() -> SampleRules.poolTakesOneMore(TUBE, "CLOSED", 10, 3))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type).endsWith("pool-closed"));
    }

    @Test
    void aSecondOrdinarySampleIsFlaggedAndNeverInTheSamePool() {
        assertThat(SampleRules.earlier(UUID.randomUUID(), "ORDINARY", TUBE, SampleKind.ORDINARY))
                .isEqualTo(SampleRules.FLAG_SECOND_SAMPLE);
        assertThat(SampleRules.earlier(UUID.randomUUID(), "ORDINARY", null, SampleKind.RETEST)).isNull();
        assertThatThrownBy(() -> SampleRules.earlier(TUBE, "RETEST", TUBE, SampleKind.RETEST))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type).endsWith("already-in-pool"));
    }

    @Test
    void aVisitorHasAName() {
        assertThat(SampleRules.visitorName("  张三 ")).isEqualTo("张三");
        assertThatThrownBy(() -> SampleRules.visitorName(" ")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> SampleRules.visitorName("x".repeat(51))).isInstanceOf(ApiProblem.class);
    }
}
