package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.alert.Alerts;
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
 * without a report, for the leaders of their cell. A late reading closes that alert (CheckIngestion).
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
    Alerts alerts;
    @Inject
    OnceOnly onceOnly;
    @Inject
    Idempotency idempotency;
    @Inject
    WatchRepository repo;

    // ------------------------------------------------------------------ the watch list

    @Transactional
    public Idempotency.Outcome<WatchView> create(NewWatch req, String key) {
        return idempotency.once(caller.name(), key, "WATCH", req, WatchView.class, () -> {
            Object[] r = repo.residentPlace(req.residentId());
            if (r == null || !jurisdiction.covers((String) r[3])) {
                throw ApiProblem.notFound("Resident");
            }
            checkPeriod(req.startsOn(), req.endsOn());
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
        String path = repo.areaPath(areaId);
        return path == null ? "/nowhere/" : path;
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
    public Page<WatchView> list(UUID areaId, LocalDate activeOn, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        String area = areaId == null ? null : areaPathVisible(areaId);
        UUID after = null;
        if (c != null) {
            try {
                after = UUID.fromString(c.get(0));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        return Page.of(views(repo.page(area, activeOn, after, lim + 1)), lim, v -> Cursor.encode(v.id().toString()));
    }

    String areaPathVisible(UUID areaId) {
        String path = repo.areaPath(areaId);
        if (path == null || !jurisdiction.overlaps(path)) {
            throw ApiProblem.notFound("Area node");
        }
        return path;
    }

    List<WatchView> views(List<Watch> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, Object[]> people = repo.people(list.stream().map(w -> w.residentId).distinct().toArray(UUID[]::new));
        return list.stream().map(w -> {
            Object[] r = people.getOrDefault(w.residentId, new Object[4]);
            return new WatchView(w.id, w.residentId, (String) r[1], (String) r[2], w.gridCellId, (String) r[3], w.reason,
                    w.startsOn, w.endsOn, w.note, w.createdBy, w.createdAt, w.version);
        }).toList();
    }

    // ------------------------------------------------------------------ reports

    /** Who reported in which window of a day; MISSING lists those without a reading. Paged by (watch, window). */
    @Transactional
    public Page<WatchReportRow> reports(UUID areaId, LocalDate date, ReportWindow window, ReportStatus status,
            String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        LocalDate day = date != null ? date : windows.day(clock.instant());
        String area = areaId == null ? null : areaPathVisible(areaId);
        WatchRepository.ReportCursor after = null;
        if (c != null) {
            try {
                after = new WatchRepository.ReportCursor(UUID.fromString(c.get(0)), ReportWindow.valueOf(c.get(1)).name());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        List<WatchReportRow> out = new ArrayList<>();
        for (Object[] r : repo.reports(day, window, status, area, after, lim + 1)) {
            out.add(reportRow(day, r));
        }
        return Page.of(out, lim, v -> Cursor.encode(v.watchId().toString(), v.window().name()));
    }

    private WatchReportRow reportRow(LocalDate day, Object[] r) {
        ReadingRef reading = r[6] == null ? null
                : new ReadingRef((UUID) r[6], (BigDecimal) r[7], TemperatureReads.odt(r[8], windows.zone()), (Boolean) r[9]);
        return new WatchReportRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], day,
                ReportWindow.valueOf((String) r[5]), reading != null, reading, (UUID) r[10]);
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
    int raiseMissing(LocalDate day, ReportWindow window) {
        List<Object[]> rows = repo.missing(day, window);
        String label = window == ReportWindow.MORNING ? "晨报" : "午报";
        for (Object[] r : rows) {
            UUID resident = (UUID) r[0];
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("date", day.toString());
            details.put("window", window.name());
            details.put("watchId", r[3]);
            details.put("reasons", r[4]);
            alerts.raise(new Alerts.Raise(TemperatureAlerts.MISSING_REPORT, "RESIDENT", resident,
                    r[1] + " " + day + " " + label, (UUID) r[2], TemperatureRules.missingKey(resident, day, window), details), "system");
        }
        return rows.size();
    }

    Instant now() {
        return clock.instant();
    }
}
