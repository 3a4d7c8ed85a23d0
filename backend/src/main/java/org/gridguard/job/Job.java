package org.gridguard.job;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED
    }

    @Id
    public UUID id;
    public String kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String owner;
    @Column(name = "community_id")
    public UUID communityId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> params;
    public int progress;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> report;
    public String error;
    public int attempts;
    @Column(name = "instance_id")
    public String instanceId;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
