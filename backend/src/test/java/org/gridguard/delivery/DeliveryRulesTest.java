package org.gridguard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.Problem;
import org.gridguard.delivery.DeliveryRules.Door;
import org.gridguard.delivery.DeliveryRules.Outcome;
import org.gridguard.delivery.DeliveryRules.RunStatus;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

    @Test
    void doorsSortInNaturalOrder() {
        assertThat(DeliveryRules.natural("2-101", "10-101")).isNegative();
        assertThat(DeliveryRules.natural("1-401", "1-1201")).isNegative();
        assertThat(DeliveryRules.natural("1-1201", "1-401")).isPositive();
        assertThat(DeliveryRules.natural("3单元101", "3单元101")).isZero();
        assertThat(DeliveryRules.natural("B2", "A10")).isPositive();
        assertThat(DeliveryRules.natural("007", "7")).isZero();
        assertThat(DeliveryRules.natural("1-40", "1-40A")).isNegative();
        assertThat(DeliveryRules.natural(null, "1")).isPositive();
        assertThat(DeliveryRules.natural("1", null)).isNegative();
    }

    @Test
    void aSheetIsOrderedByCompoundThenBuildingThenDoor() {
        List<Door> doors = new ArrayList<>(List.of(new Door("阳光小区", "10栋", "2-101"), new Door("阳光小区", "2栋", "10-101"),
                new Door("阳光小区", "2栋", "2-101"), new Door("XQ10", "1栋", "101"), new Door("XQ2", "1栋", "1-1201"),
                new Door("XQ2", "1栋", "1-401"), new Door(null, null, null)));
        doors.sort(DeliveryRules.DOOR_ORDER);
        assertThat(doors).containsExactly(new Door("XQ2", "1栋", "1-401"), new Door("XQ2", "1栋", "1-1201"),
                new Door("XQ10", "1栋", "101"), new Door("阳光小区", "2栋", "2-101"), new Door("阳光小区", "2栋", "10-101"),
                new Door("阳光小区", "10栋", "2-101"), new Door(null, null, null));
    }

    @Test
    void theRunsAreaIsTheDeepestNodeHoldingEveryStop() {
        String a = "/" + UUID.randomUUID() + "/";
        UUID zone = UUID.randomUUID();
        String z = a + zone + "/";
        String cell1 = z + UUID.randomUUID() + "/";
        String cell2 = z + UUID.randomUUID() + "/";
        String building = cell1 + UUID.randomUUID() + "/";
        assertThat(DeliveryRules.commonPath(List.of(building, cell2))).isEqualTo(z);
        assertThat(DeliveryRules.lastNode(z)).isEqualTo(zone);
        assertThat(DeliveryRules.commonPath(List.of(building, building))).isEqualTo(building);
        assertThat(DeliveryRules.commonPath(List.of(building, cell1))).isEqualTo(cell1);
        assertThat(DeliveryRules.commonPath(List.of("/x/", "/y/"))).isNull();
        assertThat(DeliveryRules.commonPath(List.of())).isNull();
    }

    @Test
    void aCarrierMustBeAssignedOverEveryStop() {
        assertThat(DeliveryRules.coversAll(List.of("/c/z1/g1/"), List.of("/c/z1/g1/b1/", "/c/z1/g1/b2/"))).isTrue();
        assertThat(DeliveryRules.coversAll(List.of("/c/z1/g1/"), List.of("/c/z1/g1/b1/", "/c/z1/g2/b1/"))).isFalse();
        assertThat(DeliveryRules.coversAll(List.of("/c/z1/"), List.of("/c/z1/g1/b1/", "/c/z1/g2/b1/"))).isTrue();
        assertThat(DeliveryRules.coversAll(List.of(), List.of("/c/z1/g1/b1/"))).isFalse();
    }

    @Test
    void aRunIsPlannedThenStartedThenClosed() {
        assertThat(DeliveryRules.canMove(RunStatus.PLANNED, RunStatus.STARTED)).isTrue();
        assertThat(DeliveryRules.canMove(RunStatus.STARTED, RunStatus.STARTED)).isFalse();
        assertThat(DeliveryRules.canMove(RunStatus.CLOSED, RunStatus.STARTED)).isFalse();
        assertThat(DeliveryRules.canMove(RunStatus.PLANNED, RunStatus.CLOSED)).isTrue();
        assertThat(DeliveryRules.canMove(RunStatus.STARTED, RunStatus.CLOSED)).isTrue();
        assertThat(DeliveryRules.canMove(RunStatus.CLOSED, RunStatus.CLOSED)).isFalse();
        assertThat(DeliveryRules.canMove(RunStatus.STARTED, RunStatus.PLANNED)).isFalse();
    }

    @Test
    void aDeliveryNamesWhoReceivedItAndOnlyADeliveryIssuesItems() {
        UUID mask = UUID.randomUUID();
        assertThat(DeliveryRules.dropProblems(Outcome.DELIVERED, "家属", List.of(mask))).isEmpty();
        assertThat(fields(DeliveryRules.dropProblems(Outcome.DELIVERED, " ", List.of()))).containsExactly("receivedBy");
        assertThat(fields(DeliveryRules.dropProblems(Outcome.NOBODY_HOME, null, List.of(mask)))).containsExactly("items");
        assertThat(fields(DeliveryRules.dropProblems(Outcome.REFUSED, "本人", List.of()))).containsExactly("receivedBy");
        assertThat(DeliveryRules.dropProblems(Outcome.REFUSED, null, List.of())).isEmpty();
        assertThat(fields(DeliveryRules.dropProblems(Outcome.DELIVERED, "本人", List.of(mask, UUID.randomUUID(), mask))))
                .containsExactly("items[2].itemId");
    }

    @Test
    void carriersAreTrimmedAndEachOnce() {
        assertThat(DeliveryRules.carriers(Arrays.asList(" worker1", "worker1", "", null, "leader1 ")))
                .containsExactly("worker1", "leader1");
    }

    private static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }
}
