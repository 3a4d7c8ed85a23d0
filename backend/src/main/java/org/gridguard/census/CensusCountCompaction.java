package org.gridguard.census;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Folds the census totals' pending deltas (V33, ADR 0054) into one row per area, so that a report sums one row per
 * area node however many writes came before it. The rows it deletes and the row it writes are one transaction: the
 * sums never change, a delta appended meanwhile stays pending for the next time, and two instances folding at once
 * each write the sum of only what they deleted.
 */
@ApplicationScoped
public class CensusCountCompaction {

    /** Areas folded per transaction: an import of a whole city's census leaves ~20,000 areas pending. */
    static final int AREAS_PER_FOLD = 5_000;

    @Inject
    EntityManager em;

    @Scheduled(every = "5m", delay = 2, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (fold() == AREAS_PER_FOLD) {
            // more areas pending: fold the next ones
        }
    }

    /** Folds up to {@link #AREAS_PER_FOLD} areas with pending deltas; returns how many. */
    @Transactional
    int fold() {
        return ((Number) em.createNativeQuery("""
                with due as (select distinct area_id from census_count where pending limit :areas),
                gone as (delete from census_count c using due where c.area_id = due.area_id
                         returning c.community_id, c.area_id, c.households, c.living),
                folded as (insert into census_count (community_id, area_id, households, living, pending)
                           select community_id, area_id, sum(households), sum(living), false from gone
                           group by 1, 2 having sum(households) <> 0 or sum(living) <> 0)
                select count(distinct area_id) from gone""").setParameter("areas", AREAS_PER_FOLD)
                .getSingleResult()).intValue();
    }
}
