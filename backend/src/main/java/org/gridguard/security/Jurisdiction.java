package org.gridguard.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.hibernate.Session;

/**
 * The caller's jurisdiction, in one place: the area nodes they are assigned to (for the roles their token
 * carries), resolved once per request. Every repository filters with it: by materialised path for the area
 * tree, by community id (and grid cell) for operational tables. Admins see everything.
 */
@RequestScoped
public class Jurisdiction {

    /** One assigned node. */
    public record Scope(UUID assignmentId, String role, UUID nodeId, String kind, String code, String name, String path,
            UUID communityId) {
    }

    @Inject
    Caller caller;

    @Inject
    EntityManager em;
    @Inject
    CommunitiesUnder communitiesUnder;

    private List<Scope> scopes;
    private Set<UUID> communityIds;
    private Set<UUID> siteIds;

    public boolean isGlobal() {
        return caller.isAdmin();
    }

    /**
     * The caller's assignments, as a query of its own or as one arm of a caller's {@code union all}: columns (id,
     * community_id, path, node_id, name, role, kind, code); parameters: principal, roles ({@code text[]}), bound
     * with {@link #bind}. A hot path that reads its own rows in the same statement hands the rows over with
     * {@link #scope} and {@link #use} (temperature.CheckRepository, ADR 0017).
     */
    public static final String SCOPES_ARM = """
            select a.id, n.community_id, n.path, n.id, n.name, a.role, n.kind, n.code
            from assignment a join area_node n on n.id = a.node_id
            where a.principal = ? and a.role = any(?) and a.site_id is null""";

    /**
     * How many columns {@link #SCOPES_ARM} has, the ones {@link #scope} reads: a caller whose {@code union all} puts
     * the arm's {@code s.*} among other columns pads it to its own width with this, rather than counting by hand.
     */
    public static final int SCOPES_ARM_WIDTH = 8;

    /**
     * The communities that hold or lie under one of the caller's nodes (a superset of where the residents they see
     * live), as a subquery with {@link #SCOPES_ARM}'s parameters. It only lets a lookup on a column indexed after
     * {@code community_id} (a resident's ID-number hash) use its index in a statement that also reads the scopes; the
     * rows found still pass {@link #covers}.
     */
    public static final String COMMUNITIES_OF_SCOPES = """
            select c.id from assignment a join area_node n on n.id = a.node_id
              join area_node c on c.kind = 'COMMUNITY' and (c.path like n.path || '%' or n.path like c.path || '%')
            where a.principal = ? and a.role = any(?) and a.site_id is null""";

    public List<Scope> scopes() {
        if (scopes == null) {
            em.unwrap(Session.class).doWork(this::read);
        }
        return scopes;
    }

    /** True while this request has not read the caller's scopes. */
    public boolean unread() {
        return scopes == null;
    }

    /** Reads the caller's scopes on the given connection, unless known already. */
    public void read(Connection c) throws SQLException {
        if (scopes != null) {
            return;
        }
        List<Scope> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SCOPES_ARM)) {
            bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(scope(rs, 1));
                }
            }
        }
        use(list);
    }

    /** Binds {@link #SCOPES_ARM}'s parameters from position {@code first}; a caller without roles matches nothing. */
    public void bind(PreparedStatement ps, int first) throws SQLException {
        ps.setString(first, caller.name());
        ps.setArray(first + 1, ps.getConnection().createArrayOf("text", caller.roles().toArray()));
    }

    /** One row of {@link #SCOPES_ARM}, its columns from position {@code first}. */
    public static Scope scope(ResultSet rs, int first) throws SQLException {
        return new Scope(rs.getObject(first, UUID.class), rs.getString(first + 5), rs.getObject(first + 3, UUID.class),
                rs.getString(first + 6), rs.getString(first + 7), rs.getString(first + 4), rs.getString(first + 2),
                rs.getObject(first + 1, UUID.class));
    }

    /** The rows of {@link #SCOPES_ARM} read for this request: the caller's scopes from now on (in path order). */
    public void use(List<Scope> rows) {
        List<Scope> list = new ArrayList<>(rows);
        list.sort(java.util.Comparator.comparing(Scope::path));
        scopes = List.copyOf(list);
    }

    /** Distinct path prefixes of the assigned nodes (a node's path ends with its own id and '/'). */
    public List<String> pathPrefixes() {
        Set<String> p = new LinkedHashSet<>();
        for (Scope s : scopes()) {
            p.add(s.path());
        }
        return List.copyOf(p);
    }

    /** Prefixes as SQL LIKE patterns, for {@code path like any(?)}. Never empty: no scope matches nothing. */
    public String[] likePatterns() {
        List<String> p = pathPrefixes();
        if (p.isEmpty()) {
            return new String[] { "/nothing/" };
        }
        return p.stream().map(s -> s + "%").toArray(String[]::new);
    }

    /** Communities the caller sees into (wholly or partly). Not meaningful for admins: check isGlobal first. */
    public Set<UUID> communityIds() {
        if (communityIds == null) {
            Set<UUID> ids = new HashSet<>();
            List<String> above = new ArrayList<>();
            for (Scope s : scopes()) {
                if (s.communityId() != null) {
                    ids.add(s.communityId());
                } else {
                    above.add(s.path() + "%");
                }
            }
            if (!above.isEmpty()) {
                ids.addAll(communitiesUnder.of(above));
            }
            communityIds = Set.copyOf(ids);
        }
        return communityIds;
    }

    /** True if the node at {@code path} is one of the caller's nodes or below one. */
    public boolean covers(String path) {
        if (isGlobal()) {
            return true;
        }
        for (Scope s : scopes()) {
            if (path.startsWith(s.path())) {
                return true;
            }
        }
        return false;
    }

    /** True if the node is covered, or is an ancestor of one of the caller's nodes (context they may see). */
    public boolean overlaps(String path) {
        if (covers(path)) {
            return true;
        }
        for (Scope s : scopes()) {
            if (s.path().startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    /** Covered through an assignment of one of the given roles. */
    public boolean coversAs(String path, Collection<String> roles) {
        if (isGlobal()) {
            return true;
        }
        for (Scope s : scopes()) {
            if (roles.contains(s.role()) && path.startsWith(s.path())) {
                return true;
            }
        }
        return false;
    }

    /** Ids of every node on the caller's scope paths above their assigned nodes (for tree context). */
    public Set<UUID> ancestorIds() {
        Set<UUID> ids = new HashSet<>();
        for (Scope s : scopes()) {
            for (String part : s.path().split("/")) {
                if (!part.isEmpty()) {
                    ids.add(UUID.fromString(part));
                }
            }
        }
        return ids;
    }

    /**
     * The central isolation sites (checkpoints of kind QUARANTINE_SITE) the caller works at as site staff: the
     * whole reach of a site-staff role, which gives no area (ADR 0032). Empty for every other caller.
     */
    public Set<UUID> siteIds() {
        if (siteIds == null) {
            if (!caller.hasRole(Roles.SITE_STAFF)) {
                siteIds = Set.of();
            } else {
                @SuppressWarnings("unchecked")
                List<UUID> rows = em.createNativeQuery(
                        "select site_id from assignment where principal = ?1 and role = ?2 and site_id is not null")
                        .setParameter(1, caller.name()).setParameter(2, Roles.SITE_STAFF).getResultList();
                siteIds = Set.copyOf(rows);
            }
        }
        return siteIds;
    }

    /** Throws 404 (never confirming existence) unless the node at {@code path} is visible. */
    public void requireVisible(String path, String what) {
        if (!overlaps(path)) {
            throw ApiProblem.notFound(what);
        }
    }
}
