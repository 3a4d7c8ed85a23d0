package org.gridguard.duty.pattern;

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

/** How a checkpoint is watched: three 8-hour shifts, day only, or one custom shift a day. */
@Entity
@Table(name = "duty_pattern")
@SuppressWarnings("unused")
public class DutyPattern extends PanacheEntityBase {
    public enum Kind {
        THREE_SHIFTS, DAY_ONLY, CUSTOM
    }

    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "checkpoint_id")
    public UUID checkpointId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(name = "people_needed")
    public int peopleNeeded;
    /** People on the night shift (00–08), when different. */
    @Column(name = "night_needed")
    public Integer nightNeeded;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_skills")
    public List<String> requiredSkills;
    @Column(name = "custom_start")
    public LocalTime customStart;
    @Column(name = "custom_end")
    public LocalTime customEnd;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
