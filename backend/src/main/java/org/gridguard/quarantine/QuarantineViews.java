package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.security.pii.IdentityRules.DocType;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes of quarantine orders (issue 17). Documents and phones leave masked, never in clear. */
public final class QuarantineViews {
    private QuarantineViews() {
    }

    /** 居家隔离, 居家健康监测, 集中隔离. */
    public enum Kind {
        HOME_ISOLATION, HOME_MONITORING, CENTRAL_ISOLATION
    }

    /** 密接, 次密接, 风险地区返回, 阳性混管成员, 其他. */
    public enum Reason {
        CLOSE_CONTACT, SECONDARY_CONTACT, RETURNEE, POSITIVE_POOL, OTHER
    }

    /** ACTIVE until released (RELEASED) or taken to hospital (HOSPITAL); both end the order. */
    public enum Status {
        ACTIVE, RELEASED, HOSPITAL
    }

    public enum Action {
        CREATED, UPDATED, EXTENDED, RELEASED, TRANSFERRED, HOSPITAL, MIGRATED
    }

    /** Where a transfer takes the person: a central isolation site, back home, or to hospital (ends the order). */
    public enum TransferTarget {
        SITE, HOME, HOSPITAL
    }

    @Schema(name = "QuarantinePersonInput", description = "A person who is not a resident of the census: document and phone are stored encrypted, keyed-hashed and masked")
    public record PersonInput(@NotBlank @Size(max = 100) String name, @NotNull DocType documentType,
            @NotBlank @Size(max = 40) @Schema(description = "Checked against GB 11643 for MAINLAND_ID") String documentNumber,
            @Size(max = 30) String phone, @Size(max = 200) String address,
            @NotNull @Schema(description = "The grid cell of the person's home, or a compound or building in it") UUID areaId) {
    }

    @Schema(name = "NewQuarantineOrder", description = "Exactly one of residentId and person")
    public record NewOrder(UUID residentId, @Valid PersonInput person, @NotNull Kind kind, @NotNull Reason reason,
            @Size(max = 200) @Schema(description = "The place the person came from or was exposed at") String reasonPlace,
            @Schema(description = "The order (case or contact) this one came from") UUID sourceOrderId,
            @Size(max = 100) @Schema(description = "An external case reference when the source is not an order") String sourceCaseRef,
            @NotNull LocalDate startsOn,
            @Schema(description = "Planned end, inclusive; default: the configured days for the kind and reason") LocalDate endsOn,
            @Schema(description = "Required for CENTRAL_ISOLATION: a checkpoint of kind QUARANTINE_SITE") UUID siteId,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "QuarantineExtension")
    public record Extension(@NotNull @Schema(description = "The new planned end, after the current one") LocalDate endsOn,
            @NotBlank @Size(max = 500) String reason, @Schema(description = "The version you edited; or send If-Match") Long version) {
    }

    @Schema(name = "QuarantineRelease")
    public record Release(@NotBlank @Size(max = 500) String reason,
            @Schema(description = "The version you edited; or send If-Match") Long version) {
    }

    @Schema(name = "QuarantineTransfer")
    public record Transfer(@NotNull TransferTarget to,
            @Schema(description = "Required for SITE: a checkpoint of kind QUARANTINE_SITE in your reach") UUID siteId,
            @Schema(description = "For HOME: HOME_ISOLATION (default) or HOME_MONITORING") Kind kind,
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "The version you edited; or send If-Match") Long version) {
    }

    @Schema(name = "QuarantinePerson", requiredProperties = { "name", "resident" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonView(String name, boolean resident, UUID residentId, DocType documentType,
            String documentNumberMasked, String phoneMasked, String address) {
    }

    @Schema(name = "QuarantineOrder", requiredProperties = { "id", "number", "person", "kind", "reason", "status",
            "startsOn", "endsOn", "communityId", "gridCellId", "areaId", "createdBy", "createdAt", "version" })
    public record OrderView(UUID id, @Schema(description = "Printed on the release notice, e.g. Q20220405-17") String number,
            PersonView person, Kind kind, Reason reason, String reasonPlace, UUID sourceOrderId, String sourceCaseRef,
            Status status, LocalDate startsOn, @Schema(description = "Planned end, inclusive") LocalDate endsOn,
            Instant releasedAt, String releaseReason, UUID siteId, String siteName, UUID communityId, UUID gridCellId,
            String cellName, UUID areaId, String note, String createdBy, Instant createdAt, String updatedBy,
            Instant updatedAt, long version,
            @Schema(description = "The release notice's check code (as its QR code carries it): released orders only, for those who may print the notice")
            String noticeCode) {
    }

    @Schema(name = "QuarantineOrderEvent", requiredProperties = { "action", "toStatus", "actor", "at" })
    public record EventView(Action action, Status fromStatus, Status toStatus, String actor, Instant at, String reason,
            @Schema(description = "What changed: old and new end, site, kind") Map<String, Object> data) {
    }

    @Schema(name = "QuarantineChainNode", requiredProperties = { "id", "number", "depth", "kind", "reason", "status" })
    public record ChainNode(UUID id, String number, UUID sourceOrderId,
            @Schema(description = "Generations from the order asked for: negative for its sources, 0 itself, positive for descendants") int depth,
            String personName, Kind kind, Reason reason, Status status, LocalDate startsOn, LocalDate endsOn) {
    }

    @Schema(name = "QuarantineChain", requiredProperties = { "orderId", "nodes", "hiddenCount" })
    public record ChainView(UUID orderId, @Schema(description = "The root's external case reference, if any") String rootCaseRef,
            List<ChainNode> nodes,
            @Schema(description = "Orders of the chain outside your jurisdiction: counted, not shown") int hiddenCount,
            @Schema(description = "True when the chain was cut at its size limit") boolean truncated) {
    }
}
