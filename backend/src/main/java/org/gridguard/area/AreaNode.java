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
import org.gridguard.common.Port;

/** One node of the area hierarchy: district → street → community → zone → grid cell → compound → building. */
@Port
@Entity
@Table(name = "area_node")
public class AreaNode extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public AreaKind kind;
    public String code;
    public String name;
    @Column(name = "parent_id")
    public UUID parentId;
    /** '/root-id/.../own-id/' */
    public String path;
    @Column(name = "community_id")
    public UUID communityId;
    @Enumerated(EnumType.STRING)
    @Column(name = "compound_type")
    public CompoundType compoundType;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
