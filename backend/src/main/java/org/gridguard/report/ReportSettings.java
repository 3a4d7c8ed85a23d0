package org.gridguard.report;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaKind;

/** When each level's daily report is due (gridguard.reports.cutoff.*, in the business zone) and when it is late. */
@ApplicationScoped
public class ReportSettings {

    @Inject
    Clock clock;

    @ConfigProperty(name = "gridguard.reports.cutoff.zone", defaultValue = "16:00")
    LocalTime zone;
    @ConfigProperty(name = "gridguard.reports.cutoff.community", defaultValue = "16:00")
    LocalTime community;
    @ConfigProperty(name = "gridguard.reports.cutoff.street", defaultValue = "16:00")
    LocalTime street;
    @ConfigProperty(name = "gridguard.reports.cutoff.district", defaultValue = "16:00")
    LocalTime district;
    @ConfigProperty(name = "gridguard.reports.late-after", defaultValue = "PT30M")
    Duration lateAfter;

    /** When a node of this kind must have submitted the day's report; null for kinds that do not submit. */
    public OffsetDateTime cutoff(AreaKind kind, LocalDate day) {
        LocalTime at = switch (kind) {
            case ZONE -> zone;
            case COMMUNITY -> community;
            case STREET -> street;
            case DISTRICT -> district;
            default -> null;
        };
        return at == null ? null : day.atTime(at).atZone(clock.getZone()).toOffsetDateTime();
    }

    public Duration lateAfter() {
        return lateAfter;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
