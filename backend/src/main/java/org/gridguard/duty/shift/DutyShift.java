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
import org.gridguard.duty.DutyRules;

/** One shift at one checkpoint, generated from its pattern. */
@Entity
@Table(name = "duty_shift")
@SuppressWarnings("unused")
public class DutyShift extends PanacheEntityBase {
    public enum Kind {
        NIGHT, DAY, EVENING, CUSTOM
    }

    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "checkpoint_id")
    public UUID checkpointId;
    @Column(name = "business_date")
    public LocalDate businessDate;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "people_needed")
    public int peopleNeeded;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_skills")
    public List<String> requiredSkills;
    @Column(name = "gap_alert_id")
    public UUID gapAlertId;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;

    public DutyRules.Shift rule() {
        return new DutyRules.Shift(id, startsAt, endsAt, peopleNeeded, requiredSkills == null ? List.of() : requiredSkills);
    }
}
