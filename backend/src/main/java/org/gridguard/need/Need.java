package org.gridguard.need;

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

/** One need of a household, a resident or a person under a quarantine order. */
@Entity
@Table(name = "need")
public class Need extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "grid_cell_id")
    public UUID gridCellId;
    @Column(name = "area_id")
    public UUID areaId;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "resident_id")
    public UUID residentId;
    @Column(name = "quarantine_order_id")
    public UUID quarantineOrderId;
    @Enumerated(EnumType.STRING)
    public Needs.Kind kind;
    public String detail;
    @Enumerated(EnumType.STRING)
    public Needs.Urgency urgency;
    @Enumerated(EnumType.STRING)
    public Needs.Source source;
    @Column(name = "source_ref")
    public UUID sourceRef;
    @Enumerated(EnumType.STRING)
    public Needs.Status status;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "medicine_name")
    public String medicineName;
    @Column(name = "medicine_quantity")
    public String medicineQuantity;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "assigned_to")
    public String assignedTo;
    @Column(name = "received_by")
    public String receivedBy;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
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
