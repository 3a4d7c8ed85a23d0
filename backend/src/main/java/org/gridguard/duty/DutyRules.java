package org.gridguard.duty;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a shift assignment, in one place: the API checks every change with them, and the solver's
 * output is checked with them too (0 violations expected). Pure Java, no database: callers load the
 * person's other shifts around the shift in question.
 */
public final class DutyRules {

    public static final String OVERLAP = "OVERLAP";
    public static final String REST = "REST";
    public static final String WEEKLY_MAX = "WEEKLY_MAX";
    public static final String SKILLS = "SKILLS";
    public static final String AVAILABILITY = "AVAILABILITY";
    public static final String STAFFING = "STAFFING";

    /** Minimum rest between two shifts of a person, maximum hours per calendar week (Monday 00:00 in the zone). */
    public record Config(Duration minRest, Duration weeklyMax, ZoneId zone) {
    }

    public record Shift(UUID id, Instant start, Instant end, int needed, List<String> requiredSkills) {
        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /** Hours off every day, local time; {@code to <= from} wraps past midnight (22:00-06:00). */
    public record HoursOff(LocalTime from, LocalTime to) {
        public static HoursOff parse(String s) {
            String[] p = s.split("-");
            if (p.length != 2) {
                throw new IllegalArgumentException("expected HH:mm-HH:mm");
            }
            return new HoursOff(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    public record Person(UUID id, String name, Set<String> skills, Set<DayOfWeek> daysOff, Set<LocalDate> datesOff,
            List<HoursOff> hoursOff) {
    }

    public record Violation(String rule, String message, UUID shiftId, UUID personId) {
    }

    private final Config config;

    public DutyRules(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /**
     * Checks adding {@code person} to {@code shift}. {@code personShifts}: the person's other shifts (at least
     * those within a week either side); {@code assignees}: the people already on the shift.
     */
    public List<Violation> check(Person person, Shift shift, Collection<Shift> personShifts, Collection<Person> assignees) {
        List<Violation> out = new ArrayList<>();
        List<Shift> others = personShifts.stream().filter(s -> !s.id().equals(shift.id())).toList();
        if (assignees.stream().anyMatch(a -> a.id().equals(person.id()))) {
            out.add(v(STAFFING, person.name() + " is already on this shift", shift, person));
            return out;
        }
        if (assignees.size() + 1 > shift.needed()) {
            out.add(v(STAFFING, "the shift needs " + shift.needed() + " and already has " + assignees.size(), shift,
                    person));
        }
        overlapAndRest(out, person, shift, others);
        weeklyMax(out, person, shift, others);
        skills(out, person, shift, assignees);
        String off = unavailable(person, shift.start(), shift.end());
        if (off != null) {
            out.add(v(AVAILABILITY, person.name() + " is off " + off, shift, person));
        }
        return out;
    }

    private void overlapAndRest(List<Violation> out, Person person, Shift shift, List<Shift> others) {
        for (Shift o : others) {
            if (o.start().isBefore(shift.end()) && shift.start().isBefore(o.end())) {
                out.add(v(OVERLAP, person.name() + " is already on a shift from " + local(o.start()) + " to "
                        + local(o.end()), shift, person));
            } else {
                Duration gap = o.start().isBefore(shift.start()) ? Duration.between(o.end(), shift.start())
                        : Duration.between(shift.end(), o.start());
                if (gap.compareTo(config.minRest()) < 0) {
                    out.add(v(REST, person.name() + " would rest only " + hours(gap.toMinutes()) + " h between shifts ("
                            + local(o.start()) + "–" + local(o.end()) + "); at least " + hours(config.minRest().toMinutes())
                            + " h are required", shift, person));
                }
            }
        }
    }

    private void weeklyMax(List<Violation> out, Person person, Shift shift, List<Shift> others) {
        for (Instant week : weeksOf(shift.start(), shift.end())) {
            Instant weekEnd = ZonedDateTime.ofInstant(week, config.zone()).plusWeeks(1).toInstant();
            long minutes = overlapMinutes(shift.start(), shift.end(), week, weekEnd);
            for (Shift o : others) {
                minutes += overlapMinutes(o.start(), o.end(), week, weekEnd);
            }
            if (minutes > config.weeklyMax().toMinutes()) {
                out.add(v(WEEKLY_MAX, person.name() + " would work " + hours(minutes) + " h in the week of "
                        + LocalDate.ofInstant(week, config.zone()) + "; the maximum is "
                        + hours(config.weeklyMax().toMinutes()) + " h", shift, person));
            }
        }
    }

    private static void skills(List<Violation> out, Person person, Shift shift, Collection<Person> assignees) {
        Set<String> missing = new LinkedHashSet<>(shift.requiredSkills());
        for (Person a : assignees) {
            missing.removeAll(a.skills());
        }
        missing.removeAll(person.skills());
        int placesLeft = shift.needed() - assignees.size() - 1;
        if (!missing.isEmpty() && missing.size() > placesLeft) {
            out.add(v(SKILLS, "the shift needs someone with " + String.join(", ", missing) + " and "
                    + person.name() + " has " + (person.skills().isEmpty() ? "no listed skill" : String.join(", ", person.skills())),
                    shift, person));
        }
    }

    /** Why the person is not available in [start, end), or null if they are. */
    public String unavailable(Person person, Instant start, Instant end) {
        LocalDate first = LocalDate.ofInstant(start, config.zone()).minusDays(1);
        LocalDate last = LocalDate.ofInstant(end.minusSeconds(1), config.zone());
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Instant dayStart = d.atStartOfDay(config.zone()).toInstant();
            Instant dayEnd = d.plusDays(1).atStartOfDay(config.zone()).toInstant();
            boolean touchesDay = start.isBefore(dayEnd) && dayStart.isBefore(end);
            if (touchesDay && person.daysOff().contains(d.getDayOfWeek())) {
                return "on " + d.getDayOfWeek().toString().toLowerCase() + "s (" + d + ")";
            }
            if (touchesDay && person.datesOff().contains(d)) {
                return "on " + d;
            }
            for (HoursOff h : person.hoursOff()) {
                Instant from = d.atTime(h.from()).atZone(config.zone()).toInstant();
                Instant to = (h.to().isAfter(h.from()) ? d : d.plusDays(1)).atTime(h.to()).atZone(config.zone()).toInstant();
                if (start.isBefore(to) && from.isBefore(end)) {
                    return "daily from " + h.from() + " to " + h.to();
                }
            }
        }
        return null;
    }

    /** Checks a whole rota: every assignee of every shift against the rest of the rota. */
    public List<Violation> checkAll(Map<Shift, List<Person>> rota) {
        Map<UUID, List<Shift>> byPerson = new HashMap<>();
        rota.forEach((s, people) -> people.forEach(p -> byPerson.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(s)));
        List<Violation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        rota.forEach((s, people) -> {
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                List<Person> before = new ArrayList<>(people);
                before.remove(i);
                for (Violation v : check(p, s, byPerson.get(p.id()), before)) {
                    // a pair of shifts breaks OVERLAP/REST once, not twice
                    if (seen.add(v.rule() + v.personId() + v.shiftId() + v.message())) {
                        out.add(v);
                    }
                }
            }
        });
        return out;
    }

    /** Monday 00:00 of each calendar week the interval touches. */
    public List<Instant> weeksOf(Instant start, Instant end) {
        List<Instant> weeks = new ArrayList<>();
        ZonedDateTime w = LocalDate.ofInstant(start, config.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(config.zone());
        while (w.toInstant().isBefore(end)) {
            weeks.add(w.toInstant());
            w = w.plusWeeks(1);
        }
        return weeks;
    }

    public static long overlapMinutes(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        Instant s = aStart.isAfter(bStart) ? aStart : bStart;
        Instant e = aEnd.isBefore(bEnd) ? aEnd : bEnd;
        return e.isAfter(s) ? Duration.between(s, e).toMinutes() : 0;
    }

    private String local(Instant i) {
        return ZonedDateTime.ofInstant(i, config.zone()).toLocalDateTime().toString().replace('T', ' ');
    }

    static String hours(long minutes) {
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }

    private static Violation v(String rule, String message, Shift s, Person p) {
        return new Violation(rule, message, s.id(), p.id());
    }
}
