package org.gridguard.duty.worklog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer shapes of daily work logs. */
public final class WorkLogViews {
    private WorkLogViews() {
    }

    @Schema(name = "NewWorkLog")
    public record NewWorkLog(UUID id, @Schema(description = "Default: the caller's own duty person record") UUID personId,
            @NotNull LocalDate workDate, @NotBlank @Size(max = 2000) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") BigDecimal hours,
            @Min(0) @Max(100000) Integer householdsPhoned, @Min(0) @Max(100000) Integer householdsVisited) {
    }

    @Schema(name = "WorkLog")
    public record WorkLogView(UUID id, UUID personId, String personName, LocalDate workDate, String description,
            BigDecimal hours, int householdsPhoned, int householdsVisited, DutyWorkLog.Status status, String createdBy,
            String decidedBy, long version) {
    }

    @Schema(name = "WorkLogDecision")
    public record Decision(@NotNull Boolean approve, Long version) {
    }
}
