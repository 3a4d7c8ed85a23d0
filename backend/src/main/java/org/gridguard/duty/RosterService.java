package org.gridguard.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaNode;
import org.gridguard.common.ApiProblem;
import org.gridguard.duty.DutyViews.NewRoster;
import org.gridguard.duty.DutyViews.RosterView;
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
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutyService duty;
    @Inject
    JobService jobs;
    @Inject
    SolverFactory<RosterPlan> solverFactory;

    @ConfigProperty(name = "gridguard.duty.roster.default-seconds", defaultValue = "30")
    int defaultSeconds;

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
        DutyService.checkRange(req.from(), req.to());
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
        r.jobId = jobs.submit(KIND, scope.name(), area.communityId, params);
        r.persist();
        em.flush();
        return view(r);
    }

    DutyRoster visible(UUID id) {
        DutyRoster r = DutyRoster.findById(id);
        if (r == null) {
            throw ApiProblem.notFound("Roster");
        }
        String path = scope.areaPath(r.areaId);
        if (path == null || !scope.canSee(path)) {
            throw ApiProblem.notFound("Roster");
        }
        return r;
    }

    @Transactional
    public RosterView get(UUID id) {
        return view(visible(id));
    }

    /** Stops the solve early; the best rota found so far becomes the proposal. */
    @Transactional
    public RosterView stop(UUID id) {
        DutyRoster r = visible(id);
        scope.requireManage(scope.areaPath(r.areaId), "rosters");
        if (r.status == DutyRoster.Status.SOLVING) {
            r.stopRequested = true;
        }
        return view(r);
    }

    /** Publishes the proposal: every new assignee passes the rules again, or nothing is published. */
    @Transactional
    public RosterView publish(UUID id) {
        DutyRoster r = visible(id);
        scope.requireManage(scope.areaPath(r.areaId), "rosters");
        if (r.status != DutyRoster.Status.PROPOSED) {
            throw ApiProblem.conflict("The roster is " + r.status + "; only a PROPOSED roster can be published");
        }
        List<DutyRules.Violation> all = new ArrayList<>();
        for (Map<String, Object> item : r.proposal) {
            DutyShift s = DutyShift.findById(UUID.fromString((String) item.get("shiftId")));
            if (s == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> personIds = (List<String>) item.get("personIds");
            for (String pid : personIds) {
                DutyPerson p = DutyPerson.findById(UUID.fromString(pid));
                if (p == null) {
                    continue;
                }
                try {
                    duty.checkAndAssign(s, p, "ROSTER", scope.name());
                } catch (ApiProblem e) {
                    List<DutyRules.Violation> v = duty.violations(s, p);
                    all.addAll(v.isEmpty() ? List.of(new DutyRules.Violation("STAFFING", e.getMessage(), s.id, p.id)) : v);
                }
            }
        }
        if (!all.isEmpty()) {
            throw DutyService.violation(all);
        }
        r.status = DutyRoster.Status.PUBLISHED;
        r.publishedBy = scope.name();
        r.publishedAt = clock.instant();
        em.flush();
        return view(r);
    }

    RosterView view(DutyRoster r) {
        return new RosterView(r.id, r.areaId, r.fromDate, r.toDate, r.jobId, r.status, r.score, r.proposal, r.unfilled,
                r.createdBy, r.publishedBy, duty.odt(r.publishedAt), r.version);
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
                DutyRoster r = DutyRoster.findById(rosterId);
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
        AtomicReference<HardMediumSoftScore> best = new AtomicReference<>();
        AtomicLong feasibleAt = new AtomicLong(-1);
        AtomicLong fullAt = new AtomicLong(-1);
        Solver<RosterPlan> solver = solverFactory.buildSolver(new SolverConfigOverride<RosterPlan>()
                .withTerminationSpentLimit(Duration.ofSeconds(seconds))
                .withTerminationUnimprovedSpentLimit(Duration.ofSeconds(unimproved)));
        solver.addEventListener(ev -> {
            HardMediumSoftScore s = (HardMediumSoftScore) ev.getNewBestScore();
            best.set(s);
            if (ev.isNewBestSolutionInitialized() && s.hardScore() == 0) {
                feasibleAt.compareAndSet(-1, ev.getTimeMillisSpent());
                if (s.mediumScore() == 0) {
                    fullAt.compareAndSet(-1, ev.getTimeMillisSpent());
                }
            }
        });
        report.put("phase", "SOLVING");
        var tick = watcher.scheduleWithFixedDelay(() -> {
            try {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Map<String, Object> partial = new LinkedHashMap<>(report);
                partial.put("elapsedMs", ms);
                if (best.get() != null) {
                    partial.put("score", best.get().toString());
                }
                ctx.progress((int) Math.min(98, 2 + ms / (seconds * 10L)), partial);
                if (stopRequested(rosterId)) {
                    solver.terminateEarly();
                }
            } catch (RuntimeException e) {
                LOG.debug("roster progress update failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
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
        QuarkusTransaction.requiringNew().run(() -> {
            DutyRoster r = DutyRoster.findById(rosterId);
            r.status = DutyRoster.Status.PROPOSED;
            r.proposal = items;
            r.unfilled = unfilled;
            r.score = score.toString();
        });
        report.put("phase", "PROPOSED");
        report.put("score", score.toString());
        report.put("hardScore", score.hardScore());
        report.put("unfilledSeats", -score.mediumScore());
        report.put("softScore", score.softScore());
        report.put("feasible", score.hardScore() == 0);
        report.put("fullyStaffed", score.hardScore() == 0 && score.mediumScore() == 0);
        report.put("validatorViolations", violations.size());
        report.put("timeToFeasibleMs", feasibleAt.get());
        report.put("timeToFullyStaffedMs", fullAt.get());
        report.put("elapsedMs", ms);
        report.put("stoppedEarly", stopped);
        report.put("proposedAssignees", items.stream().mapToInt(m -> ((List<?>) m.get("personIds")).size()).sum());
        report.put("unfilledShifts", unfilled.size());
        return report;
    }

    void markFailed(UUID rosterId) {
        QuarkusTransaction.requiringNew().run(() -> {
            DutyRoster r = DutyRoster.findById(rosterId);
            if (r != null) {
                r.status = DutyRoster.Status.FAILED;
            }
        });
    }

    boolean stopRequested(UUID rosterId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DutyRoster r = DutyRoster.findById(rosterId);
            return r != null && r.stopRequested;
        });
    }

    /** Reads shifts, people and their other commitments for the roster's area and dates. */
    @SuppressWarnings("unchecked")
    RosterProblem load(UUID rosterId) {
        DutyRoster r = DutyRoster.findById(rosterId);
        if (r == null) {
            throw ApiProblem.notFound("Roster");
        }
        AreaNode area = AreaNode.findById(r.areaId);
        DutyRules rules = duty.rules();
        List<Object[]> shiftRows = em.createNativeQuery("""
                select s.id, c.code, g.path from duty_shift s join checkpoint c on c.id = s.checkpoint_id
                join area_node g on g.id = c.guards_node_id
                where g.path like ?1 and s.business_date between ?2 and ?3 order by s.starts_at""")
                .setParameter(1, area.path + "%").setParameter(2, r.fromDate).setParameter(3, r.toDate).getResultList();
        if (shiftRows.isEmpty()) {
            throw ApiProblem.unprocessable("no-shifts",
                    "There are no shifts in this area for these dates: set duty patterns and generate shifts first");
        }
        Map<UUID, Object[]> meta = new LinkedHashMap<>();
        shiftRows.forEach(x -> meta.put((UUID) x[0], x));
        List<DutyShift> inScope = DutyShift.list("id in ?1 order by startsAt", meta.keySet());
        List<DutyPerson> people = em.createNativeQuery("""
                select dp.* from duty_person dp join area_node h on h.id = dp.home_area_id
                where dp.active and dp.community_id = ?1 and (h.path like ?2 or ?3 like h.path || '%')
                order by dp.name, dp.id""", DutyPerson.class)
                .setParameter(1, r.communityId).setParameter(2, area.path + "%").setParameter(3, area.path).getResultList();
        Map<UUID, List<UUID>> fixed = new HashMap<>();
        for (DutyAssignee a : DutyAssignee.<DutyAssignee>list("shiftId in ?1", meta.keySet())) {
            fixed.computeIfAbsent(a.shiftId, k -> new ArrayList<>()).add(a.personId);
        }
        Map<UUID, DutyPerson> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.put(p.id, p));
        // people already on these shifts are part of the problem even if their home is elsewhere
        List<UUID> extra = fixed.values().stream().flatMap(List::stream).filter(id -> !byId.containsKey(id)).distinct()
                .toList();
        if (!extra.isEmpty()) {
            DutyPerson.<DutyPerson>list("id in ?1", extra).forEach(p -> byId.put(p.id, p));
        }
        Map<UUID, String> homePaths = new HashMap<>();
        if (!byId.isEmpty()) {
            List<Object[]> hp = em.createNativeQuery("select dp.id, h.path from duty_person dp join area_node h on h.id = dp.home_area_id where dp.id = any(?1)")
                    .setParameter(1, byId.keySet().toArray(UUID[]::new)).getResultList();
            hp.forEach(x -> homePaths.put((UUID) x[0], (String) x[1]));
        }
        List<RosterProblem.ShiftIn> shifts = new ArrayList<>();
        for (DutyShift s : inScope) {
            Object[] m = meta.get(s.id);
            shifts.add(new RosterProblem.ShiftIn(s.rule(), s.kind.name(), (String) m[1], (String) m[2], false,
                    fixed.getOrDefault(s.id, List.of())));
        }
        // the same people's shifts elsewhere (other posts, the week before and after) only constrain
        Instant from = inScope.get(0).startsAt.minus(Duration.ofDays(8));
        Instant to = inScope.get(inScope.size() - 1).endsAt.plus(Duration.ofDays(8));
        List<Object[]> ext = em.createNativeQuery("""
                select a.shift_id, a.person_id from duty_assignee a join duty_shift s on s.id = a.shift_id
                where a.person_id = any(?1) and s.ends_at > ?2 and s.starts_at < ?3 and not (s.id = any(?4))""")
                .setParameter(1, byId.keySet().toArray(UUID[]::new)).setParameter(2, from).setParameter(3, to)
                .setParameter(4, meta.keySet().toArray(UUID[]::new)).getResultList();
        Map<UUID, List<UUID>> extFixed = new LinkedHashMap<>();
        ext.forEach(x -> extFixed.computeIfAbsent((UUID) x[0], k -> new ArrayList<>()).add((UUID) x[1]));
        if (!extFixed.isEmpty()) {
            for (DutyShift s : DutyShift.<DutyShift>list("id in ?1", extFixed.keySet())) {
                shifts.add(new RosterProblem.ShiftIn(s.rule(), s.kind.name(), null, null, true, extFixed.get(s.id)));
            }
        }
        List<RosterProblem.PersonIn> in = byId.values().stream().map(p -> new RosterProblem.PersonIn(p.rule(), p.unit,
                DutyService.set(p.preferredKinds), homePaths.get(p.id))).toList();
        return RosterProblem.build(rules, shifts, in);
    }

    @PreDestroy
    void close() {
        watcher.shutdownNow();
    }
}
