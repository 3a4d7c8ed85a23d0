package org.gridguard.quarantine;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.area.AreaReferences;

/** Orders keep the area of the person's home: it is part of their history. */
@ApplicationScoped
public class QuarantineAreaReferences implements AreaReferences {

    @Inject
    QuarantineRepository repo;

    @Override
    public Optional<String> whyKept(UUID nodeId, String path) {
        boolean any = repo.anyInArea(nodeId);
        return any ? Optional.of("Quarantine orders refer to this area; it is kept for their history") : Optional.empty();
    }
}
