package org.gridguard.census;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.security.Jurisdiction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Every query of the resident table, the caller's jurisdiction applied. */
@ApplicationScoped
public class ResidentRepository implements PanacheRepositoryBase<Resident, UUID> {

    @Inject
    Jurisdiction jurisdiction;

    @SuppressWarnings("unchecked")
    public Optional<Resident> visible(UUID id) {
        Map<String, Object> p = new HashMap<>();
        String sql = "select r.* from resident r where r.id = :id" + CensusScope.filter(jurisdiction, p, "r");
        p.put("id", id);
        var q = getEntityManager().createNativeQuery(sql, Resident.class);
        p.forEach(q::setParameter);
        List<Resident> rows = q.getResultList();
        return rows.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    public List<Resident> list(String areaPath, UUID householdId, Resident.Status status, Resident.Category category,
            Instant updatedSince, UUID after, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select r.* from resident r where 1 = 1");
        sql.append(CensusScope.filter(jurisdiction, p, "r"));
        if (areaPath != null) {
            sql.append(" and r.area_id in (select id from area_node where path like :root)");
            p.put("root", areaPath + "%");
        }
        if (householdId != null) {
            sql.append(" and r.household_id = :hh");
            p.put("hh", householdId);
        }
        if (status != null) {
            sql.append(" and r.status = :status");
            p.put("status", status.name());
        }
        if (category != null) {
            sql.append(" and r.categories @> array[cast(:cat as text)]");
            p.put("cat", category.name());
        }
        if (updatedSince != null) {
            sql.append(" and r.updated_at >= :since");
            p.put("since", updatedSince);
        }
        if (after != null) {
            sql.append(" and r.id > :after");
            p.put("after", after);
        }
        sql.append(" order by r.id limit :lim");
        p.put("lim", limit + 1);
        var q = getEntityManager().createNativeQuery(sql.toString(), Resident.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Exact lookup by keyed hash of the ID number or phone, within the caller's jurisdiction. */
    @SuppressWarnings("unchecked")
    public List<Resident> byHash(byte[] idHmac, byte[] phoneHmac, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select r.* from resident r where ");
        if (idHmac != null) {
            sql.append("r.id_hmac = :idh");
            p.put("idh", idHmac);
        }
        if (phoneHmac != null) {
            sql.append(idHmac != null ? " and " : "").append("r.phone_hmac = :ph");
            p.put("ph", phoneHmac);
        }
        sql.append(CensusScope.filter(jurisdiction, p, "r")).append(" order by r.id limit :lim");
        p.put("lim", limit);
        var q = getEntityManager().createNativeQuery(sql.toString(), Resident.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Unscoped: the resident holding this identity document in the community, if any. */
    public Optional<UUID> holderOf(UUID communityId, byte[] idHmac) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager()
                .createNativeQuery("select id from resident where community_id = ?1 and id_hmac = ?2")
                .setParameter(1, communityId).setParameter(2, idHmac).getResultList();
        return ids.stream().findFirst();
    }

    /** The rows of a resident export in the caller's reach, under {@code areaPath} (null: all), at most {@code lim}. */
    public List<Object[]> exportRows(String areaPath, int lim) {
        Map<String, Object> p = new HashMap<>();
        String sql = "select r.id, r.household_id, h.door_number, r.name, r.id_type, r.id_mask, r.id_cipher, r.phone_mask,"
                + " r.phone_cipher, r.sex, r.birth_date, r.relation, array_to_string(r.categories, ';'), r.status,"
                + " r.grid_cell_id, r.updated_at from resident r join household h on h.id = r.household_id where 1 = 1"
                + exportScope(areaPath, p) + " order by r.id limit :lim";
        p.put("lim", lim);
        return org.gridguard.common.Rows.list(getEntityManager(), sql, p);
    }

    /** How many rows {@link #exportRows} would give, counting at most {@code lim}: no personal data read. */
    public int exportCount(String areaPath, int lim) {
        Map<String, Object> p = new HashMap<>();
        String sql = "select count(*) from (select 1 from resident r where 1 = 1" + exportScope(areaPath, p)
                + " limit :lim) x";
        p.put("lim", lim);
        var q = getEntityManager().createNativeQuery(sql);
        p.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).intValue();
    }

    private String exportScope(String areaPath, Map<String, Object> p) {
        return CensusScope.filter(jurisdiction, p, "r") + CensusScope.subtree(areaPath, "r", p);
    }

    /** The household moved: its residents move with it. */
    void followHousehold(UUID householdId, UUID areaId, UUID gridCellId) {
        getEntityManager().createNativeQuery("update resident set area_id = ?2, grid_cell_id = ?3 where household_id = ?1")
                .setParameter(1, householdId).setParameter(2, areaId).setParameter(3, gridCellId).executeUpdate();
    }
}
