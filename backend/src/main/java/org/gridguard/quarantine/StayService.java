package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.quarantine.SiteRepository.Order;
import org.gridguard.quarantine.SiteRepository.Room;
import org.gridguard.quarantine.SiteRepository.Site;
import org.gridguard.quarantine.SiteViews.Departure;
import org.gridguard.quarantine.SiteViews.GuestView;
import org.gridguard.quarantine.SiteViews.NewArrival;
import org.gridguard.quarantine.SiteViews.StayView;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

/** Guests of a site: arrivals into a room with a free bed, departures, and who is there now. */
@ApplicationScoped
public class StayService {

    /** What an Idempotency-Key of an arrival stands for: the arrival, at that site. */
    record ArrivalRequest(UUID siteId, NewArrival arrival) {
    }

    @Inject
    SiteRepository repo;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;

    @Transactional
    public Page<GuestView> guests(UUID siteId, String cursor, Integer limit) {
        Site site = repo.visible(siteId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        List<GuestView> rows = repo.guests(site, c == null ? null : c.get(0), c == null ? null : Cursor.uuid(c.get(1)), lim);
        return Page.of(rows, lim, g -> Cursor.encode(g.roomNumber(), g.stayId().toString()));
    }

    /**
     * A guest arrives: the order is an active CENTRAL_ISOLATION order sending them to this site, they stay nowhere
     * else now, and the room has a free bed (the room is locked, so two arrivals never take its last bed twice).
     */
    @Transactional
    public Idempotency.Outcome<StayView> arrive(UUID siteId, NewArrival req, String key) {
        Site site = repo.managed(siteId);
        return idempotency.once(caller.name(), key, "QUARANTINE_STAY", new ArrivalRequest(siteId, req),
                StayView.class, () -> {
                    Instant at = SiteRules.when(req.arrivedAt(), clock.instant(), "arrivedAt");
                    Order order = reachableOrder(req.orderId());
                    checkOrder(order, site);
                    Room room = repo.lockRoom(site.id(), req.roomId())
                            .orElseThrow(() -> ApiProblem.invalid("roomId", "no such room at this site"));
                    repo.currentStay(order.id()).ifPresent(s -> {
                        throw ApiProblem.conflict("Order " + order.number() + " already has a guest staying", Map.of("existingId", s));
                    });
                    if (!SiteRules.hasFreeBed(room.beds(), room.guests())) {
                        throw SiteRules.full(room.number(), room.beds());
                    }
                    UUID id = UUID.randomUUID();
                    repo.insertStay(id, site, room, order, at, caller.name());
                    return new Idempotency.Outcome<>(repo.stay(id, false), id, false);
                });
    }

    /** The order named in an arrival, if the caller reaches it (its site's staff, or its cell's area); else 400. */
    private Order reachableOrder(UUID orderId) {
        return repo.order(orderId)
                .filter(o -> (o.siteId() != null && repo.staffs(o.siteId())) || jurisdiction.covers(o.cellPath()))
                .orElseThrow(() -> ApiProblem.invalid("orderId", "no such quarantine order"));
    }

    private static void checkOrder(Order order, Site site) {
        if (!"CENTRAL_ISOLATION".equals(order.kind())) {
            throw ApiProblem.unprocessable("not-central-isolation", "Order " + order.number() + " is " + order.kind()
                    + ": only a CENTRAL_ISOLATION order's person stays at a site");
        }
        if (!"ACTIVE".equals(order.status())) {
            throw ApiProblem.conflict("Order " + order.number() + " is " + order.status() + ", not active");
        }
        if (!site.id().equals(order.siteId())) {
            throw ApiProblem.conflict("Order " + order.number() + " sends its person to another site; transfer the order first");
        }
    }

    /**
     * The hook for the order's own changes (release, transfer, hospital): ends the order's current stay, if it has
     * one, in the caller's transaction, so that a released order's bed is free at once. Reach is the order's caller's.
     */
    @Transactional
    public boolean orderLeft(UUID orderId, SiteViews.DepartureReason reason) {
        return repo.departOrder(orderId, reason, clock.instant(), caller.name());
    }

    /** A guest leaves: released, transferred or taken to hospital. */
    @Transactional
    public StayView depart(UUID stayId, Departure req) {
        StayView stay = repo.stay(stayId, true);
        if (!repo.staffs(stay.siteId())) {
            ApiProblem.outOfReachIsMissing("Stay", () -> repo.managed(stay.siteId()));
        }
        if (stay.departedAt() != null) {
            throw ApiProblem.conflict("The guest already left on " + stay.departedAt() + " (" + stay.departureReason() + ")");
        }
        Instant at = SiteRules.when(req.departedAt(), clock.instant(), "departedAt");
        if (at.isBefore(stay.arrivedAt())) {
            throw ApiProblem.invalid("departedAt", "must not be before the arrival (" + stay.arrivedAt() + ")");
        }
        repo.depart(stay.id(), req.reason(), at, caller.name());
        return repo.stay(stay.id(), false);
    }
}
