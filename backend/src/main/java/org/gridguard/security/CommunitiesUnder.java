package org.gridguard.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The communities under a caller's nodes above community level (a street, a district), remembered for 30 s: every
 * request of a district supervisor needed them, one query over the area tree each time (ADR 0019). Moving an area
 * forgets them all on this instance; another instance may answer with the old tree for up to 30 s.
 */
@ApplicationScoped
public class CommunitiesUnder {

    @Inject
    EntityManager em;

    private final Cache<List<String>, Set<UUID>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();

    /** Communities whose path matches one of these LIKE patterns ({@code /…/%}). */
    @SuppressWarnings("unchecked")
    public Set<UUID> of(List<String> patterns) {
        return cache.get(List.copyOf(patterns), p -> Set.copyOf(em.createNativeQuery(
                "select id from area_node where kind = 'COMMUNITY' and path like any(cast(?1 as text[]))")
                .setParameter(1, p.toArray(String[]::new)).getResultList()));
    }

    /** The area tree changed shape. */
    public void forget() {
        cache.invalidateAll();
    }
}
