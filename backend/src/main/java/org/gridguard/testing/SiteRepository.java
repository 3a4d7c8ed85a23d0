package org.gridguard.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.testing.RoundService.Area;
import org.gridguard.testing.TestingViews.NewSite;
import org.gridguard.testing.TestingViews.SiteView;

/**
 * Every query of sampling sites (test_site). A site is seen by whoever sees its round: the service reads the round
 * through {@link RoundRepository#visible} first.
 */
@ApplicationScoped
public class SiteRepository {

    @Inject
    EntityManager em;

    /** The site at area node {@code a}; 0 if one with this id exists. */
    int insert(UUID id, UUID roundId, Area a, NewSite req, String by, Instant now) {
        return em.createNativeQuery("""
                insert into test_site (id, round_id, community_id, area_id, name, address, opens_at, closes_at,
                  created_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict do nothing""")
                .setParameter(1, id).setParameter(2, roundId).setParameter(3, a.communityId()).setParameter(4, a.id())
                .setParameter(5, req.name().trim()).setParameter(6, req.address()).setParameter(7, req.opensAt())
                .setParameter(8, req.closesAt()).setParameter(9, by).setParameter(10, now)
                .executeUpdate();
    }

    List<SiteView> list(UUID roundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, round_id, area_id, name, address, opens_at, closes_at from test_site
                where round_id = ?1 order by name, id limit 500""").setParameter(1, roundId).getResultList();
        return rows.stream().map(x -> new SiteView((UUID) x[0], (UUID) x[1], (UUID) x[2], (String) x[3], (String) x[4],
                Round.time(x[5]), Round.time(x[6]))).toList();
    }
}
