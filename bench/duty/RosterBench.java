import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.gridguard.demo.DemoCommunity;
import org.gridguard.duty.DutyRules;
import org.gridguard.duty.roster.RosterPlan;
import org.gridguard.duty.roster.RosterProblem;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;

/**
 * Rostering benchmark (not a test). Run with bench/duty/run.sh [seconds] [runs].
 * Case "city": 60 checkpoints x 3 shifts x 7 days = 1,260 shifts, 500 people, 1-3 per shift (2 on nights),
 * 10 % medical (every 6th post needs one on each shift), 48 h weekly maximum, 8 h rest.
 * Case "community": the demo community, 8 checkpoints (3 round the clock) and 40 people, one week.
 * Reports per run: time to the first feasible rota (0 hard = no rule broken AND 0 medium = no place left
 * empty; a rota with empty places and no broken rule exists from the start, since places may stay
 * unassigned), and the score when the time limit ends; then median and spread. BENCH_TRACE=1 prints every
 * new best score.
 */
public class RosterBench {

    static final ZoneId Z = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);

    record Result(long buildMs, long feasibleMs, long fullMs, HardMediumSoftScore score, int violations, int seats) {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int communitySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.printf("java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        report("city: 60 checkpoints, 1,260 shifts, 500 people", seconds, runs, RosterBench::city);
        report("community: 8 checkpoints, 40 people (demo BH-C001)", communitySeconds, runs, RosterBench::community);
    }

    interface Case {
        RosterProblem build(DutyRules rules, long seed);
    }

    static void report(String name, int seconds, int runs, Case c) {
        System.out.println("== " + name + ", " + seconds + " s per run, " + runs + " runs");
        List<Result> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Result res = run(c, seconds, 1000 + r);
            results.add(res);
            System.out.printf("run %d: places %d, build %d ms, first feasible (0 hard, 0 empty) %s, final %s, validator violations %d%n",
                    r + 1, res.seats, res.buildMs, ms(res.fullMs), res.score, res.violations);
        }
        System.out.printf("median of %d: first feasible %s [min %s, max %s], soft score at end %d [%d..%d], empty places at end %d [%d..%d]%n",
                results.size(),
                ms(med(results, Result::fullMs)), ms(min(results, Result::fullMs)), ms(max(results, Result::fullMs)),
                med(results, x -> x.score.softScore()), min(results, x -> x.score.softScore()), max(results, x -> x.score.softScore()),
                med(results, x -> -x.score.mediumScore()), min(results, x -> -x.score.mediumScore()), max(results, x -> -x.score.mediumScore()));
    }

    interface F {
        long of(Result r);
    }

    static long[] sorted(List<Result> rs, F f) {
        long[] v = rs.stream().mapToLong(f::of).toArray();
        Arrays.sort(v);
        return v;
    }

    static long med(List<Result> rs, F f) {
        long[] v = sorted(rs, f);
        return v[v.length / 2];
    }

    static long min(List<Result> rs, F f) {
        return sorted(rs, f)[0];
    }

    static long max(List<Result> rs, F f) {
        long[] v = sorted(rs, f);
        return v[v.length - 1];
    }

    static String ms(long ms) {
        return ms < 0 ? "never" : String.format("%.1f s", ms / 1000.0);
    }

    static Result run(Case c, int seconds, long seed) {
        DutyRules rules = new DutyRules(new DutyRules.Config(Duration.ofHours(8), Duration.ofHours(48), Z));
        long t0 = System.nanoTime();
        RosterProblem p = c.build(rules, seed);
        long build = (System.nanoTime() - t0) / 1_000_000;
        Solver<RosterPlan> solver = RosterProblem.factory(Duration.ofSeconds(seconds), null).buildSolver();
        AtomicLong feasible = new AtomicLong(-1);
        AtomicLong full = new AtomicLong(-1);
        solver.addEventListener(ev -> {
            HardMediumSoftScore s = (HardMediumSoftScore) ev.getNewBestScore();
            if (System.getenv("BENCH_TRACE") != null) {
                System.out.println("  best at " + ev.getTimeMillisSpent() + " ms: " + s + (ev.isNewBestSolutionInitialized() ? "" : " (construction)"));
            }
            if (ev.isNewBestSolutionInitialized() && s.hardScore() == 0) {
                feasible.compareAndSet(-1, ev.getTimeMillisSpent());
                if (s.mediumScore() == 0) {
                    full.compareAndSet(-1, ev.getTimeMillisSpent());
                }
            }
        });
        RosterPlan solved = solver.solve(p.plan);
        int seats = (int) solved.getSeats().stream().filter(s -> !s.isPinned()).count();
        return new Result(build, feasible.get(), full.get(), solved.getScore(), p.validate(solved).size(), seats);
    }

    static RosterProblem city(DutyRules rules, long seed) {
        Random rnd = new Random(seed);
        List<RosterProblem.ShiftIn> shifts = new ArrayList<>();
        String[] zones = { "/d/c/z1/", "/d/c/z2/", "/d/c/z3/", "/d/c/z4/" };
        for (int k = 0; k < 60; k++) {
            String zone = zones[k % 4];
            boolean medical = k % 6 == 0;
            for (int d = 0; d < 7; d++) {
                LocalDate day = MONDAY.plusDays(d);
                for (int s = 0; s < 3; s++) {
                    var start = day.atStartOfDay(Z).plusHours(8L * s).toInstant();
                    int needed = s == 0 ? 2 : 1 + rnd.nextInt(3);
                    String kind = s == 0 ? "NIGHT" : s == 1 ? "DAY" : "EVENING";
                    shifts.add(new RosterProblem.ShiftIn(new DutyRules.Shift(UUID.randomUUID(), start,
                            start.plus(Duration.ofHours(8)), needed, medical ? List.of("medical") : List.of()), kind,
                            "KK" + k, zone + "kk" + k + "/", false, List.of()));
                }
            }
        }
        List<RosterProblem.PersonIn> people = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Set<String> skills = i % 10 == 0 ? Set.of("medical") : Set.of();
            Set<DayOfWeek> off = rnd.nextInt(5) == 0 ? Set.of(DayOfWeek.of(1 + rnd.nextInt(7))) : Set.of();
            Set<String> pref = rnd.nextInt(5) == 0 ? Set.of("DAY") : Set.of();
            people.add(new RosterProblem.PersonIn(new DutyRules.Person(UUID.randomUUID(), "P" + i, skills, off, Set.of(),
                    List.of()), "unit" + rnd.nextInt(10), pref, zones[rnd.nextInt(4)]));
        }
        return RosterProblem.build(rules, shifts, people);
    }

    static RosterProblem community(DutyRules rules, long seed) {
        DemoCommunity d = DemoCommunity.generate(20220405L, 1);
        Map<UUID, String> paths = new HashMap<>();
        d.nodes.forEach(n -> paths.put(n.id(), n.path()));
        Map<UUID, DemoCommunity.Post> posts = new HashMap<>();
        d.checkpoints.forEach(p -> posts.put(p.id(), p));
        List<RosterProblem.ShiftIn> shifts = new ArrayList<>();
        for (DemoCommunity.Pattern pat : d.patterns) {
            DemoCommunity.Post post = posts.get(pat.checkpointId());
            for (int day = 0; day < 7; day++) {
                LocalDate date = MONDAY.plusDays(day);
                List<int[]> slots = pat.kind().equals("THREE_SHIFTS")
                        ? List.of(new int[] { 0, pat.nightNeeded() }, new int[] { 8, pat.peopleNeeded() }, new int[] { 16, pat.peopleNeeded() })
                        : List.<int[]>of(new int[] { 8, pat.peopleNeeded() });
                for (int[] s : slots) {
                    var start = date.atStartOfDay(Z).plusHours(s[0]).toInstant();
                    String kind = s[0] == 0 ? "NIGHT" : s[0] == 8 ? "DAY" : "EVENING";
                    shifts.add(new RosterProblem.ShiftIn(new DutyRules.Shift(UUID.randomUUID(), start,
                            start.plus(Duration.ofHours(8)), s[1], pat.requiredSkills()), kind, post.code(),
                            paths.get(post.guardsNodeId()), false, List.of()));
                }
            }
        }
        List<RosterProblem.PersonIn> people = new ArrayList<>();
        for (DemoCommunity.Person p : d.people) {
            Set<DayOfWeek> off = new HashSet<>();
            p.daysOff().forEach(x -> off.add(DayOfWeek.of(x)));
            people.add(new RosterProblem.PersonIn(new DutyRules.Person(p.id(), p.name(), new HashSet<>(p.skills()), off,
                    Set.of(), p.hoursOff().stream().map(DutyRules.HoursOff::parse).toList()), p.unit(),
                    new HashSet<>(p.preferredKinds()), paths.get(p.homeAreaId())));
        }
        return RosterProblem.build(rules, shifts, people);
    }
}
