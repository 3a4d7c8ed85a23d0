package org.gridguard.census;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /**
     * 人员类别. Each category's labels in one table: its Chinese label first (shown, and listed in the template),
     * then the synonyms seen in community sheets. A label matches after trimming, NFKC and dropping spaces.
     */
    public enum Category {
        TENANT("租户", "租客", "租住", "承租人"),
        ELDERLY_ALONE("独居老人", "独居", "空巢老人"),
        CHRONIC_ILLNESS("慢性病", "慢病", "慢性病患者", "基础病"),
        DISABLED("残疾人", "残疾", "残障"),
        MEDICAL_FAMILY("医护家属", "医务人员家属", "医护人员家属", "医务家属"),
        NEEDS_DELIVERY("需送物资", "需配送物资", "需要配送", "物资配送"),
        CLOSE_CONTACT("密接", "密切接触者"),
        SECONDARY_CONTACT("次密接", "次密切接触者"),
        RETURNEE("返乡人员", "返乡", "返回人员", "外地返回"),
        BED_RIDDEN("卧床", "卧床不起", "长期卧床");

        public final String zh;
        private final List<String> labels;

        private static final Pattern SPACES = Pattern.compile("\\s+");
        private static final Map<String, Category> BY_LABEL = new HashMap<>();

        static {
            for (Category c : values()) {
                BY_LABEL.put(c.name(), c);
                c.labels.forEach(l -> BY_LABEL.put(normalise(l), c));
            }
        }

        Category(String zh, String... synonyms) {
            this.zh = zh;
            this.labels = Stream.concat(Stream.of(zh), Stream.of(synonyms)).toList();
        }

        /** By code (TENANT) or by any of its labels (租户, 租客, …); null if none. */
        public static Category parse(String s) {
            return s == null ? null : BY_LABEL.get(normalise(s));
        }

        /** The labels a sheet may use for this category, its Chinese label first. */
        public List<String> labels() {
            return labels;
        }

        /** The Chinese label of every category, as a person types them: 租户、独居老人、… */
        public static String accepted() {
            return Stream.of(values()).map(c -> c.zh).collect(Collectors.joining("、"));
        }

        private static String normalise(String s) {
            return SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC)).replaceAll("").toUpperCase(Locale.ROOT);
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
