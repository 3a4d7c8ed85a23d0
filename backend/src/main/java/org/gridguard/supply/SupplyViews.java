package org.gridguard.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The catalogue, the places, the stock and the movements as the API shows and takes them. */
public final class SupplyViews {

    private SupplyViews() {
    }

    @Schema(name = "SupplyCategory")
    public enum Category {
        PROTECTIVE_EQUIPMENT, DISINFECTANT, MEDICAL, FOOD, OTHER
    }

    @Schema(name = "SupplyUnitKind", description = "COUNT: whole numbers only; KG and LITRE: up to 3 decimals")
    public enum UnitKind {
        COUNT, KG, LITRE
    }

    @Schema(name = "SupplyPlaceKind")
    public enum PlaceKind {
        COMMUNITY_OFFICE, CHECKPOINT, ISOLATION_SITE
    }

    @Schema(name = "SupplyMovementKind")
    public enum MovementKind {
        DONATION_IN, PURCHASE_IN, ISSUE_OUT, TRANSFER, WRITE_OFF, STOCKTAKE
    }

    @Schema(name = "SupplyIssuedTo", description = "DELIVERY_RUN issues are made by the delivery runs themselves")
    public enum IssuedTo {
        CHECKPOINT, PERSON, DELIVERY_RUN, HOUSEHOLD
    }

    @Schema(name = "SupplyItem")
    public record ItemView(UUID id, String name, String unit, UnitKind unitKind, Category category, boolean active,
            long version) {
    }

    @Schema(name = "NewSupplyItem")
    public record NewItem(@NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 20) @Schema(description = "What it is counted in: 只, 盒, 瓶, kg, L") String unit,
            @NotNull UnitKind unitKind, @NotNull Category category) {
    }

    @Schema(name = "SupplyItemUpdate")
    public record ItemUpdate(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 20) String unit,
            @NotNull Category category, @NotNull Boolean active, Long version) {
    }

    @Schema(name = "SupplyPlace")
    public record PlaceView(UUID id, PlaceKind kind, String name, UUID areaId, String areaName, UUID communityId,
            UUID checkpointId, long version) {
    }

    @Schema(name = "NewSupplyPlace", description = "A CHECKPOINT place names its checkpoint and stands on the node it "
            + "guards; the others name their area node (a community or below)")
    public record NewPlace(@NotNull PlaceKind kind, @NotBlank @Size(max = 100) String name, UUID areaId,
            UUID checkpointId) {
    }

    @Schema(name = "SupplyStockLine", description = "One item at a place: on hand, its low-stock threshold if set")
    public record StockLine(UUID itemId, String name, String unit, UnitKind unitKind, Category category,
            BigDecimal onHand, BigDecimal lowThreshold, boolean low) {
    }

    @Schema(name = "SupplyPlaceStock")
    public record PlaceStock(PlaceView place, List<StockLine> lines) {
    }

    @Schema(name = "SupplyThreshold")
    public record Threshold(@NotNull @Schema(description = "Below this the item is shown as low; 0 clears it")
    BigDecimal low) {
    }

    @Schema(name = "SupplyLine")
    public record LineIn(@NotNull UUID itemId, @NotNull BigDecimal quantity) {
    }

    @Schema(name = "SupplyDonation")
    public record DonationIn(@NotNull UUID placeId, @NotBlank @Size(max = 200) String donor,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineIn> lines, @Size(max = 1000) String note) {
    }

    @Schema(name = "SupplyPurchase")
    public record PurchaseIn(@NotNull UUID placeId, @Size(max = 200) String supplier,
            @Size(max = 100) @Schema(description = "Invoice or order number") String reference,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineIn> lines, @Size(max = 1000) String note) {
    }

    @Schema(name = "SupplyIssue", description = "To a checkpoint (toCheckpointId), a person (toPerson) or a household "
            + "(householdId), each in your reach")
    public record IssueOut(@NotNull UUID placeId, @NotNull IssuedTo issuedTo, UUID toCheckpointId,
            @Size(max = 100) String toPerson, UUID householdId,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineIn> lines, @Size(max = 1000) String note) {
    }

    @Schema(name = "SupplyTransfer")
    public record TransferIn(@NotNull UUID placeId, @NotNull UUID toPlaceId,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineIn> lines, @Size(max = 1000) String note) {
    }

    @Schema(name = "SupplyWriteOff")
    public record WriteOffIn(@NotNull UUID placeId, @NotBlank @Size(max = 500) String reason,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineIn> lines, UUID correctsId) {
    }

    @Schema(name = "SupplyStocktake", description = "The quantities counted; the movement records the differences")
    public record StocktakeIn(@NotNull UUID placeId,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull LineIn> lines, @Size(max = 1000) String note) {
    }

    @Schema(name = "SupplyMovementLine", description = "The signed change at one place; a stocktake also keeps the count")
    public record LineView(UUID placeId, UUID itemId, String itemName, String unit, BigDecimal delta, BigDecimal counted) {
    }

    @Schema(name = "SupplyMovement")
    public record MovementView(UUID id, MovementKind kind, UUID placeId, String placeName, UUID toPlaceId,
            String toPlaceName, IssuedTo issuedTo, UUID toCheckpointId, String toPerson, UUID runId, UUID needId,
            UUID householdId, String donor, String receiptNumber, String supplier, String reference, String reason,
            String note, UUID correctsId, String actor, Instant at, List<LineView> lines) {
    }
}
