package org.gridguard.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code /api/v1/metrics/inspections}. */
public final class InspectionMetricsViews {
    private InspectionMetricsViews() {
    }

    @Schema(name = "InspectionItemMetrics", requiredProperties = { "itemId", "itemText", "severity", "answered", "passed",
            "failed", "notApplicable", "passRate" })
    public record ItemFigures(UUID itemId, String itemText, @Schema(description = "MAJOR or MINOR") String severity,
            @Schema(description = "Answers in the period") long answered, long passed, long failed, long notApplicable,
            @Schema(description = "passed ÷ (passed + failed); null when every answer was not applicable", nullable = true)
            Double passRate) {
    }

    @Schema(name = "InspectionTemplateMetrics", requiredProperties = { "templateId", "templateName", "version", "answered",
            "passed", "failed", "passRate", "items" })
    public record TemplateFigures(@Schema(description = "The template version") UUID templateId, String templateName,
            int version, long answered, long passed, long failed,
            @Schema(description = "passed ÷ (passed + failed) over its items; null when none was passed or failed", nullable = true)
            Double passRate,
            @Schema(description = "By item position") List<ItemFigures> items) {
    }

    @Schema(name = "InspectionEnterpriseMetrics", requiredProperties = { "resumed", "checkedSameDay", "notChecked" })
    public record EnterpriseFigures(@Schema(description = "Enterprises that resumed work in the period") long resumed,
            @Schema(description = "Of those, inspected on the day they resumed (当天复工当天上门核查)") long checkedSameDay,
            @Schema(description = "Of those, not inspected yet at all") long notChecked) {
    }

    @Schema(name = "InspectionDisinfectionMetrics", requiredProperties = { "roundsDue", "roundsDone", "missed", "areaM2" })
    public record DisinfectionFigures(@Schema(description = "Rounds due by the schedules in the period") long roundsDue,
            @Schema(description = "Rounds recorded in the period") long roundsDone,
            @Schema(description = "Scheduled rounds missed (alerted) in the period") long missed,
            @Schema(description = "Square metres disinfected in the period") BigDecimal areaM2) {
    }

    @Schema(name = "InspectionMetrics", requiredProperties = { "areaId", "from", "to", "inspections", "passed", "failed",
            "passRate", "openTasks", "overdueTasks", "byTemplate", "enterprises", "disinfection" })
    public record Metrics(@Schema(nullable = true) UUID areaId, @Schema(description = "First day (Asia/Shanghai)") LocalDate from,
            @Schema(description = "Last day, included") LocalDate to,
            @Schema(description = "Inspections done in the period") long inspections,
            @Schema(description = "Of those, with no failed item") long passed,
            @Schema(description = "Of those, with at least one failed item") long failed,
            @Schema(description = "passed ÷ inspections; null when there was none", nullable = true) Double passRate,
            @Schema(description = "Rectification and first-check tasks open now") long openTasks,
            @Schema(description = "Of those, past their deadline now") long overdueTasks,
            @Schema(description = "By template version") List<TemplateFigures> byTemplate,
            EnterpriseFigures enterprises, DisinfectionFigures disinfection) {
    }
}
