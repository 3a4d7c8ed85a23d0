package org.gridguard.disinfection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.area.AreaRepository;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.disinfection.DisinfectionViews.PlaceKind;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionPlaceView;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionRoundView;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code disinfection_schedule}, {@code disinfection_round} and {@code disinfection_missed}, with the
 * caller's reach applied here: a place is reached through its area node (a compound or building itself, the node a
 * checkpoint guards). Out of reach answers like missing.
 */
@ApplicationScoped
public class DisinfectionRepository {

    static final String SCHEDULE_COLUMNS = """
            select s.id, s.place_kind, s.place_id, s.place_name, s.area_id, an.name, s.times, s.tolerance_minutes, s.note,
                   s.active, s.deactivated_at, s.created_by, s.created_at, s.updated_at, s.version
            from disinfection_schedule s join area_node an on an.id = s.area_id""";

    static final String ROUND_COLUMNS = """
            select r.id, r.place_kind, r.place_id, r.place_name, r.area_id, r.schedule_id, r.done_at, r.area_m2, r.agent,
                   r.concentration_mg_l, r.note, r.recorded_by, r.recorded_at
            from disinfection_round r join area_node an on an.id = r.area_id""";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    AreaRepository areas;

    /** A place as the records need it: its name, its area node (reach, alerts) and that node's kind. */
    record Place(PlaceKind kind, UUID id, String name, UUID areaId, UUID communityId, String path, String type) {
    }

    /** The place if it exists and the caller reaches its area node, else 404 "Place" (never "403: it exists"). */
    Place visiblePlace(PlaceKind kind, UUID id) {
        String sql = kind == PlaceKind.AREA
                ? "select an.id, an.name, an.id, an.community_id, an.path, an.kind from area_node an where an.id = :id"
                : """
                        select c.id, c.name, c.guards_node_id, c.community_id, an.path, c.kind
                        from checkpoint c join area_node an on an.id = c.guards_node_id where c.id = :id""";
        List<Object[]> rows = Rows.list(em, sql, Map.of("id", id));
        if (rows.isEmpty() || !jurisdiction.covers((String) rows.get(0)[4])) {
            throw ApiProblem.notFound("Place");
        }
        Object[] r = rows.get(0);
        return new Place(kind, (UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], (String) r[4], (String) r[5]);
    }

    /** The path of an area node the caller sees into (theirs, below, or an ancestor for context), else 404. */
    String visibleArea(UUID areaId) {
        return areas.visible(areaId).orElseThrow(() -> ApiProblem.notFound("Area node")).path;
    }

    /** The caller's reach as SQL on {@code an.path}, its parameters into {@code p}. */
    private void reach(StringBuilder sql, Map<String, Object> p) {
        if (!jurisdiction.isGlobal()) {
            p.put("patterns", jurisdiction.likePatterns());
            sql.append(" and an.path like any(cast(:patterns as text[]))");
        }
    }

    private static void within(StringBuilder sql, Map<String, Object> p, String areaPath) {
        if (areaPath != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPath + "%");
        }
    }

    /** Compounds, buildings and checkpoints in reach whose name contains q, compounds first, by name, at most 50. */
    List<DisinfectionPlaceView> places(String q, PlaceKind kind, String areaPath) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select * from (
                  select 'AREA' as place_kind, an.id as place_id, an.name, an.kind as type, an.id as area_id,
                         an.name as area_name, an.path, case an.kind when 'COMPOUND' then 0 else 2 end as rank
                  from area_node an where an.kind in ('COMPOUND', 'BUILDING')
                  union all
                  select 'CHECKPOINT', c.id, c.name, c.kind, an.id, an.name, an.path, 1
                  from checkpoint c join area_node an on an.id = c.guards_node_id) an
                where 1 = 1""");
        reach(sql, p);
        within(sql, p, areaPath);
        if (kind != null) {
            sql.append(" and an.place_kind = :kind");
            p.put("kind", kind.name());
        }
        if (q != null && !q.isBlank()) {
            sql.append(" and strpos(lower(an.name), lower(:q)) > 0");
            p.put("q", q.trim());
        }
        sql.append(" order by an.rank, an.name, an.place_id limit 50");
        List<Object[]> rows = Rows.list(em, sql, p);
        Map<UUID, UUID> schedules = activeSchedules(rows.stream().map(r -> (UUID) r[1]).toArray(UUID[]::new));
        return rows.stream().map(r -> new DisinfectionPlaceView(PlaceKind.valueOf((String) r[0]), (UUID) r[1], (String) r[2],
                (String) r[3], (UUID) r[4], (String) r[5], schedules.get((UUID) r[1]))).toList();
    }

    private Map<UUID, UUID> activeSchedules(UUID[] placeIds) {
        Map<UUID, UUID> out = new HashMap<>();
        for (Object[] r : Rows.list(em, "select place_id, id from disinfection_schedule where active and "
                + "place_id = any(cast(:ids as uuid[]))", Map.of("ids", placeIds))) {
            out.put((UUID) r[0], (UUID) r[1]);
        }
        return out;
    }

    /** The place's active schedule, or null. */
    UUID activeScheduleOf(PlaceKind kind, UUID placeId) {
        return (UUID) em.createNativeQuery("select id from disinfection_schedule where active and place_kind = ?1 and "
                + "place_id = ?2").setParameter(1, kind.name()).setParameter(2, placeId).getResultList().stream().findFirst()
                .orElse(null);
    }

    /** Inserts the schedule; false when the place already has an active one (also when another request just made it). */
    boolean insert(DisinfectionSchedule s) {
        Object[] values = { s.id, s.communityId, s.placeKind.name(), s.placeId, s.placeName, s.areaId, s.times,
                s.toleranceMinutes, s.note, s.createdBy, s.createdAt };
        var insert = em.createNativeQuery("""
                insert into disinfection_schedule (id, community_id, place_kind, place_id, place_name, area_id, times,
                  tolerance_minutes, note, active, created_by, created_at, updated_by, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, true, ?10, ?11, ?10, ?11)
                on conflict (place_kind, place_id) where active do nothing""");
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        return insert.executeUpdate() == 1;
    }

    /** The schedule if the caller reaches its place, else 404. */
    DisinfectionSchedule visible(UUID id) {
        DisinfectionSchedule s = DisinfectionSchedule.findById(id);
        if (s == null || !jurisdiction.covers(pathOf(s.areaId))) {
            throw ApiProblem.notFound("Disinfection schedule");
        }
        return s;
    }

    private String pathOf(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getSingleResult();
    }

    Object[] scheduleRow(UUID id) {
        return Rows.list(em, SCHEDULE_COLUMNS + " where s.id = :id", Map.of("id", id)).get(0);
    }

    /** What a list of schedules is filtered on; null fields filter nothing. */
    record Filter(String areaPath, PlaceKind kind, UUID placeId, boolean includeInactive, Instant aliveFrom,
            Instant aliveTo) {
    }

    /** Schedules in reach by place name then id, keyset-paged after ({@code afterName}, {@code afterId}). */
    List<Object[]> schedules(Filter f, String afterName, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(SCHEDULE_COLUMNS).append(" where 1 = 1");
        reach(sql, p);
        within(sql, p, f.areaPath());
        if (f.kind() != null) {
            sql.append(" and s.place_kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.placeId() != null) {
            sql.append(" and s.place_id = :place");
            p.put("place", f.placeId());
        }
        if (!f.includeInactive()) {
            sql.append(" and s.active");
        }
        if (f.aliveFrom() != null) {
            sql.append(" and s.created_at < :aliveTo and (s.deactivated_at is null or s.deactivated_at > :aliveFrom)");
            p.put("aliveFrom", f.aliveFrom());
            p.put("aliveTo", f.aliveTo());
        }
        if (afterId != null) {
            sql.append(" and (s.place_name, s.id) > (:afterName, :afterId)");
            p.put("afterName", afterName);
            p.put("afterId", afterId);
        }
        sql.append(" order by s.place_name, s.id limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p);
    }

    /** Inserts a round. */
    void insertRound(DisinfectionRoundView r, UUID communityId) {
        Object[] values = { r.id(), communityId, r.placeKind().name(), r.placeId(), r.placeName(), r.areaId(), r.scheduleId(),
                r.doneAt(), r.areaM2(), r.agent(), r.concentrationMgL(), r.note(), r.recordedBy(), r.recordedAt() };
        var insert = em.createNativeQuery("""
                insert into disinfection_round (id, community_id, place_kind, place_id, place_name, area_id, schedule_id,
                  done_at, area_m2, agent, concentration_mg_l, note, recorded_by, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""");
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        insert.executeUpdate();
    }

    static DisinfectionRoundView round(Object[] r) {
        return new DisinfectionRoundView((UUID) r[0], PlaceKind.valueOf((String) r[1]), (UUID) r[2], (String) r[3], (UUID) r[4],
                (UUID) r[5], Rows.instant(r[6]), (BigDecimal) r[7], (String) r[8], (BigDecimal) r[9], (String) r[10],
                (String) r[11], Rows.instant(r[12]));
    }

    /** The round if the caller reaches its place, else 404. */
    DisinfectionRoundView visibleRound(UUID id) {
        List<Object[]> rows = Rows.list(em, ROUND_COLUMNS.replace("select r.id", "select an.path, r.id") + " where r.id = :id",
                Map.of("id", id));
        if (rows.isEmpty() || !jurisdiction.covers((String) rows.get(0)[0])) {
            throw ApiProblem.notFound("Disinfection round");
        }
        return round(java.util.Arrays.copyOfRange(rows.get(0), 1, rows.get(0).length));
    }

    /** What a list of rounds is filtered on; null fields filter nothing. */
    record RoundFilter(String areaPath, PlaceKind kind, UUID placeId, Instant from, Instant to) {
    }

    /** Rounds in reach, newest first, keyset-paged after ({@code beforeAt}, {@code beforeId}). */
    List<DisinfectionRoundView> rounds(RoundFilter f, Instant beforeAt, UUID beforeId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(ROUND_COLUMNS).append(" where 1 = 1");
        reach(sql, p);
        within(sql, p, f.areaPath());
        if (f.kind() != null) {
            sql.append(" and r.place_kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.placeId() != null) {
            sql.append(" and r.place_id = :place");
            p.put("place", f.placeId());
        }
        if (f.from() != null) {
            sql.append(" and r.done_at >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and r.done_at < :to");
            p.put("to", f.to());
        }
        if (beforeAt != null) {
            sql.append(" and (r.done_at, r.id) < (:beforeAt, :beforeId)");
            p.put("beforeAt", beforeAt);
            p.put("beforeId", beforeId);
        }
        sql.append(" order by r.done_at desc, r.id desc limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p).stream().map(DisinfectionRepository::round).toList();
    }

    /** (place id, round id, done at) of the rounds at these places in [from, to], oldest first; no reach (ids given). */
    List<Object[]> roundTimes(UUID[] placeIds, Instant from, Instant to) {
        return Rows.list(em, """
                select place_id, id, done_at from disinfection_round
                where place_id = any(cast(:ids as uuid[])) and done_at >= :from and done_at <= :to
                order by done_at, id""", Map.of("ids", placeIds, "from", from, "to", to));
    }

    /** Schedules alive some time in [from, to) within areaPath (null = all), no reach: sweeps and metrics. */
    List<Object[]> aliveBetween(String areaPath, Instant from, Instant to) {
        Map<String, Object> p = new HashMap<>(Map.of("from", from, "to", to));
        StringBuilder sql = new StringBuilder(SCHEDULE_COLUMNS)
                .append(" where s.created_at < :to and (s.deactivated_at is null or s.deactivated_at > :from)");
        within(sql, p, areaPath);
        return Rows.list(em, sql, p);
    }

    /**
     * Claims the slots (schedule, slot time, window start, window end) that passed without a round at the schedule's
     * place and were not claimed before; answers (schedule id, slot time) of those claimed now.
     */
    List<Object[]> claimMissed(UUID[] schedules, String[] slots, String[] starts, String[] ends, Instant now) {
        return Rows.list(em, """
                insert into disinfection_missed (schedule_id, slot_at, community_id, area_id, raised_at)
                select s.id, w.slot_at, s.community_id, s.area_id, :now
                from unnest(cast(:ids as uuid[]), cast(cast(:slots as text[]) as timestamptz[]),
                            cast(cast(:starts as text[]) as timestamptz[]), cast(cast(:ends as text[]) as timestamptz[]))
                     as w(schedule_id, slot_at, ws, we)
                join disinfection_schedule s on s.id = w.schedule_id
                where not exists (select 1 from disinfection_round r where r.place_kind = s.place_kind
                                  and r.place_id = s.place_id and r.done_at between w.ws and w.we)
                on conflict do nothing
                returning schedule_id, slot_at""", Map.of("ids", schedules, "slots", slots, "starts", starts, "ends", ends,
                "now", now));
    }

    /** Rounds done and their m² in [from, to) within areaPath (null = all), then missed slots in [from, to). */
    Object[] doneAndMissed(String areaPath, Instant from, Instant to) {
        return Rows.list(em, """
                select (select count(*) from disinfection_round r join area_node an on an.id = r.area_id
                        where an.path like :area and r.done_at >= :from and r.done_at < :to),
                       (select coalesce(sum(r.area_m2), 0) from disinfection_round r join area_node an on an.id = r.area_id
                        where an.path like :area and r.done_at >= :from and r.done_at < :to),
                       (select count(*) from disinfection_missed m join area_node an on an.id = m.area_id
                        where an.path like :area and m.slot_at >= :from and m.slot_at < :to)""",
                Map.of("area", areaPath == null ? "%" : areaPath + "%", "from", from, "to", to)).get(0);
    }

    /**
     * The daily report: per day of [from, to) in the zone, rounds done and slots missed at places within areaPath, as
     * rows of (day, figure, count) with figures done and missed.
     */
    List<Object[]> doneAndMissedByDay(String areaPath, Instant from, Instant to, java.time.ZoneId zone) {
        return Rows.list(em, """
                select cast(r.done_at at time zone :zone as date), 'done', count(*)
                from disinfection_round r join area_node an on an.id = r.area_id
                where an.path like :area and r.done_at >= :from and r.done_at < :to group by 1
                union all
                select cast(m.slot_at at time zone :zone as date), 'missed', count(*)
                from disinfection_missed m join area_node an on an.id = m.area_id
                where an.path like :area and m.slot_at >= :from and m.slot_at < :to group by 1""",
                Map.of("area", areaPath + "%", "from", from, "to", to, "zone", zone.getId()));
    }

    /** True when a schedule or round refers to the node. */
    boolean anyInArea(UUID nodeId) {
        return !em.createNativeQuery("""
                select 1 from disinfection_schedule where area_id = ?1
                union all select 1 from disinfection_round where area_id = ?1 limit 1""").setParameter(1, nodeId)
                .getResultList().isEmpty();
    }
}
