package org.gridguard.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.need.Needs;

/** Care plans' and care visits' requests and answers. Phones leave only masked. */
public final class CareViews {
    private CareViews() {
    }

    @Schema(name = "CarePlanStatus")
    public enum PlanStatus {
        ACTIVE, ENDED
    }

    @Schema(name = "CareVisitMode")
    public enum Mode {
        PHONE, DOOR
    }

    @Schema(name = "CareCondition", description = "How the person was found: well, unwell, needs help, not reached")
    public enum Condition {
        WELL, UNWELL, NEEDS_HELP, NOT_REACHED
    }

    @Schema(name = "NewCarePlan")
    public record NewCarePlan(@NotNull UUID residentId,
            @Schema(description = "Username of a grid worker or leader assigned to the resident's cell or zone")
            @NotBlank @Size(max = 100) String responsible,
            @Schema(description = "Days between visits (default 1 = daily)") @Min(1) @Max(CareRules.MAX_EVERY_DAYS) Integer visitEveryDays,
            @Schema(description = "Days between deliveries (default 7 = weekly)") @Min(1) @Max(CareRules.MAX_EVERY_DAYS) Integer deliveryEveryDays,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "CarePlanChange", description = "Only the fields sent change")
    public record CarePlanChange(@Size(min = 1, max = 100) String responsible,
            @Min(1) @Max(CareRules.MAX_EVERY_DAYS) Integer visitEveryDays,
            @Min(1) @Max(CareRules.MAX_EVERY_DAYS) Integer deliveryEveryDays, @Size(max = 1000) String note,
            @Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "CarePlanEnd")
    public record CarePlanEnd(@NotBlank @Size(max = 500) String reason,
            @Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "CarePlanEvent", requiredProperties = { "action", "actor", "at" })
    public record CarePlanEvent(String action, String actor, Instant at, String detail) {
    }

    @Schema(name = "CarePlan", requiredProperties = { "id", "residentId", "categories", "householdId", "gridCellId",
            "responsible", "visitEveryDays", "deliveryEveryDays", "status", "startedAt", "nextVisitDue", "visitMissed",
            "nextDeliveryDue", "deliveryMissed", "createdBy", "createdAt", "updatedAt", "version", "history" })
    public record CarePlanView(UUID id, UUID residentId, String residentName,
            @Schema(description = "The resident's vulnerable census categories") List<String> categories, UUID householdId,
            @Schema(description = "Compound / building / door number") String doorLabel, UUID gridCellId, String cellName,
            @Schema(description = "Masked, e.g. 138****1234") String phoneMasked, String responsible, int visitEveryDays,
            int deliveryEveryDays, String note, PlanStatus status, String endReason, Instant startedAt, Instant endedAt,
            Instant lastVisitAt, Condition lastCondition,
            @Schema(description = "The day the next visit is due (deployment zone), counted from the last visit that reached "
                    + "the person (NOT_REACHED does not count)") LocalDate nextVisitDue,
            @Schema(description = "The due day passed without a visit") boolean visitMissed,
            @Schema(description = "The last delivery of a need of the household") Instant lastDeliveredAt,
            LocalDate nextDeliveryDue, boolean deliveryMissed, String createdBy, Instant createdAt, Instant updatedAt,
            long version, @Schema(description = "Every change, oldest first") List<CarePlanEvent> history) {
    }

    @Schema(name = "UncoveredResident", description = "A living resident of a vulnerable category without an active care plan",
            requiredProperties = { "residentId", "name", "categories", "gridCellId" })
    public record UncoveredResident(UUID residentId, String name, List<String> categories, UUID householdId, UUID gridCellId,
            String cellName, String compound, String building, String doorNumber,
            @Schema(description = "Masked, e.g. 138****1234") String phoneMasked) {
    }

    @Schema(name = "CareNeedInput", description = "A need raised at a care visit, into the needs register")
    public record NeedInput(@NotNull Needs.Kind kind, @NotNull Needs.Urgency urgency, @Size(max = 1000) String detail) {
    }

    @Schema(name = "NewCareVisit")
    public record NewCareVisit(@NotNull Mode mode, @NotNull Condition condition, @Size(max = 2000) String note,
            @Schema(description = "When it happened (default now); not in the future, not before the plan started")
            OffsetDateTime visitedAt,
            @Size(max = 10) List<@Valid @NotNull NeedInput> needs) {
    }

    @Schema(name = "CareVisit", requiredProperties = { "id", "planId", "visitedAt", "mode", "condition", "needIds",
            "recordedBy", "recordedAt" })
    public record CareVisitView(UUID id, UUID planId, Instant visitedAt, Mode mode, Condition condition, String note,
            @Schema(description = "The needs raised, in the needs register") List<UUID> needIds, String recordedBy,
            Instant recordedAt) {
    }
}
