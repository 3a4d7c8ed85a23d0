package org.gridguard.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.quarantine.SiteRepository.Room;
import org.gridguard.quarantine.SiteRepository.Site;
import org.gridguard.quarantine.SiteViews.NewRoom;
import org.gridguard.quarantine.SiteViews.Occupancy;
import org.gridguard.quarantine.SiteViews.RoomChange;
import org.gridguard.quarantine.SiteViews.RoomView;
import org.gridguard.quarantine.SiteViews.SiteView;
import org.gridguard.security.Caller;

/** Central isolation sites: the list with capacity, their rooms, and occupancy per day. */
@ApplicationScoped
public class SiteService {

    /** What an Idempotency-Key of a new room stands for: the room, at that site. */
    record RoomRequest(UUID siteId, NewRoom room) {
    }

    @Inject
    SiteRepository repo;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;

    @Transactional
    public Page<SiteView> sites(String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        return Page.of(repo.sites(c == null ? null : c.get(0), lim), lim, v -> Cursor.encode(v.code()));
    }

    @Transactional
    public Page<RoomView> rooms(UUID siteId, String cursor, Integer limit) {
        Site site = repo.visible(siteId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        return Page.of(repo.rooms(site.id(), c == null ? null : c.get(0), lim), lim, v -> Cursor.encode(v.number()));
    }

    @Transactional
    public Idempotency.Outcome<RoomView> createRoom(UUID siteId, NewRoom req, String key) {
        Site site = repo.managed(siteId);
        return idempotency.once(caller.name(), key, "QUARANTINE_SITE_ROOM", new RoomRequest(siteId, req),
                RoomView.class, () -> {
                    String number = req.number().strip();
                    if (repo.roomNumberTaken(site.id(), number)) {
                        throw ApiProblem.conflict("The site already has a room " + number);
                    }
                    UUID id = UUID.randomUUID();
                    repo.insertRoom(id, site, number, req.beds(), caller.name(), clock.instant());
                    return new Idempotency.Outcome<>(repo.room(id), id, false);
                });
    }

    /** Changes a room's beds; a room with guests keeps at least one bed for each. */
    @Transactional
    public RoomView changeRoom(UUID siteId, UUID roomId, RoomChange req, String ifMatch) {
        Site site = repo.managed(siteId);
        Room room = repo.lockRoom(site.id(), roomId).orElseThrow(() -> ApiProblem.notFound("Room"));
        Versions.check(room.version(), ifMatch, req.version());
        if (req.beds() < room.guests()) {
            throw SiteRules.fewerBedsThanGuests(room.number(), room.guests());
        }
        repo.updateBeds(room.id(), req.beds(), caller.name(), clock.instant());
        return repo.room(room.id());
    }

    @Transactional
    public Occupancy occupancy(UUID siteId, LocalDate from, LocalDate to) {
        Site site = repo.visible(siteId);
        LocalDate[] period = SiteRules.period(from, to, LocalDate.now(clock));
        return new Occupancy(site.id(), site.name(), period[0], period[1], repo.beds(site.id()),
                repo.occupancy(site.id(), period[0], period[1], clock.getZone().getId()));
    }
}
