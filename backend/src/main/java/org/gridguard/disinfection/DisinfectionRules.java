package org.gridguard.disinfection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The slot maths of a disinfection schedule, pure. A schedule names times of day (in the deployment's zone) and a
 * tolerance: the slot of 08:00 with 60 minutes is done by a round at the place between 07:00 and 09:00, and missed once
 * 09:00 has passed without one. A schedule owes the slots from its creation until it is deactivated.
 */
public final class DisinfectionRules {

    public static final int MIN_TOLERANCE = 5;
    public static final int MAX_TOLERANCE = 240;
    public static final int MAX_TIMES = 6;

    private DisinfectionRules() {
    }

    /** One slot of a schedule: its time and its window [start, end]. */
    public record Slot(Instant at, Instant start, Instant end) {
    }

    /** What a slot is at {@code now}: done by a round, missed, open now, or still to come. */
    public enum Status {
        DONE, MISSED, DUE, UPCOMING
    }

    /**
     * The times of a schedule, sorted, from "HH:MM" texts; a problem sentence when one is not a time, repeats, or when
     * two windows would overlap (one round could then do two slots). Null or empty texts are a problem too.
     */
    public static List<LocalTime> times(List<String> texts, int toleranceMinutes) {
        if (texts == null || texts.isEmpty() || texts.size() > MAX_TIMES) {
            throw new IllegalArgumentException("between 1 and " + MAX_TIMES + " times of day are needed");
        }
        TreeSet<LocalTime> sorted = new TreeSet<>();
        for (String t : texts) {
            if (t == null || !t.matches("\\d{2}:\\d{2}")) {
                throw new IllegalArgumentException("'" + t + "' is not a time of day like 08:00");
            }
            try {
                if (!sorted.add(LocalTime.parse(t))) {
                    throw new IllegalArgumentException(t + " is named twice");
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + t + "' is not a time of day like 08:00");
            }
        }
        List<LocalTime> out = List.copyOf(sorted);
        for (int i = 0; i < out.size(); i++) {
            LocalTime next = out.get((i + 1) % out.size());
            long gap = (next.toSecondOfDay() - out.get(i).toSecondOfDay() + 86_400) % 86_400;
            if (out.size() > 1 && gap < 2L * toleranceMinutes * 60) {
                throw new IllegalArgumentException("the windows of " + out.get(i) + " and " + next + " overlap with a tolerance of "
                        + toleranceMinutes + " minutes");
            }
        }
        return out;
    }

    /** True when the tolerance is within the allowed minutes. */
    public static boolean toleranceOk(int minutes) {
        return minutes >= MIN_TOLERANCE && minutes <= MAX_TOLERANCE;
    }

    /** The stored form of times: "08:00,16:00". */
    public static String join(List<LocalTime> times) {
        return String.join(",", times.stream().map(LocalTime::toString).toList());
    }

    /** The stored form read back. */
    public static List<LocalTime> split(String stored) {
        return java.util.Arrays.stream(stored.split(",")).map(LocalTime::parse).toList();
    }

    /** The slots of a day, in time order. */
    public static List<Slot> slotsOn(LocalDate day, List<LocalTime> times, int toleranceMinutes, ZoneId zone) {
        List<Slot> out = new ArrayList<>(times.size());
        for (LocalTime t : times) {
            Instant at = ZonedDateTime.of(day, t, zone).toInstant();
            out.add(new Slot(at, at.minusSeconds(toleranceMinutes * 60L), at.plusSeconds(toleranceMinutes * 60L)));
        }
        return out;
    }

    /** True when a schedule alive over [createdAt, deactivatedAt) owes the slot. */
    public static boolean owed(Slot s, Instant createdAt, Instant deactivatedAt) {
        return !s.at().isBefore(createdAt) && (deactivatedAt == null || deactivatedAt.isAfter(s.at()));
    }

    /** The owed slots whose time lies in [from, to), day by day in the zone. */
    public static List<Slot> owedBetween(List<LocalTime> times, int toleranceMinutes, Instant createdAt, Instant deactivatedAt,
            Instant from, Instant to, ZoneId zone) {
        Instant lo = createdAt.isAfter(from) ? createdAt : from;
        Instant hi = deactivatedAt != null && deactivatedAt.isBefore(to) ? deactivatedAt : to;
        List<Slot> out = new ArrayList<>();
        if (!lo.isBefore(hi)) {
            return out;
        }
        for (LocalDate d = lo.atZone(zone).toLocalDate(); !d.isAfter(hi.atZone(zone).toLocalDate()); d = d.plusDays(1)) {
            for (Slot s : slotsOn(d, times, toleranceMinutes, zone)) {
                if (!s.at().isBefore(lo) && s.at().isBefore(hi) && owed(s, createdAt, deactivatedAt)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The owed slots in [from, to) of a schedule row as {@link DisinfectionRepository#SCHEDULE_COLUMNS} reads it (times at
     * 6, tolerance at 7, deactivated at 10, created at 12).
     */
    static List<Slot> owedBetween(Object[] schedule, Instant from, Instant to, ZoneId zone) {
        return owedBetween(split((String) schedule[6]), ((Number) schedule[7]).intValue(),
                org.gridguard.common.Rows.instant(schedule[12]), org.gridguard.common.Rows.instant(schedule[10]), from, to, zone);
    }

    /** The status of a slot at {@code now}, given whether a round was recorded in its window. */
    public static Status status(Slot s, boolean roundInWindow, Instant now) {
        if (roundInWindow) {
            return Status.DONE;
        }
        if (now.isAfter(s.end())) {
            return Status.MISSED;
        }
        return now.isBefore(s.start()) ? Status.UPCOMING : Status.DUE;
    }

    /** True when a round done at {@code doneAt} does the slot. */
    public static boolean inWindow(Slot s, Instant doneAt) {
        return !doneAt.isBefore(s.start()) && !doneAt.isAfter(s.end());
    }

    /** The dedupe key of a slot's DISINFECTION_MISSED alert: one per schedule and slot. */
    public static String missedKey(UUID scheduleId, Instant slotAt) {
        return "disinfection:" + scheduleId + ":" + slotAt;
    }
}
