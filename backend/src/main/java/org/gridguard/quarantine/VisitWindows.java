package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.quarantine.VisitRules.Span;
import org.gridguard.quarantine.VisitViews.Slot;

/**
 * The visit windows of each kind of order, configured as gridguard.quarantine.windows.&lt;KIND&gt; =
 * "08:00-10:00,16:00-18:00" in the deployment's zone (gridguard.zone, Asia/Shanghai), and their instants on a day.
 */
@ApplicationScoped
public class VisitWindows {

    public static final List<String> KINDS = List.of("HOME_ISOLATION", "HOME_MONITORING", "CENTRAL_ISOLATION");

    /** One window of one kind on one day, as instants. */
    public record Window(String kind, LocalDate day, Slot slot, Instant start, Instant end) {
    }

    private final Map<String, List<Span>> byKind = new LinkedHashMap<>();
    private final ZoneId zone;

    public VisitWindows(
            @ConfigProperty(name = "gridguard.quarantine.windows.HOME_ISOLATION", defaultValue = "08:00-10:00,16:00-18:00") String home,
            @ConfigProperty(name = "gridguard.quarantine.windows.HOME_MONITORING", defaultValue = "08:00-10:00,16:00-18:00") String monitoring,
            @ConfigProperty(name = "gridguard.quarantine.windows.CENTRAL_ISOLATION", defaultValue = "08:00-10:00,16:00-18:00") String central,
            @ConfigProperty(name = "gridguard.zone") String zone) {
        List<String> texts = List.of(home, monitoring, central);
        for (int i = 0; i < KINDS.size(); i++) {
            byKind.put(KINDS.get(i), VisitRules.parse("gridguard.quarantine.windows." + KINDS.get(i), texts.get(i)));
        }
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    public List<Span> spans(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Every kind's windows on {@code day}, in kind and slot order. */
    public List<Window> on(LocalDate day) {
        List<Window> out = new ArrayList<>();
        byKind.forEach((kind, spans) -> spans.forEach(s -> out.add(window(kind, day, s))));
        return out;
    }

    public Window window(String kind, LocalDate day, Span s) {
        return new Window(kind, day, s.slot(), ZonedDateTime.of(day, s.start(), zone).toInstant(),
                ZonedDateTime.of(day, s.end(), zone).toInstant());
    }

    /** The windows that closed last at or before {@code now} (several kinds may close at the same instant). */
    public List<Window> lastClosed(Instant now) {
        LocalDate today = day(now);
        Instant best = null;
        List<Window> out = new ArrayList<>();
        for (LocalDate d : List.of(today.minusDays(1), today)) {
            for (Window w : on(d)) {
                if (!w.end().isAfter(now) && (best == null || !w.end().isBefore(best))) {
                    if (best == null || w.end().isAfter(best)) {
                        out.clear();
                        best = w.end();
                    }
                    out.add(w);
                }
            }
        }
        return out;
    }
}
