package org.gridguard.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person or partner client assigned, in one role, to an area node: their jurisdiction. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {
    @Id
    public UUID id;
    public String principal;
    @Enumerated(EnumType.STRING)
    @Column(name = "principal_type")
    public Caller.Type principalType;
    public String role;
    @Column(name = "node_id")
    public UUID nodeId;
    /** The central isolation site of a site-staff assignment (ADR 0032); null for every other role. */
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
