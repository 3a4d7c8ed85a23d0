package org.gridguard.duty.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.gridguard.duty.DutyRules;

/**
 * Builds the solver's problem from shifts and people (no database: the job and the benchmark share it),
 * reads the proposal back, checks it with {@link DutyRules}, and explains the seats left empty.
 */
public final class RosterProblem {

    /** A shift; {@code external} shifts lie outside the rostered area or dates and only constrain. */
    public record ShiftIn(DutyRules.Shift shift, String kind, String code, String guardPath, boolean external,
            List<UUID> fixed) {
    }

    public record PersonIn(DutyRules.Person person, String unit, Set<String> preferredKinds, String homePath) {
    }

    public final DutyRules rules;
    public final RosterPlan plan;
    final Map<UUID, ShiftIn> shifts = new LinkedHashMap<>();
    final Map<UUID, PersonIn> people = new LinkedHashMap<>();

    private RosterProblem(DutyRules rules, RosterPlan plan) {
        this.rules = rules;
        this.plan = plan;
    }

    /** The solver configuration of solverConfig.xml (as the Quarkus extension reads it) with the given limits. */
    public static SolverConfig solverConfig(Duration spent, Duration unimproved) {
        TerminationConfig t = new TerminationConfig().withSpentLimit(spent);
        if (unimproved != null) {
            t.setUnimprovedSpentLimit(unimproved);
        }
        return SolverConfig.createFromXmlResource("solverConfig.xml", RosterProblem.class.getClassLoader())
                .withSolutionClass(RosterPlan.class).withEntityClasses(Seat.class)
                .withConstraintProviderClass(RosterConstraints.class)
                .withMoveThreadCount(SolverConfig.MOVE_THREAD_COUNT_NONE).withTerminationConfig(t);
    }

    public static SolverFactory<RosterPlan> factory(Duration spent, Duration unimproved) {
        return SolverFactory.create(solverConfig(spent, unimproved));
    }

    public static RosterProblem build(DutyRules rules, List<ShiftIn> shiftsIn, List<PersonIn> peopleIn) {
        List<Staff> staff = staff(peopleIn);
        Map<UUID, Staff> staffById = new HashMap<>();
        staff.forEach(s -> staffById.put(s.id, s));
        List<Seat> seats = new ArrayList<>();
        long minStart = Long.MAX_VALUE;
        long maxEnd = Long.MIN_VALUE;
        for (ShiftIn in : shiftsIn) {
            PlanShift ps = planShift(rules, in, peopleIn, staff.size());
            minStart = Math.min(minStart, ps.start);
            maxEnd = Math.max(maxEnd, ps.end);
            seats(in, ps, staffById, seats);
        }
        RosterPlan plan = new RosterPlan(staff, weeks(rules, minStart, maxEnd), seats,
                new PlanRules((int) rules.config().minRest().toMinutes(), (int) rules.config().weeklyMax().toMinutes()));
        RosterProblem p = new RosterProblem(rules, plan);
        shiftsIn.forEach(s -> p.shifts.put(s.shift().id(), s));
        peopleIn.forEach(x -> p.people.put(x.person().id(), x));
        return p;
    }

    /** The solver's staff, in the order of the people, each with their unit and its size. */
    private static List<Staff> staff(List<PersonIn> peopleIn) {
        List<Staff> staff = new ArrayList<>();
        Map<String, Integer> unitSizes = new HashMap<>();
        peopleIn.forEach(p -> unitSizes.merge(p.unit(), 1, Integer::sum));
        Map<String, Staff.Unit> units = new HashMap<>();
        unitSizes.forEach((u, n) -> units.put(u, new Staff.Unit(u, n)));
        for (PersonIn p : peopleIn) {
            staff.add(new Staff(staff.size(), p.person().id(), p.person().name(), units.get(p.unit()), p.person().skills(),
                    p.preferredKinds()));
        }
        return staff;
    }

    /** The solver's shift, with who is off then and who lives near its post (by index of the people). */
    private static PlanShift planShift(DutyRules rules, ShiftIn in, List<PersonIn> peopleIn, int staffSize) {
        DutyRules.Shift sh = in.shift();
        long start = sh.start().getEpochSecond() / 60;
        long end = sh.end().getEpochSecond() / 60;
        BitSet off = new BitSet(staffSize);
        BitSet near = new BitSet(staffSize);
        if (!in.external()) {
            for (int i = 0; i < peopleIn.size(); i++) {
                PersonIn p = peopleIn.get(i);
                if (rules.unavailable(p.person(), sh.start(), sh.end()) != null) {
                    off.set(i);
                }
                if (in.guardPath() == null || p.homePath() == null || in.guardPath().startsWith(p.homePath())
                        || p.homePath().startsWith(in.guardPath())) {
                    near.set(i);
                }
            }
        }
        int day = (int) LocalDate.ofInstant(sh.start(), rules.config().zone()).toEpochDay();
        return new PlanShift(sh.id(), start, end, day, "NIGHT".equals(in.kind()), in.kind(), in.external(), off, near);
    }

    /** The shift's seats: pinned for the people already on it, open (a missing skill first) for the rest. */
    private static void seats(ShiftIn in, PlanShift ps, Map<UUID, Staff> staffById, List<Seat> seats) {
        DutyRules.Shift sh = in.shift();
        int seat = 0;
        Set<String> missing = new LinkedHashSet<>(sh.requiredSkills());
        for (UUID fixed : in.fixed()) {
            Staff s = staffById.get(fixed);
            if (s != null) {
                missing.removeAll(s.skills);
                seats.add(new Seat(sh.id() + ":" + seat++, ps, null, true, s));
            }
        }
        if (!in.external()) {
            List<String> skillSeats = new ArrayList<>(missing);
            int open = sh.needed() - in.fixed().size();
            for (int k = 0; k < open; k++) {
                seats.add(new Seat(sh.id() + ":" + seat++, ps, k < skillSeats.size() ? skillSeats.get(k) : null, false,
                        null));
            }
        }
    }

    /** The weeks (for the weekly maximum) the shifts span, in minutes. */
    private static List<PlanWeek> weeks(DutyRules rules, long minStart, long maxEnd) {
        List<PlanWeek> weeks = new ArrayList<>();
        if (minStart < maxEnd) {
            for (Instant w : rules.weeksOf(Instant.ofEpochSecond(minStart * 60), Instant.ofEpochSecond(maxEnd * 60))) {
                long ws = w.getEpochSecond() / 60;
                weeks.add(new PlanWeek(ws, ws + 7 * 24 * 60));
            }
        }
        return weeks;
    }

    /** New assignees per rostered shift (pinned, already fixed seats excluded). */
    public static Map<UUID, List<UUID>> proposal(RosterPlan solved) {
        Map<UUID, List<UUID>> out = new LinkedHashMap<>();
        for (Seat s : solved.getSeats()) {
            if (!s.isPinned() && s.getStaff() != null) {
                out.computeIfAbsent(s.getShift().id, k -> new ArrayList<>()).add(s.getStaff().id);
            }
        }
        return out;
    }

    /** Every assignee of every shift (fixed and proposed), for the rule validator. */
    public Map<DutyRules.Shift, List<DutyRules.Person>> rota(RosterPlan solved) {
        Map<UUID, List<DutyRules.Person>> by = new HashMap<>();
        for (Seat s : solved.getSeats()) {
            if (s.getStaff() != null) {
                by.computeIfAbsent(s.getShift().id, k -> new ArrayList<>()).add(people.get(s.getStaff().id).person());
            }
        }
        Map<DutyRules.Shift, List<DutyRules.Person>> rota = new LinkedHashMap<>();
        by.forEach((id, ps) -> rota.put(shifts.get(id).shift(), ps));
        return rota;
    }

    /** The rule validator over the solved rota: 0 violations when the hard score is 0. */
    public List<DutyRules.Violation> validate(RosterPlan solved) {
        return rules.checkAll(rota(solved));
    }

    /** For each rostered shift left short: how many places, and which rule stops each candidate. */
    public List<Map<String, Object>> explainUnfilled(RosterPlan solved) {
        Map<DutyRules.Shift, List<DutyRules.Person>> rota = rota(solved);
        Map<UUID, List<DutyRules.Shift>> byPerson = new HashMap<>();
        rota.forEach((s, ps) -> ps.forEach(p -> byPerson.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(s)));
        Map<UUID, List<DutyRules.Person>> onShift = new HashMap<>();
        rota.forEach((s, ps) -> onShift.put(s.id(), ps));
        Map<UUID, List<Seat>> empty = new LinkedHashMap<>();
        for (Seat s : solved.getSeats()) {
            if (s.getStaff() == null) {
                empty.computeIfAbsent(s.getShift().id, k -> new ArrayList<>()).add(s);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : empty.entrySet()) {
            out.add(explain(shifts.get(e.getKey()), e.getValue(), onShift.getOrDefault(e.getKey(), List.of()), byPerson));
        }
        return out;
    }

    /** Which rules stop the candidates of one shift: how many each rule blocks, up to 3 examples, and how many are free. */
    private record Blocked(Map<String, Integer> blocked, Map<String, List<String>> examples, int candidates, int free) {
    }

    private Blocked blocked(ShiftIn in, List<DutyRules.Person> on, Map<UUID, List<DutyRules.Shift>> byPerson) {
        Set<UUID> onIds = new HashSet<>();
        on.forEach(p -> onIds.add(p.id()));
        Map<String, Integer> blocked = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        int candidateCount = 0;
        int free = 0;
        for (PersonIn p : people.values()) {
            if (onIds.contains(p.person().id())) {
                continue;
            }
            candidateCount++;
            // as if the shift had one place left for them: which rules stop them?
            DutyRules.Shift probe = new DutyRules.Shift(in.shift().id(), in.shift().start(), in.shift().end(),
                    on.size() + 1, in.shift().requiredSkills());
            List<DutyRules.Violation> v = rules.check(p.person(), probe,
                    byPerson.getOrDefault(p.person().id(), List.of()), on);
            if (v.isEmpty()) {
                free++;
            }
            Set<String> seen = new HashSet<>();
            for (DutyRules.Violation x : v) {
                if (seen.add(x.rule())) {
                    blocked.merge(x.rule(), 1, Integer::sum);
                    List<String> ex = examples.computeIfAbsent(x.rule(), k -> new ArrayList<>());
                    if (ex.size() < 3) {
                        ex.add(x.message());
                    }
                }
            }
        }
        return new Blocked(blocked, examples, candidateCount, free);
    }

    private Map<String, Object> explain(ShiftIn in, List<Seat> emptySeats, List<DutyRules.Person> on,
            Map<UUID, List<DutyRules.Shift>> byPerson) {
        Blocked b = blocked(in, on, byPerson);
        List<String> skills = emptySeats.stream().map(Seat::getRequiredSkill).filter(java.util.Objects::nonNull).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shiftId", in.shift().id().toString());
        m.put("checkpointCode", in.code());
        m.put("startsAt", in.shift().start().toString());
        m.put("kind", in.kind());
        m.put("needed", in.shift().needed());
        m.put("assigned", on.size());
        m.put("short", emptySeats.size());
        if (!skills.isEmpty()) {
            m.put("missingSkills", skills);
        }
        m.put("candidates", b.candidates());
        m.put("blockedBy", b.blocked());
        m.put("examples", b.examples());
        m.put("explanation", why(in, emptySeats.size(), skills, b));
        return m;
    }

    private static String why(ShiftIn in, int shortBy, List<String> skills, Blocked b) {
        final int candidates = b.candidates();
        StringBuilder why = new StringBuilder("Short by " + shortBy + " of " + in.shift().needed() + ": ");
        if (candidates == 0) {
            why.append("nobody else is on duty in this area");
        } else {
            List<String> parts = new ArrayList<>();
            b.blocked().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                    .forEach(x -> parts.add(x.getValue() + " of " + candidates + " candidates blocked by " + x.getKey()));
            why.append(String.join("; ", parts));
            if (!skills.isEmpty()) {
                why.append("; needs ").append(String.join(", ", skills));
            }
            if (b.free() > 0) {
                why.append("; ").append(b.free()).append(" could still take it: the solver stopped before placing them");
            }
        }
        return why.toString();
    }
}
