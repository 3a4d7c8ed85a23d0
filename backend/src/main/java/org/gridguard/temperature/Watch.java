package org.gridguard.temperature;

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

import org.gridguard.temperature.TemperatureViews.WatchReason;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A resident under watch for a period: two reports a day, morning and afternoon. */
@Entity
@Table(name = "watch")
public class Watch extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "resident_id")
    public UUID residentId;
    @Column(name = "grid_cell_id")
    public UUID gridCellId;
    @Column(name = "area_id")
    public UUID areaId;
    @Enumerated(EnumType.STRING)
    public WatchReason reason;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    public String note;
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
