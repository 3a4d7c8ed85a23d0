package org.gridguard.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The cadence maths of a care plan, pure: when the next visit (or delivery) is due, when it is missed, how many visits
 * a plan owed over a period, and who may be cared for. A plan's start counts as its first contact: a daily plan started
 * on Monday is due on Tuesday; a visit on Tuesday makes it due on Wednesday; on Thursday, Wednesday without a visit is
 * missed. A visit that did not reach the person (NOT_REACHED) is recorded but is no contact: the cadence still runs.
 */
public final class CareRules {

    /** The census categories a care plan is for (as stored in {@code resident.categories}). */
    public static final List<String> VULNERABLE = List.of("ELDERLY_ALONE", "CHRONIC_ILLNESS", "DISABLED", "BED_RIDDEN",
            "NEEDS_DELIVERY");

    public static final int DEFAULT_VISIT_EVERY_DAYS = 1;
    public static final int DEFAULT_DELIVERY_EVERY_DAYS = 7;
    public static final int MAX_EVERY_DAYS = 90;

    private CareRules() {
    }

    /** True when one of the categories is a vulnerable one. */
    public static boolean vulnerable(Collection<String> categories) {
        return categories != null && categories.stream().anyMatch(VULNERABLE::contains);
    }

    /** The vulnerable categories among these, in the order of {@link #VULNERABLE}. */
    public static List<String> vulnerableOf(Collection<String> categories) {
        return VULNERABLE.stream().filter(c -> categories != null && categories.contains(c)).toList();
    }

    /** The day the next contact is due: {@code every} days after the last one, or after the plan's start. */
    public static LocalDate nextDue(LocalDate startDay, LocalDate lastDay, int every) {
        LocalDate base = lastDay == null || lastDay.isBefore(startDay) ? startDay : lastDay;
        return base.plusDays(every);
    }

    /** Missed: the due day has ended without a contact. */
    public static boolean missed(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }

    /** The local day of an instant, or null. */
    public static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }

    /** The dedupe key of a plan's CARE_MISSED alert: one per plan and day. */
    public static String missedKey(UUID planId, LocalDate day) {
        return "care:" + planId + ":" + day;
    }

    /**
     * The visits a plan owed over [from, to): the local days it was active in the period (a day counts when any part
     * of it is in both), one visit per {@code every} of them, rounded up. An open-ended plan has {@code ended} null.
     */
    public static long visitsDue(Instant started, Instant ended, Instant from, Instant to, int every, ZoneId zone) {
        Instant lo = started.isAfter(from) ? started : from;
        Instant hi = ended != null && ended.isBefore(to) ? ended : to;
        if (!lo.isBefore(hi)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(day(lo, zone), day(hi.minusNanos(1), zone)) + 1;
        return (days + every - 1) / every;
    }

    /** A cadence in days: the default when absent, else 1 to {@link #MAX_EVERY_DAYS}; null means out of range. */
    public static Integer cadence(Integer asked, int fallback) {
        int v = asked == null ? fallback : asked;
        return v < 1 || v > MAX_EVERY_DAYS ? null : v;
    }
}
