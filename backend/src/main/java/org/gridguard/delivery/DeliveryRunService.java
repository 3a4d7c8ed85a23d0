package org.gridguard.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.delivery.DeliveryRules.RunStatus;
import org.gridguard.delivery.DeliveryViews.NewRun;
import org.gridguard.delivery.DeliveryViews.RunView;
import org.gridguard.need.Needs;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

/**
 * Delivery runs: a leader or supervisor puts open needs of their reach on a run with its carriers and storage place
 * (the needs become ASSIGNED), starts it (OUT_FOR_DELIVERY) and closes it (needs without a drop go back to the board).
 */
@ApplicationScoped
public class DeliveryRunService {

    @Inject
    java.time.Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    DeliveryRepository repo;
    @Inject
    Needs needs;

    @Transactional
    public Idempotency.Outcome<RunView> create(NewRun req, String key) {
        return idempotency.once(caller.name(), key, "DELIVERY_RUN", req, RunView.class, () -> {
            DeliveryRun r = plan(req);
            return new Idempotency.Outcome<>(view(r), r.id, false);
        });
    }

    private DeliveryRun plan(NewRun req) {
        if (new HashSet<>(req.needIds()).size() != req.needIds().size()) {
            throw ApiProblem.invalid("needIds", "a need appears twice");
        }
        List<Needs.NeedRef> refs = needs.lockVisible(req.needIds());
        for (Needs.NeedRef n : refs) {
            if (n.status() != Needs.Status.OPEN) {
                throw ApiProblem.conflict("Need " + n.id() + " is " + n.status() + "; only open needs go on a run");
            }
        }
        if (refs.stream().map(Needs.NeedRef::communityId).distinct().count() > 1) {
            throw ApiProblem.invalid("needIds", "needs of one community make a run");
        }
        Map<UUID, String> paths = repo.paths(refs.stream().map(Needs.NeedRef::areaId).toList());
        List<String> stopPaths = refs.stream().map(n -> paths.get(n.areaId())).toList();
        String areaPath = DeliveryRules.commonPath(stopPaths);
        if (areaPath == null || !jurisdiction.coversAs(areaPath, List.of(Roles.SUPERVISOR, Roles.LEADER))) {
            throw ApiProblem.invalid("needIds", "the needs lie beyond the one area you lead: make one run per zone");
        }
        List<String> carriers = carriers(req.carriers(), stopPaths);
        DeliveryRun r = new DeliveryRun();
        r.id = UUID.randomUUID();
        r.communityId = refs.get(0).communityId();
        r.areaId = DeliveryRules.lastNode(areaPath);
        r.name = req.name().trim();
        r.runDate = req.date();
        r.placeId = req.placeId();
        r.status = RunStatus.PLANNED;
        r.createdBy = caller.name();
        r.createdAt = clock.instant();
        r.updatedBy = r.createdBy;
        r.updatedAt = r.createdAt;
        repo.persist(r, carriers, refs.stream().map(n -> new DeliveryRepository.StopRow(n.id(), n.householdId(), n.kind(),
                n.detail(), n.medicineName(), n.medicineQuantity(), n.urgency())).toList());
        String assignee = carriers.size() == 1 ? carriers.get(0) : null;
        for (Needs.NeedRef n : refs) {
            needs.assign(n.id(), r.id, assignee, caller.name());
        }
        return r;
    }

    /** The carriers, each a grid worker or leader whose assignments cover every stop, or 400 naming the first not. */
    private List<String> carriers(List<String> names, List<String> stopPaths) {
        List<String> carriers = DeliveryRules.carriers(names);
        if (carriers.isEmpty()) {
            throw ApiProblem.invalid("carriers", "name at least one carrier");
        }
        Map<String, List<String>> reach = repo.carrierReach(carriers);
        for (String c : carriers) {
            if (!DeliveryRules.coversAll(reach.getOrDefault(c, List.of()), stopPaths)) {
                throw ApiProblem.invalid("carriers", c + " is not a grid worker or leader assigned to every stop's area");
            }
        }
        return carriers;
    }

    @Transactional
    public Page<RunView> list(LocalDate date, RunStatus status, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        return Page.of(views(repo.page(date, status, Cursor.at(c), Cursor.id(c), lim + 1)), lim,
                DeliveryRunService::cursorOf);
    }

    private static String cursorOf(RunView v) {
        return Cursor.encode(v.createdAt().toString(), v.id().toString());
    }

    @Transactional
    public RunView get(UUID id) {
        return view(repo.visible(id));
    }

    /** PLANNED -> STARTED: the needs still assigned to the run go out for delivery. */
    @Transactional
    public RunView start(UUID id, Long version, String ifMatch) {
        DeliveryRun r = move(id, version, ifMatch, RunStatus.STARTED);
        for (Needs.NeedRef n : needs.lockVisible(repo.undropped(r.id))) {
            if (r.id.equals(n.runId()) && n.status() == Needs.Status.ASSIGNED) {
                needs.dispatch(n.id(), caller.name());
            }
        }
        return view(r);
    }

    /** -> CLOSED: the needs still on the run without a drop go back to the board (OPEN). */
    @Transactional
    public RunView close(UUID id, Long version, String ifMatch) {
        DeliveryRun r = move(id, version, ifMatch, RunStatus.CLOSED);
        Set<Needs.Status> carried = Set.of(Needs.Status.ASSIGNED, Needs.Status.OUT_FOR_DELIVERY);
        for (Needs.NeedRef n : needs.lockVisible(repo.undropped(r.id))) {
            if (r.id.equals(n.runId()) && carried.contains(n.status())) {
                needs.reopen(n.id(), "Delivery run " + r.name + " closed without a drop", caller.name());
            }
        }
        return view(r);
    }

    private DeliveryRun move(UUID id, Long version, String ifMatch, RunStatus to) {
        DeliveryRun r = repo.manageable(id);
        Versions.check(r.version, ifMatch, version);
        if (!DeliveryRules.canMove(r.status, to)) {
            throw ApiProblem.conflict("The run is " + r.status + "; it cannot become " + to);
        }
        Instant now = clock.instant();
        r.status = to;
        if (to == RunStatus.STARTED) {
            r.startedAt = now;
        } else {
            r.closedAt = now;
        }
        r.updatedBy = caller.name();
        r.updatedAt = now;
        repo.flush();
        return r;
    }

    RunView view(DeliveryRun r) {
        return views(List.of(r)).get(0);
    }

    List<RunView> views(List<DeliveryRun> runs) {
        UUID[] ids = runs.stream().map(r -> r.id).toArray(UUID[]::new);
        Map<UUID, List<String>> carriers = repo.carriers(ids);
        Map<UUID, int[]> counts = repo.counts(ids);
        return runs.stream().map(r -> {
            int[] n = counts.getOrDefault(r.id, new int[2]);
            return new RunView(r.id, r.name, r.runDate, r.placeId, r.status, r.areaId, repo.areaName(r.areaId),
                    carriers.getOrDefault(r.id, List.of()), n[0], n[1], r.createdBy, r.createdAt, r.startedAt, r.closedAt,
                    r.version);
        }).toList();
    }
}
