package org.gridguard.duty.roster;

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

/** A rostering run for an area and dates: the solver's proposal, which a leader reviews and publishes. */
@Entity
@Table(name = "duty_roster")
@SuppressWarnings("unused")
public class DutyRoster extends PanacheEntityBase {
    public enum Status {
        SOLVING, PROPOSED, PUBLISHED, FAILED
    }

    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "area_id")
    public UUID areaId;
    @Column(name = "from_date")
    public LocalDate fromDate;
    @Column(name = "to_date")
    public LocalDate toDate;
    @Column(name = "job_id")
    public UUID jobId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "stop_requested")
    public boolean stopRequested;
    /** [{shiftId, personIds}] of new assignees */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<java.util.Map<String, Object>> proposal;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<java.util.Map<String, Object>> unfilled;
    public String score;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
}
