package org.gridguard.area;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.changes.FeedEntities;

/** What the area tree publishes in the delta feed. */
@ApplicationScoped
public class AreaFeed implements FeedEntities {
    @Override
    public List<FeedEntity> feedEntities() {
        return List.of(new FeedEntity(AreaService.ENTITY_AREA, "An area node: street, community, zone, grid cell, compound, building"),
                new FeedEntity(AreaService.ENTITY_CHECKPOINT, "A checkpoint (gate) and the node it guards"));
    }
}
