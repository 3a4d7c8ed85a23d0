package org.gridguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;
import org.gridguard.testing.TestingViews.Mode;
import org.gridguard.testing.TestingViews.NewRound;
import org.gridguard.testing.TestingViews.RoundPatch;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.RoundView;
import org.gridguard.testing.TestingViews.ScopeNode;
import org.gridguard.testing.TestingViews.Transition;

/**
 * Rounds (planned → sampling → closed): creation over a scope, edits while planned, the lifecycle. Opening a round
 * for sampling lists bed-ridden and quarantined residents for door-to-door sampling automatically
 * ({@link TaskRepository#AT_HOME_SQL}). Exemptions, sites and tasks have services of their own.
 */
@ApplicationScoped
public class RoundService {

    public static final String ENTITY = "TEST_ROUND";
    /** Residents who cannot come to a central site: sampled at home. */
    public static final String[] AT_HOME = { CensusPeople.BED_RIDDEN, CensusPeople.CLOSE_CONTACT,
            CensusPeople.SECONDARY_CONTACT };

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;
    @Inject
    TaskRepository tasks;
    @Inject
    TubeRepository tubes;
    @Inject
    ChangeLog changes;
    @Inject
    CoverageRollup coverage;

    record Area(UUID id, String kind, String name, String path, UUID communityId) {
    }

    Area area(UUID id) {
        return rounds.area(id);
    }

    // ---------- rounds ----------

    @Transactional
    public Idempotency.Outcome<RoundView> create(NewRound req) {
        List<Area> scope = scope(req.scope());
        checkRound(req.samplingFrom(), req.samplingTo(), req.poolSize(), req.modes());
        Set<UUID> communities = communities(scope);
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        Optional<Idempotency.Outcome<RoundView>> replay = replay(id, req);
        if (replay.isPresent()) {
            return replay.get();
        }
        rounds.insert(id, req, scope, communities, labs(req.labs()), caller.name(), clock.instant());
        Round r = rounds.byId(id).orElseThrow();
        // counted from the start: a planned round shows whom it expects, never a current-looking zero (issue 27)
        coverage.markAllDirty(r);
        changes.record(ENTITY, id, communities.isEmpty() ? null : communities.iterator().next(), scope.get(0).path(),
                ChangeLog.Op.UPSERT);
        return new Idempotency.Outcome<>(view(r), id, false);
    }

    /** The scope's nodes in id order, each one the caller supervises, else 404. */
    private List<Area> scope(List<UUID> ids) {
        List<Area> scope = new ArrayList<>();
        for (UUID id : new TreeSet<>(ids)) {
            Area a = area(id);
            if (!jurisdiction.coversAs(a.path(), List.of(Roles.SUPERVISOR))) {
                throw ApiProblem.notFound("Area node");
            }
            scope.add(a);
        }
        return scope;
    }

    /** The communities of the scope: its community nodes and those below its nodes above communities. */
    private Set<UUID> communities(List<Area> scope) {
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
            communities.addAll(rounds.communitiesBelow(above));
        }
        return communities;
    }

    /** A retried creation answers the round made the first time; another round with this id is 409. */
    private Optional<Idempotency.Outcome<RoundView>> replay(UUID id, NewRound req) {
        var existing = rounds.byId(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Round r = existing.get();
        if (r.createdBy().equals(caller.name()) && r.name().equals(req.name().trim())) {
            return Optional.of(new Idempotency.Outcome<>(view(r), id, true));
        }
        throw ApiProblem.conflict("A round with this id already exists");
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
        rounds.patch(id, p, from, to, p.labs() == null ? null : labs(p.labs()), clock.instant());
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
        rounds.status(id, t.to(), now);
        if (t.to() == RoundStatus.SAMPLING && r.modes().contains(Mode.DOOR_TO_DOOR)) {
            tasks.listAtHome(r, now);
        }
        if (t.to() == RoundStatus.CLOSED) {
            tubes.closeOpen(id, now);
        }
        coverage.markAllDirty(r);
        return changed(r);
    }

    RoundView view(Round r) {
        Map<UUID, ScopeNode> byId = rounds.scopeNodes(r.scopeIds());
        List<ScopeNode> scope = r.scopeIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        UUID previous = rounds.previous(r).map(Round::id).orElse(null);
        return new RoundView(r.id(), r.name(), scope, r.roundDate(), r.samplingFrom(), r.samplingTo(), r.modes(),
                r.poolSize(), r.labs(), r.status(), r.startedAt(), r.closedAt(), previous, r.version(), r.createdBy(),
                r.createdAt());
    }
}
