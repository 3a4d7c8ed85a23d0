package org.gridguard.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.area.AreaKind;

/** The answers of the daily report, its submissions, the daily time series and the dashboard. */
public final class ReportViews {
    private ReportViews() {
    }

    @Schema(name = "DailyReportSource")
    public enum Source {
        LIVE, SUBMITTED
    }

    @Schema(name = "DailyReportChildStatus")
    public enum ChildStatus {
        SUBMITTED, LATE, MISSING
    }

    @Schema(name = "DailyReportFigure", requiredProperties = { "key", "labelZh", "labelEn", "kind", "unit", "value", "previous" })
    public record Figure(@Schema(description = "<section>.<measure>, as /metrics/daily names it") String key, String labelZh,
            String labelEn, Measure.Kind kind, @Schema(description = "count, minutes or ratio") String unit,
            @Schema(description = "The day's figure; a ratio 0..1 with 4 decimals; null when a ratio's denominator is 0", nullable = true)
            BigDecimal value,
            @Schema(description = "The day before's figure, likewise", nullable = true) BigDecimal previous) {
    }

    @Schema(name = "DailyReportSection", requiredProperties = { "key", "titleZh", "titleEn", "figures" })
    public record Section(String key, String titleZh, String titleEn, List<Figure> figures) {
    }

    @Schema(name = "DailyReportChild", requiredProperties = { "areaId", "areaName", "areaKind", "status", "version",
            "submittedAt", "late" })
    public record Child(UUID areaId, String areaName, AreaKind areaKind,
            @Schema(description = "SUBMITTED on time, LATE (after its cut-off), or MISSING") ChildStatus status,
            @Schema(description = "Its latest version, null when missing", nullable = true) Integer version,
            @Schema(nullable = true) Instant submittedAt, boolean late) {
    }

    @Schema(name = "DailyReportSubmission", requiredProperties = { "id", "areaId", "areaName", "date", "version",
            "submittedAt", "submittedBy", "late", "highlights", "problems", "requests", "reason" })
    public record SubmissionSummary(UUID id, UUID areaId, String areaName, LocalDate date, int version, Instant submittedAt,
            String submittedBy, @Schema(description = "Submitted after the level's cut-off") boolean late,
            String highlights, @Schema(nullable = true) String problems, @Schema(nullable = true) String requests,
            @Schema(description = "Why this version corrects the one before; null for version 1", nullable = true) String reason) {
    }

    @Schema(name = "DailyReport", requiredProperties = { "areaId", "areaName", "areaKind", "date", "previousDate",
            "generatedAt", "source", "version", "cutoff", "submittable", "sections", "children", "submission" })
    public record DailyReport(UUID areaId, String areaName, AreaKind areaKind, LocalDate date, LocalDate previousDate,
            @Schema(description = "When the figures were computed (LIVE) or frozen (SUBMITTED)") Instant generatedAt,
            @Schema(description = "LIVE: computed now; SUBMITTED: a submission's frozen figures") Source source,
            @Schema(description = "The submission's version when SUBMITTED", nullable = true) Integer version,
            @Schema(description = "When this level's report is due; null for grid cells and below", nullable = true)
            OffsetDateTime cutoff,
            @Schema(description = "The caller may submit this node's report for this date") boolean submittable,
            List<Section> sections,
            @Schema(description = "The child nodes that submit (zones of a community, communities of a street …)") List<Child> children,
            @Schema(description = "The latest submission of this node and date; null when none", nullable = true)
            SubmissionSummary submission) {
    }

    @Schema(name = "DailyReportSubmissionPage", requiredProperties = { "items" })
    public record SubmissionPage(List<SubmissionSummary> items) {
    }

    @Schema(name = "NewDailyReportSubmission", requiredProperties = { "areaId", "date", "highlights" })
    public record NewSubmission(@NotNull UUID areaId, @NotNull LocalDate date,
            @NotBlank @Size(max = 2000) @Schema(description = "今日亮点: what went well, at most 2000 characters") String highlights,
            @Size(max = 2000) @Schema(description = "存在问题, at most 2000 characters", nullable = true) String problems,
            @Size(max = 2000) @Schema(description = "需上级协调: requests to the level above, at most 2000 characters", nullable = true) String requests,
            @Size(max = 2000) @Schema(description = "Required from version 2 on: why the figures are corrected", nullable = true) String reason) {
    }

    @Schema(name = "DailyMeasure", requiredProperties = { "key", "labelZh", "labelEn", "kind", "unit" })
    public record MeasureView(String key, String labelZh, String labelEn, Measure.Kind kind, String unit) {
    }

    @Schema(name = "DailyValues", requiredProperties = { "date", "values" })
    public record DayValues(LocalDate date,
            @Schema(description = "measure key → figure (null: a ratio with a denominator of 0)",
                    additionalProperties = NullableFigure.class) Map<String, Object> values) {
    }

    /** A figure of the daily series: a number, or null for a ratio with a denominator of 0. */
    @Schema(name = "NullableFigure", type = SchemaType.NUMBER, nullable = true)
    public static final class NullableFigure {
        private NullableFigure() {
        }
    }

    @Schema(name = "DailyMetrics", requiredProperties = { "areaId", "from", "to", "measures", "days" })
    public record DailyMetrics(@Schema(nullable = true) UUID areaId, LocalDate from, LocalDate to, List<MeasureView> measures,
            List<DayValues> days) {
    }

    @Schema(name = "DashboardTile", requiredProperties = { "section", "key", "labelZh", "labelEn", "value", "total",
            "severity", "link", "mine" })
    public record TileView(String section, String key, String labelZh, String labelEn, long value,
            @Schema(nullable = true) Long total, DashboardTiles.Severity severity,
            @Schema(description = "The web app's route listing the items") String link, boolean mine) {
    }

    @Schema(name = "DashboardAlerts", requiredProperties = { "kind", "open", "overdue", "escalated" })
    public record AlertCount(String kind, long open, long overdue, long escalated) {
    }

    @Schema(name = "DashboardReports", requiredProperties = { "cutoff", "own", "children" })
    public record ReportStatus(@Schema(nullable = true) OffsetDateTime cutoff,
            @Schema(nullable = true) SubmissionSummary own, List<Child> children) {
    }

    @Schema(name = "Dashboard", requiredProperties = { "areaId", "areaName", "areaKind", "date", "tiles", "alerts", "reports" })
    public record Dashboard(UUID areaId, String areaName, AreaKind areaKind, LocalDate date, List<TileView> tiles,
            List<AlertCount> alerts,
            @Schema(description = "The report status of this node and its children; null for grid workers", nullable = true)
            ReportStatus reports) {
    }
}
