package org.gridguard.job;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code job}, with who may see a job decided here: its owner, or a supervisor of its
 * community (admins: every job). The queue statements (claim, heartbeat, reap, hand back) run as the instance.
 */
@ApplicationScoped
public class JobRepository {

    @Inject
    EntityManager em;

    /** A job the caller may see: their own, or one in their jurisdiction's communities (supervisors, admin). */
    Job visible(UUID id, Caller caller, Jurisdiction jurisdiction) {
        Job j = Job.findById(id);
        if (j == null) {
            throw ApiProblem.notFound("Job");
        }
        boolean mine = j.owner.equals(caller.name());
        boolean inScope = jurisdiction.isGlobal()
                || (caller.hasRole("supervisor") && j.communityId != null
                        && jurisdiction.communityIds().contains(j.communityId));
        if (!mine && !inScope) {
            throw ApiProblem.notFound("Job");
        }
        return j;
    }

    /** The job, detached from the persistence context (a handler runs it outside the transaction). */
    Job detached(UUID id) {
        Job j = Job.findById(id);
        em.detach(j);
        return j;
    }

    /**
     * Queued and running jobs of a kind: the owner's and everyone's. Takes a transaction-scoped advisory lock on
     * the kind first, so two instances submitting at once count one after the other (the lock is held until the
     * submitting transaction commits its new job).
     */
    long[] inProgress(String kind, String owner) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('job-limit:' || ?1))").setParameter(1, kind)
                .getSingleResult();
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where owner = ?2), count(*) from job
                where kind = ?1 and status in ('QUEUED', 'RUNNING')""").setParameter(1, kind).setParameter(2, owner)
                .getSingleResult();
        return new long[] { ((Number) row[0]).longValue(), ((Number) row[1]).longValue() };
    }

    /** Claims the oldest queued job for this instance: (id, attempts), or null when none is queued. */
    Object[] claim(String instanceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                update job set status = 'RUNNING', instance_id = ?1, heartbeat_at = now(),
                       started_at = coalesce(started_at, now()), attempts = attempts + 1
                where id = (select id from job where status = 'QUEUED' order by created_at
                            for update skip locked limit 1)
                returning id, attempts""").setParameter(1, instanceId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Heartbeats the jobs this instance runs. */
    void heartbeat(UUID[] running, String instanceId) {
        em.createNativeQuery(
                "update job set heartbeat_at = now() where id = any(?1) and status = 'RUNNING' and instance_id = ?2")
                .setParameter(1, running).setParameter(2, instanceId)
                .executeUpdate();
    }

    /** Re-queues or fails jobs whose instance stopped heartbeating; answers how many. */
    int reap(String staleAfter, int maxAttempts) {
        return em.createNativeQuery("""
                update job set
                  status = case when attempts >= ?2 then 'FAILED' else 'QUEUED' end,
                  error = case when attempts >= ?2 then 'The job was interrupted too many times' else error end,
                  finished_at = case when attempts >= ?2 then now() else finished_at end,
                  instance_id = null
                where status = 'RUNNING' and heartbeat_at < now() - cast(?1 as interval)""")
                .setParameter(1, staleAfter).setParameter(2, maxAttempts).executeUpdate();
    }

    /** Hands the jobs this instance runs back to the queue. */
    void handBack(UUID[] running, String instanceId) {
        em.createNativeQuery(
                "update job set status = 'QUEUED', instance_id = null where id = any(?1) and status = 'RUNNING' and instance_id = ?2")
                .setParameter(1, running).setParameter(2, instanceId)
                .executeUpdate();
    }
}
