package org.gridguard.job;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.OnceOnly;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import org.gridguard.common.Port;

/**
 * Jobs live in PostgreSQL: any instance may pick a queued job (FOR UPDATE SKIP LOCKED), running jobs
 * heartbeat, and a job whose instance stopped heartbeating is re-queued (taken over) or, after three
 * attempts, failed. A job is never left "running" by a dead instance.
 */
@Port
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);
    static final int MAX_ATTEMPTS = 3;

    @Inject
    JobRepository jobs;

    @Inject
    Clock clock;

    @Inject
    OnceOnly onceOnly;

    @Inject
    @Any
    Instance<JobHandler> handlers;

    @ConfigProperty(name = "gridguard.jobs.stale-after")
    Duration staleAfter;

    @ConfigProperty(name = "gridguard.jobs.workers", defaultValue = "2")
    int workers;

    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private ExecutorService executor;

    synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "gridguard-job");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry tx;

    @Transactional
    public UUID submit(String kind, String owner, UUID communityId, Map<String, Object> params) {
        handler(kind);
        // start it as soon as it is committed, instead of at the next poll
        tx.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED && !stopping) {
                    executor().submit(JobService.this::poll);
                }
            }
        });
        Job j = new Job();
        j.id = UUID.randomUUID();
        j.kind = kind;
        j.status = Job.Status.QUEUED;
        j.owner = owner;
        j.communityId = communityId;
        j.params = params == null ? Map.of() : params;
        j.report = Map.of();
        j.createdAt = clock.instant();
        j.persist();
        return j.id;
    }

    /**
     * Work-in-progress limits for a kind of job, counted in the job table so they hold across instances: at most
     * {@code perOwner} queued or running jobs of the owner and {@code overall} of everyone; {@code retryAfterSeconds}
     * goes into the 429's Retry-After.
     */
    public record Limits(int perOwner, int overall, long retryAfterSeconds) {
    }

    /** {@link #submit(String, String, UUID, Map)} within the limits, or 429 (ADR 0029). */
    @Transactional
    public UUID submit(String kind, String owner, UUID communityId, Map<String, Object> params, Limits limits) {
        long[] n = jobs.inProgress(kind, owner);
        if (n[0] >= limits.perOwner()) {
            throw ApiProblem.busy("You already have " + n[0] + " of these jobs queued or running (at most "
                    + limits.perOwner() + "); wait for one to finish", limits.retryAfterSeconds());
        }
        if (n[1] >= limits.overall()) {
            throw ApiProblem.busy("The server already has " + n[1] + " of these jobs queued or running (at most "
                    + limits.overall() + "); try again later", limits.retryAfterSeconds());
        }
        return submit(kind, owner, communityId, params);
    }

    /** A job the caller may see: their own, or one in their jurisdiction's communities (supervisors, admin). */
    @Transactional
    public JobView get(UUID id, Caller caller, Jurisdiction jurisdiction) {
        Job j = jobs.visible(id, caller, jurisdiction);
        return JobView.of(j);
    }

    JobHandler handler(String kind) {
        for (JobHandler h : handlers) {
            if (h.kind().equals(kind)) {
                return h;
            }
        }
        throw new IllegalArgumentException("no job handler for " + kind);
    }

    @Scheduled(every = "${gridguard.jobs.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void poll() {
        while (!stopping && running.size() < workers) {
            Object[] claimed = QuarkusTransaction.requiringNew().call(this::claim);
            if (claimed == null) {
                return;
            }
            UUID id = (UUID) claimed[0];
            boolean resumed = ((Number) claimed[1]).intValue() > 1;
            running.add(id);
            executor().submit(() -> execute(id, resumed));
        }
    }

    Object[] claim() {
        return jobs.claim(onceOnly.instanceId());
    }

    void execute(UUID id, boolean resumed) {
        try {
            Job snapshot = QuarkusTransaction.requiringNew().call(() -> jobs.detached(id));
            JobHandler h = handler(snapshot.kind);
            Map<String, Object> report = h.run(new Ctx(snapshot, resumed));
            finish(id, Job.Status.SUCCEEDED, report, null);
        } catch (ApiProblem p) {
            finish(id, Job.Status.FAILED, null, p.getMessage());
        } catch (Exception | Error e) {
            LOG.errorf("job %s failed: %s", id, e.getClass().getName());
            LOG.debug("job failure", e);
            finish(id, Job.Status.FAILED, null, "The job failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        } finally {
            running.remove(id);
        }
    }

    void finish(UUID id, Job.Status status, Map<String, Object> report, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job j = Job.findById(id);
            if (j == null || j.status != Job.Status.RUNNING || !onceOnly.instanceId().equals(j.instanceId)) {
                return; // taken over meanwhile: the other instance owns the outcome
            }
            j.status = status;
            if (report != null) {
                j.report = report;
            }
            if (status == Job.Status.SUCCEEDED) {
                j.progress = 100;
            }
            j.error = error;
            j.finishedAt = clock.instant();
        });
    }

    @Scheduled(every = "${gridguard.jobs.heartbeat-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (stopping || running.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> jobs.heartbeat(running.toArray(UUID[]::new), onceOnly.instanceId()));
    }

    /** Takes over (re-queues) or fails jobs whose instance stopped heartbeating. */
    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reap() {
        if (stopping) {
            return;
        }
        QuarkusTransaction.requiringNew().run(this::reapNow);
    }

    int reapNow() {
        return jobs.reap(staleAfter.toSeconds() + " seconds", MAX_ATTEMPTS);
    }

    void onStop(@jakarta.enterprise.event.Observes ShutdownEvent ev) {
        stopping = true;
        // hand running jobs back to the queue so another instance continues promptly
        try {
            if (!running.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> jobs.handBack(running.toArray(UUID[]::new),
                        onceOnly.instanceId()));
            }
        } catch (RuntimeException e) {
            LOG.warn("could not hand back running jobs at shutdown; they will be reaped");
        }
    }

    @PreDestroy
    void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    final class Ctx implements JobHandler.Context {
        private final Job job;
        private final boolean resumed;

        Ctx(Job job, boolean resumed) {
            this.job = job;
            this.resumed = resumed;
        }

        @Override
        public UUID id() {
            return job.id;
        }

        @Override
        public String owner() {
            return job.owner;
        }

        @Override
        public UUID communityId() {
            return job.communityId;
        }

        @Override
        public Map<String, Object> params() {
            return job.params;
        }

        @Override
        public boolean resumed() {
            return resumed;
        }

        @Override
        public void progress(int percent, Map<String, Object> partial) {
            int p = Math.max(0, Math.min(99, percent));
            QuarkusTransaction.requiringNew().run(() -> {
                Job j = Job.findById(job.id);
                if (j != null && j.status == Job.Status.RUNNING) {
                    j.progress = Math.max(j.progress, p);
                    if (partial != null) {
                        j.report = new HashMap<>(partial);
                    }
                    j.heartbeatAt = clock.instant();
                }
            });
        }
    }
}
