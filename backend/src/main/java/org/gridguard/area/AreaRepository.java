package org.gridguard.area;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.security.CommunitiesUnder;
import org.gridguard.security.Jurisdiction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.gridguard.common.Port;

/** Every query of the area tree, with the caller's jurisdiction applied. */
@Port
@ApplicationScoped
public class AreaRepository implements PanacheRepositoryBase<AreaNode, UUID> {

    @Inject
    Jurisdiction jurisdiction;
    @Inject
    CommunitiesUnder communitiesUnder;

    /** A node the caller may see: in their jurisdiction, or an ancestor of it (for context). */
    public Optional<AreaNode> visible(UUID id) {
        return findByIdOptional(id).filter(n -> jurisdiction.overlaps(n.path));
    }

    /** A node inside the caller's jurisdiction (their node or below). */
    public Optional<AreaNode> covered(UUID id) {
        return findByIdOptional(id).filter(n -> jurisdiction.covers(n.path));
    }

    /** Nodes in the caller's jurisdiction, keyset-paged by code. */
    @SuppressWarnings("unchecked")
    public List<AreaNode> list(AreaKind kind, UUID parentId, String q, String afterCode, int limit) {
        StringBuilder sql = new StringBuilder("select * from area_node where 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (!jurisdiction.isGlobal()) {
            sql.append(" and path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
            p.put("kind", kind.name());
        }
        if (parentId != null) {
            sql.append(" and parent_id = :parent");
            p.put("parent", parentId);
        }
        if (q != null && !q.isBlank()) {
            sql.append(" and (strpos(lower(name), :q) > 0 or strpos(lower(code), :q) > 0)");
            p.put("q", q.toLowerCase());
        }
        if (afterCode != null) {
            sql.append(" and code > :after");
            p.put("after", afterCode);
        }
        sql.append(" order by code limit :lim");
        p.put("lim", limit + 1);
        var query = getEntityManager().createNativeQuery(sql.toString(), AreaNode.class);
        p.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The caller's subtree(s) down to {@code maxKind}, plus the ancestors of their nodes as context. */
    @SuppressWarnings("unchecked")
    public List<AreaNode> tree(String rootPath, AreaKind maxKind, int cap) {
        List<String> kinds = new ArrayList<>();
        for (AreaKind k : AreaKind.values()) {
            if (k.ordinal() <= maxKind.ordinal()) {
                kinds.add(k.name());
            }
        }
        StringBuilder sql = new StringBuilder("select * from area_node where kind = any(cast(:kinds as text[]))");
        Map<String, Object> p = new HashMap<>();
        p.put("kinds", kinds.toArray(String[]::new));
        if (rootPath != null) {
            sql.append(" and path like :root");
            p.put("root", rootPath + "%");
        }
        if (!jurisdiction.isGlobal()) {
            sql.append(" and (path like any(cast(:patterns as text[])) or id = any(cast(:ancestors as uuid[])))");
            p.put("patterns", jurisdiction.likePatterns());
            p.put("ancestors", jurisdiction.ancestorIds().toArray(UUID[]::new));
        }
        sql.append(" order by path limit :lim");
        p.put("lim", cap + 1);
        var query = getEntityManager().createNativeQuery(sql.toString(), AreaNode.class);
        p.forEach(query::setParameter);
        return query.getResultList();
    }

    public long countChildren(UUID id) {
        return count("parentId", id);
    }

    public boolean codeTaken(String code, UUID exceptId) {
        return count("code = ?1 and id <> ?2", code, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    /** Compounds and buildings below each grid cell: [compounds, buildings]. */
    @SuppressWarnings("unchecked")
    public Map<UUID, long[]> structureCounts(Collection<UUID> cellIds) {
        Map<UUID, long[]> out = new HashMap<>();
        if (cellIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select c.id, count(d.id) filter (where d.kind = 'COMPOUND'), count(d.id) filter (where d.kind = 'BUILDING')
                from area_node c left join area_node d on d.path like c.path || '%' and d.id <> c.id
                where c.id = any(?1) group by c.id""").setParameter(1, cellIds.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            out.put((UUID) r[0], new long[] { ((Number) r[1]).longValue(), ((Number) r[2]).longValue() });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, Long> checkpointCounts(Collection<UUID> cellIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (cellIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select c.id, count(k.id) from area_node c
                join area_node g on g.path like c.path || '%'
                join checkpoint k on k.guards_node_id = g.id
                where c.id = any(?1) group by c.id""").setParameter(1, cellIds.toArray(UUID[]::new)).getResultList();
        for (Object[] r : rows) {
            out.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    /** Principals assigned with {@code role} to each cell or to an ancestor of it. */
    @SuppressWarnings("unchecked")
    public Map<UUID, List<String>> principalsByCell(Collection<UUID> cellIds, String role, boolean includeAncestors) {
        Map<UUID, List<String>> out = new HashMap<>();
        if (cellIds.isEmpty()) {
            return out;
        }
        String join = includeAncestors ? "c.path like n.path || '%'" : "n.id = c.id";
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select distinct c.id, a.principal from area_node c
                join area_node n on %s
                join assignment a on a.node_id = n.id and a.role = ?2
                where c.id = any(?1) order by 2""".formatted(join))
                .setParameter(1, cellIds.toArray(UUID[]::new)).setParameter(2, role).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return out;
    }

    public Map<UUID, AreaNode> byIds(Collection<UUID> ids) {
        Map<UUID, AreaNode> out = new HashMap<>();
        if (!ids.isEmpty()) {
            for (AreaNode n : list("id in ?1", ids)) {
                out.put(n.id, n);
            }
        }
        return out;
    }

    /** A community was created or deleted: the communities under every node are counted again (this instance). */
    public void communitiesChanged() {
        communitiesUnder.forget();
    }

    /** Re-roots the paths of a moved subtree in one statement. */
    public void movePaths(String oldPath, String newPath) {
        communitiesUnder.forget();
        getEntityManager().createNativeQuery(
                "update area_node set path = ?2 || substring(path from ?3) where path like ?1")
                .setParameter(1, oldPath + "%").setParameter(2, newPath).setParameter(3, oldPath.length() + 1)
                .executeUpdate();
    }

    /** Reloads a node after {@link #movePaths} rewrote its path in SQL. */
    void reload(AreaNode n) {
        getEntityManager().refresh(n);
    }

    /** The change history of a node or checkpoint ({@code area_change}), newest first, at most 500 rows. */
    @SuppressWarnings("unchecked")
    List<Object[]> changes(UUID subjectId) {
        return getEntityManager().createNativeQuery("""
                select id, actor, at, action, cast(changes as text) from area_change
                where subject_id = ?1 order by id desc limit 500""").setParameter(1, subjectId).getResultList();
    }

    /** Appends to the change history of a node or checkpoint; {@code changes} is JSON. */
    void recordChange(String subjectType, UUID id, String actor, java.time.Instant at, String action, String changes) {
        getEntityManager().createNativeQuery("""
                    insert into area_change (subject_type, subject_id, actor, at, action, changes)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                .setParameter(1, subjectType).setParameter(2, id).setParameter(3, actor)
                .setParameter(4, at).setParameter(5, action)
                .setParameter(6, changes).executeUpdate();
    }
}
