package org.gridguard.enterprise;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code enterprise}, with the caller's reach applied here: enterprises whose area node lies under one
 * of the caller's nodes (inspectors and supervisors their street or community, leaders their zone; admins all).
 */
@ApplicationScoped
public class EnterpriseRepository {

    /** Columns of an {@link Enterprises.EnterpriseRef}, for a query joining {@code area_node an}. */
    private static final String REF = "select e.id, e.name, e.credit_code, e.kind, e.area_id, an.path, e.resumed_on, e.status"
            + " from enterprise e join area_node an on an.id = e.area_id";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** An area node: its path, kind, community (null above community level) and name; null when missing. */
    record Area(UUID id, String path, String kind, UUID communityId, String name) {
    }

    Area area(UUID id) {
        List<Object[]> rows = Rows.list(em, "select id, path, kind, community_id, name from area_node where id = :id",
                Map.of("id", id));
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Area((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4]);
    }

    /** The area node if the caller reaches it, else 404 "Area" (never "403: it exists"). */
    Area areaInReach(UUID id) {
        Area a = area(id);
        if (a == null || !jurisdiction.covers(a.path())) {
            throw ApiProblem.notFound("Area");
        }
        return a;
    }

    /** The enterprise if the caller reaches its area, else 404 "Enterprise". */
    Enterprise visible(UUID id) {
        Enterprise e = Enterprise.findById(id);
        if (e == null) {
            throw ApiProblem.notFound("Enterprise");
        }
        Area a = area(e.areaId);
        if (a == null || !jurisdiction.covers(a.path())) {
            throw ApiProblem.notFound("Enterprise");
        }
        return e;
    }

    /** The enterprise with this credit code, whoever reaches it (the code is unique in the one register); null if none. */
    Enterprise byCreditCode(String creditCode) {
        return Enterprise.find("creditCode", creditCode).firstResult();
    }

    /** The enterprise as the port shows it. */
    Enterprises.EnterpriseRef ref(UUID id) {
        return refs(REF + " where e.id = :id", Map.of("id", id)).get(0);
    }

    /** In the caller's reach, name or credit code containing q (null: all), by name, at most limit. */
    List<Enterprises.EnterpriseRef> search(String q, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(REF).append(" where 1 = 1");
        reach(sql, p);
        if (q != null && !q.isBlank()) {
            sql.append(" and (strpos(lower(e.name), lower(:q)) > 0 or strpos(e.credit_code, upper(:q)) > 0)");
            p.put("q", q.strip());
        }
        sql.append(" order by e.name, e.id limit :lim");
        p.put("lim", limit);
        return refs(sql, p);
    }

    /** RESUMED enterprises within areaPath (null: all) with resumedOn in [from, to], by date then name. No reach check. */
    List<Enterprises.EnterpriseRef> resumedBetween(String areaPath, LocalDate from, LocalDate to) {
        return refs(REF + " where e.status = 'RESUMED' and e.resumed_on between :from and :to and an.path like :area"
                + " order by e.resumed_on, e.name, e.id", Map.of("from", from, "to", to,
                        "area", areaPath == null ? "%" : areaPath + "%"));
    }

    /** Adds the caller's reach to a query joining {@code area_node an}. */
    void reach(StringBuilder sql, Map<String, Object> p) {
        if (!jurisdiction.isGlobal()) {
            sql.append(" and an.path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
    }

    private List<Enterprises.EnterpriseRef> refs(CharSequence sql, Map<String, Object> p) {
        return Rows.list(em, sql, p).stream().map(r -> new Enterprises.EnterpriseRef((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], (UUID) r[4], (String) r[5], date(r[6]), (String) r[7])).toList();
    }

    static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
