package org.gridguard.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One delivery run: a day's round of doors, its carriers and the storage place the items come from. */
@Entity
@Table(name = "delivery_run")
public class DeliveryRun extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "area_id")
    public UUID areaId;
    public String name;
    @Column(name = "run_date")
    public LocalDate runDate;
    @Column(name = "place_id")
    public UUID placeId;
    @Enumerated(EnumType.STRING)
    public DeliveryRules.RunStatus status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
