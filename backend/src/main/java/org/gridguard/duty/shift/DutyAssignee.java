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

/** A person standing a shift (not the jurisdiction assignments of the foundation). */
@Entity
@Table(name = "duty_assignee")
@SuppressWarnings("unused")
public class DutyAssignee extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "shift_id")
    public UUID shiftId;
    @Column(name = "person_id")
    public UUID personId;
    /** MANUAL, ROSTER or SWAP */
    public String source;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
