package org.gridguard.duty.swap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A swap: the other person accepts, then a leader approves; only then do the assignees change. */
@Entity
@Table(name = "duty_swap")
@SuppressWarnings("unused")
public class DutySwap extends PanacheEntityBase {
    public enum State {
        REQUESTED, ACCEPTED, APPROVED, REJECTED
    }

    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "shift_id")
    public UUID shiftId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "other_person_id")
    public UUID otherPersonId;
    /** The other person's shift taken in exchange; null when the other person simply takes over. */
    @Column(name = "other_shift_id")
    public UUID otherShiftId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "accepted_by")
    public String acceptedBy;
    @Column(name = "decided_by")
    public String decidedBy;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
