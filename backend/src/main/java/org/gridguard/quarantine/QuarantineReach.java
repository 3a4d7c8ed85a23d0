package org.gridguard.quarantine;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.security.Jurisdiction;

/**
 * Who reaches which order, in ONE place for every part of the quarantine feature (orders, visits, sites, lists,
 * notices): an order is reached through the area node of the person's home — workers the orders of their cells,
 * leaders their zone, supervisors their community, an agency client the area it is assigned to, admins everything.
 * <p>
 * Site staff reach the orders of their central isolation site's guests (the orders whose site is theirs), and
 * nothing else (ADR 0032).
 */
@ApplicationScoped
public class QuarantineReach {

    @Inject
    Jurisdiction jurisdiction;

    /**
     * A SQL condition on the order aliased {@code o} that holds when the caller reaches it; binds its parameters into
     * {@code p} (named {@code reach*}). "true" for admins.
     */
    public String predicate(String o, Map<String, Object> p) {
        if (jurisdiction.isGlobal()) {
            return "true";
        }
        p.put("reachCommunities", jurisdiction.communityIds().toArray(UUID[]::new));
        p.put("reachPatterns", jurisdiction.likePatterns());
        p.put("reachSites", jurisdiction.siteIds().toArray(UUID[]::new));
        // the home's path by key, one index probe per order: an EXISTS here sits inside the OR, where PostgreSQL can only
        // hash it, reading every area node of the city with `like any` (ADR 0037, the visit list's benchmark)
        return "(" + o + ".community_id = any(cast(:reachCommunities as uuid[])) and (select reach_an.path from area_node reach_an"
                + " where reach_an.id = " + o + ".area_id) like any(cast(:reachPatterns as text[]))"
                + " or " + o + ".site_id = any(cast(:reachSites as uuid[]))"
                + ")";
    }

    /** True when the caller reaches an order whose person lives at the area node with this path (and site). */
    public boolean covers(String areaPath, UUID siteId) {
        return areaPath != null && jurisdiction.covers(areaPath)
                || siteId != null && jurisdiction.siteIds().contains(siteId);
    }

    /** True when the caller reaches the area node of this path: a new order may be made for a person living there. */
    public boolean coversPlace(String areaPath) {
        return areaPath != null && jurisdiction.covers(areaPath);
    }

    /** True when the caller may see a node at this path (it or one of its ancestors is theirs): a site, a filter. */
    public boolean sees(String path) {
        return path != null && jurisdiction.overlaps(path);
    }
}
