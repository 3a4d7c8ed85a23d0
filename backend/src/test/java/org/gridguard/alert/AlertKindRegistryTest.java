package org.gridguard.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.gridguard.common.ApiProblem;
import org.junit.jupiter.api.Test;

/** The registry of alert kinds, without Quarkus: what a feature's {@link AlertKinds} bean plugs in. */
class AlertKindRegistryTest {

    static final AlertKind A = AlertKind.generic("KIND_A", "blue", "甲", "A");
    static final AlertKind B = AlertKind.generic("KIND_B", "green", "乙", "B");

    @Test
    void kindsOfEveryFeatureAreFoundByCode() {
        AlertKindRegistry r = new AlertKindRegistry(List.of(() -> List.of(B), () -> List.of(A)));
        assertThat(r.all()).extracting(AlertKind::code).containsExactly("KIND_A", "KIND_B");
        assertThat(r.find("KIND_B")).contains(B);
        assertThat(r.parameter("kind", "KIND_A")).isEqualTo(A);
        assertThatThrownBy(() -> r.parameter("kind", "NOPE")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aCodeDeclaredTwiceFailsStartup() {
        assertThatThrownBy(() -> new AlertKindRegistry(List.of(() -> List.of(A), () -> List.of(A))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KIND_A");
    }

    @Test
    void aRowOfAKindNoLongerDeclaredKeepsTheGenericWorkflow() {
        AlertKindRegistry r = new AlertKindRegistry(List.of());
        assertThat(r.stored("OLD_KIND").allows(AlertState.OPEN, AlertState.ACKNOWLEDGED)).isTrue();
    }

    @Test
    void codesAreUpperSnakeCase() {
        assertThatThrownBy(() -> AlertKind.generic("fever", "red", "发热", "Fever")).isInstanceOf(IllegalArgumentException.class);
        assertThat(A.steps()).isSameAs(AlertKind.StepCheck.NONE);
        assertThat(A.assigneeRole()).isEqualTo("grid-leader");
    }
}
