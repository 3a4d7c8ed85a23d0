package org.gridguard.alert;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.area.AreaReferences;

/** Alerts keep their area: it is part of their history. */
@ApplicationScoped
public class AlertAreaReferences implements AreaReferences {

    @Inject
    AlertRepository alerts;

    @Override
    public Optional<String> whyKept(UUID nodeId, String path) {
        boolean any = alerts.anyInArea(nodeId);
        return any ? Optional.of("Alerts refer to this area; it is kept for their history") : Optional.empty();
    }
}
