package org.gridguard.area;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A post that is watched: a compound gate, a road junction, a bridge, a quarantine site. */
@Entity
@Table(name = "checkpoint")
public class Checkpoint extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public CheckpointKind kind;
    @Column(name = "watched_24h")
    public boolean watched24h;
    @Column(name = "guards_node_id")
    public UUID guardsNodeId;
    @Column(name = "community_id")
    public UUID communityId;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
