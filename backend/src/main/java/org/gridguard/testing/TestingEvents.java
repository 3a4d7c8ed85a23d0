package org.gridguard.testing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.webhook.WebhookEventTypes;

/** The webhook events nucleic-acid rounds send. */
@ApplicationScoped
public class TestingEvents implements WebhookEventTypes {

    /** A pool tested positive or invalid: its members get re-test tasks. */
    public static final String POSITIVE_POOL = "pool.positive";
    /** A pool's positive or invalid result was corrected to negative: its re-test tasks are cancelled. */
    public static final String POOL_CLEARED = "pool.cleared";

    @Override
    public List<EventType> webhookEvents() {
        return List.of(new EventType(POSITIVE_POOL, "A pool tested positive or invalid: its members get re-test tasks"),
                new EventType(POOL_CLEARED, "A pool's positive or invalid result was corrected to negative: its re-test tasks are cancelled"));
    }
}
