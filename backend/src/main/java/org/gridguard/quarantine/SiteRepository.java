package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.quarantine.SiteViews.DepartureReason;
import org.gridguard.quarantine.SiteViews.GuestView;
import org.gridguard.quarantine.SiteViews.OccupancyDay;
import org.gridguard.quarantine.SiteViews.RoomView;
import org.gridguard.quarantine.SiteViews.SiteView;
import org.gridguard.quarantine.SiteViews.StayView;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of quarantine_site_room and quarantine_stay, with the caller's reach applied here, in one place
 * (ADR 0032): site staff reach the sites they are assigned to and every guest there; the other roles see a site
 * whose guarded node overlaps their area, manage it where their area covers that node, and see the guests whose
 * order's grid cell they cover. Out of reach answers like missing: 404.
 */
@ApplicationScoped
public class SiteRepository {

    /** A site as the rules need it. */
    record Site(UUID id, String code, String name, UUID communityId, String path) {
    }

    /** An order as an arrival needs it. */
    record Order(UUID id, String number, String kind, String status, UUID siteId, String cellPath) {
    }

    /** A room locked for the rest of the transaction. */
    record Room(UUID id, String number, int beds, long version, int guests) {
    }

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    private static final String SITE = """
            select c.id, c.code, c.name, c.community_id, g.path
            from checkpoint c join area_node g on g.id = c.guards_node_id
            where c.kind = 'QUARANTINE_SITE'""";

    /** The site, if the caller sees it; else 404. */
    Site visible(UUID id) {
        List<Object[]> rows = Rows.list(em, SITE + " and c.id = :id", Map.of("id", id));
        Optional<Site> site = rows.stream().map(r -> new Site((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3],
                (String) r[4])).findFirst();
        return site.filter(s -> staffs(s.id()) || jurisdiction.overlaps(s.path()))
                .orElseThrow(() -> ApiProblem.notFound("Quarantine site"));
    }

    /** The site, if the caller may change its rooms and guests: its staff, or an area that covers it; else 404. */
    Site managed(UUID id) {
        Site s = visible(id);
        if (!staffs(s.id()) && !jurisdiction.covers(s.path())) {
            throw ApiProblem.notFound("Quarantine site");
        }
        return s;
    }

    /** True if the caller works at the site as site staff. */
    boolean staffs(UUID siteId) {
        return jurisdiction.siteIds().contains(siteId);
    }

    /** The sites the caller sees, by code, with their capacity and guests now. */
    List<SiteView> sites(String afterCode, int limit) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.code, c.name, c.community_id,
                       (select count(*) from quarantine_site_room r where r.site_id = c.id),
                       (select coalesce(sum(r.beds), 0) from quarantine_site_room r where r.site_id = c.id),
                       (select count(*) from quarantine_stay s where s.site_id = c.id and s.departed_at is null)
                from checkpoint c join area_node g on g.id = c.guards_node_id
                where c.kind = 'QUARANTINE_SITE'""");
        Map<String, Object> p = new HashMap<>();
        if (!jurisdiction.isGlobal()) {
            sql.append(" and (c.id = any(cast(:sites as uuid[])) or g.path like any(cast(:patterns as text[]))"
                    + " or g.id = any(cast(:ancestors as uuid[])))");
            p.put("sites", jurisdiction.siteIds().toArray(UUID[]::new));
            p.put("patterns", jurisdiction.likePatterns());
            p.put("ancestors", jurisdiction.ancestorIds().toArray(UUID[]::new));
        }
        if (afterCode != null) {
            sql.append(" and c.code > :after");
            p.put("after", afterCode);
        }
        sql.append(" order by c.code limit :lim");
        p.put("lim", limit + 1);
        List<SiteView> out = new ArrayList<>();
        for (Object[] r : Rows.list(em, sql, p)) {
            int beds = ((Number) r[5]).intValue();
            int guests = ((Number) r[6]).intValue();
            out.add(new SiteView((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], ((Number) r[4]).intValue(), beds,
                    guests, Math.max(0, beds - guests)));
        }
        return out;
    }

    private static final String ROOM = """
            select r.id, r.site_id, r.number, r.beds,
                   (select count(*) from quarantine_stay s where s.room_id = r.id and s.departed_at is null), r.version
            from quarantine_site_room r""";

    private static RoomView room(Object[] r) {
        return new RoomView((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                ((Number) r[5]).longValue());
    }

    List<RoomView> rooms(UUID siteId, String afterNumber, int limit) {
        StringBuilder sql = new StringBuilder(ROOM).append(" where r.site_id = :site");
        Map<String, Object> p = new HashMap<>(Map.of("site", siteId, "lim", limit + 1));
        if (afterNumber != null) {
            sql.append(" and r.number > :after");
            p.put("after", afterNumber);
        }
        sql.append(" order by r.number limit :lim");
        return Rows.list(em, sql, p).stream().map(SiteRepository::room).toList();
    }

    RoomView room(UUID roomId) {
        return Rows.list(em, ROOM + " where r.id = :id", Map.of("id", roomId)).stream().map(SiteRepository::room).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Room"));
    }

    boolean roomNumberTaken(UUID siteId, String number) {
        return ((Number) em.createNativeQuery("select count(*) from quarantine_site_room where site_id = ?1 and number = ?2")
                .setParameter(1, siteId).setParameter(2, number).getSingleResult()).longValue() > 0;
    }

    void insertRoom(UUID id, Site site, String number, int beds, String actor, Instant at) {
        em.createNativeQuery("""
                insert into quarantine_site_room (id, community_id, site_id, number, beds, created_by, created_at,
                                                  updated_by, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)""").setParameter(1, id).setParameter(2, site.communityId())
                .setParameter(3, site.id()).setParameter(4, number).setParameter(5, beds).setParameter(6, actor)
                .setParameter(7, at).executeUpdate();
    }

    /** The room of the site, locked until the transaction ends (arrivals into it wait), with its guests now. */
    Optional<Room> lockRoom(UUID siteId, UUID roomId) {
        List<Object[]> rows = Rows.list(em, """
                select id, number, beds, version from quarantine_site_room
                where id = :id and site_id = :site for update""", Map.of("id", roomId, "site", siteId));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        int guests = ((Number) em.createNativeQuery(
                "select count(*) from quarantine_stay where room_id = ?1 and departed_at is null").setParameter(1, roomId)
                .getSingleResult()).intValue();
        return Optional.of(new Room((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).longValue(),
                guests));
    }

    void updateBeds(UUID roomId, int beds, String actor, Instant at) {
        em.createNativeQuery("""
                update quarantine_site_room set beds = ?2, updated_by = ?3, updated_at = ?4, version = version + 1
                where id = ?1""").setParameter(1, roomId).setParameter(2, beds).setParameter(3, actor)
                .setParameter(4, at).executeUpdate();
    }

    /** The order, if there is one (reach is the service's: it depends on the site). */
    Optional<Order> order(UUID id) {
        return Rows.list(em, """
                select o.site_id, gc.path, o.id, o.number, o.kind, o.status
                from quarantine_order o join area_node gc on gc.id = o.grid_cell_id where o.id = :id""", Map.of("id", id))
                .stream().map(r -> new Order((UUID) r[2], (String) r[3], (String) r[4], (String) r[5], (UUID) r[0],
                        (String) r[1]))
                .findFirst();
    }

    /** The order's current stay, if it has one. */
    Optional<UUID> currentStay(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from quarantine_stay where order_id = ?1 and departed_at is null")
                .setParameter(1, orderId).getResultList();
        return ids.stream().findFirst();
    }

    void insertStay(UUID id, Site site, Room room, Order order, Instant at, String actor) {
        em.createNativeQuery("""
                insert into quarantine_stay (id, community_id, site_id, room_id, order_id, arrived_at, arrived_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, id).setParameter(2, site.communityId())
                .setParameter(3, site.id()).setParameter(4, room.id()).setParameter(5, order.id()).setParameter(6, at)
                .setParameter(7, actor).executeUpdate();
    }

    private static final String STAY = """
            select s.id, s.site_id, s.room_id, r.number, s.order_id, o.number, s.arrived_at, s.departed_at,
                   s.departure_reason, s.version, gc.path
            from quarantine_stay s join quarantine_site_room r on r.id = s.room_id
              join quarantine_order o on o.id = s.order_id join area_node gc on gc.id = o.grid_cell_id""";

    /**
     * The stay, if the caller reaches it: site staff of its site, or (seeing the site) an area that covers the
     * guest's home cell; else 404. {@code forUpdate} locks it for a departure.
     */
    StayView stay(UUID id, boolean forUpdate) {
        List<Object[]> rows = Rows.list(em, STAY + " where s.id = :id" + (forUpdate ? " for update of s" : ""),
                Map.of("id", id));
        return ApiProblem.outOfReachIsMissing("Stay", () -> {
            Object[] r = rows.stream().findFirst().orElseThrow(() -> ApiProblem.notFound("Stay"));
            UUID site = (UUID) r[1];
            if (!staffs(site) && !(jurisdiction.covers((String) r[10]) && visibleOrNull(site))) {
                throw ApiProblem.notFound("Stay");
            }
            return new StayView((UUID) r[0], site, (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                    Rows.instant(r[6]), Rows.instant(r[7]), r[8] == null ? null : DepartureReason.valueOf((String) r[8]),
                    ((Number) r[9]).longValue());
        });
    }

    private boolean visibleOrNull(UUID site) {
        try {
            visible(site);
            return true;
        } catch (ApiProblem p) {
            return false;
        }
    }

    void depart(UUID stayId, DepartureReason reason, Instant at, String actor) {
        em.createNativeQuery("""
                update quarantine_stay set departed_at = ?2, departure_reason = ?3, departed_by = ?4, version = version + 1
                where id = ?1 and departed_at is null""").setParameter(1, stayId).setParameter(2, at)
                .setParameter(3, reason.name()).setParameter(4, actor).executeUpdate();
    }

    /** Ends the order's current stay, if any; true if there was one. */
    boolean departOrder(UUID orderId, DepartureReason reason, Instant at, String actor) {
        return em.createNativeQuery("""
                update quarantine_stay set departed_at = greatest(?2, arrived_at), departure_reason = ?3, departed_by = ?4,
                       version = version + 1
                where order_id = ?1 and departed_at is null""").setParameter(1, orderId).setParameter(2, at)
                .setParameter(3, reason.name()).setParameter(4, actor).executeUpdate() > 0;
    }

    /** The site's guests now, by room and arrival, the person masked; site staff see all, others their cells'. */
    List<GuestView> guests(Site site, String afterRoom, UUID afterStay, int limit) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.order_id, o.number, s.room_id, r.number, s.arrived_at, o.ends_on,
                       coalesce(p.name, o.person_name), coalesce(p.id_mask, o.doc_mask), coalesce(p.phone_mask, o.phone_mask)
                from quarantine_stay s join quarantine_site_room r on r.id = s.room_id
                  join quarantine_order o on o.id = s.order_id join area_node gc on gc.id = o.grid_cell_id
                  left join census_resident p on p.id = o.resident_id
                where s.site_id = :site and s.departed_at is null""");
        Map<String, Object> p = new HashMap<>(Map.of("site", site.id(), "lim", limit + 1));
        if (!staffs(site.id()) && !jurisdiction.isGlobal()) {
            sql.append(" and gc.path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
        if (afterRoom != null) {
            sql.append(" and (r.number, s.id) > (:afterRoom, :afterStay)");
            p.put("afterRoom", afterRoom);
            p.put("afterStay", afterStay);
        }
        sql.append(" order by r.number, s.id limit :lim");
        List<GuestView> out = new ArrayList<>();
        for (Object[] r : Rows.list(em, sql, p)) {
            out.add(new GuestView((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], Rows.instant(r[5]),
                    (LocalDate) r[6], (String) r[7], (String) r[8], (String) r[9]));
        }
        return out;
    }

    /** Beds of the site's rooms now. */
    int beds(UUID siteId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(beds), 0) from quarantine_site_room where site_id = ?1")
                .setParameter(1, siteId).getSingleResult()).intValue();
    }

    /**
     * Per day of [from, to] in the zone: guests present at some time of the day, present at its end, arrivals and
     * departures. A day is [its midnight, the next midnight) in the zone, so a stay that ends at 00:30 counts on the
     * day it ends, whatever UTC says.
     */
    List<OccupancyDay> occupancy(UUID siteId, LocalDate from, LocalDate to, String zone) {
        List<Object[]> rows = Rows.list(em, """
                with days as (
                  select d::date as day, (d::timestamp at time zone :zone) as starts,
                         ((d + interval '1 day')::timestamp at time zone :zone) as ends
                  from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d)
                select days.day,
                       count(s.id) filter (where s.arrived_at < days.ends and (s.departed_at is null or s.departed_at >= days.starts)),
                       count(s.id) filter (where s.arrived_at < days.ends and (s.departed_at is null or s.departed_at >= days.ends)),
                       count(s.id) filter (where s.arrived_at >= days.starts and s.arrived_at < days.ends),
                       count(s.id) filter (where s.departed_at >= days.starts and s.departed_at < days.ends)
                from days left join quarantine_stay s on s.site_id = :site and s.arrived_at < days.ends
                     and (s.departed_at is null or s.departed_at >= days.starts)
                group by days.day order by days.day""",
                Map.of("zone", zone, "from", from, "to", to, "site", siteId));
        return rows.stream().map(r -> new OccupancyDay(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0],
                ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue())).toList();
    }
}
