package org.gridguard.duty.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.duty.DutyScope;

/**
 * Every query of people on duty, with the caller's reach applied in one place: a person belongs to their home
 * area; the caller sees people whose home overlaps their jurisdiction, and always themselves (else 404).
 * Methods named "unfiltered" are for rows already reached through a visible shift, swap or roster.
 */
@ApplicationScoped
public class PersonRepository {

    /** The most people a report lists. */
    public static final int MAX_PEOPLE = 2000;

    @Inject
    EntityManager em;
    @Inject
    DutyScope scope;
    @Inject
    CallerPerson caller;

    /** The caller's own duty person record, if they have one. */
    public Optional<DutyPerson> me() {
        return caller.get();
    }

    public boolean isMe(DutyPerson p) {
        return p.username != null && p.username.equals(scope.name());
    }

    /** A person the caller may see (their home area overlaps the caller's jurisdiction, or it is the caller). */
    public DutyPerson visible(UUID id) {
        DutyPerson p = DutyPerson.findById(id);
        if (p == null) {
            throw ApiProblem.notFound("Duty person");
        }
        String path = scope.areaPath(p.homeAreaId);
        if (!isMe(p) && (path == null || !scope.canSee(path))) {
            throw ApiProblem.notFound("Duty person");
        }
        return p;
    }

    public boolean canManage(DutyPerson p) {
        String path = scope.areaPath(p.homeAreaId);
        return path != null && scope.canManage(path);
    }

    Optional<DutyPerson> byUsername(String username) {
        return DutyPerson.<DutyPerson>find("username", username).firstResultOptional();
    }

    /** Unfiltered: the person, or null. */
    public DutyPerson unfiltered(UUID id) {
        return DutyPerson.findById(id);
    }

    /** Unfiltered: the people with these ids. */
    public List<DutyPerson> unfiltered(Collection<UUID> ids) {
        return DutyPerson.list("id in ?1", ids);
    }

    boolean usernameTaken(String username) {
        return DutyPerson.count("username", username) > 0;
    }

    void persist(DutyPerson p) {
        p.persist();
        em.flush();
    }

    public void flush() {
        em.flush();
    }

    /** Two concurrent changes for one person wait for each other, so neither misses the other's shift. */
    public void lock(UUID personId) {
        em.createNativeQuery("select id from duty_person where id = ?1 for update").setParameter(1, personId).getResultList();
    }

    /**
     * A page of the people the caller sees, by name, after the cursor (name, id): in the area (path) if given,
     * whose name contains q, of the unit.
     */
    @SuppressWarnings("unchecked")
    List<DutyPerson> page(String areaPath, String q, String unit, List<String> cursor, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = visibleIn(areaPath, p);
        if (q != null && !q.isBlank()) {
            sql.append(" and strpos(lower(dp.name), :q) > 0");
            p.put("q", q.toLowerCase());
        }
        if (unit != null && !unit.isBlank()) {
            sql.append(" and dp.unit = :unit");
            p.put("unit", unit);
        }
        if (cursor != null) {
            sql.append(" and (dp.name, cast(dp.id as text)) > (:cn, :cid)");
            p.put("cn", cursor.get(0));
            p.put("cid", cursor.get(1));
        }
        sql.append(" order by dp.name, cast(dp.id as text) limit :lim");
        p.put("lim", limit);
        var query = em.createNativeQuery(sql.toString(), DutyPerson.class);
        p.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The people the caller sees (in the area, by path, if given), by unit and name, at most {@link #MAX_PEOPLE}. */
    @SuppressWarnings("unchecked")
    public List<DutyPerson> visibleByUnit(String areaPath) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = visibleIn(areaPath, p);
        sql.append(" order by dp.unit, dp.name limit ").append(MAX_PEOPLE);
        var q = em.createNativeQuery(sql.toString(), DutyPerson.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** "select dp.* ... where" the people the caller sees, living in the area (by path) if given. */
    private StringBuilder visibleIn(String areaPath, Map<String, Object> p) {
        StringBuilder sql = new StringBuilder(
                "select dp.* from duty_person dp join area_node h on h.id = dp.home_area_id where ")
                .append(scope.visiblePersonSql(p));
        if (areaPath != null) {
            sql.append(" and h.path like :area");
            p.put("area", areaPath + "%");
        }
        return sql;
    }

    /** Unfiltered (the roster job): the active people of the community living in, or above, the area. */
    @SuppressWarnings("unchecked")
    public List<DutyPerson> activeAround(UUID communityId, String areaPath) {
        return em.createNativeQuery("""
                select dp.* from duty_person dp join area_node h on h.id = dp.home_area_id
                where dp.active and dp.community_id = ?1 and (h.path like ?2 or ?3 like h.path || '%')
                order by dp.name, dp.id""", DutyPerson.class)
                .setParameter(1, communityId).setParameter(2, areaPath + "%").setParameter(3, areaPath).getResultList();
    }

    /** Unfiltered (the roster job): the path of each person's home area. */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> homePaths(Collection<UUID> personIds) {
        Map<UUID, String> homePaths = new HashMap<>();
        if (!personIds.isEmpty()) {
            List<Object[]> hp = em.createNativeQuery("select dp.id, h.path from duty_person dp join area_node h on h.id = dp.home_area_id where dp.id = any(?1)")
                    .setParameter(1, personIds.toArray(UUID[]::new)).getResultList();
            hp.forEach(x -> homePaths.put((UUID) x[0], (String) x[1]));
        }
        return homePaths;
    }
}
