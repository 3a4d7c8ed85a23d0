package org.gridguard.duty.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaNode;
import org.gridguard.common.ApiProblem;
import org.gridguard.duty.DutyRules;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.DutySettings;
import org.gridguard.duty.person.DutyPerson;
import org.gridguard.duty.person.PersonRepository;
import org.gridguard.duty.roster.RosterViews.NewRoster;
import org.gridguard.duty.roster.RosterViews.RosterView;
import org.gridguard.duty.shift.AssigneeService;
import org.gridguard.duty.shift.DutyAssignee;
import org.gridguard.duty.shift.DutyShift;
import org.gridguard.duty.shift.ShiftRepository;
import org.gridguard.job.JobHandler;
import org.gridguard.job.JobService;
import org.jboss.logging.Logger;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Automatic rostering: POST /rosters records a roster and starts a job; the job builds the problem, waits
 * for the deployment's single solver slot, solves with one thread, persists progress and the best score,
 * checks the result with the rule validator, and leaves a proposal that a leader publishes.
 */
@ApplicationScoped
public class RosterService implements JobHandler {

    public static final String KIND = "duty-roster";
    private static final Logger LOG = Logger.getLogger(RosterService.class);
    public static final int MAX_DAYS = 31;

    /** One solve at a time in this instance: rostering never takes more than one core from the API. */
    private final Semaphore slot = new Semaphore(1, true);
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gridguard-roster-watch");
        t.setDaemon(true);
        return t;
    });

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutySettings settings;
    @Inject
    RosterRepository rosters;
    @Inject
    ShiftRepository shifts;
    @Inject
    PersonRepository people;
    @Inject
    AssigneeService assignees;
    @Inject
    JobService jobs;
    @Inject
    SolverFactory<RosterPlan> solverFactory;

    @ConfigProperty(name = "gridguard.duty.roster.default-seconds", defaultValue = "30")
    int defaultSeconds;
    /** Queued or running solves: per caller and in all, so one leader cannot starve the others (ADR 0029). */
    @ConfigProperty(name = "gridguard.duty.roster.running-per-caller", defaultValue = "2")
    int runningPerCaller;
    @ConfigProperty(name = "gridguard.duty.roster.running-overall", defaultValue = "4")
    int runningOverall;

    @Override
    public String kind() {
        return KIND;
    }

    // ---------------- API ----------------

    @Transactional
    public RosterView start(NewRoster req) {
        AreaNode area = scope.area(req.areaId());
        scope.requireManage(area.path, "rosters");
        if (area.communityId == null) {
            throw ApiProblem.invalid("areaId", "must be a community or a node inside one");
        }
        DutySettings.checkRange(req.from(), req.to());
        if (req.from().plusDays(MAX_DAYS - 1).isBefore(req.to())) {
            throw ApiProblem.invalid("to", "a roster spans at most " + MAX_DAYS + " days");
        }
        DutyRoster r = new DutyRoster();
        r.id = UUID.randomUUID();
        r.communityId = area.communityId;
        r.areaId = area.id;
        r.fromDate = req.from();
        r.toDate = req.to();
        r.status = DutyRoster.Status.SOLVING;
        r.proposal = List.of();
        r.unfilled = List.of();
        r.createdBy = scope.name();
        r.createdAt = clock.instant();
        Map<String, Object> params = new HashMap<>();
        params.put("rosterId", r.id.toString());
        params.put("timeLimitSeconds", req.timeLimitSeconds() == null ? defaultSeconds : req.timeLimitSeconds());
        params.put("unimprovedSeconds", req.unimprovedSeconds() == null ? 10 : req.unimprovedSeconds());
        r.jobId = jobs.submit(KIND, scope.name(), area.communityId, params,
                new JobService.Limits(runningPerCaller, runningOverall, defaultSeconds));
        rosters.persist(r);
        return view(r);
    }

    @Transactional
    public RosterView get(UUID id) {
        return view(rosters.visible(id));
    }

    /** Stops the solve early; the best rota found so far becomes the proposal. */
    @Transactional
    public RosterView stop(UUID id) {
        DutyRoster r = rosters.visible(id);
        scope.requireManage(scope.areaPath(r.areaId), "rosters");
        if (r.status == DutyRoster.Status.SOLVING) {
            r.stopRequested = true;
        }
        return view(r);
    }

    /** Publishes the proposal: every new assignee passes the rules again, or nothing is published. */
    @Transactional
    public RosterView publish(UUID id) {
        DutyRoster r = rosters.visible(id);
        scope.requireManage(scope.areaPath(r.areaId), "rosters");
        if (r.status != DutyRoster.Status.PROPOSED) {
            throw ApiProblem.conflict("The roster is " + r.status + "; only a PROPOSED roster can be published");
        }
        List<DutyRules.Violation> all = new ArrayList<>();
        for (Map<String, Object> item : r.proposal) {
            DutyShift s = shifts.unfiltered(UUID.fromString((String) item.get("shiftId")));
            if (s != null) {
                @SuppressWarnings("unchecked")
                List<String> personIds = (List<String>) item.get("personIds");
                all.addAll(assign(s, personIds));
            }
        }
        if (!all.isEmpty()) {
            throw DutySettings.violation(all);
        }
        r.status = DutyRoster.Status.PUBLISHED;
        r.publishedBy = scope.name();
        r.publishedAt = clock.instant();
        rosters.flush();
        return view(r);
    }

    /** Puts the people on the shift under the rules; the rules each one would break (none: all assigned). */
    private List<DutyRules.Violation> assign(DutyShift s, List<String> personIds) {
        List<DutyRules.Violation> all = new ArrayList<>();
        for (String pid : personIds) {
            DutyPerson p = people.unfiltered(UUID.fromString(pid));
            if (p == null) {
                continue;
            }
            try {
                assignees.checkAndAssign(s, p, "ROSTER", scope.name());
            } catch (ApiProblem e) {
                List<DutyRules.Violation> v = assignees.violations(s, p);
                all.addAll(v.isEmpty() ? List.of(new DutyRules.Violation("STAFFING", e.getMessage(), s.id, p.id)) : v);
            }
        }
        return all;
    }

    RosterView view(DutyRoster r) {
        return new RosterView(r.id, r.areaId, r.fromDate, r.toDate, r.jobId, r.status, r.score, r.proposal, r.unfilled,
                r.createdBy, r.publishedBy, settings.odt(r.publishedAt), r.version);
    }

    // ---------------- the job ----------------

    record Loaded(RosterProblem problem, Map<UUID, String> codes) {
    }

    @Override
    public Map<String, Object> run(Context ctx) throws Exception {
        UUID rosterId = UUID.fromString((String) ctx.params().get("rosterId"));
        int seconds = ((Number) ctx.params().getOrDefault("timeLimitSeconds", defaultSeconds)).intValue();
        int unimproved = ((Number) ctx.params().getOrDefault("unimprovedSeconds", 10)).intValue();
        RosterProblem problem;
        try {
            problem = QuarkusTransaction.requiringNew().call(() -> load(rosterId));
        } catch (RuntimeException e) {
            markFailed(rosterId);
            throw e;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rosterId", rosterId.toString());
        report.put("phase", "WAITING");
        report.put("seats", problem.plan.getSeats().stream().filter(s -> !s.isPinned()).count());
        report.put("people", problem.plan.getStaff().size());
        ctx.progress(1, report);
        boolean acquired;
        while (!(acquired = slot.tryAcquire(1, TimeUnit.SECONDS))) {
            ctx.progress(1, report); // heartbeat while another roster is solving
            if (stopRequested(rosterId)) {
                break;
            }
        }
        if (!acquired) {
            QuarkusTransaction.requiringNew().run(() -> {
                DutyRoster r = rosters.unfiltered(rosterId);
                r.status = DutyRoster.Status.FAILED;
            });
            report.put("phase", "STOPPED_BEFORE_SOLVING");
            return report;
        }
        try {
            return solve(ctx, rosterId, problem, report, seconds, unimproved);
        } catch (RuntimeException e) {
            markFailed(rosterId);
            throw e;
        } finally {
            if (acquired) {
                slot.release();
            }
        }
    }

    Map<String, Object> solve(Context ctx, UUID rosterId, RosterProblem problem, Map<String, Object> report, int seconds,
            int unimproved) {
        long t0 = System.nanoTime();
        Progress progress = new Progress();
        Solver<RosterPlan> solver = solverFactory.buildSolver(new SolverConfigOverride<RosterPlan>()
                .withTerminationSpentLimit(Duration.ofSeconds(seconds))
                .withTerminationUnimprovedSpentLimit(Duration.ofSeconds(unimproved)));
        solver.addEventListener(progress::onBest);
        report.put("phase", "SOLVING");
        var tick = watcher.scheduleWithFixedDelay(() -> tick(ctx, rosterId, solver, report, progress, t0, seconds), 1, 1,
                TimeUnit.SECONDS);
        RosterPlan solved;
        try {
            solved = solver.solve(problem.plan);
        } finally {
            tick.cancel(false);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<DutyRules.Violation> violations = problem.validate(solved);
        List<Map<String, Object>> unfilled = problem.explainUnfilled(solved);
        Map<UUID, List<UUID>> proposal = RosterProblem.proposal(solved);
        HardMediumSoftScore score = solved.getScore();
        boolean stopped = solver.isTerminateEarly();
        // a rota that breaks a rule is never proposed: drop the assignees the validator rejects
        if (!violations.isEmpty()) {
            LOG.warnf("roster %s: %d rule violations in the solver's best rota (score %s); dropping them", rosterId,
                    violations.size(), score);
            for (DutyRules.Violation v : violations) {
                List<UUID> l = proposal.get(v.shiftId());
                if (l != null) {
                    l.remove(v.personId());
                }
            }
        }
        List<Map<String, Object>> items = items(problem, proposal);
        QuarkusTransaction.requiringNew().run(() -> {
            DutyRoster r = rosters.unfiltered(rosterId);
            r.status = DutyRoster.Status.PROPOSED;
            r.proposal = items;
            r.unfilled = unfilled;
            r.score = score.toString();
        });
        report(report, score, progress, violations.size(), ms, stopped, items, unfilled);
        return report;
    }

    /** The best score so far, and when the best rota first broke no rule and first filled every place. */
    static final class Progress {
        final AtomicReference<HardMediumSoftScore> best = new AtomicReference<>();
        final AtomicLong feasibleAt = new AtomicLong(-1);
        final AtomicLong fullAt = new AtomicLong(-1);

        void onBest(ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent<RosterPlan> ev) {
            HardMediumSoftScore s = (HardMediumSoftScore) ev.getNewBestScore();
            best.set(s);
            if (ev.isNewBestSolutionInitialized() && s.hardScore() == 0) {
                feasibleAt.compareAndSet(-1, ev.getTimeMillisSpent());
                if (s.mediumScore() == 0) {
                    fullAt.compareAndSet(-1, ev.getTimeMillisSpent());
                }
            }
        }
    }

    /** Every second of a solve: the job's progress, and an early stop when asked for. */
    private void tick(Context ctx, UUID rosterId, Solver<RosterPlan> solver, Map<String, Object> report,
            Progress progress, long t0, int seconds) {
        try {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Map<String, Object> partial = new LinkedHashMap<>(report);
            partial.put("elapsedMs", ms);
            if (progress.best.get() != null) {
                partial.put("score", progress.best.get().toString());
            }
            ctx.progress((int) Math.min(98, 2 + ms / (seconds * 10L)), partial);
            if (stopRequested(rosterId)) {
                solver.terminateEarly();
            }
        } catch (RuntimeException e) {
            LOG.debug("roster progress update failed", e);
        }
    }

    /** The proposal as stored on the roster: per shift, the new assignees with their names. */
    private static List<Map<String, Object>> items(RosterProblem problem, Map<UUID, List<UUID>> proposal) {
        List<Map<String, Object>> items = new ArrayList<>();
        proposal.forEach((shift, people) -> {
            if (!people.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("shiftId", shift.toString());
                m.put("checkpointCode", problem.shifts.get(shift).code());
                m.put("startsAt", problem.shifts.get(shift).shift().start().toString());
                m.put("kind", problem.shifts.get(shift).kind());
                m.put("personIds", people.stream().map(UUID::toString).toList());
                m.put("names", people.stream().map(p -> problem.people.get(p).person().name()).toList());
                items.add(m);
            }
        });
        return items;
    }

    private static void report(Map<String, Object> report, HardMediumSoftScore score, Progress progress, int violations,
            long ms, boolean stopped, List<Map<String, Object>> items, List<Map<String, Object>> unfilled) {
        report.put("phase", "PROPOSED");
        report.put("score", score.toString());
        report.put("hardScore", score.hardScore());
        report.put("unfilledSeats", -score.mediumScore());
        report.put("softScore", score.softScore());
        report.put("feasible", score.hardScore() == 0);
        report.put("fullyStaffed", score.hardScore() == 0 && score.mediumScore() == 0);
        report.put("validatorViolations", violations);
        report.put("timeToFeasibleMs", progress.feasibleAt.get());
        report.put("timeToFullyStaffedMs", progress.fullAt.get());
        report.put("elapsedMs", ms);
        report.put("stoppedEarly", stopped);
        report.put("proposedAssignees", items.stream().mapToInt(m -> ((List<?>) m.get("personIds")).size()).sum());
        report.put("unfilledShifts", unfilled.size());
    }

    void markFailed(UUID rosterId) {
        QuarkusTransaction.requiringNew().run(() -> {
            DutyRoster r = rosters.unfiltered(rosterId);
            if (r != null) {
                r.status = DutyRoster.Status.FAILED;
            }
        });
    }

    boolean stopRequested(UUID rosterId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DutyRoster r = rosters.unfiltered(rosterId);
            return r != null && r.stopRequested;
        });
    }

    /** Reads shifts, people and their other commitments for the roster's area and dates. */
    RosterProblem load(UUID rosterId) {
        DutyRoster r = rosters.unfiltered(rosterId);
        if (r == null) {
            throw ApiProblem.notFound("Roster");
        }
        AreaNode area = AreaNode.findById(r.areaId);
        DutyRules rules = settings.rules();
        List<Object[]> shiftRows = shifts.inArea(area.path, r.fromDate, r.toDate);
        if (shiftRows.isEmpty()) {
            throw ApiProblem.unprocessable("no-shifts",
                    "There are no shifts in this area for these dates: set duty patterns and generate shifts first");
        }
        Map<UUID, Object[]> meta = new LinkedHashMap<>();
        shiftRows.forEach(x -> meta.put((UUID) x[0], x));
        List<DutyShift> inScope = shifts.byStart(meta.keySet());
        Map<UUID, List<UUID>> fixed = new HashMap<>();
        for (DutyAssignee a : shifts.assigneesOf(meta.keySet())) {
            fixed.computeIfAbsent(a.shiftId, k -> new ArrayList<>()).add(a.personId);
        }
        Map<UUID, DutyPerson> byId = candidates(r.communityId, area.path, fixed);
        Map<UUID, String> homePaths = people.homePaths(byId.keySet());
        List<RosterProblem.ShiftIn> in = new ArrayList<>();
        for (DutyShift s : inScope) {
            Object[] m = meta.get(s.id);
            in.add(new RosterProblem.ShiftIn(s.rule(), s.kind.name(), (String) m[1], (String) m[2], false,
                    fixed.getOrDefault(s.id, List.of())));
        }
        in.addAll(external(inScope, meta.keySet(), byId.keySet()));
        List<RosterProblem.PersonIn> staff = byId.values().stream().map(p -> new RosterProblem.PersonIn(p.rule(), p.unit,
                DutySettings.set(p.preferredKinds), homePaths.get(p.id))).toList();
        return RosterProblem.build(rules, in, staff);
    }

    /** The active people living in or above the area, and those already on its shifts even if they live elsewhere. */
    private Map<UUID, DutyPerson> candidates(UUID communityId, String areaPath, Map<UUID, List<UUID>> fixed) {
        List<DutyPerson> around = people.activeAround(communityId, areaPath);
        Map<UUID, DutyPerson> byId = new LinkedHashMap<>();
        around.forEach(p -> byId.put(p.id, p));
        // people already on these shifts are part of the problem even if their home is elsewhere
        List<UUID> extra = fixed.values().stream().flatMap(List::stream).filter(id -> !byId.containsKey(id)).distinct()
                .toList();
        if (!extra.isEmpty()) {
            people.unfiltered(extra).forEach(p -> byId.put(p.id, p));
        }
        return byId;
    }

    /** The same people's shifts elsewhere (other posts, the week before and after): they only constrain. */
    private List<RosterProblem.ShiftIn> external(List<DutyShift> inScope, Collection<UUID> shiftIds,
            Collection<UUID> personIds) {
        Instant from = inScope.get(0).startsAt.minus(Duration.ofDays(8));
        Instant to = inScope.get(inScope.size() - 1).endsAt.plus(Duration.ofDays(8));
        List<Object[]> ext = shifts.elsewhere(personIds, from, to, shiftIds);
        Map<UUID, List<UUID>> extFixed = new LinkedHashMap<>();
        ext.forEach(x -> extFixed.computeIfAbsent((UUID) x[0], k -> new ArrayList<>()).add((UUID) x[1]));
        List<RosterProblem.ShiftIn> out = new ArrayList<>();
        if (!extFixed.isEmpty()) {
            for (DutyShift s : shifts.unfiltered(extFixed.keySet())) {
                out.add(new RosterProblem.ShiftIn(s.rule(), s.kind.name(), null, null, true, extFixed.get(s.id)));
            }
        }
        return out;
    }

    @PreDestroy
    void close() {
        watcher.shutdownNow();
    }
}
