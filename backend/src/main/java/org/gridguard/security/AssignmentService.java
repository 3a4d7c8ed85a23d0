package org.gridguard.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.security.SecurityViews.AssignmentView;
import org.gridguard.security.SecurityViews.JurisdictionEntry;
import org.gridguard.security.SecurityViews.Me;
import org.gridguard.security.SecurityViews.NewAssignment;

/**
 * Jurisdiction management. Admins assign anyone anywhere; supervisors assign leaders and workers inside
 * their community; leaders assign workers to the grid cells of their zone.
 */
@ApplicationScoped
public class AssignmentService {

    /** Which node kinds each role is assigned to. */
    static final Map<String, List<String>> KINDS = Map.of(
            Roles.SUPERVISOR, List.of("DISTRICT", "STREET", "COMMUNITY"),
            Roles.LEADER, List.of("ZONE", "GRID_CELL"),
            Roles.WORKER, List.of("GRID_CELL"),
            Roles.AGENCY, List.of("DISTRICT", "STREET", "COMMUNITY", "ZONE", "GRID_CELL"));

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;

    @Transactional
    public Me me() {
        List<JurisdictionEntry> entries = jurisdiction.scopes().stream()
                .map(s -> new JurisdictionEntry(s.assignmentId(), s.role(), s.nodeId(), s.kind(), s.code(), s.name()))
                .toList();
        return new Me(caller.name(), caller.type(), caller.roles(), entries,
                jurisdiction.isGlobal() ? java.util.Set.of() : jurisdiction.communityIds(), jurisdiction.isGlobal(),
                jurisdiction.siteIds());
    }

    /** The roles the caller may hand out, and where. */
    private void requireGrantable(String role, String nodePath) {
        if (caller.isAdmin()) {
            return;
        }
        List<String> asRoles = switch (role) {
            case Roles.WORKER -> List.of(Roles.SUPERVISOR, Roles.LEADER);
            case Roles.LEADER -> List.of(Roles.SUPERVISOR);
            default -> List.of();
        };
        if (asRoles.isEmpty()) {
            throw ApiProblem.forbidden("Only admins assign the role " + role);
        }
        if (!jurisdiction.coversAs(nodePath, asRoles)) {
            throw ApiProblem.forbidden("You may assign " + role + " only inside your own area");
        }
    }

    private Object[] node(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, name, path from area_node where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty() || !jurisdiction.overlaps((String) rows.get(0)[3])) {
            return null;
        }
        return rows.get(0);
    }

    @Transactional
    public Idempotency.Outcome<AssignmentView> create(NewAssignment req, String key) {
        return idempotency.once(caller.name(), key, "ASSIGNMENT", req, AssignmentView.class, () -> {
            UUID nodeId = placeOf(req);
            Object[] n = node(nodeId);
            if (n == null) {
                throw ApiProblem.invalid("nodeId", "no such area node");
            }
            String kind = (String) n[1];
            if (req.siteId() == null && !KINDS.get(req.role()).contains(kind)) {
                throw ApiProblem.invalid("nodeId", "a " + req.role() + " is assigned to a " + String.join(" or ", KINDS.get(req.role()))
                        + ", not a " + kind);
            }
            if (req.role().equals(Roles.AGENCY) != (req.principalType() == Caller.Type.CLIENT)) {
                throw ApiProblem.invalid("principalType", req.role().equals(Roles.AGENCY)
                        ? "agencies are partner clients (CLIENT)" : "people are USER principals");
            }
            requireGrantable(req.role(), (String) n[3]);
            var same = em.createNativeQuery("select id from assignment where principal = ?1 and role = ?2 and node_id = ?3"
                    + (req.siteId() == null ? " and site_id is null" : " and site_id = ?4"))
                    .setParameter(1, req.principal().trim()).setParameter(2, req.role()).setParameter(3, nodeId);
            if (req.siteId() != null) {
                same.setParameter(4, req.siteId());
            }
            @SuppressWarnings("unchecked")
            List<UUID> existing = same.getResultList();
            if (!existing.isEmpty()) {
                throw ApiProblem.conflict(req.principal() + " already has this assignment",
                        Map.of("existingId", existing.get(0)));
            }
            Assignment a = new Assignment();
            a.id = UUID.randomUUID();
            a.principal = req.principal().trim();
            a.principalType = req.principalType();
            a.role = req.role();
            a.nodeId = nodeId;
            a.siteId = req.siteId();
            a.createdBy = caller.name();
            a.createdAt = clock.instant();
            a.persist();
            return new Idempotency.Outcome<>(view(a, n), a.id, false);
        });
    }

    private static AssignmentView view(Assignment a, Object[] node) {
        return new AssignmentView(a.id, a.principal, a.principalType, a.role, a.nodeId, (String) node[2], (String) node[1],
                a.createdBy, a.createdAt, a.siteId);
    }

    /**
     * The node of a new assignment: the one asked for, or for site staff the node their site guards (ADR 0032: a
     * site-staff row names its site and gives no reach into that node).
     */
    private UUID placeOf(NewAssignment req) {
        boolean site = Roles.SITE_STAFF.equals(req.role());
        if (!site) {
            if (req.siteId() != null) {
                throw ApiProblem.invalid("siteId", "only a site-staff assignment names a site");
            }
            if (req.nodeId() == null) {
                throw ApiProblem.invalid("nodeId", "must not be null");
            }
            return req.nodeId();
        }
        if (req.siteId() == null) {
            throw ApiProblem.invalid("siteId", "a site-staff assignment names its central isolation site");
        }
        @SuppressWarnings("unchecked")
        List<UUID> guards = em.createNativeQuery(
                "select guards_node_id from checkpoint where id = ?1 and kind = 'QUARANTINE_SITE'")
                .setParameter(1, req.siteId()).getResultList();
        if (guards.isEmpty()) {
            throw ApiProblem.invalid("siteId", "no such central isolation site");
        }
        if (req.nodeId() != null && !req.nodeId().equals(guards.get(0))) {
            throw ApiProblem.invalid("nodeId", "a site-staff assignment is placed at the node its site guards; omit nodeId");
        }
        return guards.get(0);
    }

    @Transactional
    public Page<AssignmentView> list(UUID nodeId, String principal, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        StringBuilder sql = new StringBuilder("""
                select a.id, a.principal, a.principal_type, a.role, a.node_id, n.name, n.kind, a.created_by, a.created_at,
                       a.site_id
                from assignment a join area_node n on n.id = a.node_id where 1 = 1""");
        Map<String, Object> p = new HashMap<>();
        if (!jurisdiction.isGlobal()) {
            sql.append(" and n.path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
        if (nodeId != null) {
            sql.append(" and a.node_id = :node");
            p.put("node", nodeId);
        }
        if (principal != null && !principal.isBlank()) {
            sql.append(" and a.principal = :principal");
            p.put("principal", principal.trim());
        }
        if (c != null) {
            sql.append(" and cast(a.id as text) > :after");
            p.put("after", c.get(0));
        }
        sql.append(" order by cast(a.id as text) limit :lim");
        p.put("lim", lim + 1);
        List<Object[]> rows = Rows.list(em, sql, p);
        List<AssignmentView> views = new ArrayList<>();
        for (Object[] r : rows) {
            views.add(new AssignmentView((UUID) r[0], (String) r[1], Caller.Type.valueOf((String) r[2]), (String) r[3],
                    (UUID) r[4], (String) r[5], (String) r[6], (String) r[7],
                    r[8] instanceof java.time.Instant i ? i : ((java.time.OffsetDateTime) r[8]).toInstant(), (UUID) r[9]));
        }
        return Page.of(views, lim, v -> Cursor.encode(v.id().toString()));
    }

    @Transactional
    public void delete(UUID id) {
        Assignment a = Assignment.findById(id);
        Object[] n = a == null ? null : node(a.nodeId);
        if (n == null || (!jurisdiction.isGlobal() && !jurisdiction.covers((String) n[3]))) {
            throw ApiProblem.notFound("Assignment");
        }
        requireGrantable(a.role, (String) n[3]);
        if (!caller.isAdmin() && a.principal.equals(caller.name())) {
            throw ApiProblem.forbidden("You cannot remove your own assignment");
        }
        a.delete();
    }

    /**
     * Who holds a role at each of these area nodes, by assignment to the node or to a node above it: the
     * handlers of an alert, the leaders of a cell. Answers area id → role → principals, sorted.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Map<String, List<String>>> holders(java.util.Collection<UUID> areaIds, java.util.Collection<String> roles) {
        Map<UUID, Map<String, List<String>>> out = new HashMap<>();
        if (areaIds.isEmpty() || roles.isEmpty()) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select distinct x.id, a.role, a.principal from area_node x
                join area_node n on x.path like n.path || '%'
                join assignment a on a.node_id = n.id and a.role = any(?2)
                where x.id = any(?1) order by 3""").setParameter(1, areaIds.toArray(UUID[]::new))
                .setParameter(2, roles.toArray(String[]::new)).getResultList()) {
            out.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).computeIfAbsent((String) r[1], k -> new ArrayList<>())
                    .add((String) r[2]);
        }
        return out;
    }

    /** True if anybody is assigned to the node itself (an area with assignments is not deleted). */
    public boolean anyAssignedAt(UUID nodeId) {
        return ((Number) em.createNativeQuery("select count(*) from assignment where node_id = ?1").setParameter(1, nodeId)
                .getSingleResult()).longValue() > 0;
    }
}
