package org.gridguard.quarantine;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.changes.FeedEntities;

/** What quarantine publishes in the delta feed: the bureau follows orders. */
@ApplicationScoped
public class QuarantineFeed implements FeedEntities {
    @Override
    public List<FeedEntity> feedEntities() {
        return List.of(new FeedEntity(QuarantineOrderService.ENTITY,
                "A quarantine order: made, extended, transferred, released or taken to hospital"));
    }
}
