package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The requests and answers of the health bureau's lists and of the worklist of people not found. */
public final class QuarantineListViews {

    private QuarantineListViews() {
    }

    /**
     * One person of a list, as the bureau writes them. Every field is text so that a bad value refuses only its own
     * item (REJECTED with the reason), never the list.
     */
    @Schema(name = "QuarantineListPerson")
    public record ListItemInput(@Schema(description = "姓名") String name,
            @Schema(description = "MAINLAND_ID (default), PASSPORT, HK_MACAU_PERMIT, TAIWAN_PERMIT, or 居民身份证, 护照 …") String docType,
            @Schema(description = "The document's number; a mainland ID must pass the GB 11643 check digit") String docNumber,
            String phone,
            @Schema(description = "小区, by name or code, as in the census import") String compound,
            @Schema(description = "楼栋, by name, code or number") String building,
            @Schema(description = "门牌号") String door,
            @Schema(description = "HOME_ISOLATION, HOME_MONITORING, CENTRAL_ISOLATION, or 居家隔离, 居家健康监测, 集中隔离") String kind,
            @Schema(description = "CLOSE_CONTACT, SECONDARY_CONTACT, RETURNEE, POSITIVE_POOL, OTHER, or 密接, 次密接, 返乡, 阳性混管, 其他") String reason,
            @Schema(description = "The place a returnee came from") String reasonPlace,
            @Schema(description = "The bureau's reference of the case the person is a contact of") String sourceCaseRef,
            @Schema(description = "The ID number of the person this one is a contact of (linked to their order)") String sourceIdNumber,
            @Schema(description = "yyyy-MM-dd; today when absent") String startsOn,
            @Schema(description = "yyyy-MM-dd, inclusive; the default duration when absent") String endsOn) {
    }

    @Schema(name = "QuarantineListRequest")
    public record ListRequest(
            @Schema(description = "The bureau's own number of the list; a second list with it and other content is refused") @Size(max = 100) String reference,
            @Schema(description = "The area node the list is for: one of the client's nodes or a node within one (a district's bureau names the community); required when the client is assigned to several") UUID areaId,
            @NotNull @NotEmpty @Valid List<ListItemInput> items) {
    }

    @Schema(name = "QuarantineListAccepted")
    public record ListAccepted(UUID id, UUID jobId, int items,
            @Schema(description = "True when this list had been sent before: nothing new was queued") boolean replayed) {
    }

    @Schema(name = "QuarantineList")
    public record ListView(UUID id, String reference, UUID areaId, String format, int items,
            @Schema(description = "The list's status: QUEUED, RUNNING, DONE (every item decided), FAILED") String status, int progress,
            @Schema(nullable = true) String error, UUID jobId,
            @Schema(description = "Items decided so far, per outcome (MATCHED, UNMATCHED, DUPLICATE, REJECTED)") Map<String, Long> outcomes,
            Instant createdAt) {
    }

    @Schema(name = "QuarantineListItem")
    public record ItemView(UUID id, int line,
            @Schema(description = "MATCHED, UNMATCHED, DUPLICATE, REJECTED") String outcome,
            @Schema(nullable = true, description = "REJECTED: the field at fault") String field,
            @Schema(nullable = true, description = "REJECTED: why; DUPLICATE: what it duplicates") String problem,
            @Schema(nullable = true) UUID orderId, @Schema(nullable = true) String orderNumber,
            @Schema(nullable = true) String name, @Schema(nullable = true) String docMasked,
            @Schema(nullable = true, description = "UNMATCHED: OPEN until a worker resolves it, then FOUND, NOT_FOUND, MOVED_AWAY") String worklistStatus) {
    }

    @Schema(name = "QuarantineWorklistItem")
    public record WorklistView(UUID id, UUID listId, @Schema(nullable = true) String listReference, int line,
            String name, @Schema(nullable = true) String docMasked, @Schema(nullable = true) String phoneMasked,
            @Schema(nullable = true) String compound, @Schema(nullable = true) String building,
            @Schema(nullable = true) String door, UUID areaId, @Schema(nullable = true) UUID gridCellId,
            String kind, String reason, @Schema(nullable = true) String reasonPlace,
            @Schema(nullable = true) String sourceCaseRef, LocalDate startsOn, LocalDate endsOn,
            @Schema(description = "OPEN, FOUND, NOT_FOUND, MOVED_AWAY") String status,
            @Schema(nullable = true) UUID orderId, @Schema(nullable = true) String resolvedBy,
            @Schema(nullable = true) Instant resolvedAt, @Schema(nullable = true) String note, long version,
            Instant createdAt) {
    }

    @Schema(name = "QuarantineWorklistResolution")
    public record ResolveRequest(
            @Schema(description = "FOUND (the resident: an order is created or extended), NOT_FOUND or MOVED_AWAY") @NotNull String status,
            @Schema(description = "FOUND: the census resident who is the person") UUID residentId,
            @Schema(description = "What the worker found; required for NOT_FOUND and MOVED_AWAY") @Size(max = 500) String note) {
    }
}
