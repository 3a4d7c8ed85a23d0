package org.gridguard.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.security.pii.PiiCipher;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.webhook.WebhookViews.AttemptView;
import org.gridguard.webhook.WebhookViews.CreatedWebhook;
import org.gridguard.webhook.WebhookViews.DeliveryView;
import org.gridguard.webhook.WebhookViews.NewWebhook;
import org.gridguard.webhook.WebhookViews.PingView;
import org.gridguard.webhook.WebhookViews.WebhookView;

/**
 * Subscriptions of agency clients (and admins) and their delivery log. A subscription belongs to the
 * client that registered it: another client's subscription answers 404 like an unknown id. Admins see all.
 */
@ApplicationScoped
public class WebhookService {

    @Inject
    WebhookRepository subscriptions;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    Caller caller;

    @Inject
    CallbackPolicy policy;

    @Inject
    PiiCipher cipher;

    @Inject
    WebhookOutbox outbox;

    @Inject
    Clock clock;
    @Inject
    WebhookEvents events;

    /** The outcome of a register call: {@code created} false for a replay of the same id. */
    public record Registered(CreatedWebhook view, boolean created) {
    }

    @Transactional
    public Registered register(NewWebhook in) {
        for (String e : in.events()) {
            if (!events.subscribable(e)) {
                throw ApiProblem.invalid("events", "unknown event type; one of " + String.join(", ", events.subscribable()));
            }
        }
        List<String> events = in.events().stream().distinct().sorted().toList();
        try {
            policy.check(in.url());
        } catch (CallbackPolicy.Refused r) {
            throw ApiProblem.invalid("url", r.getMessage());
        }
        if (in.id() != null) {
            Object[] existing = subscriptions.row(in.id());
            if (existing != null) {
                if (!subscriptions.visible(existing)) {
                    throw ApiProblem.conflict("this id is already used");
                }
                WebhookView v = view(existing);
                if (v.url().equals(in.url().strip()) && v.events().equals(events)) {
                    return new Registered(new CreatedWebhook(v.id(), v.url(), v.events(), v.description(), v.owner(),
                            v.createdAt(), null), false);
                }
                throw ApiProblem.conflict("a subscription with this id exists with another url or event list");
            }
        }
        UUID id = in.id() != null ? in.id() : UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        subscriptions.insert(id, in.url().strip(), events.toArray(String[]::new), cipher.encrypt(secret),
                in.description(), now);
        return new Registered(new CreatedWebhook(id, in.url().strip(), events, in.description(), caller.name(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), secret), true);
    }

    @Transactional
    public Page<WebhookView> list(String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        List<WebhookView> views = subscriptions.page(c, n).stream().map(WebhookService::view).toList();
        return Page.of(views, n, v -> Cursor.encode(v.createdAt().toString(), v.id().toString()));
    }

    @Transactional
    public WebhookView get(UUID id) {
        return view(subscriptions.visibleRow(id));
    }

    /** Deletes a subscription; its pending deliveries are cancelled, its delivery log kept. */
    @Transactional
    public void delete(UUID id) {
        subscriptions.visibleRow(id);
        subscriptions.markDeleted(id, clock.instant());
        deliveries.cancelPending(id, clock.instant());
    }

    @Transactional
    public PingView ping(UUID id) {
        subscriptions.visibleRow(id);
        UUID eventId = outbox.ping(id, "/", Map.of("message", "ping from GridGuard", "subscriptionId", id));
        return new PingView(eventId);
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID id, String status, String cursor, Integer limit) {
        subscriptions.visibleRow(id);
        int n = Cursor.limit(limit);
        if (status != null && !List.of("PENDING", "DELIVERED", "FAILED", "CANCELLED").contains(status)) {
            throw ApiProblem.invalid("status", "must be one of PENDING, DELIVERED, FAILED, CANCELLED");
        }
        List<String> c = Cursor.decodeAtAndId(cursor);
        List<Object[]> rows = deliveries.page(id, status, c, n);
        Map<UUID, List<AttemptView>> attempts = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Object[]> log = deliveries.attempts(rows.stream().map(r -> r[0].toString()).toArray(String[]::new));
            for (Object[] a : log) {
                attempts.computeIfAbsent((UUID) a[0], k -> new ArrayList<>()).add(new AttemptView(
                        ((Number) a[1]).intValue(), utc(a[2]), a[3] == null ? null : ((Number) a[3]).intValue(),
                        (String) a[4], ((Number) a[5]).intValue()));
            }
        }
        List<DeliveryView> views = rows.stream().map(r -> {
            String st = (String) r[3];
            return new DeliveryView((UUID) r[0], (UUID) r[1], (String) r[2], st, ((Number) r[4]).intValue(),
                    st.equals("PENDING") ? utc(r[5]) : null, r[6] == null ? null : ((Number) r[6]).intValue(),
                    (String) r[7], utc(r[8]), r[9] == null ? null : utc(r[9]),
                    List.copyOf(attempts.getOrDefault((UUID) r[0], List.of())));
        }).toList();
        return Page.of(views, n, v -> Cursor.encode(v.createdAt().toString(), v.id().toString()));
    }

    private static WebhookView view(Object[] r) {
        List<String> events;
        try {
            Object arr = r[2] instanceof java.sql.Array sql ? sql.getArray() : r[2];
            events = arr instanceof Object[] a ? Arrays.stream(a).map(String::valueOf).toList() : List.of();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new WebhookView((UUID) r[0], (String) r[1], List.copyOf(events), (String) r[3], (String) r[4], utc(r[5]));
    }

    private static OffsetDateTime utc(Object o) {
        return OffsetDateTime.ofInstant(Rows.instant(o), ZoneOffset.UTC);
    }
}
