package org.gridguard.changes;

import java.util.List;

import org.gridguard.common.Port;

/**
 * The plug-in point for the delta feed (GET /api/v1/changes): a feature that records changes of an entity
 * with {@code common.ChangeLog} publishes the entity's name here, with one bean of its own (e.g.
 * {@code area/AreaFeed}). Nothing in this package names a feature's entity.
 */
@Port
public interface FeedEntities {

    /** An entity partners can follow, and what its items mean. */
    record FeedEntity(String name, String description) {
    }

    List<FeedEntity> feedEntities();
}
