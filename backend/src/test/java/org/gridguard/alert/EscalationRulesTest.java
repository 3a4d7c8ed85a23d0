package org.gridguard.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EscalationRulesTest {

    static final Duration DEFAULT = Duration.ofHours(2);

    static Map<String, Duration> delays(Map<String, String> config) {
        return EscalationRules.delays(List.of("FEVER", "MISSING_REPORT", "DUTY_GAP"), DEFAULT,
                key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void eachKindHasItsOwnDelayOrTheDefaultAndOffLeavesItOut() {
        assertThat(delays(Map.of("gridguard.alerts.escalate.FEVER", "PT30M", "gridguard.alerts.escalate.MISSING_REPORT", " OFF ")))
                .containsExactly(Map.entry("FEVER", Duration.ofMinutes(30)), Map.entry("DUTY_GAP", DEFAULT));
        assertThat(delays(Map.of())).containsOnlyKeys("FEVER", "MISSING_REPORT", "DUTY_GAP");
    }

    @Test
    void aBadValueFailsNamingTheKey() {
        assertThatThrownBy(() -> delays(Map.of("gridguard.alerts.escalate.FEVER", "2 hours")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gridguard.alerts.escalate.FEVER");
        assertThatThrownBy(() -> delays(Map.of("gridguard.alerts.escalate.DUTY_GAP", "PT0S")))
                .hasMessageContaining("above zero");
    }

    @Test
    void alertsEscalateToTheLevelsThatSubmitAReport() {
        assertThat(EscalationRules.escalationLevels()).containsExactly("DISTRICT", "STREET", "COMMUNITY", "ZONE");
        assertThat(EscalationRules.levels()).startsWith("DISTRICT", "STREET", "COMMUNITY", "ZONE", "GRID_CELL");
    }

    @Test
    void anAlertIsHandledAtTheLowestLevelItsAssigneeRoleSubmits() {
        assertThat(EscalationRules.handledAt("grid-leader")).isEqualTo("ZONE");
        assertThat(EscalationRules.handledAt("supervisor")).isEqualTo("COMMUNITY");
        assertThat(EscalationRules.handledAt("site-staff")).isNull();
    }
}
