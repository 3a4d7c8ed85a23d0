package org.gridguard.census;

import java.util.Map;
import java.util.UUID;

import org.gridguard.area.AreaRepository;
import org.gridguard.common.ApiProblem;
import org.gridguard.security.Jurisdiction;

/** The jurisdiction filter of census tables, in one place: community (distribution key) and area subtree. */
final class CensusScope {
    private CensusScope() {
    }

    /** The path of a list's area filter: null for none, 404 for an area node the caller may not see. */
    static String areaPath(AreaRepository areas, UUID areaId) {
        if (areaId == null) {
            return null;
        }
        return areas.visible(areaId).orElseThrow(() -> ApiProblem.notFound("Area node")).path;
    }

    /** " and t.community_id = any(:communities) and t.area_id in (...)" for table alias {@code t}; empty for admins. */
    static String filter(Jurisdiction j, Map<String, Object> params, String t) {
        if (j.isGlobal()) {
            return "";
        }
        params.put("communities", j.communityIds().toArray(UUID[]::new));
        params.put("patterns", j.likePatterns());
        return " and " + t + ".community_id = any(cast(:communities as uuid[])) and " + t
                + ".area_id in (select an.id from area_node an where an.community_id = any(cast(:communities as uuid[]))"
                + " and an.path like any(cast(:patterns as text[])))";
    }

    /** " and t.area_id in (subtree of areaPath)" for table alias {@code t}; empty when {@code areaPath} is null. */
    static String subtree(String areaPath, String t, Map<String, Object> p) {
        if (areaPath == null) {
            return "";
        }
        p.put("root", areaPath + "%");
        return " and " + t + ".area_id in (select id from area_node where path like :root)";
    }
}
