package org.gridguard.duty;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.gridguard.common.ApiProblem;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

/**
 * Jurisdiction for duty data, in one place. A shift or pattern belongs to its checkpoint's guarded node; a
 * person to their home area (the repositories of each aggregate apply these rules to their rows). People see what overlaps their jurisdiction (plus the shifts they stand);
 * leaders and supervisors manage what their nodes cover; admins everything.
 */
@RequestScoped
public class DutyScope {

    static final List<String> MANAGERS = List.of(Roles.SUPERVISOR, Roles.LEADER);

    /** A checkpoint with the path of the node it guards. */
    public record Post(UUID id, String code, String name, UUID communityId, UUID guardsNodeId, String guardPath,
            boolean watched24h) {
    }

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    AreaRepository areas;

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    public String name() {
        return caller.name();
    }

    public boolean canManage(String path) {
        return jurisdiction.isGlobal() || jurisdiction.coversAs(path, MANAGERS);
    }

    public boolean canSee(String path) {
        return jurisdiction.overlaps(path);
    }

    /** Throws 404 when the caller cannot see the path, 403 when they see it but may not manage it. */
    public void requireManage(String path, String what) {
        if (canManage(path)) {
            return;
        }
        if (canSee(path)) {
            throw ApiProblem.forbidden("Only the leaders of this area may change its " + what);
        }
        throw ApiProblem.notFound(what);
    }

    public AreaNode area(UUID id) {
        return areas.visible(id).orElseThrow(() -> ApiProblem.notFound("Area node"));
    }

    public String areaPath(UUID id) {
        AreaNode n = areas.findById(id);
        return n == null ? null : n.path;
    }

    /** The columns of a {@link Post}: checkpoint {@code c} and the node {@code g} it guards. */
    private static final String POSTS = """
            select c.id, c.code, c.name, c.community_id, c.guards_node_id, g.path, c.watched_24h
            from checkpoint c join area_node g on g.id = c.guards_node_id""";

    private static Post post(Object[] r) {
        return new Post((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (UUID) r[4], (String) r[5],
                (Boolean) r[6]);
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, Post> posts(Collection<UUID> checkpointIds) {
        Map<UUID, Post> out = new HashMap<>();
        if (checkpointIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery(POSTS + " where c.id = any(?1)")
                .setParameter(1, checkpointIds.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            out.put((UUID) r[0], post(r));
        }
        return out;
    }

    public Post post(UUID checkpointId) {
        Post p = posts(List.of(checkpointId)).get(checkpointId);
        if (p == null || !canSee(p.guardPath())) {
            throw ApiProblem.notFound("Checkpoint");
        }
        return p;
    }

    /** Checkpoints guarding the area or nodes inside it (the posts an area's leader rosters). */
    @SuppressWarnings("unchecked")
    public List<Post> postsInside(String areaPath) {
        List<Object[]> rows = em.createNativeQuery(POSTS + " where g.path like ?1 order by c.code")
                .setParameter(1, areaPath + "%").getResultList();
        return rows.stream().map(DutyScope::post).toList();
    }

    /** SQL condition: the checkpoint's guarded node {@code g} is visible, or the caller stands the shift {@code s}. */
    public String visibleShiftSql(Map<String, Object> p) {
        if (jurisdiction.isGlobal()) {
            return "true";
        }
        p.put("vpatterns", jurisdiction.likePatterns());
        p.put("vancestors", jurisdiction.ancestorIds().toArray(UUID[]::new));
        p.put("vme", caller.name());
        return "(g.path like any(cast(:vpatterns as text[])) or g.id = any(cast(:vancestors as uuid[]))"
                + " or exists (select 1 from duty_assignee va join duty_person vp on vp.id = va.person_id"
                + " where va.shift_id = s.id and vp.username = :vme))";
    }

    /** SQL condition on a person {@code h} (their home area node): visible to the caller. */
    public String visiblePersonSql(Map<String, Object> p) {
        if (jurisdiction.isGlobal()) {
            return "true";
        }
        p.put("ppatterns", jurisdiction.likePatterns());
        p.put("pancestors", jurisdiction.ancestorIds().toArray(UUID[]::new));
        p.put("pme", caller.name());
        return "(h.path like any(cast(:ppatterns as text[])) or h.id = any(cast(:pancestors as uuid[])) or dp.username = :pme)";
    }

    /** Roles that look after others (see everyone in their jurisdiction), as opposed to workers who see themselves. */
    public boolean overseer() {
        return jurisdiction.isGlobal() || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.LEADER)
                || caller.hasRole(Roles.AGENCY);
    }
}
