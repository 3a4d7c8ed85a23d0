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

/** Every query of the household table, the caller's jurisdiction applied. */
@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    @Inject
    Jurisdiction jurisdiction;

    @SuppressWarnings("unchecked")
    public Optional<Household> visible(UUID id) {
        Map<String, Object> p = new HashMap<>();
        String sql = "select h.* from household h where h.id = :id" + CensusScope.filter(jurisdiction, p, "h");
        p.put("id", id);
        var q = getEntityManager().createNativeQuery(sql, Household.class);
        p.forEach(q::setParameter);
        List<Household> rows = q.getResultList();
        return rows.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    public List<Household> list(String areaPath, Household.Status status, Resident.Category category,
            Instant updatedSince, String door, UUID after, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select h.* from household h where 1 = 1");
        sql.append(CensusScope.filter(jurisdiction, p, "h"));
        if (areaPath != null) {
            sql.append(" and h.area_id in (select id from area_node where path like :root)");
            p.put("root", areaPath + "%");
        }
        if (status != null) {
            sql.append(" and h.status = :status");
            p.put("status", status.name());
        }
        if (category != null) {
            sql.append(" and exists (select 1 from resident r where r.household_id = h.id and r.status = 'LIVING'"
                    + " and r.categories @> array[cast(:cat as text)])");
            p.put("cat", category.name());
        }
        if (door != null && !door.isBlank()) {
            sql.append(" and strpos(lower(h.door_number), :door) > 0");
            p.put("door", door.trim().toLowerCase());
        }
        if (updatedSince != null) {
            sql.append(" and h.updated_at >= :since");
            p.put("since", updatedSince);
        }
        if (after != null) {
            sql.append(" and h.id > :after");
            p.put("after", after);
        }
        sql.append(" order by h.id limit :lim");
        p.put("lim", limit + 1);
        var q = getEntityManager().createNativeQuery(sql.toString(), Household.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Unscoped: is this door already registered at this area node? */
    public Optional<Household> atDoor(UUID areaId, String doorNumber) {
        return find("areaId = ?1 and doorNumber = ?2", areaId, doorNumber).firstResultOptional();
    }

    /** The rows of a household export in the caller's reach, under {@code areaPath} (null: all), at most {@code lim}. */
    public List<Object[]> exportRows(String areaPath, int lim) {
        Map<String, Object> p = new HashMap<>();
        String sql = "select h.id, h.grid_cell_id, h.compound_id, h.building_id, h.door_number, h.living_count,"
                + " h.tenant_count, h.contact_name, h.status, h.last_verified_on, h.updated_at from household h where 1 = 1"
                + CensusScope.filter(jurisdiction, p, "h") + CensusScope.subtree(areaPath, "h", p) + " order by h.id limit :lim";
        p.put("lim", lim);
        return org.gridguard.common.Rows.list(getEntityManager(), sql, p);
    }
}
