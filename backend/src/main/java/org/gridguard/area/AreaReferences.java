package org.gridguard.area;

import java.util.Optional;
import java.util.UUID;

import org.gridguard.common.Port;

/**
 * The plug-in point for "this area node is still in use": a feature whose records point at area nodes
 * implements it, so that deleting a node it still needs is refused with its reason, without the area package
 * reading the feature's tables.
 */
@Port
public interface AreaReferences {

    /** Why the node must be kept (a sentence for the 409 answer), or empty when this feature does not need it. */
    Optional<String> whyKept(UUID nodeId, String path);
}
