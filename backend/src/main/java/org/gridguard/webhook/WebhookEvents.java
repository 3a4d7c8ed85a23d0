package org.gridguard.webhook;

import java.util.Set;

/** The event types a subscription may ask for. A producer adds its type here and calls {@link WebhookOutbox#enqueue}. */
public final class WebhookEvents {

    /** A pool tested positive or invalid: its members get re-test tasks (nucleic-acid rounds). */
    public static final String POSITIVE_POOL = "pool.positive";
    /** A pool's positive or invalid result was corrected to negative: its re-test tasks are cancelled. */
    public static final String POOL_CLEARED = "pool.cleared";
    /** Sent only to the subscription it was asked for (POST /api/v1/webhooks/{id}/ping). */
    public static final String PING = "webhook.ping";

    public static final Set<String> TYPES = Set.of(POSITIVE_POOL, POOL_CLEARED, PING);

    private WebhookEvents() {
    }
}
