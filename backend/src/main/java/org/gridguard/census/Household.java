package org.gridguard.census;

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

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 户: a door in a building (or compound, or directly in a grid cell). */
@Entity
@Table(name = "household")
@DynamicUpdate // writes only what changed: never a contact name the database filled in since the row was read
public class Household extends PanacheEntityBase {

    public enum Status {
        OCCUPIED, VACANT, UNREACHABLE
    }

    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "grid_cell_id")
    public UUID gridCellId;
    @Column(name = "compound_id")
    public UUID compoundId;
    @Column(name = "building_id")
    public UUID buildingId;
    @Column(name = "area_id")
    public UUID areaId;
    @Column(name = "door_number")
    public String doorNumber;
    /** Residents LIVING here: kept by the database from the resident table (V35, ADR 0056), never written here. */
    @Column(name = "living_count", insertable = false, updatable = false)
    public int livingCount;
    /** Of them, tenants (category TENANT): kept by the database like {@link #livingCount}. */
    @Column(name = "tenant_count", insertable = false, updatable = false)
    public int tenantCount;
    /** Set by hand, or else by the database from the living head of household (户主, 本人). */
    @Column(name = "contact_name")
    public String contactName;
    public String notes;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "last_verified_on")
    public LocalDate lastVerifiedOn;
    @Version
    public long version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
