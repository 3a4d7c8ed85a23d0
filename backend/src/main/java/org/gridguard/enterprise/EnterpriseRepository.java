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

    /** What a list is filtered on; null fields filter nothing. */
    record Filter(String q, Enterprises.Status status, String areaPath, LocalDate resumedOn) {
    }

    /** By name then id, keyset-paged after ({@code afterName}, {@code afterId}), within the caller's reach. */
    @SuppressWarnings("unchecked")
    List<Enterprise> page(Filter f, String afterName, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select e.* from enterprise e join area_node an on an.id = e.area_id where 1 = 1");
        reach(sql, p);
        if (f.q() != null) {
            sql.append(" and (strpos(lower(e.name), lower(:q)) > 0 or strpos(e.credit_code, upper(:q)) > 0)");
            p.put("q", f.q());
        }
        if (f.status() != null) {
            sql.append(" and e.status = :status");
            p.put("status", f.status().name());
        }
        if (f.areaPath() != null) {
            sql.append(" and an.path like :area");
            p.put("area", f.areaPath() + "%");
        }
        if (f.resumedOn() != null) {
            sql.append(" and e.resumed_on = :resumedOn");
            p.put("resumedOn", f.resumedOn());
        }
        if (afterName != null) {
            sql.append(" and (e.name, e.id) > (:afterName, :afterId)");
            p.put("afterName", afterName);
            p.put("afterId", afterId);
        }
        sql.append(" order by e.name, e.id limit :lim");
        p.put("lim", limit);
        var q = em.createNativeQuery(sql.toString(), Enterprise.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Names of area nodes by id. */
    Map<UUID, String> areaNames(java.util.Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        for (Object[] r : Rows.list(em, "select id, name from area_node where id = any(cast(:ids as uuid[]))",
                Map.of("ids", ids.toArray(UUID[]::new)))) {
            out.put((UUID) r[0], (String) r[1]);
        }
        return out;
    }

    /** The nodes within the area at {@code path} (itself included) an enterprise may sit on, by code. */
    Map<String, Area> placesUnder(String path) {
        Map<String, Area> out = new HashMap<>();
        for (Object[] r : Rows.list(em, "select id, path, kind, community_id, name, code from area_node where path like :p"
                + " and community_id is not null", Map.of("p", path + "%"))) {
            out.put((String) r[5], new Area((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4]));
        }
        return out;
    }

    /** The enterprises with these credit codes, with their area's path, whoever reaches them. */
    Map<String, Enterprise> byCreditCodes(java.util.Collection<String> codes) {
        Map<String, Enterprise> out = new HashMap<>();
        if (!codes.isEmpty()) {
            List<Enterprise> found = Enterprise.list("creditCode in ?1", List.copyOf(codes));
            found.forEach(e -> out.put(e.creditCode, e));
        }
        return out;
    }

    /** Stores an upload for its import job. */
    void saveImport(UUID id, String owner, Area area, String filename, byte[] content, boolean dryRun, java.time.Instant at) {
        em.createNativeQuery("""
                insert into enterprise_import (id, owner, community_id, area_id, filename, content, dry_run, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""").setParameter(1, id).setParameter(2, owner)
                .setParameter(3, area.communityId()).setParameter(4, area.id()).setParameter(5, filename)
                .setParameter(6, content).setParameter(7, dryRun).setParameter(8, at).executeUpdate();
    }

    void tieImportToJob(UUID id, UUID jobId) {
        em.createNativeQuery("update enterprise_import set job_id = ?1 where id = ?2").setParameter(1, jobId)
                .setParameter(2, id).executeUpdate();
    }

    /** An upload: owner, area id, content, dry run; null when missing. */
    Object[] loadImport(UUID id) {
        List<Object[]> rows = Rows.list(em, "select owner, area_id, content, dry_run from enterprise_import where id = :id",
                Map.of("id", id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    void saveErrors(UUID id, String csv) {
        em.createNativeQuery("update enterprise_import set errors_csv = ?1 where id = ?2").setParameter(1, csv)
                .setParameter(2, id).executeUpdate();
    }

    /** The import run by this job: owner, its area's path, the error CSV (null until checked); null when none. */
    Object[] importOfJob(UUID jobId) {
        List<Object[]> rows = Rows.list(em, "select i.owner, an.path, i.errors_csv from enterprise_import i"
                + " join area_node an on an.id = i.area_id where i.job_id = :id", Map.of("id", jobId));
        return rows.isEmpty() ? null : rows.get(0);
    }
}
