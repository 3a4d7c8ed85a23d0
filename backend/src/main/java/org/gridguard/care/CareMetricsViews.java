package org.gridguard.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code /api/v1/metrics/care}. */
public final class CareMetricsViews {
    private CareMetricsViews() {
    }

    @Schema(name = "CareNeedsMetrics", requiredProperties = { "opened", "delivered", "cancelled", "open", "overdue",
            "medianHoursToDelivery" })
    public record NeedFigures(@Schema(description = "Needs raised in the period") long opened,
            @Schema(description = "Needs delivered in the period") long delivered,
            @Schema(description = "Needs cancelled in the period") long cancelled,
            @Schema(description = "Needs not yet delivered or cancelled, now") long open,
            @Schema(description = "Of those, past the time they should have been delivered by (ADR 0043), now") long overdue,
            MedianHours medianHoursToDelivery) {
    }

    @Schema(name = "CareMedianHours", description = "Median hours from raised to delivered of the needs delivered in the period, "
            + "by urgency; null when none was delivered")
    public record MedianHours(@Schema(nullable = true) Double urgentMedical, @Schema(nullable = true) Double today,
            @Schema(nullable = true) Double routine) {
    }

    @Schema(name = "CarePlanMetrics", requiredProperties = { "activePlans", "withoutPlan", "visitsDue", "visitsDone", "missedAlerts" })
    public record PlanFigures(@Schema(description = "Care plans active now") long activePlans,
            @Schema(description = "Vulnerable residents living here without an active plan, now") long withoutPlan,
            @Schema(description = "Care visits due in the period by each plan's cadence") long visitsDue,
            @Schema(description = "Care visits recorded in the period") long visitsDone,
            @Schema(description = "CARE_MISSED alerts raised in the period") long missedAlerts) {
    }

    @Schema(name = "CareStockMetrics", requiredProperties = { "category", "onHand", "issued" })
    public record StockFigures(@Schema(description = "PROTECTIVE_EQUIPMENT, DISINFECTANT, MEDICAL, FOOD or OTHER") String category,
            @Schema(description = "On hand now at the storage places in the area (all units of the category summed)") BigDecimal onHand,
            @Schema(description = "Issued out in the period") BigDecimal issued) {
    }

    @Schema(name = "CareMetrics", requiredProperties = { "areaId", "from", "to", "needs", "care", "stock" })
    public record Metrics(UUID areaId, @Schema(description = "First day (Asia/Shanghai)") LocalDate from,
            @Schema(description = "Last day, included") LocalDate to, NeedFigures needs, PlanFigures care,
            @Schema(description = "One row per item category") List<StockFigures> stock) {
    }
}
