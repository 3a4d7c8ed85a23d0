package org.gridguard.area;

/** 小区: managed by a property company, unmanaged (老旧/无物业), or a unit's own courtyard (单位大院). */
public enum CompoundType {
    MANAGED, UNMANAGED, UNIT_COURTYARD
}
