package org.gridguard.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;
import org.gridguard.testing.RoundService.Area;
import org.gridguard.testing.TestingViews.NewRound;
import org.gridguard.testing.TestingViews.RoundPatch;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.ScopeNode;

/**
 * Every query of test rounds, with the caller's reach applied in one place: people see rounds whose scope
 * overlaps their jurisdiction (above or below), a lab sees the rounds assigned to it. Anything else is 404. Also
 * the reach of rows hanging off a grid cell ({@link #cellFilter}) and the area nodes a round is planned over.
 */
@ApplicationScoped
public class RoundRepository {

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;

    /** " and (…)" limiting alias r to the caller's rounds; empty for admins. */
    String filter(Map<String, Object> p) {
        if (jurisdiction.isGlobal()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (caller.hasRole(Roles.LAB)) {
            parts.add("cast(:lab as text) = any(r.labs)");
            p.put("lab", caller.name());
        }
        List<String> mine = jurisdiction.scopes().stream().filter(s -> !s.role().equals(Roles.LAB)).map(s -> s.path())
                .distinct().toList();
        if (!mine.isEmpty()) {
            parts.add("exists (select 1 from unnest(r.scope_paths) sp, unnest(cast(:mine as text[])) m"
                    + " where sp like m || '%' or m like sp || '%')");
            p.put("mine", mine.toArray(String[]::new));
        }
        if (parts.isEmpty()) {
            return " and false";
        }
        return " and (" + String.join(" or ", parts) + ")";
    }

    /**
     * {@link #filter} for a round read with other rows in a statement of its own (the sampling hot path, ADR 0020):
     * may the caller see a round over these scope paths, assigned to these labs?
     */
    boolean visible(List<String> scopePaths, List<String> labs) {
        if (jurisdiction.isGlobal() || caller.hasRole(Roles.LAB) && labs.contains(caller.name())) {
            return true;
        }
        for (Jurisdiction.Scope s : jurisdiction.scopes()) {
            if (!s.role().equals(Roles.LAB)) {
                for (String sp : scopePaths) {
                    if (sp.startsWith(s.path()) || s.path().startsWith(sp)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Unfiltered (scheduled work, internal follow-ups). */
    Optional<Round> byId(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + Round.COLUMNS + " from test_round r where r.id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(Round::of);
    }

    /** The round if the caller may see it, else 404. */
    Round visible(UUID id) {
        return find(id, false);
    }

    /** The round locked for update, if the caller may see it, else 404. */
    Round visibleForUpdate(UUID id) {
        return find(id, true);
    }

    private Round find(UUID id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        String sql = "select " + Round.COLUMNS + " from test_round r where r.id = :id" + filter(p)
                + (lock ? " for update" : "");
        p.put("id", id);
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().findFirst().map(Round::of).orElseThrow(() -> ApiProblem.notFound("Test round"));
    }

    /**
     * A visible round, the previous round over the same scope ({@link #previous}), the area node asked about and the
     * grid cell holding it (itself, or null above cells), and how old the round's rollup is.
     */
    record WithPrevious(Round round, Optional<Round> previous, RoundService.Area area, UUID cell, Age age) {
    }

    /**
     * How old a round's rollup is: everything committed before {@code asOf} is counted (the oldest change still
     * queued, or the read itself when none is), as read at {@code readAt} (database time, like the queue's).
     */
    record Age(Instant asOf, Instant readAt) {
        long lagSeconds() {
            return Math.max(0, Duration.between(asOf, readAt).toSeconds());
        }
    }

    static final UUID NO_AREA = new UUID(0, 0);

    /**
     * {@link WithPrevious} in one statement on the caller's connection, with the caller's scopes when this request has
     * not read them: the statement reads every row {@link #filter} would, and {@link #visible} then applies it (the
     * coverage read, ADR 0022). 404 if the round is not visible, then if the area does not exist.
     */
    WithPrevious visibleWithPrevious(Connection c, UUID id, UUID areaId) throws SQLException {
        boolean withScopes = !jurisdiction.isGlobal() && jurisdiction.unread();
        String sql = "select " + Round.COLUMNS + ", " + Round.COLUMNS.replace("r.", "pr.")
                + ", a.id, a.kind, a.name, a.path, a.community_id, cell.id, age.as_of, age.read_at"
                + (withScopes ? ", s.*" : "")
                + " from test_round r"
                + " left join lateral (select * from test_round q where q.scope_key = r.scope_key and q.id <> r.id"
                + " and q.status <> 'PLANNED' and (q.round_date, q.created_at) < (r.round_date, r.created_at)"
                + " order by q.round_date desc, q.created_at desc limit 1) pr on true"
                + " left join area_node a on a.id = ?"
                + " left join area_node cell on cell.kind = 'GRID_CELL'"
                + " and cell.id = any(cast(string_to_array(trim(both '/' from a.path), '/') as uuid[]))"
                // read before the rollup rows (the next statement): what is counted there is at least as new
                + " cross join lateral (select coalesce(" + CoverageRollup.oldestQueued("r.id")
                + ", statement_timestamp()) as as_of, statement_timestamp() as read_at) age"
                + (withScopes ? " left join (" + Jurisdiction.SCOPES_ARM + ") s on true" : "") + " where r.id = ?";
        int k = Round.WIDTH, scopeAt = 2 * k + 9;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setObject(i++, areaId == null ? NO_AREA : areaId);
            if (withScopes) {
                jurisdiction.bind(ps, i);
                i += 2;
            }
            ps.setObject(i, id);
            Object[] round = null, prev = null, a = null;
            List<Jurisdiction.Scope> scopes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (round == null) {
                        round = Jdbc.values(rs, 1, k);
                        prev = Jdbc.values(rs, k + 1, k);
                        a = Jdbc.values(rs, 2 * k + 1, 8);
                    }
                    if (withScopes && rs.getObject(scopeAt) != null) {
                        scopes.add(Jurisdiction.scope(rs, scopeAt));
                    }
                }
            }
            if (round == null) {
                throw ApiProblem.notFound("Test round");
            }
            if (withScopes) {
                jurisdiction.use(scopes);
            }
            Round r = Round.of(round);
            if (!visible(r.scopePaths(), r.labs())) {
                throw ApiProblem.notFound("Test round");
            }
            RoundService.Area area = a[0] == null ? null
                    : new RoundService.Area((UUID) a[0], (String) a[1], (String) a[2], (String) a[3], (UUID) a[4]);
            if (areaId != null && area == null) {
                throw ApiProblem.notFound("Area node");
            }
            return new WithPrevious(r, prev[0] == null ? Optional.empty() : Optional.of(Round.of(prev)), area, (UUID) a[5],
                    new Age(Rows.instant(a[6]), Rows.instant(a[7])));
        }
    }

    /** For a lab: the round only if it is assigned to the calling lab client. */
    Round assignedToLab(UUID id) {
        Round r = byId(id).orElseThrow(() -> ApiProblem.notFound("Test round"));
        if (!r.labs().contains(caller.name())) {
            throw ApiProblem.notFound("Test round");
        }
        return r;
    }

    /** A round that takes samples now: visible and in SAMPLING, else 404/409. */
    Round sampling(UUID id) {
        Round r = visible(id);
        if (r.status() != RoundStatus.SAMPLING) {
            throw notSampling(r.status());
        }
        return r;
    }

    static ApiProblem notSampling(RoundStatus status) {
        return new ApiProblem(409, "round-not-sampling", "Round not sampling",
                "The round is " + status + ": samples are taken only while it is SAMPLING");
    }

    @SuppressWarnings("unchecked")
    List<Round> list(RoundStatus status, UUID areaId, String areaPath, String afterCreated, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select " + Round.COLUMNS + " from test_round r where 1 = 1");
        sql.append(filter(p));
        if (status != null) {
            sql.append(" and r.status = :status");
            p.put("status", status.name());
        }
        if (areaPath != null) {
            sql.append(" and exists (select 1 from unnest(r.scope_paths) sp where sp like :ap or :ap2 like sp || '%')");
            p.put("ap", areaPath + "%");
            p.put("ap2", areaPath);
        }
        if (afterId != null) {
            sql.append(" and (r.round_date, r.id) < (cast(:ad as date), :aid)");
            p.put("ad", afterCreated);
            p.put("aid", afterId);
        }
        sql.append(" order by r.round_date desc, r.id desc limit :lim");
        p.put("lim", limit + 1);
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        return ((List<Object[]>) q.getResultList()).stream().map(Round::of).toList();
    }

    /** The round before this one over the same scope (by date, then creation). */
    Optional<Round> previous(Round r) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + Round.COLUMNS + " from test_round r"
                + " where r.scope_key = ?1 and r.id <> ?2 and r.status <> 'PLANNED'"
                + " and (r.round_date, r.created_at) < (?3, ?4) order by r.round_date desc, r.created_at desc limit 1")
                .setParameter(1, r.scopeKey()).setParameter(2, r.id()).setParameter(3, r.roundDate())
                .setParameter(4, r.createdAt()).getResultList();
        return rows.stream().findFirst().map(Round::of);
    }

    // ---------- area nodes of a round's scope ----------

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

    /** The communities below these LIKE patterns (scope nodes above communities). */
    @SuppressWarnings("unchecked")
    List<UUID> communitiesBelow(List<String> above) {
        return em.createNativeQuery(
                "select id from area_node where kind = 'COMMUNITY' and path like any(cast(?1 as text[]))")
                .setParameter(1, above.toArray(String[]::new)).getResultList();
    }

    /** The scope nodes of a round by id (those that still exist). */
    Map<UUID, ScopeNode> scopeNodes(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> nodes = em.createNativeQuery("select id, kind, name from area_node where id = any(cast(?1 as uuid[]))")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        Map<UUID, ScopeNode> byId = new HashMap<>();
        for (Object[] n : nodes) {
            byId.put((UUID) n[0], new ScopeNode((UUID) n[0], (String) n[1], (String) n[2]));
        }
        return byId;
    }

    // ---------- writes ----------

    /** A new planned round over {@code scope} (checked by the service). */
    void insert(UUID id, NewRound req, List<Area> scope, Collection<UUID> communities, String[] labs, String by,
            Instant now) {
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
                .setParameter(11, req.poolSize()).setParameter(12, labs)
                .setParameter(13, by).setParameter(14, now).executeUpdate();
    }

    /** The patch of a planned round; {@code from} and {@code to} are the resulting sampling window. */
    void patch(UUID id, RoundPatch p, Instant from, Instant to, String[] labs, Instant now) {
        em.createNativeQuery("""
                update test_round set name = coalesce(?2, name), round_date = coalesce(?3, round_date),
                  sampling_from = ?4, sampling_to = ?5, modes = coalesce(cast(?6 as text[]), modes),
                  pool_size = coalesce(?7, pool_size), labs = coalesce(cast(?8 as text[]), labs),
                  version = version + 1, updated_at = ?9 where id = ?1""")
                .setParameter(1, id).setParameter(2, p.name() == null ? null : p.name().trim())
                .setParameter(3, p.roundDate()).setParameter(4, from).setParameter(5, to)
                .setParameter(6, p.modes() == null ? null : p.modes().stream().distinct().map(Enum::name).toArray(String[]::new))
                .setParameter(7, p.poolSize()).setParameter(8, labs)
                .setParameter(9, now).executeUpdate();
    }

    /** The round's new status, stamping when sampling started or the round closed. */
    void status(UUID id, RoundStatus to, Instant now) {
        em.createNativeQuery("""
                update test_round set status = ?2, started_at = case when ?2 = 'SAMPLING' then ?3 else started_at end,
                  closed_at = case when ?2 = 'CLOSED' then ?3 else closed_at end, version = version + 1, updated_at = ?3
                where id = ?1""").setParameter(1, id).setParameter(2, to.name()).setParameter(3, now).executeUpdate();
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
}
