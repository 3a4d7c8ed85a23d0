package org.gridguard.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;
import org.gridguard.testing.TestingViews.ResultHistory;
import org.gridguard.testing.TestingViews.SampleKind;
import org.gridguard.testing.TestingViews.TubeMember;
import org.gridguard.testing.TestingViews.TubeView;

/**
 * The pools (test_tube) opened and read outside the registration hot path ({@link SampleRepository}), with the
 * caller's reach applied here: a pool's place must be an area node they cover, a pool is seen by who opened it, by
 * people covering its cell and by people reaching one of its members; agencies see results, not people.
 */
@ApplicationScoped
public class TubeRepository {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;

    record Tube(UUID id, UUID roundId, String barcode, UUID communityId, UUID cellId, UUID areaId, UUID siteId,
            int capacity, int members, String status, String openedBy) {
    }

    /** The columns of a {@link Tube} (test_tube {@code t}), first in every select that reads one. */
    private static final String TUBE = """
            t.id, t.round_id, t.barcode, t.community_id, t.grid_cell_id, t.area_id, t.site_id, t.capacity, t.members,
              t.status, t.opened_by""";

    /** The tube in the first {@link #TUBE} columns of a row. */
    private static Tube tube(Object[] x) {
        return new Tube((UUID) x[0], (UUID) x[1], (String) x[2], (UUID) x[3], (UUID) x[4], (UUID) x[5], (UUID) x[6],
                ((Number) x[7]).intValue(), ((Number) x[8]).intValue(), (String) x[9], (String) x[10]);
    }

    /** The pool of a barcode in a round, unfiltered (the caller's reach is the round's); null if none. */
    Tube byBarcode(UUID roundId, String barcode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select " + TUBE + " from test_tube t where t.round_id = ?1 and t.barcode = ?2")
                .setParameter(1, roundId).setParameter(2, barcode).getResultList();
        return rows.stream().findFirst().map(TubeRepository::tube).orElse(null);
    }

    /** Where a pool is taken: an area node the caller covers, and the grid cell on its path if it has one. */
    record Place(UUID id, UUID communityId, String path, UUID cellId) {
    }

    /**
     * The place of a new pool: the site's area (which the caller's reach must meet), or the area node given (which
     * the caller must cover), else 404, in one statement; null when neither is given.
     */
    Place place(Db db, UUID roundId, UUID siteId, UUID areaId) {
        if (siteId == null && areaId == null) {
            return null;
        }
        Object[] row = db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.id, n.id, n.community_id, n.path,
                      (select g.id from area_node g where g.kind = 'GRID_CELL'
                         and g.id = any(cast(string_to_array(trim(both '/' from n.path), '/') as uuid[])))
                    from (select cast(? as uuid) as site_id, cast(? as uuid) as area_id) q
                      left join test_site s on s.id = q.site_id and s.round_id = ?
                      left join area_node n on n.id = coalesce(q.area_id, s.area_id)""")) {
                ps.setObject(1, siteId, Types.OTHER);
                ps.setObject(2, areaId, Types.OTHER);
                ps.setObject(3, roundId, Types.OTHER);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class) };
                }
            }
        });
        if (siteId != null && row[0] == null) {
            throw ApiProblem.invalid("siteId", "is not a site of this round");
        }
        // a central site is staffed by the cells it serves: its node may be above the caller's (ADR 0028)
        if (row[1] == null || !(areaId == null ? jurisdiction.overlaps((String) row[3]) : jurisdiction.covers((String) row[3]))) {
            throw ApiProblem.notFound("Area node");
        }
        return new Place((UUID) row[1], (UUID) row[2], (String) row[3], (UUID) row[4]);
    }

    /** A new empty pool opened by the caller; 0 when its id or barcode is taken. */
    int insert(UUID roundId, UUID id, String code, int capacity, Place place, UUID siteId) {
        return em.createNativeQuery("""
                insert into test_tube (id, round_id, barcode, community_id, grid_cell_id, area_id, site_id, capacity,
                  members, status, opened_by, opened_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, 'OPEN', ?9, ?10)
                on conflict do nothing""")
                .setParameter(1, id).setParameter(2, roundId).setParameter(3, code)
                .setParameter(4, place == null ? null : place.communityId()).setParameter(5, place == null ? null : place.cellId())
                .setParameter(6, place == null ? null : place.id()).setParameter(7, siteId).setParameter(8, capacity)
                .setParameter(9, caller.name()).setParameter(10, clock.instant()).executeUpdate();
    }

    /**
     * May this request put this person into this existing pool (ADR 0028)? A central site's pool takes people of any
     * cell the site serves (the person is already in the caller's reach; a visitor needs a caller whose reach meets
     * the site's). A door-to-door pool takes people only from a caller who reaches the pool's place (a pool opened
     * without a place and still empty: only from who opened it).
     */
    boolean takes(SampleRepository.Pool t, SampleRepository.Person p) {
        if (t.siteId() != null) {
            if (t.servedPath() == null) {
                return false;
            }
            return p.residentId() == null ? jurisdiction.overlaps(t.servedPath()) : p.areaPath().startsWith(t.servedPath());
        }
        if (t.placePath() == null) {
            return jurisdiction.isGlobal() || caller.name().equals(t.openedBy());
        }
        return jurisdiction.covers(t.placePath());
    }

    /** Closes an open pool (a closed one stays as it is). */
    void close(UUID roundId, UUID tubeId) {
        em.createNativeQuery("""
                update test_tube set status = 'CLOSED', closed_at = ?3, version = version + 1
                where id = ?1 and round_id = ?2 and status = 'OPEN'""")
                .setParameter(1, tubeId).setParameter(2, roundId).setParameter(3, clock.instant()).executeUpdate();
    }

    /** A tube with its people and result history; 404 outside the caller's cells. */
    TubeView view(UUID roundId, UUID tubeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + TUBE + """
                , t.result, t.tested_at, t.lab_ref, t.opened_at, t.closed_at, t.version,
                  (select path from area_node where id = coalesce(t.grid_cell_id, t.area_id))
                from test_tube t where t.id = ?1 and t.round_id = ?2""").setParameter(1, tubeId).setParameter(2, roundId)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("Tube");
        }
        Object[] x = rows.get(0);
        Tube t = tube(x);
        String path = (String) x[17];
        boolean mine = caller.name().equals(t.openedBy());
        List<TubeMember> reached = members(tubeId);
        // a central site's pool is seen from every cell it holds people of (ADR 0028)
        if (!jurisdiction.isGlobal() && !mine && reached.isEmpty() && (path == null || !jurisdiction.covers(path))) {
            throw ApiProblem.notFound("Tube");
        }
        List<TubeMember> members = agencyOnly() ? List.of() : reached;
        return new TubeView(t.id(), t.roundId(), t.barcode(), t.areaId(), t.cellId(), t.siteId(), t.capacity(),
                t.members(), Math.max(0, t.members() - members.size()), t.status(), x[11] == null ? null : TestingViews.Result.valueOf((String) x[11]),
                Rows.instant(x[12]), (String) x[13], t.openedBy(), Rows.instant(x[14]), Rows.instant(x[15]),
                ((Number) x[16]).longValue(), members, history(tubeId));
    }

    /** Agencies follow pools through the feed: results, not people (a pool's members, households, buildings). */
    boolean agencyOnly() {
        return caller.hasRole(Roles.AGENCY) && !jurisdiction.isGlobal() && !caller.hasRole(Roles.SUPERVISOR)
                && !caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.WORKER);
    }

    /**
     * The members of the pools, each with where they are reached (ADR 0028), as a derived table: the sample's id,
     * tube_id, resident_id, name, household_id, kind, flagged, flag_reason, sampled_at, and {@code place}: the path of
     * the area a resident lives in, or of the cell (else the pool's area node, else the community) where a visitor
     * was sampled. Every read of a pool's people filters on {@code place}: the tube's own view, the follow-up list.
     */
    static final String MEMBER_PLACES = """
            (select s.id, s.tube_id, s.resident_id, coalesce(r.name, s.visitor_name) as name, s.household_id, s.kind,
               s.flagged, s.flag_reason, s.sampled_at, coalesce(a.path, g.path, c.path) as place
             from test_sample s join test_tube mt on mt.id = s.tube_id
               left join census_resident r on r.id = s.resident_id
               left join area_node a on a.id = r.area_id
               left join area_node g on g.id = coalesce(s.grid_cell_id, mt.area_id)
               left join area_node c on c.id = s.community_id)""";

    /**
     * The people of a pool the caller reaches (ADR 0028): a resident by the area they live in, a visitor by the cell
     * (else the area node, else the community) where they were sampled. The others are counted, not shown.
     */
    private List<TubeMember> members(UUID tubeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery("""
                select m.id, m.resident_id, m.name, m.household_id, m.resident_id is null,
                  m.kind, m.flagged, m.flag_reason, m.sampled_at, m.place
                from """ + MEMBER_PLACES + """
                 m where m.tube_id = ?1
                order by m.sampled_at, m.id""").setParameter(1, tubeId).getResultList();
        return people.stream().filter(p -> p[9] != null && jurisdiction.covers((String) p[9]))
                .map(p -> new TubeMember((UUID) p[0], (UUID) p[1], (String) p[2], (UUID) p[3],
                (Boolean) p[4], SampleKind.valueOf((String) p[5]), (Boolean) p[6], (String) p[7], Rows.instant(p[8])))
                .toList();
    }

    private List<ResultHistory> history(UUID tubeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> hist = em.createNativeQuery("""
                select result, previous_result, tested_at, lab, lab_ref, received_at from test_tube_result
                where tube_id = ?1 order by id""").setParameter(1, tubeId).getResultList();
        return hist.stream().map(h -> new ResultHistory(TestingViews.Result.valueOf((String) h[0]),
                h[1] == null ? null : TestingViews.Result.valueOf((String) h[1]), Rows.instant(h[2]), (String) h[3],
                (String) h[4], Rows.instant(h[5]))).toList();
    }

    /** Closing a round closes its pools still open. */
    void closeOpen(UUID roundId, java.time.Instant now) {
        em.createNativeQuery("update test_tube set status = 'CLOSED', closed_at = ?2 where round_id = ?1 and status = 'OPEN'")
                .setParameter(1, roundId).setParameter(2, now).executeUpdate();
    }
}
