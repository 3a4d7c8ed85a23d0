package org.gridguard.temperature;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.temperature.TemperatureViews.ReportWindow;

/**
 * The twice-daily report windows (两测温、两报告), configured as "HH:mm-HH:mm" in the deployment's zone
 * (gridguard.temperature.morning / .afternoon). A reading counts for the window its measured-at falls in.
 */
@ApplicationScoped
public class ReportWindows {

    public record Span(LocalTime start, LocalTime end) {
        static Span parse(String key, String s) {
            String[] p = s.trim().split("-");
            if (p.length != 2) {
                throw new IllegalStateException(key + " must look like 06:00-12:00");
            }
            Span span = new Span(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
            if (!span.end.isAfter(span.start)) {
                throw new IllegalStateException(key + ": the window must end after it starts, within one day");
            }
            return span;
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    private final Span morning;
    private final Span afternoon;
    private final ZoneId zone;

    public ReportWindows(@ConfigProperty(name = "gridguard.temperature.morning") String morning,
            @ConfigProperty(name = "gridguard.temperature.afternoon") String afternoon,
            @ConfigProperty(name = "gridguard.zone") String zone) {
        this.morning = Span.parse("gridguard.temperature.morning", morning);
        this.afternoon = Span.parse("gridguard.temperature.afternoon", afternoon);
        this.zone = ZoneId.of(zone);
        if (this.afternoon.start.isBefore(this.morning.end)) {
            throw new IllegalStateException("the afternoon report window must start after the morning one ends");
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public Span span(ReportWindow w) {
        return w == ReportWindow.MORNING ? morning : afternoon;
    }

    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The window {@code at} falls in, or null outside both. */
    public ReportWindow windowOf(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        if (morning.contains(t)) {
            return ReportWindow.MORNING;
        }
        if (afternoon.contains(t)) {
            return ReportWindow.AFTERNOON;
        }
        return null;
    }

    public Instant closes(LocalDate day, ReportWindow w) {
        return ZonedDateTime.of(day, span(w).end(), zone).toInstant();
    }

    /** The last window that closed at or before {@code now}: its day and kind. */
    public Closed lastClosed(Instant now) {
        LocalDate d = day(now);
        for (int back = 0; back < 3; back++) {
            LocalDate day = d.minusDays(back);
            if (!closes(day, ReportWindow.AFTERNOON).isAfter(now)) {
                return new Closed(day, ReportWindow.AFTERNOON);
            }
            if (!closes(day, ReportWindow.MORNING).isAfter(now)) {
                return new Closed(day, ReportWindow.MORNING);
            }
        }
        throw new IllegalStateException("no window closed in three days");
    }

    public record Closed(LocalDate day, ReportWindow window) {
    }
}
