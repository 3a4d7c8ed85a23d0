package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertService;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.OnceOnly;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.TemperatureViews.NewWatch;
import org.gridguard.temperature.TemperatureViews.ReadingRef;
import org.gridguard.temperature.TemperatureViews.ReportStatus;
import org.gridguard.temperature.TemperatureViews.ReportWindow;
import org.gridguard.temperature.TemperatureViews.WatchPatch;
import org.gridguard.temperature.TemperatureViews.WatchReportRow;
import org.gridguard.temperature.TemperatureViews.WatchView;

import io.quarkus.scheduler.Scheduled;

/**
 * The watch list and its twice-daily reports (两测温、两报告). A reading counts for the window of its measured-at;
 * when a window closes, one instance (OnceOnly) raises a MISSING_REPORT alert for each person under watch
 * without a report, for the leaders of their cell. A late reading closes that alert (TemperatureService).
 */
@ApplicationScoped
public class WatchService {

    public static final String MISSING_JOB = "missing-reports";
    static final int MAX_DAYS = 366;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    ReportWindows windows;
    @Inject
    AlertService alerts;
    @Inject
    OnceOnly onceOnly;
    @Inject
    Idempotency idempotency;

    // ------------------------------------------------------------------ the watch list

    @Transactional
    @SuppressWarnings("unchecked")
    public Idempotency.Outcome<WatchView> create(NewWatch req, String key) {
        return idempotency.once(caller.name(), key, "WATCH", req, WatchView.class, () -> {
            List<Object[]> rows = em.createNativeQuery("""
                    select r.community_id, r.grid_cell_id, r.area_id, an.path from resident r
                    join area_node an on an.id = r.area_id where r.id = ?1""").setParameter(1, req.residentId())
                    .getResultList();
            if (rows.isEmpty() || !jurisdiction.covers((String) rows.get(0)[3])) {
                throw ApiProblem.notFound("Resident");
            }
            checkPeriod(req.startsOn(), req.endsOn());
            Object[] r = rows.get(0);
            Watch w = new Watch();
            w.id = UUID.randomUUID();
            w.communityId = (UUID) r[0];
            w.gridCellId = (UUID) r[1];
            w.areaId = (UUID) r[2];
            w.residentId = req.residentId();
            w.reason = req.reason();
            w.startsOn = req.startsOn();
            w.endsOn = req.endsOn();
            w.note = req.note();
            w.createdBy = caller.name();
            w.updatedBy = caller.name();
            w.createdAt = clock.instant();
            w.updatedAt = w.createdAt;
            w.persist();
            em.flush();
            return new Idempotency.Outcome<>(views(List.of(w)).get(0), w.id, false);
        });
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("endsOn", "must not be before startsOn");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiProblem.invalid("endsOn", "a watch lasts at most " + MAX_DAYS + " days");
        }
    }

    Watch visible(UUID id) {
        Watch w = Watch.findById(id);
        if (w == null || !jurisdiction.covers(path(w.areaId))) {
            throw ApiProblem.notFound("Watch");
        }
        return w;
    }

    String path(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse("/nowhere/");
    }

    @Transactional
    public WatchView get(UUID id) {
        return views(List.of(visible(id))).get(0);
    }

    @Transactional
    public WatchView update(UUID id, WatchPatch p, String ifMatch) {
        Watch w = visible(id);
        Versions.check(w.version, ifMatch, p.version());
        if (p.reason() != null) {
            w.reason = p.reason();
        }
        if (p.startsOn() != null) {
            w.startsOn = p.startsOn();
        }
        if (p.endsOn() != null) {
            w.endsOn = p.endsOn();
        }
        if (p.note() != null) {
            w.note = p.note();
        }
        checkPeriod(w.startsOn, w.endsOn);
        w.updatedBy = caller.name();
        w.updatedAt = clock.instant();
        em.flush();
        return views(List.of(w)).get(0);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<WatchView> list(UUID areaId, LocalDate activeOn, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select w.* from watch w join area_node an on an.id = w.area_id where 1 = 1");
        sql.append(scope(p, "w"));
        if (areaId != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPathVisible(areaId) + "%");
        }
        if (activeOn != null) {
            sql.append(" and w.starts_on <= :on and w.ends_on >= :on");
            p.put("on", activeOn);
        }
        if (c != null) {
            sql.append(" and w.id > :after");
            try {
                p.put("after", UUID.fromString(c.get(0)));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        sql.append(" order by w.id limit :lim");
        p.put("lim", lim + 1);
        var q = em.createNativeQuery(sql.toString(), Watch.class);
        p.forEach(q::setParameter);
        List<Watch> rows = q.getResultList();
        return Page.of(views(rows), lim, v -> Cursor.encode(v.id().toString()));
    }

    String scope(Map<String, Object> p, String t) {
        if (jurisdiction.isGlobal()) {
            return "";
        }
        p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
        p.put("patterns", jurisdiction.likePatterns());
        return " and " + t + ".community_id = any(cast(:communities as uuid[])) and an.path like any(cast(:patterns as text[]))";
    }

    String areaPathVisible(UUID areaId) {
        String path = (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
        if (path == null || !jurisdiction.overlaps(path)) {
            throw ApiProblem.notFound("Area node");
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    List<WatchView> views(List<Watch> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, Object[]> people = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select r.id, r.name, concat_ws(' ', cn.name, bn.name, h.door_number), cell.name
                from resident r join household h on h.id = r.household_id join area_node cell on cell.id = r.grid_cell_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                where r.id = any(?1)""").setParameter(1, list.stream().map(w -> w.residentId).distinct().toArray(UUID[]::new))
                .getResultList()) {
            people.put((UUID) r[0], r);
        }
        return list.stream().map(w -> {
            Object[] r = people.getOrDefault(w.residentId, new Object[4]);
            return new WatchView(w.id, w.residentId, (String) r[1], (String) r[2], w.gridCellId, (String) r[3], w.reason,
                    w.startsOn, w.endsOn, w.note, w.createdBy, w.createdAt, w.version);
        }).toList();
    }

    // ------------------------------------------------------------------ reports

    /** Who reported in which window of a day; MISSING lists those without a reading. Paged by (watch, window). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<WatchReportRow> reports(UUID areaId, LocalDate date, ReportWindow window, ReportStatus status,
            String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        LocalDate day = date != null ? date : windows.day(clock.instant());
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select w.id, w.resident_id, r.name, concat_ws(' ', cn.name, bn.name, h.door_number), cell.name, win.w,
                       rd.id, rd.temperature, rd.measured_at, rd.fever, al.id
                from watch w join resident r on r.id = w.resident_id join household h on h.id = r.household_id
                join area_node an on an.id = w.area_id join area_node cell on cell.id = w.grid_cell_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                cross join unnest(cast(:wins as text[])) as win(w)
                left join lateral (select t.id, t.temperature, t.measured_at, t.fever from temperature_check t
                                   where t.resident_id = w.resident_id and t.business_date = :day and t.report_window = win.w
                                   order by t.measured_at desc limit 1) rd on true
                left join alert al on al.kind = 'MISSING_REPORT'
                     and al.dedupe_key = 'missing:' || cast(w.resident_id as text) || ':' || :dayText || ':' || win.w
                where w.starts_on <= :day and w.ends_on >= :day""");
        sql.append(scope(p, "w"));
        p.put("day", day);
        p.put("dayText", day.toString());
        p.put("wins", window == null ? new String[] { "MORNING", "AFTERNOON" } : new String[] { window.name() });
        if (areaId != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPathVisible(areaId) + "%");
        }
        if (status == ReportStatus.MISSING) {
            sql.append(" and rd.id is null");
        } else if (status == ReportStatus.REPORTED) {
            sql.append(" and rd.id is not null");
        }
        if (c != null) {
            try {
                p.put("afterId", UUID.fromString(c.get(0)));
                p.put("afterWin", ReportWindow.valueOf(c.get(1)).name());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
            sql.append(" and (w.id, win.w) > (:afterId, :afterWin)");
        }
        sql.append(" order by w.id, win.w limit :lim");
        p.put("lim", lim + 1);
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        List<WatchReportRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            ReadingRef reading = r[6] == null ? null
                    : new ReadingRef((UUID) r[6], (BigDecimal) r[7], TemperatureReads.odt(r[8], windows.zone()), (Boolean) r[9]);
            out.add(new WatchReportRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], day,
                    ReportWindow.valueOf((String) r[5]), reading != null, reading, (UUID) r[10]));
        }
        return Page.of(out, lim, v -> Cursor.encode(v.watchId().toString(), v.window().name()));
    }

    // ------------------------------------------------------------------ missing reports

    @Scheduled(every = "${gridguard.temperature.missing-every:60s}", delay = 30,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweepMissing();
    }

    /**
     * For the last report window that has closed: once across all instances, a MISSING_REPORT alert for each
     * person under watch that day with no reading in it.
     *
     * @return true if this call did the sweep (false: another call or instance already had)
     */
    public boolean sweepMissing() {
        ReportWindows.Closed w = windows.lastClosed(clock.instant());
        return onceOnly.run(MISSING_JOB, windows.closes(w.day(), w.window()),
                () -> Map.of("day", w.day().toString(), "window", w.window().name(), "raised", raiseMissing(w.day(), w.window())));
    }

    /** Runs inside the once-only claim's transaction. */
    @SuppressWarnings("unchecked")
    int raiseMissing(LocalDate day, ReportWindow window) {
        List<Object[]> rows = em.createNativeQuery("""
                select w.resident_id, r.name, r.grid_cell_id, min(cast(w.id as text)), string_agg(distinct w.reason, ',')
                from watch w join resident r on r.id = w.resident_id
                where w.starts_on <= ?1 and w.ends_on >= ?1 and r.status = 'LIVING'
                  and not exists (select 1 from temperature_check t where t.resident_id = w.resident_id
                                  and t.business_date = ?1 and t.report_window = ?2)
                group by w.resident_id, r.name, r.grid_cell_id order by w.resident_id""")
                .setParameter(1, day).setParameter(2, window.name()).getResultList();
        String label = window == ReportWindow.MORNING ? "晨报" : "午报";
        for (Object[] r : rows) {
            UUID resident = (UUID) r[0];
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("date", day.toString());
            details.put("window", window.name());
            details.put("watchId", r[3]);
            details.put("reasons", r[4]);
            alerts.raise(new AlertService.Raise(AlertKind.MISSING_REPORT, "RESIDENT", resident,
                    r[1] + " " + day + " " + label, (UUID) r[2], TemperatureRules.missingKey(resident, day, window), details), "system");
        }
        return rows.size();
    }

    Instant now() {
        return clock.instant();
    }
}
