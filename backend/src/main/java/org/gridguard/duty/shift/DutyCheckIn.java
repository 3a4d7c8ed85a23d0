package org.gridguard.duty.shift;

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

/** Arrival at and departure from the post; corrections by a leader keep their history. */
@Entity
@Table(name = "duty_check_in")
@SuppressWarnings("unused")
public class DutyCheckIn extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "shift_id")
    public UUID shiftId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "check_in_at")
    public Instant checkInAt;
    @Column(name = "check_out_at")
    public Instant checkOutAt;
    public Double latitude;
    public Double longitude;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
}
