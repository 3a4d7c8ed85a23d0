package org.gridguard.quarantine;

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

import org.gridguard.quarantine.QuarantineViews.Kind;
import org.gridguard.quarantine.QuarantineViews.Reason;
import org.gridguard.quarantine.QuarantineViews.Status;
import org.gridguard.security.pii.IdentityRules.DocType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person under home isolation, home health monitoring or central isolation (V14). One ACTIVE order per
 * {@link #personKey}; a non-resident's document and phone are stored as cipher + HMAC + mask.
 */
@Entity
@Table(name = "quarantine_order")
public class QuarantineOrder extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "check_code")
    public String checkCode;
    @Column(name = "community_id")
    public UUID communityId;
    @Column(name = "grid_cell_id")
    public UUID gridCellId;
    @Column(name = "area_id")
    public UUID areaId;
    @Column(name = "resident_id")
    public UUID residentId;
    @Column(name = "person_name")
    public String personName;
    @Enumerated(EnumType.STRING)
    @Column(name = "doc_type")
    public DocType docType;
    @Column(name = "doc_cipher")
    public String docCipher;
    @Column(name = "doc_hmac")
    public byte[] docHmac;
    @Column(name = "doc_mask")
    public String docMask;
    @Column(name = "phone_cipher")
    public String phoneCipher;
    @Column(name = "phone_hmac")
    public byte[] phoneHmac;
    @Column(name = "phone_mask")
    public String phoneMask;
    public String address;
    @Column(name = "person_key")
    public String personKey;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    @Column(name = "reason_place")
    public String reasonPlace;
    @Column(name = "source_order_id")
    public UUID sourceOrderId;
    @Column(name = "source_case_ref")
    public String sourceCaseRef;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "release_reason")
    public String releaseReason;
    @Column(name = "site_id")
    public UUID siteId;
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
