package org.gridguard.webhook;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.webhook.WebhookEventTypes.EventType;

import io.quarkus.arc.All;

/** The event types subscriptions may ask for: those the features declare through {@link WebhookEventTypes}. */
@ApplicationScoped
public class WebhookEvents {

    /** Sent only to the subscription it was asked for (POST /api/v1/webhooks/{id}/ping). */
    public static final String PING = "webhook.ping";

    private final Map<String, EventType> types = new TreeMap<>();

    @Inject
    WebhookEvents(@All List<WebhookEventTypes> sources) {
        for (WebhookEventTypes s : sources) {
            for (EventType t : s.webhookEvents()) {
                if (t.type().equals(PING) || types.putIfAbsent(t.type(), t) != null) {
                    throw new IllegalStateException("webhook event type " + t.type() + " is declared twice");
                }
            }
        }
    }

    /** True for a type a subscription may ask for (not the ping). */
    public boolean subscribable(String type) {
        return types.containsKey(type);
    }

    /** The subscribable types, sorted. */
    public List<String> subscribable() {
        return List.copyOf(types.keySet());
    }

    boolean known(String type) {
        return PING.equals(type) || types.containsKey(type);
    }
}
