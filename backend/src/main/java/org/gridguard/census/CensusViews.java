package org.gridguard.census;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.IdentityRules;

/** The JSON shapes of the census. ID numbers and phones leave the API masked, except through unmask. */
public final class CensusViews {
    private CensusViews() {
    }

    public enum PiiField {
        ID_NUMBER, PHONE
    }

    /** PHONE and VISIT verify the household; NOTICE (留言告知) is a contact attempt only (ADR 0052). */
    @Schema(description = "PHONE or VISIT verify the household; NOTICE (a notice or message left, nobody reached) is "
            + "listed and counted but leaves lastVerifiedOn and the status unchanged")
    public enum VerificationMethod {
        PHONE, VISIT, NOTICE;

        /** Whether a round by this method verifies the household (moves lastVerifiedOn, may set its status). */
        public boolean verifies() {
            return this != NOTICE;
        }
    }

    public enum CountLevel {
        GRID_CELL, COMPOUND, BUILDING
    }

    /** The request-side counts: read-only since ADR 0056. */
    static final String COUNTED = "Counted from the household's residents (ADR 0056): leave it out; a figure other "
            + "than the current count is refused with 400";

    @Schema(name = "Household")
    public record HouseholdView(UUID id, UUID communityId, UUID gridCellId, UUID compoundId, UUID buildingId,
            @Schema(description = "The area node the household is registered under: a building, compound or grid cell") UUID areaId,
            String doorNumber,
            @Schema(description = "Residents living here (status LIVING), counted from the residents (ADR 0056)") int livingCount,
            @Schema(description = "Of them, tenants (category TENANT), counted from the residents") int tenantCount,
            @Schema(description = "Set by hand, or else the living head of household (与户主关系 户主 or 本人)") String contactName,
            String notes, Household.Status status, LocalDate lastVerifiedOn, long version, Instant createdAt, Instant updatedAt) {
        static HouseholdView of(Household h) {
            return new HouseholdView(h.id, h.communityId, h.gridCellId, h.compoundId, h.buildingId, h.areaId,
                    h.doorNumber, h.livingCount, h.tenantCount, h.contactName, h.notes, h.status, h.lastVerifiedOn,
                    h.version, h.createdAt, h.updatedAt);
        }
    }

    @Schema(name = "NewHousehold")
    public record NewHousehold(
            @Schema(description = "Client-supplied id (optional): a retried create with the same id returns the first result") UUID id,
            @NotNull @Schema(description = "A building, compound or grid cell") UUID areaId,
            @NotBlank @Size(max = 50) @Schema(description = "门牌编号, unique within the building") String doorNumber,
            @Min(0) @Schema(deprecated = true, description = COUNTED) Integer livingCount,
            @Min(0) @Schema(deprecated = true, description = COUNTED) Integer tenantCount,
            @Size(max = 100) String contactName, @Size(max = 2000) String notes, Household.Status status) {
    }

    @Schema(name = "HouseholdPatch", description = "Only the fields sent change")
    public record HouseholdPatch(UUID areaId, @Size(min = 1, max = 50) String doorNumber,
            @Size(max = 100) String contactName, @Size(max = 2000) String notes, Household.Status status,
            @Schema(description = "The version you edited; or send If-Match") Long version,
            @Min(0) @Schema(deprecated = true, description = COUNTED) Integer livingCount,
            @Min(0) @Schema(deprecated = true, description = COUNTED) Integer tenantCount) {
    }

    @Schema(name = "Resident", description = "idNumber and phone are always masked here (110105********002X, 138****1234)")
    public record ResidentView(UUID id, UUID householdId, UUID communityId, UUID gridCellId, String name,
            DocType idType, @Schema(description = "Masked") String idNumber, @Schema(description = "Masked") String phone,
            String sex, LocalDate birthDate, String relation, List<Resident.Category> categories, String returneeFrom,
            LocalDate returnedOn, Resident.HealthCode healthCode, String healthCodeSource, Instant healthCodeSeenAt,
            Resident.Status status, long version, Instant createdAt, Instant updatedAt) {
        static ResidentView of(Resident r) {
            List<Resident.Category> cats = r.categories == null ? List.of()
                    : java.util.Arrays.stream(r.categories).map(Resident.Category::valueOf).toList();
            return new ResidentView(r.id, r.householdId, r.communityId, r.gridCellId, r.name, r.idType, r.idMask,
                    r.phoneMask, r.sex, r.birthDate, r.relation, cats, r.returneeFrom, r.returnedOn, r.healthCode,
                    r.healthCodeSource, r.healthCodeSeenAt, r.status, r.version, r.createdAt, r.updatedAt);
        }
    }

    @Schema(name = "NewResident")
    public record NewResident(UUID id, @NotNull UUID householdId, @NotBlank @Size(max = 50) String name,
            @Schema(description = "Default MAINLAND_ID") DocType idType,
            @Schema(description = "Required; a mainland ID gives sex and birth date") String idNumber,
            String phone, @Size(max = 30) @Schema(description = "Relation to the householder (户主, 配偶, 子女 …)") String relation,
            List<Resident.Category> categories, @Size(max = 200) String returneeFrom, LocalDate returnedOn,
            Resident.HealthCode healthCode, @Size(max = 100) String healthCodeSource, Instant healthCodeSeenAt) {
    }

    @Schema(name = "ResidentPatch", description = "Only the fields sent change. Status changes are recorded; residents are never deleted.")
    public record ResidentPatch(UUID householdId, @Size(min = 1, max = 50) String name, DocType idType, String idNumber,
            String phone, @Size(max = 30) String relation, List<Resident.Category> categories,
            @Size(max = 200) String returneeFrom, LocalDate returnedOn, Resident.HealthCode healthCode,
            @Size(max = 100) String healthCodeSource, Instant healthCodeSeenAt, Resident.Status status, Long version) {
    }

    @Schema(name = "ResidentSearch", description = "Exact lookup by identity document or phone, in the body so it never reaches an access log")
    public record ResidentSearch(DocType idType, @Size(max = 40) String idNumber, @Size(max = 30) String phone) {
    }

    @Schema(name = "UnmaskRequest")
    public record UnmaskRequest(@NotEmpty List<@NotNull PiiField> fields,
            @NotBlank @Size(min = 2, max = 500) @Schema(description = "Why you need the clear value; recorded in the audit") String reason) {
    }

    @Schema(name = "UnmaskedResident", description = "Only the requested fields are filled")
    public record UnmaskedView(UUID id, DocType idType, String idNumber, String phone) {
    }

    @Schema(name = "CensusChange")
    public record ChangeView(long id, String actor, Instant at, String action, Map<String, Object> changes) {
    }

    @Schema(name = "Verification", description = "摸排核查: one verification of a household")
    public record VerificationView(UUID id, UUID householdId, LocalDate verifiedOn, VerificationMethod method,
            String findings, String verifiedBy, Instant createdAt) {
    }

    @Schema(name = "NewVerification")
    public record NewVerification(UUID id, @NotNull LocalDate verifiedOn, @NotNull VerificationMethod method,
            @Size(max = 2000) String findings,
            @Schema(description = "Optionally sets the household's status, e.g. UNREACHABLE after a phone attempt and a visit; "
                    + "not with NOTICE (422)") Household.Status householdStatus) {
    }

    @Schema(name = "PiiAuditEntry")
    public record AuditView(long id, Instant at, String actor, String action, String subjectType, UUID subjectId,
            UUID communityId, List<String> fields, String reason, Map<String, Object> details) {
    }

    @Schema(name = "CensusCount")
    public record CountView(UUID areaId, CountLevel level, String code, String name, long households, long residents,
            @Schema(description = "Living residents per category") Map<String, Long> byCategory) {
    }

    @Schema(name = "ExportRequest")
    public record ExportRequest(@Schema(description = "Limit to this area node; default the whole jurisdiction") UUID areaId,
            @Schema(description = "Fields to export in clear (supervisors, with a reason)") List<@NotNull PiiField> unmask,
            @Size(max = 500) String reason) {
    }

    @Schema(name = "ImportAccepted")
    public record ImportAccepted(UUID jobId, String status, boolean dryRun) {
    }

    /**
     * One problem of an import row, as the job's report lists them under {@code errors} (the first 100) and the
     * error file ({@code GET /api/v1/imports/{jobId}/errors}, column 级别) lists all: an ERROR refused the row, a
     * WARNING kept it (ADR 0055).
     */
    @Schema(name = "ImportRowProblem", description = "A problem of one row of a census import (the job report's errors)")
    public record ImportRowProblem(@Schema(description = "The row's line in the file, 1-based as a spreadsheet shows it") int line,
            @Schema(description = "The column, by its template name (人员类别, 身份证号, …)") String field, String message,
            @Schema(description = "ERROR: the row was refused; WARNING: the row was imported and this was left out", enumeration = {
                    "ERROR", "WARNING" }) String severity) {

        Map<String, Object> asReport() {
            return Map.of("line", line, "field", field, "message", message, "severity", severity);
        }
    }

    /** Where an export request stands (ADR 0029). */
    public enum ExportApprovalStatus {
        PENDING, APPROVED, REJECTED, DOWNLOADED
    }

    @Schema(name = "CensusExportRequest", description = "A clear export of more people than the approval threshold: "
            + "another supervisor of the community (or an admin) approves it; the requester then downloads it once, "
            + "before expiresAt.")
    public record ExportApprovalView(UUID id, UUID communityId, UUID areaId, String kind, List<String> fields,
            String reason, @Schema(description = "People in the export when it was asked for") int people,
            ExportApprovalStatus status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
            String decisionNote, @Schema(description = "Approved: the download must start before this") Instant expiresAt,
            Instant downloadedAt) {
    }

    @Schema(name = "CensusExportDecision")
    public record ExportDecision(@Size(max = 500) @Schema(description = "Optional note for the requester") String note) {
    }
}
