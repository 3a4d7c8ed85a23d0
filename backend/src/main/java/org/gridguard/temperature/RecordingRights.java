package org.gridguard.temperature;

import java.time.Clock;
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
import org.gridguard.common.Jdbc;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.common.Port;
import org.gridguard.duty.OnDuty;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.CheckRepository.Place;
import org.gridguard.temperature.CheckRepository.Places;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.Source;

/**
 * Who records where (ADR 0009): a worker at checkpoints in their area or where they stand a shift on the reading's
 * day, and watch reports (DOOR, PHONE, PHOTO) for residents of their own cells; leaders and supervisors in their
 * jurisdiction. Unknown and invisible places are 404, visible but not theirs 403. Set-based: one query for the
 * places of a whole request, and one for the caller's shifts only when a checkpoint is outside their area.
 * A port for {@link #recordingPlace}: the quarantine records a breach where the caller may record (ADR 0035).
 */
@Port
@ApplicationScoped
public class RecordingRights {

    @Inject
    CheckRepository checks;
    @Inject
    OnDuty onDuty;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    ReportWindows windows;
    @Inject
    Clock clock;
    @Inject
    Jdbc jdbc;

    /** Each live entry placed, or rejected (404, 403, 422) with the reason. */
    void authorise(Db db, List<Entry> entries) {
        Set<UUID> checkpointIds = new HashSet<>();
        Set<UUID> residentIds = new HashSet<>();
        for (Entry e : entries) {
            if (e.live()) {
                if (e.in.checkpointId() != null) {
                    checkpointIds.add(e.in.checkpointId());
                }
                if (e.in.residentId() != null) {
                    residentIds.add(e.in.residentId());
                }
            }
        }
        Places places = checks.places(db, checkpointIds, residentIds);
        boolean needShifts = places.checkpoints().values().stream().anyMatch(cp -> !jurisdiction.covers(cp.path()));
        Map<UUID, List<OnDuty.Shift>> shifts = needShifts ? shifts(db, entries, places.checkpoints().keySet()) : Map.of();
        for (Entry e : entries) {
            if (e.live()) {
                place(e, places, shifts);
            }
        }
    }

    private void place(Entry e, Places places, Map<UUID, List<OnDuty.Shift>> shifts) {
        CheckInput in = e.in;
        Place cp = in.checkpointId() == null ? null : places.checkpoints().get(in.checkpointId());
        if (in.checkpointId() != null) {
            boolean onShift = cp != null && onShift(cp, e.reading.day(), shifts);
            if (cp == null || !onShift && !jurisdiction.overlaps(cp.path())) {
                e.reject(404, "checkpointId", "checkpoint not found");
                return;
            }
            if (!onShift && !jurisdiction.covers(cp.path())) {
                e.reject(403, "checkpointId", "you record at checkpoints of your area or where you are on shift that day");
                return;
            }
        }
        String checkpointName = cp == null ? null : cp.name();
        if (in.residentId() != null) {
            Place r = places.residents().get(in.residentId());
            boolean ok = r != null && (jurisdiction.covers(r.path())
                    || in.source() == Source.GATE && cp != null && cp.communityId().equals(r.communityId()));
            if (!ok) {
                e.reject(404, "residentId", "resident not found");
                return;
            }
            e.placement = new Placement(r.communityId(), r.nodeId(), r.gridCellId(), r.gridCellId(), r.name(), checkpointName);
        } else {
            if (cp == null) {
                e.reject(422, "checkpointId", "a visitor is registered at a checkpoint");
                return;
            }
            e.placement = new Placement(cp.communityId(), cp.nodeId(), null, cp.nodeId(), e.reading.visitor().name(),
                    checkpointName);
        }
    }

    /**
     * The path of the area a checkpoint guards, if the caller may record there today (their area, or a shift
     * of theirs); 404 when they cannot see it, 403 when they see it but do not record there.
     */
    @Transactional
    public String recordingPlace(UUID checkpointId) {
        Db db = jdbc::inTransaction;
        Place cp = checks.places(db, Set.of(checkpointId), Set.of()).checkpoints().get(checkpointId);
        if (cp == null) {
            throw ApiProblem.notFound("Checkpoint");
        }
        if (jurisdiction.covers(cp.path())) {
            return cp.path();
        }
        LocalDate today = windows.day(clock.instant());
        if (onShift(cp, today, onDuty.shiftsOf(db, caller.name(), Set.of(checkpointId), start(today), start(today.plusDays(1))))) {
            return cp.path();
        }
        if (jurisdiction.overlaps(cp.path())) {
            throw ApiProblem.forbidden("You record at checkpoints of your area or where you are on shift today");
        }
        throw ApiProblem.notFound("Checkpoint");
    }

    private boolean onShift(Place cp, LocalDate day, Map<UUID, List<OnDuty.Shift>> shifts) {
        Instant from = start(day);
        Instant to = start(day.plusDays(1));
        return shifts.getOrDefault(cp.id(), List.of()).stream().anyMatch(s -> s.overlaps(from, to));
    }

    /** The caller's shifts at the request's checkpoints that overlap the readings' days: one query. */
    private Map<UUID, List<OnDuty.Shift>> shifts(Db db, List<Entry> entries, Set<UUID> checkpointIds) {
        LocalDate min = null, max = null;
        for (Entry e : entries) {
            LocalDate d = e.reading == null ? null : e.reading.day();
            if (d != null) {
                min = min == null || d.isBefore(min) ? d : min;
                max = max == null || d.isAfter(max) ? d : max;
            }
        }
        if (min == null) {
            return Map.of();
        }
        return onDuty.shiftsOf(db, caller.name(), checkpointIds, start(min), start(max.plusDays(1)));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(windows.zone()).toInstant();
    }
}
