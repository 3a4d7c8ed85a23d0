package org.gridguard.area;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.security.Jurisdiction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Checkpoints are visible where their guarded node overlaps the caller's jurisdiction: a checkpoint of a
 * worker's compound, and the community gates of the community their cells are in.
 */
@ApplicationScoped
public class CheckpointRepository implements PanacheRepositoryBase<Checkpoint, UUID> {

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    AreaRepository areas;

    public Optional<Checkpoint> visible(UUID id) {
        return findByIdOptional(id).filter(c -> areas.findByIdOptional(c.guardsNodeId)
                .map(n -> jurisdiction.overlaps(n.path)).orElse(false));
    }

    /** Checkpoints the caller sees; with {@code areaPath}, those guarding that area, inside it or above it. */
    @SuppressWarnings("unchecked")
    public List<Checkpoint> list(String areaPath, String afterCode, int limit) {
        StringBuilder sql = new StringBuilder(
                "select c.* from checkpoint c join area_node g on g.id = c.guards_node_id where 1 = 1");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (!jurisdiction.isGlobal()) {
            sql.append(" and (g.path like any(cast(:patterns as text[])) or g.id = any(cast(:ancestors as uuid[])))");
            p.put("patterns", jurisdiction.likePatterns());
            p.put("ancestors", jurisdiction.ancestorIds().toArray(UUID[]::new));
        }
        if (areaPath != null) {
            sql.append(" and (g.path like :area or :areaPath like g.path || '%')");
            p.put("area", areaPath + "%");
            p.put("areaPath", areaPath);
        }
        if (afterCode != null) {
            sql.append(" and c.code > :after");
            p.put("after", afterCode);
        }
        sql.append(" order by c.code limit :lim");
        p.put("lim", limit + 1);
        var query = getEntityManager().createNativeQuery(sql.toString(), Checkpoint.class);
        p.forEach(query::setParameter);
        return query.getResultList();
    }

    public long countGuarding(UUID nodeId) {
        return count("guardsNodeId", nodeId);
    }

    public boolean codeTaken(String code, UUID exceptId) {
        return count("code = ?1 and id <> ?2", code, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }
}
