package org.gridguard.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates that are safe to retry. The Idempotency-Key is recorded in the same transaction as the create:
 * the same key and body give the first result again, never a second row; the same key with another
 * body is 422. A concurrent duplicate waits on the key's row and then replays the winner's result.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "gridguard.idempotency.keep")
    Duration keep;

    /** The result of a create: the view, its id, and whether this answer replays an earlier one. */
    public record Outcome<T>(T view, UUID id, boolean replayed) {
    }

    /**
     * Runs {@code create} once per (principal, key). Without a key the create simply runs.
     * The caller's transaction (this method's) covers the key and the create together.
     */
    @Transactional
    public <T> Outcome<T> once(String principal, String key, String resourceType, Object request, Class<T> viewType,
            Supplier<Outcome<T>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiProblem.invalid(HEADER, "must be 1 to 200 characters");
        }
        String hash = hash(request);
        int inserted = em.createNativeQuery("""
                insert into idempotency_key (principal, key, request_hash, resource_type)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, hash).setParameter(4, resourceType)
                .executeUpdate();
        if (inserted == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select request_hash, resource_type, cast(response as text), cast(resource_id as text)
                    from idempotency_key where principal = ?1 and key = ?2""")
                    .setParameter(1, principal).setParameter(2, key).getResultList();
            Object[] row = rows.get(0);
            if (!hash.equals(row[0]) || !resourceType.equals(row[1])) {
                throw ApiProblem.unprocessable("idempotency-key-reused",
                        "This Idempotency-Key was already used with a different request");
            }
            try {
                T view = json.readValue((String) row[2], viewType);
                return new Outcome<>(view, row[3] == null ? null : UUID.fromString((String) row[3]), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored idempotent response unreadable", e);
            }
        }
        Outcome<T> outcome = create.get();
        em.createNativeQuery("""
                update idempotency_key set response = cast(?3 as jsonb), resource_id = ?4, status = 201
                where principal = ?1 and key = ?2""")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, write(outcome.view()))
                .setParameter(4, outcome.id()).executeUpdate();
        return outcome;
    }

    /** Forgets keys older than the retention period; run once a day by {@link Housekeeping}. */
    @Transactional
    public int purge() {
        return em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, clock.instant().minus(keep)).executeUpdate();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(Object request) {
        try {
            JsonNode tree = json.valueToTree(request);
            byte[] canonical = json.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
