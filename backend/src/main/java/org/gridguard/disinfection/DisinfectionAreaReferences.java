package org.gridguard.disinfection;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.area.AreaReferences;

/** An area node with disinfection schedules or rounds is kept for their history. */
@ApplicationScoped
public class DisinfectionAreaReferences implements AreaReferences {

    @Inject
    DisinfectionRepository repo;

    @Override
    public Optional<String> whyKept(UUID nodeId, String path) {
        return repo.anyInArea(nodeId) ? Optional.of("Disinfection schedules or rounds refer to this area; it is kept for "
                + "their history") : Optional.empty();
    }
}
