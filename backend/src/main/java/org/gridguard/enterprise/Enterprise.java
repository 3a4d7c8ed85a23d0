package org.gridguard.enterprise;

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

/** 复工企业: one enterprise of the register, known by its unified social credit code. Phone only as ciphertext, hash, mask. */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "area_id")
    public UUID areaId;
    public String name;
    @Column(name = "credit_code")
    public String creditCode;
    @Enumerated(EnumType.STRING)
    public Enterprises.Kind kind;
    public String address;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "phone_cipher")
    public String phoneCipher;
    @Column(name = "phone_hmac")
    public byte[] phoneHmac;
    @Column(name = "phone_mask")
    public String phoneMask;
    public int employees;
    @Column(name = "resumed_on")
    public LocalDate resumedOn;
    @Enumerated(EnumType.STRING)
    public Enterprises.Status status;
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
