package org.gridguard.area;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Port;
import org.gridguard.security.CommunitiesUnder;

/**
 * An area subtree as the rows of a feature's table are found in it (ADR 0054). Every census, gate and round row
 * carries its community, indexed; a street's or a district's figures read the rows of their communities through
 * that index instead of joining every node under them (19,000 nodes for a district of 150 communities). Below a
 * community (a zone, a grid cell) the rows are narrowed to the nodes under the path as well.
 */
@Port
@ApplicationScoped
public class AreaSubtrees {

    @Inject
    EntityManager em;
    @Inject
    CommunitiesUnder communitiesUnder;

    /**
     * The subtree at {@code path}: its communities, and whether they are wholly inside it (the node is a
     * community or above it).
     */
    public record Subtree(String path, UUID[] communities, boolean whole) {

        /**
         * SQL condition: a row of {@code alias} (a table with {@code community_id} and {@code area_id}) lies in the
         * subtree. Binds {@code :communities}, and {@code :path} unless whole (see {@link #bind}).
         */
        public String filter(String alias) {
            return alias + ".community_id = any(:communities)" + (whole ? ""
                    : " and " + alias + ".area_id in (select id from area_node where path like :path || '%')");
        }

        /** The parameters {@link #filter} names, added to {@code params}; returns it. */
        public Map<String, Object> bind(Map<String, Object> params) {
            params.put("communities", communities);
            if (!whole) {
                params.put("path", path);
            }
            return params;
        }
    }

    /** The subtree whose root node has this path (an unknown path: an empty subtree). */
    public Subtree of(String path) {
        @SuppressWarnings("unchecked")
        List<Object[]> node = em.createNativeQuery("select kind, community_id from area_node where path = ?1")
                .setParameter(1, path).getResultList();
        if (node.isEmpty()) {
            return new Subtree(path, new UUID[0], true);
        }
        UUID community = (UUID) node.get(0)[1];
        if (community != null) {
            return new Subtree(path, new UUID[] {community}, AreaKind.COMMUNITY.name().equals(node.get(0)[0]));
        }
        return new Subtree(path, communitiesUnder.of(List.of(path + "%")).toArray(UUID[]::new), true);
    }
}
