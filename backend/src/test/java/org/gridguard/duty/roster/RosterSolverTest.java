package org.gridguard.duty.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.gridguard.duty.DutyRules;

/** The solver on small generated cases: feasible and passing the validator, or impossible and explained. */
class RosterSolverTest {

    static final ZoneId Z = ZoneId.of("Asia/Shanghai");
    final DutyRules rules = new DutyRules(new DutyRules.Config(Duration.ofHours(8), Duration.ofHours(48), Z));

    /** A 24-hour post (three shifts, 2 at night, 1 medical on each) and a day gate, for a week, 14 people. */
    static List<RosterProblem.ShiftIn> week(LocalDate monday, boolean medical) {
        List<RosterProblem.ShiftIn> out = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            for (int k = 0; k < 3; k++) {
                var start = day.atStartOfDay(Z).plusHours(8L * k).toInstant();
                String kind = k == 0 ? "NIGHT" : k == 1 ? "DAY" : "EVENING";
                out.add(new RosterProblem.ShiftIn(new DutyRules.Shift(UUID.randomUUID(), start, start.plus(Duration.ofHours(8)),
                        2, medical ? List.of("medical") : List.of()), kind, "KK1", "/c/", false, List.of()));
            }
            var gate = day.atTime(8, 0).atZone(Z).toInstant();
            out.add(new RosterProblem.ShiftIn(new DutyRules.Shift(UUID.randomUUID(), gate, gate.plus(Duration.ofHours(8)), 1,
                    List.of()), "DAY", "KK4", "/c/z1/", false, List.of()));
        }
        return out;
    }

    static List<RosterProblem.PersonIn> people(int n, int medical) {
        List<RosterProblem.PersonIn> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> skills = i < medical ? Set.of("medical") : Set.of();
            Set<DayOfWeek> off = i % 5 == 4 ? Set.of(DayOfWeek.of(1 + i % 7)) : Set.of();
            out.add(new RosterProblem.PersonIn(new DutyRules.Person(UUID.randomUUID(), "P" + i, skills, off, Set.of(),
                    List.of()), i % 3 == 0 ? "街道" : i % 3 == 1 ? "派出所" : "志愿者", Set.of(), i % 2 == 0 ? "/c/z1/" : "/c/z2/"));
        }
        return out;
    }

    @Test
    @Timeout(10)
    void aGeneratedWeekIsFullyStaffedAndPassesTheValidator() {
        RosterProblem problem = RosterProblem.build(rules, week(LocalDate.of(2030, 3, 4), true), people(16, 4));
        RosterPlan solved = RosterProblem.factory(Duration.ofSeconds(6), Duration.ofSeconds(2)).buildSolver()
                .solve(problem.plan);
        HardMediumSoftScore score = solved.getScore();
        assertThat(score.hardScore()).as("feasible: " + score).isZero();
        assertThat(score.mediumScore()).as("every place filled: " + score).isZero();
        assertThat(problem.validate(solved)).as("the rule validator agrees with the solver").isEmpty();
        assertThat(problem.explainUnfilled(solved)).isEmpty();
        // the medical seat of each shift went to someone medical
        Map<UUID, List<UUID>> proposal = RosterProblem.proposal(solved);
        Set<UUID> medics = new HashSet<>();
        problem.people.values().stream().filter(p -> p.person().skills().contains("medical")).forEach(p -> medics.add(p.person().id()));
        problem.shifts.values().stream().filter(s -> s.code().equals("KK1"))
                .forEach(s -> assertThat(proposal.get(s.shift().id())).anyMatch(medics::contains));
    }

    @Test
    @Timeout(10)
    void anImpossibleCaseIsExplained() {
        // nobody has the medical skill, and 3 people cannot hold a 24-hour post of 2 per shift for a week
        RosterProblem problem = RosterProblem.build(rules, week(LocalDate.of(2030, 3, 4), true), people(3, 0));
        RosterPlan solved = RosterProblem.factory(Duration.ofSeconds(4), Duration.ofSeconds(1)).buildSolver()
                .solve(problem.plan);
        assertThat(solved.getScore().hardScore()).as("rules are never broken to fill a place").isZero();
        assertThat(solved.getScore().mediumScore()).isNegative();
        assertThat(problem.validate(solved)).isEmpty();
        List<Map<String, Object>> unfilled = problem.explainUnfilled(solved);
        assertThat(unfilled).isNotEmpty();
        Map<String, Object> first = unfilled.stream().filter(u -> "KK1".equals(u.get("checkpointCode"))).findFirst().orElseThrow();
        assertThat(first).containsKeys("shiftId", "short", "blockedBy", "explanation");
        assertThat(first.get("missingSkills").toString()).contains("medical");
        @SuppressWarnings("unchecked")
        Map<String, Integer> blocked = (Map<String, Integer>) first.get("blockedBy");
        assertThat(blocked).containsKey(DutyRules.SKILLS);
        assertThat((String) first.get("explanation")).contains("SKILLS").contains("medical");
        // across all short shifts, the people who could have stood them were stopped by rest, overlap or hours
        Set<String> reasons = new HashSet<>();
        unfilled.forEach(u -> reasons.addAll(((Map<String, ?>) u.get("blockedBy")).keySet()));
        assertThat(reasons).containsAnyOf(DutyRules.REST, DutyRules.OVERLAP, DutyRules.WEEKLY_MAX);
    }
}
