package org.gridguard.alert;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.changes.FeedEntities;

/** What the alert inbox publishes in the delta feed. */
@ApplicationScoped
public class AlertFeed implements FeedEntities {
    @Override
    public List<FeedEntity> feedEntities() {
        return List.of(new FeedEntity(AlertService.ENTITY, "An alert of any kind: raised, moved along its workflow, overdue"));
    }
}
