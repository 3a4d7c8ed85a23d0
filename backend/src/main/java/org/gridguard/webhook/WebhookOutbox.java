package org.gridguard.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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
        return insert(eventType, List.of(new Event(areaPath, payload)), null).get(0);
    }

    /** An event of {@link #enqueueAll}: the area node's path and the data. */
    public record Event(String areaPath, Object payload) {
    }

    /**
     * Queues many events of one type in one statement (a batch writer's chunk), with the same rules as
     * {@link #enqueue}.
     *
     * @return the event ids, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> enqueueAll(String eventType, List<Event> events) {
        return insert(eventType, events, null);
    }

    /** A ping for one subscription, whatever its event list. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID ping(UUID subscriptionId, String areaPath, Object payload) {
        return insert(WebhookEvents.PING, List.of(new Event(areaPath, payload)), subscriptionId).get(0);
    }

    private List<UUID> insert(String eventType, List<Event> list, UUID onlySubscription) {
        if (!events.known(eventType)) {
            throw new IllegalArgumentException("unknown webhook event type " + eventType);
        }
        Instant now = clock.instant();
        OffsetDateTime occurred = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        UUID[] ids = new UUID[list.size()];
        String[] paths = new String[list.size()];
        String[] bodies = new String[list.size()];
        for (int i = 0; i < list.size(); i++) {
            String areaPath = list.get(i).areaPath();
            if (areaPath == null || !areaPath.startsWith("/") || !areaPath.endsWith("/")) {
                throw new IllegalArgumentException("areaPath must be an area_node path");
            }
            ids[i] = UUID.randomUUID();
            paths[i] = areaPath;
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", ids[i]);
            envelope.put("type", eventType);
            envelope.put("occurredAt", occurred);
            envelope.put("areaId", areaPath.equals("/") ? null : lastSegment(areaPath));
            envelope.put("data", list.get(i).payload());
            try {
                bodies[i] = json.writeValueAsString(envelope);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("webhook payload is not serialisable", e);
            }
        }
        if (ids.length > 0) {
            deliveries.enqueue(ids, eventType, paths, bodies, now, onlySubscription);
        }
        return List.of(ids);
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
