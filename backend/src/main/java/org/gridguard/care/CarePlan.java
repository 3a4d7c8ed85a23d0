package org.gridguard.care;

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

/** The one-to-one care plan of a vulnerable resident. */
@Entity
@Table(name = "care_plan")
public class CarePlan extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The resident cared for, and where they live (the plan's reach). */
    @Column(name = "resident_id")
    public UUID residentId;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "area_id")
    public UUID areaId;
    @Column(name = "grid_cell_id")
    public UUID gridCellId;
    @Column(name = "community_id")
    public UUID communityId;
    public String responsible;
    @Column(name = "visit_every_days")
    public int visitEveryDays;
    @Column(name = "delivery_every_days")
    public int deliveryEveryDays;
    public String note;
    @Enumerated(EnumType.STRING)
    public CareViews.PlanStatus status;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
