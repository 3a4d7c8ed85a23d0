package org.gridguard.duty.worklog;

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

/** 日志填报: what was done away from a post, how long, and the figures. Hours count once approved. */
@Entity
@Table(name = "duty_work_log")
@SuppressWarnings("unused")
public class DutyWorkLog extends PanacheEntityBase {
    public enum Status {
        SUBMITTED, APPROVED, REJECTED
    }

    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "work_date")
    public LocalDate workDate;
    public String description;
    public BigDecimal hours;
    @Column(name = "households_phoned")
    public int householdsPhoned;
    @Column(name = "households_visited")
    public int householdsVisited;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
}
