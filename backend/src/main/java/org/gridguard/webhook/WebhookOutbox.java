package org.gridguard.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridguard.common.Port;

/**
 * The transactional outbox of webhook events. {@link #enqueue} runs inside the producer's transaction and
 * writes one delivery row per matching subscription: if the transaction commits the event will be sent
 * (the {@link WebhookDispatcher} picks the rows up, on any instance, after any restart); if it rolls back,
 * nothing was ever queued.
 * <p>
 * A subscription matches when it asked for the event type and its owner's jurisdiction covers the event's
 * area: an admin's subscription covers every area; an agency client's covers the nodes it is assigned to
 * (role agency) and everything below them, the same path-prefix rule as {@code security.Jurisdiction#covers},
 * evaluated here in SQL for the subscription's owner rather than for the current caller.
 */
@Port
@ApplicationScoped
public class WebhookOutbox {

    @Inject
    DeliveryRepository deliveries;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;
    @Inject
    WebhookEvents events;

    /**
     * Queues an event for every subscription that wants it.
     *
     * @param eventType a type a feature declared through {@link WebhookEventTypes}
     * @param areaPath  the materialised path of the area node the event is about ({@code area_node.path})
     * @param payload   the event's data, serialised with the API's ObjectMapper (no personal data: IDs and
     *                  phones never leave in a webhook)
     * @return the event id (the same for every subscription: receivers deduplicate by it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String eventType, String areaPath, Object payload) {
        return insert(eventType, areaPath, payload, null);
    }

    /** A ping for one subscription, whatever its event list. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID ping(UUID subscriptionId, String areaPath, Object payload) {
        return insert(WebhookEvents.PING, areaPath, payload, subscriptionId);
    }

    private UUID insert(String eventType, String areaPath, Object payload, UUID onlySubscription) {
        if (!events.known(eventType)) {
            throw new IllegalArgumentException("unknown webhook event type " + eventType);
        }
        if (areaPath == null || !areaPath.startsWith("/") || !areaPath.endsWith("/")) {
            throw new IllegalArgumentException("areaPath must be an area_node path");
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", eventType);
        envelope.put("occurredAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        envelope.put("areaId", areaPath.equals("/") ? null : lastSegment(areaPath));
        envelope.put("data", payload);
        String body;
        try {
            body = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook payload is not serialisable", e);
        }
        deliveries.enqueue(eventId, eventType, areaPath, body, now, onlySubscription);
        return eventId;
    }

    private static UUID lastSegment(String path) {
        String[] parts = path.split("/");
        try {
            return UUID.fromString(parts[parts.length - 1]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("areaPath must be an area_node path");
        }
    }
}
