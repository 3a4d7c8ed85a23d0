package org.gridguard.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.delivery.DeliveryRules.Outcome;
import org.gridguard.delivery.DeliveryRules.RunStatus;
import org.gridguard.need.Needs;

/** The delivery runs' requests and answers. */
public final class DeliveryViews {
    private DeliveryViews() {
    }

    @Schema(name = "NewDeliveryRun", description = "Open needs of your reach, the grid workers or leaders who carry them "
            + "(assigned within the needs' area) and the storage place the items come from")
    public record NewRun(@NotBlank @Size(max = 200) String name, @NotNull LocalDate date,
            @NotNull @Schema(description = "The supply storage place the items are issued from") UUID placeId,
            @NotEmpty @Size(max = 300) List<@NotNull UUID> needIds,
            @NotEmpty @Size(max = 20) @Schema(description = "Usernames") List<@NotBlank @Size(max = 100) String> carriers) {
    }

    @Schema(name = "DeliveryRunTransition")
    public record Transition(@Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "DeliveryRun", requiredProperties = { "id", "name", "date", "placeId", "status", "areaId", "carriers",
            "stops", "dropped", "createdBy", "createdAt", "version" })
    public record RunView(UUID id, String name, LocalDate date, UUID placeId, RunStatus status,
            @Schema(description = "The deepest area node holding every stop") UUID areaId, String areaName,
            List<String> carriers, @Schema(description = "How many needs the run carries") int stops,
            @Schema(description = "How many of them have a drop recorded") int dropped, String createdBy,
            Instant createdAt, Instant startedAt, Instant closedAt, long version) {
    }

    @Schema(name = "DeliveryCandidate", requiredProperties = { "needId", "kind", "urgency" })
    public record CandidateNeed(UUID needId, UUID householdId, String door, String contactName, Needs.Kind kind,
            String detail, String medicineName, String medicineQuantity, Needs.Urgency urgency) {
    }

    @Schema(name = "DeliveryCandidateGroup", description = "The open needs of one building, doors in natural order",
            requiredProperties = { "needs" })
    public record CandidateGroup(String compound, String building, List<CandidateNeed> needs) {
    }

    @Schema(name = "DeliveryDropLine")
    public record Line(@NotNull UUID itemId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 11, fraction = 3) BigDecimal quantity) {
    }

    @Schema(name = "NewDeliveryDrop", description = "What happened at one door. DELIVERED names who received it "
            + "(本人, 家属, 邻居 …) and issues the items from the run's storage place")
    public record NewDrop(@NotNull UUID needId, @NotNull Outcome outcome, @Size(max = 100) String receivedBy,
            @Size(max = 50) List<@Valid @NotNull Line> items, @Size(max = 500) String note) {
    }

    @Schema(name = "DeliveryDropItem", requiredProperties = { "itemId", "quantity" })
    public record DropItem(UUID itemId, String name, String unit, BigDecimal quantity) {
    }

    @Schema(name = "DeliveryDrop", requiredProperties = { "id", "runId", "needId", "outcome", "items", "recordedBy",
            "recordedAt" })
    public record DropView(UUID id, UUID runId, UUID needId, Outcome outcome, String receivedBy, String note,
            List<DropItem> items, @Schema(description = "The stock movement that issued the items") UUID movementId,
            String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "DeliveryStop", description = "One door of a run sheet", requiredProperties = { "needId", "kind",
            "urgency" })
    public record Stop(UUID needId, UUID householdId, String compound, String building, String door, String contactName,
            @Schema(description = "Masked, e.g. 138****1234") String phoneMasked, Needs.Kind kind, String detail,
            String medicineName, String medicineQuantity, Needs.Urgency urgency,
            @Schema(description = "Absent until the drop is recorded") DropView drop) {
    }

    @Schema(name = "DeliverySheet", requiredProperties = { "run", "stops" })
    public record Sheet(RunView run, @Schema(description = "Ordered by compound, building and door") List<Stop> stops) {
    }
}
