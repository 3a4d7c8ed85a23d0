package org.gridguard.disinfection;

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

/** When a place's public areas are disinfected each day (消杀), and how late a round may be. */
@Entity
@Table(name = "disinfection_schedule")
public class DisinfectionSchedule extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Enumerated(EnumType.STRING)
    @Column(name = "place_kind")
    public DisinfectionViews.PlaceKind placeKind;
    @Column(name = "place_id")
    public UUID placeId;
    @Column(name = "place_name")
    public String placeName;
    @Column(name = "area_id")
    public UUID areaId;
    /** "08:00,16:00" */
    public String times;
    @Column(name = "tolerance_minutes")
    public int toleranceMinutes;
    public String note;
    public boolean active;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
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
