package org.gridguard.need;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.need.Needs.Status;

/** Moves a need along its lifecycle ({@link NeedRules}), writing who, when and why to its history. */
@ApplicationScoped
class NeedTransitions {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    NeedRepository repo;

    void assign(Need n, java.util.UUID runId, String assignee, String actor) {
        move(n, Status.ASSIGNED, "ASSIGNED", actor, assignee == null ? null : "to " + assignee, () -> {
            n.runId = runId;
            n.assignedTo = assignee;
        });
    }

    void dispatch(Need n, String actor) {
        move(n, Status.OUT_FOR_DELIVERY, "DISPATCHED", actor, null, () -> {
        });
    }

    void deliver(Need n, String receivedBy, String actor) {
        if (receivedBy == null || receivedBy.isBlank()) {
            throw ApiProblem.invalid("receivedBy", "say who received it at the door");
        }
        String who = receivedBy.trim();
        move(n, Status.DELIVERED, "DELIVERED", actor, "received by " + who, () -> {
            n.receivedBy = who;
            n.deliveredAt = clock.instant();
        });
    }

    void reopen(Need n, String reason, String actor) {
        move(n, Status.OPEN, "REOPENED", actor, reason, () -> {
            n.runId = null;
            n.assignedTo = null;
        });
    }

    void cancel(Need n, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "say why the need is cancelled");
        }
        String why = reason.trim();
        move(n, Status.CANCELLED, "CANCELLED", actor, why, () -> {
            n.cancelReason = why;
            n.runId = null;
            n.assignedTo = null;
        });
    }

    /** Checks the move, applies the fields that go with it and the status together, then writes the history. */
    private void move(Need n, Status to, String action, String actor, String reason, Runnable fields) {
        if (!NeedRules.canMove(n.status, to)) {
            throw ApiProblem.conflict(NeedRules.refusal(n.status, to));
        }
        Instant now = clock.instant();
        Status from = n.status;
        fields.run();
        n.status = to;
        n.updatedBy = actor;
        n.updatedAt = now;
        em.flush();
        repo.event(n.id, action, from, to, actor, now, reason);
    }
}
