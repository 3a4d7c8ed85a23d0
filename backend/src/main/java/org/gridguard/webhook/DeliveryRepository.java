package org.gridguard.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Every query of {@code webhook_delivery} and {@code webhook_attempt}: the outbox's insert, the dispatcher's
 * claim and record, the cancelling of a deleted subscription's deliveries and the delivery log. Who may read
 * a subscription's log is {@link WebhookRepository#visibleRow}'s decision, taken before.
 */
@ApplicationScoped
public class DeliveryRepository {

    @Inject
    EntityManager em;

    /**
     * One delivery row per matching subscription and event (or for {@code onlySubscription} only, whatever its
     * events), for all the events of one type in one statement: see {@link WebhookOutbox} for the matching rule.
     */
    void enqueue(UUID[] eventIds, String eventType, String[] areaPaths, String[] bodies, Instant now,
            UUID onlySubscription) {
        String sql = """
                insert into webhook_delivery (id, subscription_id, event_id, event_type, area_path, body, status,
                                              attempts, next_attempt_at, created_at)
                select gen_random_uuid(), s.id, e.id, ?2, e.path, e.body, 'PENDING', 0, ?5, ?5
                from unnest(cast(?1 as uuid[]), cast(?3 as text[]), cast(?4 as text[])) as e(id, path, body)
                join webhook_subscription s on s.deleted_at is null
                """ + (onlySubscription != null ? " and s.id = ?6" : """
                  and ?2 = any(s.events)
                  and (s.global or exists (
                        select 1 from assignment a join area_node n on n.id = a.node_id
                        where a.principal = s.owner and a.role = 'agency' and starts_with(e.path, n.path)))
                """);
        var q = em.createNativeQuery(sql).setParameter(1, eventIds).setParameter(2, eventType)
                .setParameter(3, areaPaths).setParameter(4, bodies).setParameter(5, now);
        if (onlySubscription != null) {
            q.setParameter(6, onlySubscription);
        }
        q.executeUpdate();
    }

    /**
     * Claims up to {@code batch} due deliveries for {@code token}, pushing their due time to {@code leaseEnd};
     * rows are (id, subscription, event id, event type, body, attempts, url, encrypted secret).
     */
    @SuppressWarnings("unchecked")
    List<Object[]> claim(Instant now, Instant leaseEnd, UUID token, int batch) {
        return em.createNativeQuery("""
                update webhook_delivery d set next_attempt_at = ?2, claim_token = ?3
                from (select id from webhook_delivery
                      where status = 'PENDING' and next_attempt_at <= ?1
                      order by next_attempt_at limit ?4 for update skip locked) due,
                     webhook_subscription s
                where d.id = due.id and s.id = d.subscription_id
                returning d.id, d.subscription_id, d.event_id, d.event_type, d.body, d.attempts, s.url, s.secret""")
                .setParameter(1, now).setParameter(2, leaseEnd).setParameter(3, token).setParameter(4, batch)
                .getResultList();
    }

    /** Records an attempt's outcome if {@code token} still holds the claim; answers the rows updated (0 or 1). */
    int recordOutcome(WebhookDispatcher.Claimed c, int attempt, String status, Instant next, WebhookSender.Outcome o,
            Instant now) {
        return em.createNativeQuery("""
                update webhook_delivery set status = ?3, attempts = ?4, next_attempt_at = ?5, claim_token = null,
                       last_status = ?6, last_error = ?7, delivered_at = case when ?3 = 'DELIVERED' then cast(?8 as timestamptz) end
                where id = ?1 and claim_token = ?2 and status = 'PENDING'""")
                .setParameter(1, c.id()).setParameter(2, c.token()).setParameter(3, status).setParameter(4, attempt)
                .setParameter(5, next).setParameter(6, o.statusCode()).setParameter(7, o.error()).setParameter(8, now)
                .executeUpdate();
    }

    /** Appends an attempt to a delivery's log. */
    void insertAttempt(UUID deliveryId, int attempt, Instant at, WebhookSender.Outcome o, int durationMs,
            String instanceId) {
        em.createNativeQuery("""
                insert into webhook_attempt (delivery_id, attempt, at, status_code, error, duration_ms, instance_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, deliveryId).setParameter(2, attempt).setParameter(3, at).setParameter(4, o.statusCode())
                .setParameter(5, o.error()).setParameter(6, durationMs).setParameter(7, instanceId)
                .executeUpdate();
    }

    /** Cancels a subscription's pending deliveries. */
    void cancelPending(UUID subscriptionId, Instant now) {
        em.createNativeQuery("""
                update webhook_delivery set status = 'CANCELLED', next_attempt_at = ?2, claim_token = null
                where subscription_id = ?1 and status = 'PENDING'""")
                .setParameter(1, subscriptionId).setParameter(2, now).executeUpdate();
    }

    /** A subscription's deliveries, newest first, one more than {@code n}; {@code c} the cursor parts. */
    @SuppressWarnings("unchecked")
    List<Object[]> page(UUID subscriptionId, String status, List<String> c, int n) {
        String sql = """
                select id, event_id, event_type, status, attempts, next_attempt_at, last_status, last_error,
                       created_at, delivered_at
                from webhook_delivery where subscription_id = :sub"""
                + (status == null ? "" : " and status = :status")
                + (c == null ? "" : " and (created_at, id) < (cast(:at as timestamptz), cast(:id as uuid))")
                + " order by created_at desc, id desc limit :limit";
        var q = em.createNativeQuery(sql).setParameter("sub", subscriptionId).setParameter("limit", n + 1);
        if (status != null) {
            q.setParameter("status", status);
        }
        if (c != null) {
            q.setParameter("at", c.get(0)).setParameter("id", c.get(1));
        }
        return q.getResultList();
    }

    /** The attempts of these deliveries: (delivery, attempt, at, status code, error, duration ms). */
    @SuppressWarnings("unchecked")
    List<Object[]> attempts(String[] deliveryIds) {
        return em.createNativeQuery("""
                select delivery_id, attempt, at, status_code, error, duration_ms from webhook_attempt
                where delivery_id = any(cast(cast(?1 as text[]) as uuid[])) order by delivery_id, attempt""")
                .setParameter(1, deliveryIds).getResultList();
    }
}
