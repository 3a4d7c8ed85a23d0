package org.gridguard.webhook;

import java.util.List;

import org.gridguard.common.Port;

/**
 * The plug-in point for webhook events: a feature that calls {@link WebhookOutbox#enqueue} declares its event
 * types with one bean of its own (e.g. {@code testing/TestingEvents}). Nothing in this package names a
 * feature's event.
 */
@Port
public interface WebhookEventTypes {

    /** An event type subscriptions may ask for, and when it is sent. */
    record EventType(String type, String description) {
    }

    List<EventType> webhookEvents();
}
