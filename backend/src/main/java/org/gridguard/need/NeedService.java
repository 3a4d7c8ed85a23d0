package org.gridguard.need;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.need.NeedViews.NeedCancel;
import org.gridguard.need.NeedViews.NeedView;

/**
 * The needs register: open a need for a household, a resident or a person under an order (within reach, or through
 * the {@link Needs} port for a visit already checked), read and list them within reach, cancel one with a reason.
 * Every change of status is written to {@code need_event}.
 */
@ApplicationScoped
public class NeedService {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    NeedRepository repo;
    @Inject
    NeedTransitions transitions;

    @Transactional
    public Idempotency.Outcome<NeedView> create(Needs.NewNeed req, String key) {
        return idempotency.once(caller.name(), key, "NEED", req, NeedView.class, () -> {
            Need n = open(req, caller.name(), true);
            return new Idempotency.Outcome<>(view(n), n.id, false);
        });
    }

    /** Opens a need; with {@code checkReach} a subject out of the caller's reach is missing (404). */
    Need open(Needs.NewNeed req, String actor, boolean checkReach) {
        int given = (req.householdId() == null ? 0 : 1) + (req.residentId() == null ? 0 : 1)
                + (req.quarantineOrderId() == null ? 0 : 1);
        if (given != 1) {
            throw ApiProblem.invalid("householdId", "send exactly one of householdId, residentId and quarantineOrderId");
        }
        medicine(req);
        NeedRepository.Place p = repo.place(req.householdId(), req.residentId(), req.quarantineOrderId());
        String what = req.residentId() != null ? "Resident" : req.householdId() != null ? "Household" : "Quarantine order";
        if (p == null || checkReach && !jurisdiction.covers(p.path())) {
            throw ApiProblem.notFound(what);
        }
        Need n = new Need();
        n.id = UUID.randomUUID();
        n.communityId = p.communityId();
        n.gridCellId = p.gridCellId();
        n.areaId = p.areaId();
        n.householdId = p.householdId();
        n.residentId = p.residentId();
        n.quarantineOrderId = p.orderId();
        n.kind = req.kind();
        n.detail = req.detail() == null || req.detail().isBlank() ? null : req.detail().trim();
        n.urgency = req.urgency();
        n.source = req.source();
        n.medicineName = blankToNull(req.medicineName());
        n.medicineQuantity = blankToNull(req.medicineQuantity());
        n.sourceRef = req.sourceRef();
        n.status = Needs.Status.OPEN;
        n.createdBy = actor;
        n.updatedBy = actor;
        n.createdAt = clock.instant();
        n.updatedAt = n.createdAt;
        n.persist();
        em.flush();
        repo.event(n.id, "OPENED", null, n.status, actor, n.createdAt, null);
        return n;
    }

    @Transactional
    public NeedView get(UUID id) {
        return view(repo.visible(id));
    }

    @Transactional
    public NeedView cancel(UUID id, NeedCancel body, String ifMatch) {
        Need n = seen(id, ifMatch, body.version());
        transitions.cancel(n, body.reason(), caller.name());
        return view(n);
    }

    /** Assigns an open need to a carrier: a worker takes it themselves, a leader or supervisor names one. */
    @Transactional
    public NeedView assign(UUID id, NeedViews.NeedAssign body, String ifMatch) {
        Need n = seen(id, ifMatch, body.version());
        String assignee = body.assignee() == null || body.assignee().isBlank() ? caller.name() : body.assignee().trim();
        if (!assignee.equals(caller.name())) {
            if (!caller.hasRole("grid-leader") && !caller.hasRole("supervisor")) {
                throw ApiProblem.invalid("assignee", "a grid worker takes a need for themselves; leave assignee empty");
            }
            if (!repo.carries(assignee, n.gridCellId)) {
                throw ApiProblem.invalid("assignee", assignee + " is not a grid worker or leader of the need's cell");
            }
        }
        transitions.assign(n, null, assignee, caller.name());
        return view(n);
    }

    /** The carrier sets out with it. */
    @Transactional
    public NeedView dispatch(UUID id, NeedViews.NeedStep body, String ifMatch) {
        Need n = seen(id, ifMatch, body.version());
        transitions.dispatch(n, caller.name());
        return view(n);
    }

    /** Handed over at the door. */
    @Transactional
    public NeedView deliver(UUID id, NeedViews.NeedDeliver body, String ifMatch) {
        Need n = seen(id, ifMatch, body.version());
        transitions.deliver(n, body.receivedBy(), caller.name());
        return view(n);
    }

    /** Back on the board (nobody home, the carrier could not go). */
    @Transactional
    public NeedView reopen(UUID id, NeedCancel body, String ifMatch) {
        Need n = seen(id, ifMatch, body.version());
        transitions.reopen(n, body.reason().trim(), caller.name());
        return view(n);
    }

    /** Attaches (or replaces) the prescription photo of a medicine need. */
    @Transactional
    public void putPrescription(UUID id, String contentType, byte[] bytes) {
        Need n = repo.visible(id);
        if (n.kind != Needs.Kind.MEDICINE) {
            throw ApiProblem.conflict("Only a medicine need carries a prescription photo; this need is " + n.kind);
        }
        String type = NeedPhotos.check(contentType, bytes);
        repo.putPrescription(n.id, type, bytes, caller.name(), clock.instant());
    }

    /** The prescription photo: content type and bytes; 404 when there is none. */
    @Transactional
    public Object[] prescription(UUID id) {
        Need n = repo.visible(id);
        Object[] photo = repo.prescription(n.id);
        if (photo == null) {
            throw ApiProblem.notFound("Prescription photo");
        }
        return photo;
    }

    private Need seen(UUID id, String ifMatch, Long version) {
        Need n = repo.lockVisible(id);
        Versions.check(n.version, ifMatch, version);
        return n;
    }

    private static void medicine(Needs.NewNeed req) {
        boolean named = blankToNull(req.medicineName()) != null || blankToNull(req.medicineQuantity()) != null;
        if (named && req.kind() != Needs.Kind.MEDICINE) {
            throw ApiProblem.invalid("medicineName", "only a MEDICINE need names a medicine; this one is " + req.kind());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Transactional
    public Page<NeedView> list(Needs.Status status, Needs.Kind kind, Needs.Urgency urgency, UUID areaId, String cursor,
            Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        String area = null;
        if (areaId != null) {
            area = repo.areaPath(areaId);
            if (area == null || !jurisdiction.overlaps(area)) {
                throw ApiProblem.notFound("Area node");
            }
        }
        NeedRepository.Filter filter = new NeedRepository.Filter(status, kind, urgency, area);
        return Page.of(views(repo.page(filter, Cursor.at(c), Cursor.id(c), lim + 1)), lim, NeedService::cursorOf);
    }

    private static String cursorOf(NeedView v) {
        return Cursor.encode(v.createdAt().toString(), v.id().toString());
    }

    NeedView view(Need n) {
        return views(List.of(n)).get(0);
    }

    List<NeedView> views(List<Need> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        UUID[] ids = list.stream().map(n -> n.id).toArray(UUID[]::new);
        Map<UUID, Object[]> labels = repo.labels(ids);
        Map<UUID, List<NeedViews.NeedEventView>> history = repo.history(ids);
        java.util.Set<UUID> photos = repo.withPrescription(ids);
        return list.stream().map(n -> {
            Object[] l = labels.getOrDefault(n.id, new Object[5]);
            return new NeedView(n.id, n.kind, n.detail, n.urgency, n.source, n.sourceRef, n.status, n.cancelReason,
                    n.householdId, n.residentId, (String) l[1], (String) l[2], n.quarantineOrderId, (String) l[4], n.areaId,
                    n.gridCellId, (String) l[3], n.medicineName, n.medicineQuantity, photos.contains(n.id), n.runId,
                    n.assignedTo, n.receivedBy, n.deliveredAt, n.createdBy, n.createdAt, n.updatedAt, n.version,
                    history.getOrDefault(n.id, List.of()));
        }).toList();
    }
}
