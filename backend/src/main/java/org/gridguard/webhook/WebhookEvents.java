package org.gridguard.webhook;

import java.util.Set;

/** The event types a subscription may ask for. A producer adds its type here and calls {@link WebhookOutbox#enqueue}. */
public final class WebhookEvents {

    /** A pool tested positive or invalid: its members get re-test tasks (nucleic-acid rounds). */
    public static final String POSITIVE_POOL = "test-round.positive-pool";
    /** A correction of a tube result (e.g. positive to negative), with the previous result. */
    public static final String TUBE_RESULT_CORRECTED = "test-round.tube-result-corrected";
    /** Sent only to the subscription it was asked for (POST /api/v1/webhooks/{id}/ping). */
    public static final String PING = "webhook.ping";

    public static final Set<String> TYPES = Set.of(POSITIVE_POOL, TUBE_RESULT_CORRECTED, PING);

    private WebhookEvents() {
    }
}
