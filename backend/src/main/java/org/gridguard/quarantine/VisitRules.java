package org.gridguard.quarantine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.gridguard.common.InputRules;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.quarantine.VisitViews.NewVisit;
import org.gridguard.quarantine.VisitViews.Slot;
import org.gridguard.quarantine.VisitViews.Symptom;

/**
 * The rules of visits that need nothing but their inputs: the windows of a kind as configured, the window a visit
 * counts for, what a visit may say, and the dedupe keys of its alerts. Pure: no database, no CDI. Messages never
 * repeat a value that was sent (symptoms and temperatures are health data).
 */
public final class VisitRules {
    private VisitRules() {
    }

    /** A visit may be recorded this long after it happened (the offline queue holds visits for days, not weeks). */
    public static final Duration MAX_AGE = Duration.ofDays(7);
    /** Clock skew allowed for a device's visitedAt. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    public static final String HOME_ISOLATION = "HOME_ISOLATION";

    /** A window of the day, [start, end) in local time. */
    public record Span(Slot slot, LocalTime start, LocalTime end) {
        boolean contains(LocalTime t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** "08:00-10:00,16:00-18:00": one or two windows within the day, in order, not overlapping. */
    public static List<Span> parse(String key, String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
        if (parts.length < 1 || parts.length > Slot.values().length || parts[0].isEmpty()) {
            throw new IllegalStateException(key + " must list one or two windows, like 08:00-10:00,16:00-18:00");
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String[] p = parts[i].split("-");
            if (p.length != 2) {
                throw new IllegalStateException(key + " must look like 08:00-10:00,16:00-18:00");
            }
            Span s;
            try {
                s = new Span(Slot.values()[i], LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(key + ": times are HH:mm, like 08:00-10:00", e);
            }
            if (!s.end().isAfter(s.start())) {
                throw new IllegalStateException(key + ": a window must end after it starts, within one day");
            }
            if (!spans.isEmpty() && s.start().isBefore(spans.get(spans.size() - 1).end())) {
                throw new IllegalStateException(key + ": the windows must follow each other without overlapping");
            }
            spans.add(s);
        }
        return List.copyOf(spans);
    }

    /** The window a visit at local time {@code t} counts for: the one it falls in, else the last that opened, else the first. */
    public static Slot slotAt(List<Span> spans, LocalTime t) {
        Span chosen = spans.get(0);
        for (Span s : spans) {
            if (s.contains(t)) {
                return s.slot();
            }
            if (!t.isBefore(s.start())) {
                chosen = s;
            }
        }
        return chosen.slot();
    }

    /** The span of a slot, or null when the kind has no such window. */
    public static Span span(List<Span> spans, Slot slot) {
        return spans.stream().filter(s -> s.slot() == slot).findFirst().orElse(null);
    }

    /**
     * The problems of a visit to an order of {@code kind}, all 422, in the order a client reads them; empty when it may
     * be recorded. {@code plausible} is temperature's range.
     */
    public static List<FieldError> problems(NewVisit v, String kind, List<Span> spans, Instant now, Predicate<java.math.BigDecimal> plausible) {
        List<FieldError> errors = new ArrayList<>();
        if (v.visitedAt().toInstant().isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError("visitedAt", "is more than " + FUTURE_TOLERANCE.toMinutes() + " minutes in the future: check the device's clock"));
        } else if (v.visitedAt().toInstant().isBefore(now.minus(MAX_AGE))) {
            errors.add(new FieldError("visitedAt", "is more than " + MAX_AGE.toDays() + " days ago"));
        }
        if (v.window() != null && span(spans, v.window()) == null) {
            errors.add(new FieldError("window", "this kind of order has no " + v.window() + " window"));
        }
        if (v.temperature() != null && !plausible.test(v.temperature())) {
            errors.add(new FieldError("temperature", "must be " + org.gridguard.temperature.TemperatureReadings.PLAUSIBLE_RANGE + "; measure again"));
        }
        EnumSet<Symptom> set = EnumSet.noneOf(Symptom.class);
        set.addAll(v.symptoms());
        if (set.size() != v.symptoms().size()) {
            errors.add(new FieldError("symptoms", "must not repeat a symptom"));
        }
        if (set.contains(Symptom.NONE) && set.size() > 1) {
            errors.add(new FieldError("symptoms", "NONE cannot go with another symptom"));
        }
        if (v.sealIntact() != null && !HOME_ISOLATION.equals(kind)) {
            errors.add(new FieldError("sealIntact", "is for home isolation only"));
        }
        text("note", v.note(), errors);
        if (v.needs() != null) {
            for (int i = 0; i < v.needs().size(); i++) {
                text("needs[" + i + "].note", v.needs().get(i).note(), errors);
            }
        }
        return errors;
    }

    private static void text(String field, String s, List<FieldError> errors) {
        String p = s == null ? null : InputRules.textProblem(s);
        if (p != null) {
            errors.add(new FieldError(field, p));
        }
    }

    /** Symptoms other than NONE: what raises a SYMPTOM alert when there is no fever. */
    public static boolean hasSymptom(List<Symptom> symptoms) {
        return symptoms.stream().anyMatch(s -> s != Symptom.NONE);
    }

    /** VISIT_MISSED: one per order and window. */
    public static String missedKey(UUID orderId, java.time.LocalDate day, Slot slot) {
        return "visit-missed:" + orderId + ":" + day + ":" + slot;
    }

    /** SYMPTOM: one per person (the order's person key) and day. */
    public static String symptomKey(String personKey, java.time.LocalDate day) {
        return "symptom:" + personKey + ":" + day;
    }

    /** A stable digest of what was sent: the same clientRef again must be the same visit. */
    public static String hash(UUID orderId, NewVisit v) {
        String canonical = String.join("|", String.valueOf(orderId), String.valueOf(v.clientRef()),
                v.visitedAt().toInstant().toString(), String.valueOf(v.window()), String.valueOf(v.mode()),
                v.temperature() == null ? "-" : v.temperature().stripTrailingZeros().toPlainString(),
                String.valueOf(v.symptoms()), String.valueOf(v.sealIntact()), String.valueOf(v.needs()), String.valueOf(v.note()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
