package org.gridguard.alert;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.area.AreaReferences;

/** Alerts keep their area: it is part of their history. */
@ApplicationScoped
public class AlertAreaReferences implements AreaReferences {

    @Inject
    EntityManager em;

    @Override
    public Optional<String> whyKept(UUID nodeId, String path) {
        boolean any = !em.createNativeQuery("select 1 from alert where area_id = ?1 limit 1").setParameter(1, nodeId)
                .getResultList().isEmpty();
        return any ? Optional.of("Alerts refer to this area; it is kept for their history") : Optional.empty();
    }
}
