package org.gridguard.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Every query of {@code quarantine_breach}, and the few columns of an order a breach needs. */
@ApplicationScoped
public class BreachRepository {

    @Inject
    EntityManager em;

    /** What a breach needs of an order: its number, kind, status, community, cell and the path of its area. */
    record OrderPlace(UUID id, String number, String kind, String status, UUID communityId, UUID gridCellId, String path) {
    }

    /** The order, whatever its status; null when there is none. */
    OrderPlace order(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.id, o.number, o.kind, o.status, o.community_id, o.grid_cell_id, an.path
                from quarantine_order o join area_node an on an.id = o.area_id where o.id = ?1""")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new OrderPlace((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4], (UUID) r[5],
                (String) r[6]);
    }

    /** The checkpoint's name. */
    String checkpointName(UUID id) {
        return (String) em.createNativeQuery("select name from checkpoint where id = ?1").setParameter(1, id)
                .getResultList().stream().findFirst().orElse(null);
    }

    void insert(UUID id, OrderPlace o, UUID checkpointId, Instant at, String recordedBy, String note, UUID alertId) {
        em.createNativeQuery("""
                insert into quarantine_breach (id, order_id, checkpoint_id, community_id, grid_cell_id, at, recorded_by, note, alert_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, o.id()).setParameter(3, checkpointId).setParameter(4, o.communityId())
                .setParameter(5, o.gridCellId()).setParameter(6, at).setParameter(7, recordedBy).setParameter(8, note)
                .setParameter(9, alertId).executeUpdate();
    }
}
