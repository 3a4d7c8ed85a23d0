package org.gridguard.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.security.Caller;

/**
 * Every query of {@code webhook_subscription}, with the caller's reach applied here: a subscription belongs to
 * the client that registered it (admins see all); another client's subscription answers 404 like an unknown id.
 * Rows are {@link #COLUMNS} in order.
 */
@ApplicationScoped
public class WebhookRepository {

    static final String COLUMNS = "id, url, events, description, owner, created_at, deleted_at";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /** The subscription's row, deleted or not, whoever owns it; null when there is none. */
    Object[] row(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from webhook_subscription where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Whether the caller sees this row: not deleted, and the caller's own (or the caller is an admin). */
    boolean visible(Object[] r) {
        return r[6] == null && (caller.isAdmin() || caller.name().equals(r[4]));
    }

    /** The caller's subscription, else 404. */
    Object[] visibleRow(UUID id) {
        Object[] r = row(id);
        if (r == null || !visible(r)) {
            throw ApiProblem.notFound("Webhook");
        }
        return r;
    }

    /** Registers a subscription for the caller, with its secret already encrypted. */
    void insert(UUID id, String url, String[] events, String secretEnc, String description, Instant now) {
        em.createNativeQuery("""
                insert into webhook_subscription (id, owner, global, url, events, secret, description, created_at)
                values (?1, ?2, ?3, ?4, cast(?5 as text[]), ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, caller.name()).setParameter(3, caller.isAdmin())
                .setParameter(4, url).setParameter(5, events)
                .setParameter(6, secretEnc).setParameter(7, description).setParameter(8, now)
                .executeUpdate();
    }

    /** The caller's subscriptions (admins: all), newest first, one more than {@code n}; {@code c} the cursor parts. */
    @SuppressWarnings("unchecked")
    List<Object[]> page(List<String> c, int n) {
        String sql = "select " + COLUMNS + " from webhook_subscription where deleted_at is null"
                + (caller.isAdmin() ? "" : " and owner = :owner")
                + (c == null ? "" : " and (created_at, id) < (cast(:at as timestamptz), cast(:id as uuid))")
                + " order by created_at desc, id desc limit :limit";
        var q = em.createNativeQuery(sql).setParameter("limit", n + 1);
        if (!caller.isAdmin()) {
            q.setParameter("owner", caller.name());
        }
        if (c != null) {
            q.setParameter("at", c.get(0)).setParameter("id", c.get(1));
        }
        return q.getResultList();
    }

    /** Marks a subscription deleted. */
    void markDeleted(UUID id, Instant now) {
        em.createNativeQuery("update webhook_subscription set deleted_at = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, now).executeUpdate();
    }
}
