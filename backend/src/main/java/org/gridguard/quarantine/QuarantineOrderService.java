package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;

import org.eclipse.microprofile.config.Config;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.quarantine.QuarantineViews.NewOrder;
import org.gridguard.quarantine.QuarantineViews.OrderView;
import org.gridguard.quarantine.QuarantineViews.PersonInput;
import org.gridguard.quarantine.QuarantineViews.PersonView;
import org.gridguard.quarantine.QuarantineViews.Status;
import org.gridguard.security.Caller;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.webhook.WebhookOutbox;

/**
 * Quarantine orders: creation (one active order per person, default durations) and the views every part of the
 * feature shows. Changes of an active order (extend, release, transfer) are {@link QuarantineMoves}'s.
 * <p>
 * Other parts of the feature (the bureau's lists, visits, sites) call {@link #create(String, NewOrder)} and
 * {@link #activeFor(String)} without an HTTP request: they have checked their own caller's reach first.
 */
@ApplicationScoped
public class QuarantineOrderService {

    /** The delta feed's entity. */
    public static final String ENTITY = "QUARANTINE_ORDER";
    static final String RESOURCE_TYPE = "QUARANTINE_ORDER";
    /** Who may download the release notice (NoticeResource) and so read its check code. */
    static final List<String> NOTICE_PRINTERS = List.of("supervisor", "grid-leader", "grid-worker");

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    QuarantineRepository repo;
    @Inject
    QuarantineReach reach;
    @Inject
    PiiCipher pii;
    @Inject
    ChangeLog changes;
    @Inject
    WebhookOutbox outbox;
    @Inject
    Config config;

    /** POST /quarantines: a person of the caller's reach; safe to retry with an Idempotency-Key. */
    @Transactional
    public Idempotency.Outcome<OrderView> create(NewOrder req, String key) {
        return idempotency.once(caller.name(), key, RESOURCE_TYPE, req, OrderView.class, () -> {
            OrderView v = create(req, caller.name(), true);
            return new Idempotency.Outcome<>(v, v.id(), false);
        });
    }

    /**
     * Creates an order as {@code actor}, without an HTTP request and without the caller's reach: for the other parts of
     * the feature (the bureau's lists create orders for the people they matched), which check their own reach. The
     * rules are those of the API: 400 for a bad request, 404 for an unknown resident or area node, 422 for an end before
     * the start or a site that is not a QUARANTINE_SITE, 409 (extensions {@code orderId}, {@code number}) when the
     * person already has an active order. Runs in the caller's transaction if there is one.
     *
     * @return the new order's view (the person masked)
     */
    @Transactional
    public OrderView create(String actor, NewOrder req) {
        return create(req, actor, false);
    }

    /** The active order of a person ({@link #personKeyOfResident}, {@link #personKeyOfDocument}), whoever reaches it. */
    @Transactional
    public Optional<OrderView> activeFor(String personKey) {
        QuarantineOrder o = repo.activeFor(personKey);
        return o == null ? Optional.empty() : Optional.of(views(List.of(o)).get(0));
    }

    /** A resident's person key (their ID number's HMAC when the census has it); empty for an unknown resident. */
    @Transactional
    public Optional<String> personKeyOfResident(UUID residentId) {
        QuarantineRepository.ResidentRow r = repo.resident(residentId);
        return r == null ? Optional.empty() : Optional.of(QuarantineRules.personKey(r.idHmac(), r.id()));
    }

    /** The person key of a document number (normalised here), the same as a resident's with that number. */
    public String personKeyOfDocument(DocType type, String number) {
        return QuarantineRules.personKey(pii.hmac(type.name(), IdentityRules.normaliseDocument(number)), null);
    }

    OrderView create(NewOrder req, String actor, boolean checkReach) {
        LocalDate today = today();
        List<FieldError> errors = QuarantineRules.problems(req, today);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        QuarantineOrder o = new QuarantineOrder();
        o.id = UUID.randomUUID();
        String path = req.residentId() != null ? placeResident(o, req.residentId(), checkReach) : placePerson(o, req.person(), checkReach);
        o.startsOn = req.startsOn();
        o.endsOn = req.endsOn() != null ? req.endsOn()
                : QuarantineRules.defaultEnd(req.kind(), req.reason(), req.startsOn(), k -> config.getOptionalValue(k, Integer.class));
        QuarantineRules.checkPeriod(o.startsOn, o.endsOn);
        if (req.sourceOrderId() != null && QuarantineOrder.findById(req.sourceOrderId()) == null) {
            throw QuarantineRules.unprocessable("sourceOrderId", "is not a quarantine order");
        }
        if (req.siteId() != null) {
            site(req.siteId(), checkReach);
        }
        QuarantineOrder first = repo.activeFor(o.personKey);
        if (first != null) {
            throw ApiProblem.conflict("This person already has an active quarantine order, " + first.number
                    + ": extend, transfer or release it instead", Map.of("orderId", first.id, "number", first.number));
        }
        o.kind = req.kind();
        o.reason = req.reason();
        o.reasonPlace = req.reasonPlace();
        o.sourceOrderId = req.sourceOrderId();
        o.sourceCaseRef = req.sourceCaseRef();
        o.siteId = req.siteId();
        o.note = req.note();
        o.status = Status.ACTIVE;
        o.number = QuarantineRules.number(today, repo.nextSequence());
        o.checkCode = QuarantineRules.checkCode();
        o.createdBy = actor;
        o.updatedBy = actor;
        o.createdAt = clock.instant();
        o.updatedAt = o.createdAt;
        o.persist();
        em.flush();
        repo.event(o.id, QuarantineViews.Action.CREATED.name(), null, Status.ACTIVE, actor, o.createdAt, null,
                Map.of("kind", o.kind.name(), "startsOn", o.startsOn.toString(), "endsOn", o.endsOn.toString()));
        published(o, path, QuarantineEvents.STARTED);
        return views(List.of(o)).get(0);
    }

    private String placeResident(QuarantineOrder o, UUID residentId, boolean checkReach) {
        QuarantineRepository.ResidentRow r = repo.resident(residentId);
        if (r == null || (checkReach && !reach.coversPlace(r.path()))) {
            throw ApiProblem.notFound("Resident");
        }
        o.residentId = r.id();
        o.communityId = r.communityId();
        o.gridCellId = r.gridCellId();
        o.areaId = r.areaId();
        o.personKey = QuarantineRules.personKey(r.idHmac(), r.id());
        return r.path();
    }

    private String placePerson(QuarantineOrder o, PersonInput p, boolean checkReach) {
        QuarantineRepository.Place place = repo.place(p.areaId());
        if (place == null || (checkReach && !reach.coversPlace(place.path()))) {
            throw ApiProblem.notFound("Area node");
        }
        if (place.gridCellId() == null) {
            throw ApiProblem.invalid("person.areaId", "must be a grid cell, or a compound or building in one");
        }
        o.communityId = place.communityId();
        o.gridCellId = place.gridCellId();
        o.areaId = place.id();
        o.personName = p.name().trim();
        o.address = p.address();
        o.docType = p.documentType();
        String n = IdentityRules.normaliseDocument(p.documentNumber());
        o.docCipher = pii.encrypt(n);
        o.docHmac = pii.hmac(o.docType.name(), n);
        o.docMask = IdentityRules.maskDocument(o.docType, n);
        String phone = p.phone() == null || p.phone().isBlank() ? null : IdentityRules.normalisePhone(p.phone());
        if (phone != null) {
            o.phoneCipher = pii.encrypt(phone);
            o.phoneHmac = pii.hmac("PHONE", phone);
            o.phoneMask = IdentityRules.maskPhone(phone);
        }
        o.personKey = QuarantineRules.personKey(o.docHmac, null);
        return place.path();
    }

    /** A central isolation site the caller may send people to, else 422 (the same answer whether unknown or out of reach). */
    QuarantineRepository.Site site(UUID siteId, boolean checkReach) {
        QuarantineRepository.Site s = repo.site(siteId);
        if (s == null || !"QUARANTINE_SITE".equals(s.kind()) || (checkReach && !reach.sees(s.path()))) {
            throw QuarantineRules.unprocessable("siteId", "must be a checkpoint of kind QUARANTINE_SITE in your jurisdiction");
        }
        return s;
    }

    /** Records the change for the delta feed and, for a start or an end, queues the webhook, in this transaction. */
    void published(QuarantineOrder o, String path, String webhookEvent) {
        changes.record(ENTITY, o.id, o.communityId, path, ChangeLog.Op.UPSERT);
        if (webhookEvent != null) {
            outbox.enqueue(webhookEvent, path, webhookData(o.id, o.number, o.kind, o.reason, o.status, o.startsOn, o.endsOn,
                    o.releasedAt, o.communityId, o.gridCellId, o.residentId));
        }
    }

    /** The data of an order's webhook (quarantine.started, quarantine.released): ids, number, kind, dates; nothing personal. */
    static Map<String, Object> webhookData(UUID id, String number, Object kind, Object reason, Object status, LocalDate startsOn,
            LocalDate endsOn, Instant releasedAt, UUID communityId, UUID gridCellId, UUID residentId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", id);
        data.put("number", number);
        data.put("kind", kind);
        data.put("reason", reason);
        data.put("status", status);
        data.put("startsOn", startsOn.toString());
        data.put("endsOn", endsOn.toString());
        data.put("releasedAt", releasedAt);
        data.put("communityId", communityId);
        data.put("gridCellId", gridCellId);
        data.put("residentId", residentId);
        return data;
    }

    // ------------------------------------------------------------------ reads

    @Transactional
    public OrderView get(UUID id) {
        return views(List.of(repo.visible(id))).get(0);
    }

    @Transactional
    public Page<OrderView> list(QuarantineRepository.Filter filter, UUID areaId, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw QuarantineRules.unprocessable("to", "must not be before from");
        }
        QuarantineRepository.Filter f = filter;
        if (areaId != null) {
            String path = repo.areaPath(areaId);
            if (!reach.sees(path)) {
                throw ApiProblem.notFound("Area node");
            }
            f = new QuarantineRepository.Filter(filter.status(), filter.kind(), filter.reason(), filter.residentId(), path,
                    filter.from(), filter.to());
        }
        List<QuarantineOrder> rows = repo.page(f, Cursor.at(c), Cursor.id(c), lim + 1);
        return Page.of(views(rows), lim, v -> Cursor.encode(v.createdAt().toString(), v.id().toString()));
    }

    /** Views of orders, the person as the caller may see them: residents through the census's masks, others stored masked. */
    List<OrderView> views(List<QuarantineOrder> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, Object[]> residents = repo.residents(list.stream().map(o -> o.residentId).filter(x -> x != null).distinct()
                .toArray(UUID[]::new));
        Map<UUID, String> names = repo.names(list.stream().flatMap(o -> Stream.of(o.gridCellId, o.siteId)).filter(x -> x != null)
                .distinct().toArray(UUID[]::new));
        List<OrderView> out = new ArrayList<>(list.size());
        for (QuarantineOrder o : list) {
            out.add(new OrderView(o.id, o.number, person(o, residents.get(o.residentId)), o.kind, o.reason, o.reasonPlace,
                    o.sourceOrderId, o.sourceCaseRef, o.status, o.startsOn, o.endsOn, o.releasedAt, o.releaseReason, o.siteId,
                    names.get(o.siteId), o.communityId, o.gridCellId, names.get(o.gridCellId), o.areaId, o.note, o.createdBy,
                    o.createdAt, o.updatedBy, o.updatedAt, o.version, noticeCode(o)));
        }
        return out;
    }

    /** The check code for whoever may print the release notice (its roles), once the order is released. */
    private String noticeCode(QuarantineOrder o) {
        if (o.status != Status.RELEASED || !Arc.container().requestContext().isActive()) {
            return null;
        }
        return NOTICE_PRINTERS.stream().anyMatch(caller::hasRole) ? o.checkCode : null;
    }

    private static PersonView person(QuarantineOrder o, Object[] r) {
        if (o.residentId == null) {
            return new PersonView(o.personName, false, null, o.docType, o.docMask, o.phoneMask, o.address);
        }
        if (r == null) {
            return new PersonView("?", true, o.residentId, null, null, null, null);
        }
        return new PersonView((String) r[1], true, o.residentId, r[2] == null ? null : DocType.valueOf((String) r[2]),
                (String) r[3], (String) r[4], null);
    }

    Instant now() {
        return clock.instant();
    }

    /** Today in the deployment's zone. */
    LocalDate today() {
        return LocalDate.now(clock);
    }
}
