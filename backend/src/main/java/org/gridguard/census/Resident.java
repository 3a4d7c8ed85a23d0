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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.gridguard.security.pii.IdentityRules;

/** 居民: a person of a household. ID number and phone only as ciphertext, HMAC and mask. */
@Entity
@Table(name = "resident")
public class Resident extends PanacheEntityBase {

    public enum Status {
        LIVING, MOVED_OUT, DECEASED
    }

    public enum Category {
        TENANT("租户"), ELDERLY_ALONE("独居老人"), CHRONIC_ILLNESS("慢性病"), DISABLED("残疾人"),
        MEDICAL_FAMILY("医护家属"), NEEDS_DELIVERY("需送物资"), CLOSE_CONTACT("密接"), SECONDARY_CONTACT("次密接"),
        RETURNEE("返乡人员"), BED_RIDDEN("卧床");

        public final String zh;

        Category(String zh) {
            this.zh = zh;
        }

        /** By code (TENANT) or by its Chinese label (租户); null if neither. */
        public static Category parse(String s) {
            String t = s.trim();
            for (Category c : values()) {
                if (c.name().equalsIgnoreCase(t) || c.zh.equals(t)) {
                    return c;
                }
            }
            return switch (t) {
                case "租客", "租住" -> TENANT;
                case "密切接触者" -> CLOSE_CONTACT;
                case "次密切接触者" -> SECONDARY_CONTACT;
                case "残疾" -> DISABLED;
                case "返乡", "返回人员" -> RETURNEE;
                case "卧床不起", "长期卧床" -> BED_RIDDEN;
                default -> null;
            };
        }
    }

    public enum HealthCode {
        GREEN, YELLOW, RED
    }

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
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    public IdentityRules.DocType idType;
    @Column(name = "id_cipher")
    public String idCipher;
    @Column(name = "id_hmac")
    public byte[] idHmac;
    @Column(name = "id_mask")
    public String idMask;
    @Column(name = "phone_cipher")
    public String phoneCipher;
    @Column(name = "phone_hmac")
    public byte[] phoneHmac;
    @Column(name = "phone_mask")
    public String phoneMask;
    public String sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String relation;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories;
    @Column(name = "returnee_from")
    public String returneeFrom;
    @Column(name = "returned_on")
    public LocalDate returnedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "health_code")
    public HealthCode healthCode;
    @Column(name = "health_code_source")
    public String healthCodeSource;
    @Column(name = "health_code_seen_at")
    public Instant healthCodeSeenAt;
    @Enumerated(EnumType.STRING)
    public Status status;
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
