package org.gridguard.quarantine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The quarantine metrics' JSON: per day of an area node, and the totals of the range. */
public final class QuarantineMetricsViews {
    private QuarantineMetricsViews() {
    }

    @Schema(name = "QuarantineActiveByKind", description = "Orders in force at the end of the day, by kind",
            requiredProperties = { "HOME_ISOLATION", "HOME_MONITORING", "CENTRAL_ISOLATION" })
    public record ActiveByKind(@JsonProperty("HOME_ISOLATION") long homeIsolation,
            @JsonProperty("HOME_MONITORING") long homeMonitoring,
            @JsonProperty("CENTRAL_ISOLATION") long centralIsolation) {
    }

    @Schema(name = "QuarantineDayMetrics", requiredProperties = { "active", "started", "released", "hospital", "visitsDue",
            "visitsDone", "visitsMissed", "fevers", "symptoms", "breaches" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DayMetrics(@Schema(description = "The day (Asia/Shanghai); absent in totals") LocalDate date,
            @Schema(description = "Orders in force at the end of the day (in totals: at the end of `to`)") ActiveByKind active,
            @Schema(description = "Orders made (event CREATED)") long started,
            @Schema(description = "Orders released (ACTIVE → RELEASED)") long released,
            @Schema(description = "Orders ended by a transfer to hospital (ACTIVE → HOSPITAL)") long hospital,
            @Schema(description = "Visit windows of orders that ran through them and have closed or been visited: visitsDone + visitsMissed") long visitsDue,
            @Schema(description = "Windows with a visit") long visitsDone,
            @Schema(description = "Windows that closed without a visit (each raised one VISIT_MISSED alert)") long visitsMissed,
            @Schema(description = "FEVER alerts raised for people under an order") long fevers,
            @Schema(description = "SYMPTOM alerts raised (a symptom without fever at a visit)") long symptoms,
            @Schema(description = "Attempts of people under a home order to go out through a checkpoint") long breaches) {
    }

    @Schema(name = "QuarantineMetrics", requiredProperties = { "areaId", "from", "to", "days", "totals" })
    public record Metrics(UUID areaId, LocalDate from, LocalDate to,
            @Schema(description = "One per day, oldest first") List<DayMetrics> days,
            @Schema(description = "The whole range: sums, and active as of `to`; no date") DayMetrics totals) {
    }
}
