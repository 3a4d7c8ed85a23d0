package org.gridguard.supply;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.area.AreaReferences;

/** A storage place stands on its area node: the node is kept while the place (and its ledger) exists. */
@ApplicationScoped
public class SupplyAreaReferences implements AreaReferences {

    @Inject
    SupplyRepository supply;

    @Override
    public Optional<String> whyKept(UUID nodeId, String path) {
        return supply.anyPlaceOn(nodeId) ? Optional.of("A storage place of supplies stands on this area; it is kept for "
                + "its stock and ledger") : Optional.empty();
    }
}
