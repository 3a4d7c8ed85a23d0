package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Csv;
import org.gridguard.quarantine.SiteViews.Occupancy;
import org.gridguard.quarantine.SiteViews.OccupancyDay;

/** The rules of sites, rooms and stays: pure functions of their inputs (no CDI, no database). */
public final class SiteRules {

    /** Beds of one room at most (the table's check agrees). */
    public static final int MAX_BEDS = 20;
    /** Days an occupancy report spans at most. */
    public static final int MAX_RANGE_DAYS = 92;
    /** Default span of an occupancy report: the last week, today included. */
    public static final int DEFAULT_DAYS = 7;

    private SiteRules() {
    }

    /** The report's days: {@code to} defaults to today, {@code from} to a week before it; at most 92 days. */
    public static LocalDate[] period(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate t = to != null ? to : today;
        LocalDate f = from != null ? from : t.minusDays(DEFAULT_DAYS - 1L);
        if (t.isBefore(f)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_RANGE_DAYS) {
            throw ApiProblem.invalid("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
        return new LocalDate[] { f, t };
    }

    /** When something happened, as the client says or now; never in the future (a minute of clock skew allowed). */
    public static Instant when(Instant said, Instant now, String field) {
        if (said == null) {
            return now;
        }
        if (said.isAfter(now.plusSeconds(60))) {
            throw ApiProblem.invalid(field, "must not be in the future");
        }
        return said;
    }

    /** A room takes one more guest only below its beds. */
    public static boolean hasFreeBed(int beds, int guests) {
        return guests < beds;
    }

    /** The 409 of a full room. */
    public static ApiProblem full(String room, int beds) {
        return new ApiProblem(409, "room-full", "Room full", "Room " + room + " is full: its " + beds
                + (beds == 1 ? " bed is" : " beds are") + " taken");
    }

    /** The 409 of a room that would have fewer beds than guests. */
    public static ApiProblem fewerBedsThanGuests(String room, int guests) {
        return new ApiProblem(409, "beds-below-guests", "Conflict", "Room " + room + " has " + guests
                + (guests == 1 ? " guest" : " guests") + ": it cannot have fewer beds than that");
    }

    /** The occupancy report as CSV: one row a day. */
    public static String csv(Occupancy o) {
        return Csv.excel(new String[] { "site", "date", "beds", "guests", "overnight", "arrivals", "departures" }, csv -> {
            for (OccupancyDay d : o.days()) {
                csv.printRecord(o.siteName(), d.date(), o.beds(), d.guests(), d.overnight(), d.arrivals(), d.departures());
            }
        });
    }
}
