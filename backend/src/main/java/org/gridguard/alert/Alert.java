package org.gridguard.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The {@link AlertKind#code()} of the kind. */
    public String kind;
    @Enumerated(EnumType.STRING)
    public AlertState state;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "subject_label")
    public String subjectLabel;
    @Column(name = "area_id")
    public UUID areaId;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "overdue_since")
    public Instant overdueSince;
    /** The last escalation; null while never escalated. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    /** The level the alert is escalated to now: an ancestor of its area that submits a daily report. */
    @Column(name = "escalation_area_id")
    public UUID escalationAreaId;
    @Column(name = "taken_by")
    public String takenBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Version
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
