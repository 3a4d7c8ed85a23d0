package org.gridguard.testing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.changes.FeedEntities;

/** What nucleic-acid rounds publish in the delta feed. */
@ApplicationScoped
public class TestingFeed implements FeedEntities {
    @Override
    public List<FeedEntity> feedEntities() {
        return List.of(new FeedEntity(RoundService.ENTITY, "A nucleic-acid round: planned, open, closed"),
                new FeedEntity(PoolFollowUp.ENTITY, "A pooled tube whose result turned positive or invalid, or was corrected"));
    }
}
