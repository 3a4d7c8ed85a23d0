package org.gridguard.census;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;

/** The door labels of households (for {@link CensusPeople#doors}): one query of household, area names and phone masks. */
@ApplicationScoped
class HouseholdDoors {

    @Inject
    EntityManager em;

    Map<UUID, CensusPeople.Door> of(Collection<UUID> householdIds) {
        Map<UUID, CensusPeople.Door> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        for (Object[] r : Rows.list(em, """
                select h.id, cn.name, bn.name, h.door_number, h.contact_name,
                       (select r.phone_mask from resident r where r.household_id = h.id and r.phone_mask is not null
                        order by (r.name = h.contact_name) desc nulls last, r.name limit 1)
                from household h left join area_node cn on cn.id = h.compound_id
                left join area_node bn on bn.id = h.building_id
                where h.id = any(cast(:ids as uuid[]))""", Map.of("ids", householdIds.toArray(UUID[]::new)))) {
            out.put((UUID) r[0], new CensusPeople.Door((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5]));
        }
        return out;
    }
}
