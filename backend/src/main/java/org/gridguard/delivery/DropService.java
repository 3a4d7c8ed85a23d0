package org.gridguard.delivery;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Problem;
import org.gridguard.delivery.DeliveryRules.Outcome;
import org.gridguard.delivery.DeliveryViews.DropView;
import org.gridguard.delivery.DeliveryViews.Line;
import org.gridguard.delivery.DeliveryViews.NewDrop;
import org.gridguard.need.Needs;
import org.gridguard.security.Caller;
import org.gridguard.supply.Stock;

/**
 * Drops: what happened at one door of a started run, recorded once. DELIVERED issues the items from the run's storage
 * place (a shortfall is 409 and nothing of the drop is kept) and marks the need delivered; NOBODY_HOME puts the need
 * back on the board; REFUSED cancels it with the reason.
 */
@ApplicationScoped
public class DropService {

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    DeliveryRepository repo;
    @Inject
    DeliverySheetService sheets;
    @Inject
    Needs needs;
    @Inject
    Stock stock;

    /** What the Idempotency-Key is checked against: the run and the drop. */
    record Keyed(UUID runId, NewDrop drop) {
    }

    @Transactional
    public Idempotency.Outcome<DropView> record(UUID runId, NewDrop req, String key) {
        DeliveryRun r = repo.visible(runId);
        return idempotency.once(caller.name(), key, "DELIVERY_DROP", new Keyed(runId, req), DropView.class, () -> {
            DeliveryRepository.DropRow d = drop(r, req);
            return new Idempotency.Outcome<>(sheets.dropView(d, repo.dropItems(r.id).get(d.id()), r.id), d.id(), false);
        });
    }

    private DeliveryRepository.DropRow drop(DeliveryRun r, NewDrop req) {
        List<Line> items = req.items() == null ? List.of() : req.items();
        List<Problem.FieldError> problems = DeliveryRules.dropProblems(req.outcome(), req.receivedBy(),
                items.stream().map(Line::itemId).toList());
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems.get(0).message(), problems);
        }
        if (r.status != DeliveryRules.RunStatus.STARTED) {
            throw ApiProblem.conflict("The run is " + r.status + "; drops are recorded on a started run");
        }
        DeliveryRepository.StopRow stop = repo.lockStop(r.id, req.needId());
        if (stop == null) {
            throw ApiProblem.notFound("Need");
        }
        if (repo.dropped(r.id, req.needId())) {
            throw ApiProblem.conflict("This door's drop is already recorded");
        }
        Needs.NeedRef need = needs.lockVisible(List.of(req.needId())).get(0);
        if (need.status() == Needs.Status.DELIVERED || need.status() == Needs.Status.CANCELLED) {
            throw ApiProblem.conflict("The need is already " + need.status());
        }
        if (!r.id.equals(need.runId())) {
            throw ApiProblem.conflict("The need is no longer on this run");
        }
        String note = req.note() == null || req.note().isBlank() ? null : req.note().trim();
        String receivedBy = req.receivedBy() == null ? null : req.receivedBy().trim();
        UUID movement = apply(r, stop, req.outcome(), receivedBy, note, items);
        var d = new DeliveryRepository.DropRow(UUID.randomUUID(), req.needId(), req.outcome(), receivedBy, note, movement,
                caller.name(), clock.instant());
        repo.insertDrop(r.id, d, items);
        return d;
    }

    /** Moves the need (and the stock) for the outcome; the issuing movement's id when items left the store. */
    private UUID apply(DeliveryRun r, DeliveryRepository.StopRow stop, Outcome outcome, String receivedBy, String note,
            List<Line> items) {
        String actor = caller.name();
        switch (outcome) {
            case DELIVERED -> {
                UUID movement = items.isEmpty() ? null
                        : stock.issueForDelivery(r.placeId, items.stream().map(l -> new Stock.Line(l.itemId(), l.quantity()))
                                .toList(), r.id, stop.needId(), stop.householdId(), actor);
                needs.deliver(stop.needId(), receivedBy, actor);
                return movement;
            }
            case NOBODY_HOME -> needs.reopen(stop.needId(), note == null ? "Nobody home" : "Nobody home: " + note, actor);
            case REFUSED -> needs.cancel(stop.needId(), note == null ? "Refused at the door" : "Refused at the door: " + note,
                    actor);
        }
        return null;
    }
}
