package org.gridguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;
import org.gridguard.testing.TestingViews.ExemptionKind;
import org.gridguard.testing.TestingViews.ExemptionView;
import org.gridguard.testing.TestingViews.Mode;
import org.gridguard.testing.TestingViews.NewExemption;
import org.gridguard.testing.TestingViews.NewRound;
import org.gridguard.testing.TestingViews.NewSite;
import org.gridguard.testing.TestingViews.NewTask;
import org.gridguard.testing.TestingViews.RoundPatch;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.RoundView;
import org.gridguard.testing.TestingViews.ScopeNode;
import org.gridguard.testing.TestingViews.SiteView;
import org.gridguard.testing.TestingViews.TaskKind;
import org.gridguard.testing.TestingViews.TaskOutcome;
import org.gridguard.testing.TestingViews.TaskPerson;
import org.gridguard.testing.TestingViews.TaskStatus;
import org.gridguard.testing.TestingViews.TaskView;
import org.gridguard.testing.TestingViews.Transition;

/**
 * Rounds (planned → sampling → closed), their exemptions, sampling sites and door-to-door tasks. Opening a
 * round for sampling lists bed-ridden and quarantined residents for door-to-door sampling automatically.
 */
@ApplicationScoped
public class RoundService {

    public static final String ENTITY = "TEST_ROUND";
    /** Residents who cannot come to a central site: sampled at home. */
    public static final String[] AT_HOME = { CensusPeople.BED_RIDDEN, CensusPeople.CLOSE_CONTACT,
            CensusPeople.SECONDARY_CONTACT };

    /**
     * One door-to-door task per household in scope with a bed-ridden, quarantined (contacts) or red-coded resident
     * not exempted. Parameters: 1 round id, 2 communities, 3 scope LIKE patterns, 4 now, 5 {@link #AT_HOME}.
     */
    public static final String AT_HOME_SQL = """
                insert into test_task (id, round_id, community_id, grid_cell_id, household_id, kind, resident_ids,
                  urgent, status, assignees, source, created_at, updated_at)
                select gen_random_uuid(), ?1, h.community_id, h.grid_cell_id, h.id, 'DOOR_TO_DOOR', array_agg(r.id order by r.id),
                  false, 'OPEN', coalesce((select array_agg(distinct a.principal order by a.principal) from assignment a
                    where a.node_id = h.grid_cell_id and a.role = 'grid-worker'), '{}'), 'AUTO', ?4, ?4
                from resident r join household h on h.id = r.household_id
                where r.community_id = any(cast(?2 as uuid[])) and r.status = 'LIVING'
                  and r.area_id in (select id from area_node where path like any(cast(?3 as text[])))
                  and (r.categories && cast(?5 as text[]) or r.health_code = 'RED')
                  and not exists (select 1 from test_exemption e where e.round_id = ?1 and e.resident_id = r.id)
                group by h.id, h.community_id, h.grid_cell_id
                on conflict (round_id, household_id) where kind = 'DOOR_TO_DOOR' do nothing""";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;
    @Inject
    CensusPeople census;
    @Inject
    ChangeLog changes;
    @Inject
    CoverageRollup coverage;

    record Area(UUID id, String kind, String name, String path, UUID communityId) {
    }

    @SuppressWarnings("unchecked")
    Area area(UUID id) {
        List<Object[]> rows = em.createNativeQuery("select id, kind, name, path, community_id from area_node where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("Area node");
        }
        Object[] r = rows.get(0);
        return new Area((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4]);
    }

    // ---------- rounds ----------

    @Transactional
    public Idempotency.Outcome<RoundView> create(NewRound req) {
        List<Area> scope = new ArrayList<>();
        for (UUID id : new TreeSet<>(req.scope())) {
            Area a = area(id);
            if (!jurisdiction.coversAs(a.path(), List.of(Roles.SUPERVISOR))) {
                throw ApiProblem.notFound("Area node");
            }
            scope.add(a);
        }
        checkRound(req.samplingFrom(), req.samplingTo(), req.poolSize(), req.modes());
        Set<UUID> communities = new TreeSet<>();
        List<String> above = new ArrayList<>();
        for (Area a : scope) {
            if (a.communityId() != null) {
                communities.add(a.communityId());
            } else {
                above.add(a.path() + "%");
            }
        }
        if (!above.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<UUID> below = em.createNativeQuery(
                    "select id from area_node where kind = 'COMMUNITY' and path like any(cast(?1 as text[]))")
                    .setParameter(1, above.toArray(String[]::new)).getResultList();
            communities.addAll(below);
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        var existing = rounds.byId(id);
        if (existing.isPresent()) {
            Round r = existing.get();
            if (r.createdBy().equals(caller.name()) && r.name().equals(req.name().trim())) {
                return new Idempotency.Outcome<>(view(r), id, true);
            }
            throw ApiProblem.conflict("A round with this id already exists");
        }
        Instant now = clock.instant();
        String scopeKey = String.join(",", scope.stream().map(a -> a.id().toString()).toList());
        em.createNativeQuery("""
                insert into test_round (id, name, scope_ids, scope_paths, community_ids, scope_key, round_date,
                  sampling_from, sampling_to, modes, pool_size, labs, status, created_by, created_at, updated_at)
                values (?1, ?2, cast(?3 as uuid[]), cast(?4 as text[]), cast(?5 as uuid[]), ?6, ?7, ?8, ?9,
                  cast(?10 as text[]), ?11, cast(?12 as text[]), 'PLANNED', ?13, ?14, ?14)""")
                .setParameter(1, id).setParameter(2, req.name().trim())
                .setParameter(3, scope.stream().map(Area::id).toArray(UUID[]::new))
                .setParameter(4, scope.stream().map(Area::path).toArray(String[]::new))
                .setParameter(5, communities.toArray(UUID[]::new)).setParameter(6, scopeKey)
                .setParameter(7, req.roundDate()).setParameter(8, req.samplingFrom()).setParameter(9, req.samplingTo())
                .setParameter(10, req.modes().stream().distinct().map(Enum::name).toArray(String[]::new))
                .setParameter(11, req.poolSize()).setParameter(12, labs(req.labs()))
                .setParameter(13, caller.name()).setParameter(14, now).executeUpdate();
        Round r = rounds.byId(id).orElseThrow();
        // counted from the start: a planned round shows whom it expects, never a current-looking zero (issue 27)
        coverage.markAllDirty(r);
        changes.record(ENTITY, id, communities.isEmpty() ? null : communities.iterator().next(), scope.get(0).path(),
                ChangeLog.Op.UPSERT);
        return new Idempotency.Outcome<>(view(r), id, false);
    }

    private static String[] labs(List<String> labs) {
        return labs == null ? new String[0] : labs.stream().map(String::trim).distinct().toArray(String[]::new);
    }

    private static void checkRound(Instant from, Instant to, Integer poolSize, List<Mode> modes) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiProblem.invalid("samplingTo", "must be after samplingFrom");
        }
        if (poolSize != null && !List.of(1, 5, 10, 20).contains(poolSize)) {
            throw ApiProblem.invalid("poolSize", "must be 1, 5, 10 or 20");
        }
        if (modes != null && modes.isEmpty()) {
            throw ApiProblem.invalid("modes", "name at least one sampling mode");
        }
    }

    @Transactional
    public RoundView get(UUID id) {
        return view(rounds.visible(id));
    }

    @Transactional
    public Page<RoundView> list(RoundStatus status, UUID areaId, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        UUID after = null;
        if (c != null) {
            try {
                after = UUID.fromString(c.get(1));
                java.time.LocalDate.parse(c.get(0));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        String path = areaId == null ? null : area(areaId).path();
        List<Round> rows = rounds.list(status, areaId, path, c == null ? null : c.get(0), after, lim);
        List<RoundView> views = rows.stream().map(this::view).toList();
        return Page.of(views, lim, v -> Cursor.encode(v.roundDate().toString(), v.id().toString()));
    }

    @Transactional
    public RoundView patch(UUID id, RoundPatch p, String ifMatch) {
        Round r = rounds.visibleForUpdate(id);
        requireSupervisorOf(r);
        Versions.check(r.version(), ifMatch, p.version());
        if (r.status() != RoundStatus.PLANNED) {
            throw ApiProblem.conflict("Only a planned round can be edited; this one is " + r.status());
        }
        Instant from = p.samplingFrom() != null ? p.samplingFrom() : r.samplingFrom();
        Instant to = p.samplingTo() != null ? p.samplingTo() : r.samplingTo();
        checkRound(from, to, p.poolSize(), p.modes());
        em.createNativeQuery("""
                update test_round set name = coalesce(?2, name), round_date = coalesce(?3, round_date),
                  sampling_from = ?4, sampling_to = ?5, modes = coalesce(cast(?6 as text[]), modes),
                  pool_size = coalesce(?7, pool_size), labs = coalesce(cast(?8 as text[]), labs),
                  version = version + 1, updated_at = ?9 where id = ?1""")
                .setParameter(1, id).setParameter(2, p.name() == null ? null : p.name().trim())
                .setParameter(3, p.roundDate()).setParameter(4, from).setParameter(5, to)
                .setParameter(6, p.modes() == null ? null : p.modes().stream().distinct().map(Enum::name).toArray(String[]::new))
                .setParameter(7, p.poolSize()).setParameter(8, p.labs() == null ? null : labs(p.labs()))
                .setParameter(9, clock.instant()).executeUpdate();
        return changed(r);
    }

    /** After an update of round {@code r}: its change in the feed, and its new view. */
    private RoundView changed(Round r) {
        changes.record(ENTITY, r.id(), r.communityIds().isEmpty() ? null : r.communityIds().get(0),
                r.scopePaths().get(0), ChangeLog.Op.UPSERT);
        return view(rounds.byId(r.id()).orElseThrow());
    }

    private void requireSupervisorOf(Round r) {
        for (String p : r.scopePaths()) {
            if (!jurisdiction.coversAs(p, List.of(Roles.SUPERVISOR))) {
                throw ApiProblem.forbidden("Only a supervisor of the whole scope may change this round");
            }
        }
    }

    /** planned → sampling → closed; anything else is 409. */
    @Transactional
    public RoundView transition(UUID id, Transition t, String ifMatch) {
        Round r = rounds.visibleForUpdate(id);
        requireSupervisorOf(r);
        Versions.check(r.version(), ifMatch, t.version());
        boolean ok = (r.status() == RoundStatus.PLANNED && t.to() == RoundStatus.SAMPLING)
                || (r.status() == RoundStatus.SAMPLING && t.to() == RoundStatus.CLOSED);
        if (!ok) {
            throw new ApiProblem(409, "invalid-transition", "Invalid transition",
                    "A round goes PLANNED → SAMPLING → CLOSED; it cannot go from " + r.status() + " to " + t.to(), null,
                    Map.of("status", r.status().name()), null);
        }
        Instant now = clock.instant();
        em.createNativeQuery("""
                update test_round set status = ?2, started_at = case when ?2 = 'SAMPLING' then ?3 else started_at end,
                  closed_at = case when ?2 = 'CLOSED' then ?3 else closed_at end, version = version + 1, updated_at = ?3
                where id = ?1""").setParameter(1, id).setParameter(2, t.to().name()).setParameter(3, now).executeUpdate();
        if (t.to() == RoundStatus.SAMPLING && r.modes().contains(Mode.DOOR_TO_DOOR)) {
            listAtHome(r, now);
        }
        if (t.to() == RoundStatus.CLOSED) {
            em.createNativeQuery("update test_tube set status = 'CLOSED', closed_at = ?2 where round_id = ?1 and status = 'OPEN'")
                    .setParameter(1, id).setParameter(2, now).executeUpdate();
        }
        coverage.markAllDirty(r);
        return changed(r);
    }

    /** One door-to-door task per household with a bed-ridden, quarantined (contacts) or red-coded resident. */
    int listAtHome(Round r, Instant now) {
        return em.createNativeQuery(AT_HOME_SQL)
                .setParameter(1, r.id()).setParameter(2, r.communities()).setParameter(3, r.patterns())
                .setParameter(4, now).setParameter(5, AT_HOME).executeUpdate();
    }

    RoundView view(Round r) {
        @SuppressWarnings("unchecked")
        List<Object[]> nodes = em.createNativeQuery("select id, kind, name from area_node where id = any(cast(?1 as uuid[]))")
                .setParameter(1, r.scopeIds().toArray(UUID[]::new)).getResultList();
        Map<UUID, ScopeNode> byId = new HashMap<>();
        for (Object[] n : nodes) {
            byId.put((UUID) n[0], new ScopeNode((UUID) n[0], (String) n[1], (String) n[2]));
        }
        List<ScopeNode> scope = r.scopeIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        UUID previous = rounds.previous(r).map(Round::id).orElse(null);
        return new RoundView(r.id(), r.name(), scope, r.roundDate(), r.samplingFrom(), r.samplingTo(), r.modes(),
                r.poolSize(), r.labs(), r.status(), r.startedAt(), r.closedAt(), previous, r.version(), r.createdBy(),
                r.createdAt());
    }

    // ---------- jurisdiction of rows hanging off a grid cell ----------

    /** " and alias.grid_cell_id in (cells the caller covers)"; empty for admins and supervisors of the whole scope. */
    String cellFilter(String column, Map<String, Object> p) {
        if (jurisdiction.isGlobal()) {
            return "";
        }
        p.put("cellPatterns", jurisdiction.likePatterns());
        return " and " + column + " in (select id from area_node where kind = 'GRID_CELL' and path like any(cast(:cellPatterns as text[])))";
    }

    boolean inScope(Round r, String path) {
        return r.scopePaths().stream().anyMatch(path::startsWith);
    }

    // ---------- exemptions ----------

    @Transactional
    public Idempotency.Outcome<ExemptionView> exempt(UUID roundId, NewExemption req) {
        Round r = rounds.visible(roundId);
        if (r.status() == RoundStatus.CLOSED) {
            throw ApiProblem.conflict("The round is closed");
        }
        CensusPeople.ResidentPlace res = census.resident(req.residentId())
                .orElseThrow(() -> ApiProblem.notFound("Resident"));
        if (!inScope(r, area(res.areaId()).path())) {
            throw ApiProblem.unprocessable("not-in-scope", "This resident does not live in the round's scope");
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        int n = em.createNativeQuery("""
                insert into test_exemption (id, round_id, resident_id, community_id, grid_cell_id, household_id, kind,
                  reason, granted_by, granted_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict do nothing""")
                .setParameter(1, id).setParameter(2, roundId).setParameter(3, res.id()).setParameter(4, res.communityId())
                .setParameter(5, res.gridCellId()).setParameter(6, res.householdId()).setParameter(7, req.kind().name())
                .setParameter(8, req.reason().trim()).setParameter(9, caller.name()).setParameter(10, clock.instant())
                .executeUpdate();
        if (n == 0) {
            ExemptionView e = exemptions(roundId, res.id(), null, null, 1).items().stream().findFirst()
                    .orElseThrow(() -> ApiProblem.conflict("An exemption with this id already exists"));
            if (e.id().equals(id) && e.kind() == req.kind()) {
                return new Idempotency.Outcome<>(e, id, true);
            }
            throw ApiProblem.conflict("This resident is already exempted from the round", Map.of("exemptionId", e.id()));
        }
        coverage.markPerson(roundId, res.id());
        return new Idempotency.Outcome<>(exemptions(roundId, res.id(), null, null, 1).items().get(0), id, false);
    }

    @Transactional
    public void revokeExemption(UUID roundId, UUID exemptionId) {
        rounds.visible(roundId);
        Map<String, Object> p = new HashMap<>();
        String sql = "delete from test_exemption e where e.round_id = :r and e.id = :id" + cellFilter("e.grid_cell_id", p)
                + " returning e.resident_id";
        p.put("r", roundId);
        p.put("id", exemptionId);
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> people = q.getResultList();
        if (people.isEmpty()) {
            throw ApiProblem.notFound("Exemption");
        }
        coverage.markPerson(roundId, people.get(0));
    }

    @Transactional
    public Page<ExemptionView> exemptions(UUID roundId, UUID residentId, ExemptionKind kind, String cursor, Integer limit) {
        rounds.visible(roundId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select e.id, e.round_id, e.resident_id, r.name, e.household_id, e.grid_cell_id, e.kind, e.reason,
                  e.granted_by, e.granted_at from test_exemption e join resident r on r.id = e.resident_id
                where e.round_id = :round""");
        p.put("round", roundId);
        sql.append(cellFilter("e.grid_cell_id", p));
        if (residentId != null) {
            sql.append(" and e.resident_id = :res");
            p.put("res", residentId);
        }
        if (kind != null) {
            sql.append(" and e.kind = :kind");
            p.put("kind", kind.name());
        }
        if (c != null) {
            sql.append(" and e.id > :after");
            p.put("after", Cursor.uuid(c.get(0)));
        }
        sql.append(" order by e.id limit :lim");
        p.put("lim", lim + 1);
        List<Object[]> rows = Rows.list(em, sql, p);
        List<ExemptionView> out = rows.stream().map(x -> new ExemptionView((UUID) x[0], (UUID) x[1], (UUID) x[2],
                (String) x[3], (UUID) x[4], (UUID) x[5], ExemptionKind.valueOf((String) x[6]), (String) x[7],
                (String) x[8], Rows.instant(x[9]))).toList();
        return Page.of(out, lim, v -> Cursor.encode(v.id().toString()));
    }

    // ---------- sites ----------

    @Transactional
    public Idempotency.Outcome<SiteView> addSite(UUID roundId, NewSite req) {
        Round r = rounds.visible(roundId);
        if (r.status() == RoundStatus.CLOSED) {
            throw ApiProblem.conflict("The round is closed");
        }
        Area a = area(req.areaId());
        if (!jurisdiction.covers(a.path())) {
            throw ApiProblem.notFound("Area node");
        }
        if (!inScope(r, a.path()) || a.communityId() == null) {
            throw ApiProblem.unprocessable("not-in-scope", "A site must be inside the round's scope, in a community");
        }
        if (!req.closesAt().isAfter(req.opensAt())) {
            throw ApiProblem.invalid("closesAt", "must be after opensAt");
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        int n = em.createNativeQuery("""
                insert into test_site (id, round_id, community_id, area_id, name, address, opens_at, closes_at,
                  created_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict do nothing""")
                .setParameter(1, id).setParameter(2, roundId).setParameter(3, a.communityId()).setParameter(4, a.id())
                .setParameter(5, req.name().trim()).setParameter(6, req.address()).setParameter(7, req.opensAt())
                .setParameter(8, req.closesAt()).setParameter(9, caller.name()).setParameter(10, clock.instant())
                .executeUpdate();
        SiteView v = sites(roundId).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.conflict("A site with this id already exists"));
        return new Idempotency.Outcome<>(v, id, n == 0);
    }

    @Transactional
    public List<SiteView> sites(UUID roundId) {
        rounds.visible(roundId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, round_id, area_id, name, address, opens_at, closes_at from test_site
                where round_id = ?1 order by name, id limit 500""").setParameter(1, roundId).getResultList();
        return rows.stream().map(x -> new SiteView((UUID) x[0], (UUID) x[1], (UUID) x[2], (String) x[3], (String) x[4],
                Round.time(x[5]), Round.time(x[6]))).toList();
    }

    // ---------- tasks ----------

    @Transactional
    public Idempotency.Outcome<TaskView> addVisit(UUID roundId, NewTask req) {
        Round r = rounds.visible(roundId);
        if (r.status() == RoundStatus.CLOSED) {
            throw ApiProblem.conflict("The round is closed");
        }
        CensusPeople.HouseholdPlace h = census.household(req.householdId())
                .orElseThrow(() -> ApiProblem.notFound("Household"));
        if (!inScope(r, area(h.areaId()).path())) {
            throw ApiProblem.unprocessable("not-in-scope", "This household is not in the round's scope");
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        Instant now = clock.instant();
        int n = em.createNativeQuery("""
                insert into test_task (id, round_id, community_id, grid_cell_id, household_id, kind, resident_ids, urgent,
                  status, assignees, source, created_at, updated_at)
                select ?1, ?2, h.community_id, h.grid_cell_id, h.id, 'DOOR_TO_DOOR',
                  coalesce((select array_agg(r.id order by r.id) from resident r where r.household_id = h.id and r.status = 'LIVING'), '{}'),
                  false, 'OPEN', coalesce((select array_agg(distinct a.principal order by a.principal) from assignment a
                    where a.node_id = h.grid_cell_id and a.role = 'grid-worker'), '{}'), ?3, ?4, ?4
                from household h where h.id = ?5
                on conflict (round_id, household_id) where kind = 'DOOR_TO_DOOR' do nothing""")
                .setParameter(1, id).setParameter(2, roundId).setParameter(3, "BY:" + caller.name()).setParameter(4, now)
                .setParameter(5, h.id()).executeUpdate();
        TaskView v = tasks(roundId, TaskKind.DOOR_TO_DOOR, null, null, h.id(), null, null, 1).items().get(0);
        return new Idempotency.Outcome<>(v, v.id(), n == 0);
    }

    @Transactional
    public TaskView outcome(UUID roundId, UUID taskId, TaskOutcome o, String ifMatch) {
        rounds.visible(roundId);
        TaskView t = task(roundId, taskId);
        Versions.check(t.version(), ifMatch, o.version());
        if (o.status() != TaskStatus.DONE && o.status() != TaskStatus.FAILED) {
            throw ApiProblem.invalid("status", "must be DONE or FAILED");
        }
        String reason = o.reason() == null ? null : o.reason().trim();
        if (o.status() == TaskStatus.FAILED && (reason == null || reason.isEmpty())) {
            throw ApiProblem.invalid("reason", "say why the visit failed");
        }
        if (t.status() != TaskStatus.OPEN) {
            throw ApiProblem.conflict("The task is already " + t.status());
        }
        em.createNativeQuery("""
                update test_task set status = ?2, failure_reason = ?3, done_by = ?4, done_at = ?5, updated_at = ?5,
                  version = version + 1 where id = ?1""")
                .setParameter(1, taskId).setParameter(2, o.status().name()).setParameter(3, reason)
                .setParameter(4, caller.name()).setParameter(5, clock.instant()).executeUpdate();
        return task(roundId, taskId);
    }

    TaskView task(UUID roundId, UUID taskId) {
        return tasks(roundId, null, null, null, null, taskId, null, 1).items().stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Task"));
    }

    @Transactional
    public Page<TaskView> tasks(UUID roundId, TaskKind kind, TaskStatus status, UUID cellId, UUID householdId,
            UUID taskId, String cursor, Integer limit) {
        rounds.visible(roundId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 4);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select t.id, t.round_id, t.kind, t.household_id, h.door_number, b.name, t.grid_cell_id,
                  cast(case when t.kind = 'RETEST' then array[t.resident_id] else t.resident_ids end as text[]), t.tube_id,
                  t.urgent, t.status, t.failure_reason, t.assignees, t.source, t.done_by, t.done_at, t.version, t.created_at, coalesce(b.code, '')
                from test_task t join household h on h.id = t.household_id left join area_node b on b.id = h.building_id
                where t.round_id = :round""");
        p.put("round", roundId);
        sql.append(cellFilter("t.grid_cell_id", p));
        if (kind != null) {
            sql.append(" and t.kind = :kind");
            p.put("kind", kind.name());
        }
        if (status != null) {
            sql.append(" and t.status = :status");
            p.put("status", status.name());
        }
        if (cellId != null) {
            sql.append(" and t.grid_cell_id = :cell");
            p.put("cell", cellId);
        }
        if (householdId != null) {
            sql.append(" and t.household_id = :hh");
            p.put("hh", householdId);
        }
        if (taskId != null) {
            sql.append(" and t.id = :tid");
            p.put("tid", taskId);
        }
        // urgent first, then by building and door, as a worker walks them
        if (c != null) {
            sql.append(" and (case when t.urgent then 0 else 1 end, coalesce(b.code, ''), h.door_number, t.id)"
                    + " > (cast(:c0 as int), :c1, :c2, :c3)");
            p.put("c0", "0".equals(c.get(0)) ? 0 : 1);
            p.put("c1", c.get(1));
            p.put("c2", c.get(2));
            p.put("c3", Cursor.uuid(c.get(3)));
        }
        sql.append(" order by case when t.urgent then 0 else 1 end, coalesce(b.code, ''), h.door_number, t.id limit :lim");
        p.put("lim", lim + 1);
        List<Object[]> rows = Rows.list(em, sql, p);
        Set<UUID> people = new TreeSet<>();
        for (Object[] x : rows) {
            for (String s : (String[]) x[7]) {
                if (s != null) {
                    people.add(UUID.fromString(s));
                }
            }
        }
        Map<UUID, TaskPerson> names = new LinkedHashMap<>();
        if (!people.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> ps = em.createNativeQuery("select id, name, categories from resident where id = any(cast(?1 as uuid[]))")
                    .setParameter(1, people.toArray(UUID[]::new)).getResultList();
            for (Object[] x : ps) {
                names.put((UUID) x[0], new TaskPerson((UUID) x[0], (String) x[1], Round.strings(x[2])));
            }
        }
        Map<UUID, String> codes = new HashMap<>();
        List<TaskView> out = new ArrayList<>();
        for (Object[] x : rows) {
            List<TaskPerson> members = new ArrayList<>();
            for (String s : (String[]) x[7]) {
                if (s != null && names.containsKey(UUID.fromString(s))) {
                    members.add(names.get(UUID.fromString(s)));
                }
            }
            TaskView v = new TaskView((UUID) x[0], (UUID) x[1], TaskKind.valueOf((String) x[2]), (UUID) x[3],
                    (String) x[4], (String) x[5], (UUID) x[6], members, (UUID) x[8], (Boolean) x[9],
                    TaskStatus.valueOf((String) x[10]), (String) x[11], Round.strings(x[12]), (String) x[13],
                    (String) x[14], Rows.instant(x[15]), ((Number) x[16]).longValue(), Rows.instant(x[17]));
            codes.put(v.id(), (String) x[18]);
            out.add(v);
        }
        return Page.of(out, lim, v -> Cursor.encode(v.urgent() ? "0" : "1", codes.get(v.id()), v.doorNumber(),
                v.id().toString()));
    }
}
