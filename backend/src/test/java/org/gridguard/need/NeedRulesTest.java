package org.gridguard.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.gridguard.need.Needs.Status;
import org.gridguard.need.Needs.Urgency;
import org.junit.jupiter.api.Test;

class NeedRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aNeedMovesForwardGoesBackToOpenOnlyFromTheRoadAndNeverLeavesAClosedState() {
        assertThat(NeedRules.canMove(Status.OPEN, Status.ASSIGNED)).isTrue();
        assertThat(NeedRules.canMove(Status.OPEN, Status.DELIVERED)).isFalse();
        assertThat(NeedRules.canMove(Status.OPEN, Status.OUT_FOR_DELIVERY)).isFalse();
        assertThat(NeedRules.canMove(Status.ASSIGNED, Status.DELIVERED)).isTrue();
        assertThat(NeedRules.canMove(Status.OUT_FOR_DELIVERY, Status.OPEN)).isTrue();
        assertThat(NeedRules.canMove(Status.OUT_FOR_DELIVERY, Status.ASSIGNED)).isFalse();
        for (Status to : Status.values()) {
            assertThat(NeedRules.canMove(Status.DELIVERED, to)).isFalse();
            assertThat(NeedRules.canMove(Status.CANCELLED, to)).isFalse();
        }
        assertThat(NeedRules.refusal(Status.OPEN, Status.DELIVERED)).contains("ASSIGNED, CANCELLED");
        assertThat(NeedRules.refusal(Status.DELIVERED, Status.CANCELLED)).contains("closed");
    }

    @Test
    void anUrgentNeedIsDueWithinItsLimitATodayNeedByMidnightInShanghaiARoutineOneWithinItsLimit() {
        Instant raised = Instant.parse("2026-03-01T15:30:00Z"); // 23:30 in Shanghai
        Duration urgent = Duration.ofHours(2);
        Duration routine = Duration.ofDays(2);
        assertThat(NeedRules.dueBy(Urgency.URGENT_MEDICAL, raised, urgent, routine, SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-01T17:30:00Z"));
        assertThat(NeedRules.dueBy(Urgency.TODAY, raised, urgent, routine, SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
        assertThat(NeedRules.dueBy(Urgency.TODAY, Instant.parse("2026-03-01T16:00:00Z"), urgent, routine, SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(NeedRules.dueBy(Urgency.ROUTINE, raised, urgent, routine, SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-03T15:30:00Z"));
    }

    @Test
    void aPhotoIsKnownByItsFirstBytesNotByWhatItClaims() {
        assertThat(NeedPhotos.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).isEqualTo("image/jpeg");
        assertThat(NeedPhotos.sniff("RIFF0000WEBPVP8 ".getBytes())).isEqualTo("image/webp");
        assertThat(NeedPhotos.sniff("<svg onload=alert(1)>".getBytes())).isNull();
        assertThat(NeedPhotos.sniff(new byte[0])).isNull();
    }
}
