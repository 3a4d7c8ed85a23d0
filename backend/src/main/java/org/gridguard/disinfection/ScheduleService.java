package org.gridguard.disinfection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.common.Rows;
import org.gridguard.common.Versions;
import org.gridguard.disinfection.DisinfectionViews.NewSchedule;
import org.gridguard.disinfection.DisinfectionViews.PlaceKind;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionPlaceView;
import org.gridguard.disinfection.DisinfectionViews.ScheduleChange;
import org.gridguard.disinfection.DisinfectionViews.DisinfectionScheduleView;
import org.gridguard.security.Caller;

/**
 * Disinfection schedules: one active schedule per place in the caller's reach (a compound or building, or a
 * checkpoint), its times of day and tolerance, changed with the version seen, deactivated (its history and rounds
 * stay); the place picker.
 */
@ApplicationScoped
public class ScheduleService {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    DisinfectionRepository repo;

    @ConfigProperty(name = "gridguard.disinfection.default-times")
    List<String> defaultTimes;
    @ConfigProperty(name = "gridguard.disinfection.default-tolerance-minutes")
    int defaultTolerance;

    @Transactional
    public List<DisinfectionPlaceView> places(String q, PlaceKind kind, UUID areaId) {
        return repo.places(q, kind, areaId == null ? null : repo.visibleArea(areaId));
    }

    @Transactional
    public Idempotency.Outcome<DisinfectionScheduleView> create(NewSchedule req, String key) {
        return idempotency.once(caller.name(), key, "DISINFECTION_SCHEDULE", req, DisinfectionScheduleView.class, () -> {
            DisinfectionRepository.Place place = place(req.placeKind(), req.placeId());
            int tolerance = Objects.requireNonNullElse(req.toleranceMinutes(), defaultTolerance);
            DisinfectionSchedule s = new DisinfectionSchedule();
            s.id = UUID.randomUUID();
            s.communityId = place.communityId();
            s.placeKind = place.kind();
            s.placeId = place.id();
            s.placeName = place.name();
            s.areaId = place.areaId();
            s.times = DisinfectionRules.join(times(req.times() == null ? defaultTimes : req.times(), tolerance));
            s.toleranceMinutes = tolerance;
            s.note = blankIsNull(req.note());
            s.createdBy = caller.name();
            s.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (!repo.insert(s)) {
                UUID existing = repo.activeScheduleOf(place.kind(), place.id());
                throw ApiProblem.conflict("The place already has an active disinfection schedule; change it instead",
                        existing == null ? Map.of() : Map.of("scheduleId", existing));
            }
            return new Idempotency.Outcome<>(view(repo.scheduleRow(s.id)), s.id, false);
        });
    }

    /** The place in reach (else 404); an AREA place must be a compound or a building (else 422). */
    DisinfectionRepository.Place place(PlaceKind kind, UUID id) {
        DisinfectionRepository.Place place = repo.visiblePlace(kind, id);
        if (kind == PlaceKind.AREA && !List.of("COMPOUND", "BUILDING").contains(place.type())) {
            throw refused("placeId", "an AREA place is a compound or a building, not a " + place.type());
        }
        return place;
    }

    private static List<LocalTime> times(List<String> texts, int tolerance) {
        try {
            return DisinfectionRules.times(texts, tolerance);
        } catch (IllegalArgumentException e) {
            throw refused("times", e.getMessage());
        }
    }

    static ApiProblem refused(String field, String message) {
        return new ApiProblem(422, "validation", "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)), null, null);
    }

    static String blankIsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Transactional
    public DisinfectionScheduleView get(UUID id) {
        repo.visible(id);
        return view(repo.scheduleRow(id));
    }

    @Transactional
    public DisinfectionScheduleView change(UUID id, ScheduleChange body, String ifMatch) {
        DisinfectionSchedule s = active(id, ifMatch, body.version());
        int tolerance = Objects.requireNonNullElse(body.toleranceMinutes(), s.toleranceMinutes);
        List<String> texts = body.times() != null ? body.times()
                : DisinfectionRules.split(s.times).stream().map(LocalTime::toString).toList();
        s.times = DisinfectionRules.join(times(texts, tolerance));
        s.toleranceMinutes = tolerance;
        if (body.note() != null) {
            s.note = blankIsNull(body.note());
        }
        touch(s);
        return view(repo.scheduleRow(id));
    }

    @Transactional
    public DisinfectionScheduleView deactivate(UUID id, String ifMatch) {
        DisinfectionSchedule s = active(id, ifMatch, null);
        s.active = false;
        s.deactivatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        touch(s);
        return view(repo.scheduleRow(id));
    }

    private DisinfectionSchedule active(UUID id, String ifMatch, Long version) {
        DisinfectionSchedule s = repo.visible(id);
        Versions.check(s.version, ifMatch, version);
        if (!s.active) {
            throw ApiProblem.conflict("The schedule was deactivated; create a new one for the place");
        }
        return s;
    }

    private void touch(DisinfectionSchedule s) {
        s.updatedBy = caller.name();
        s.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.flush();
    }

    @Transactional
    public Page<DisinfectionScheduleView> list(PlaceKind kind, UUID placeId, UUID areaId, boolean includeInactive, String cursor,
            Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        String area = areaId == null ? null : repo.visibleArea(areaId);
        var f = new DisinfectionRepository.Filter(area, kind, placeId, includeInactive, null, null);
        List<DisinfectionScheduleView> rows = repo.schedules(f, c == null ? null : c.get(0), c == null ? null : Cursor.uuid(c.get(1)),
                lim + 1).stream().map(ScheduleService::view).toList();
        return Page.of(rows, lim, v -> Cursor.encode(v.placeName(), v.id().toString()));
    }

    static DisinfectionScheduleView view(Object[] r) {
        Instant deactivated = Rows.instant(r[10]);
        return new DisinfectionScheduleView((UUID) r[0], PlaceKind.valueOf((String) r[1]), (UUID) r[2], (String) r[3], (UUID) r[4],
                (String) r[5], List.of(((String) r[6]).split(",")), ((Number) r[7]).intValue(), (String) r[8],
                (Boolean) r[9], deactivated, (String) r[11], Rows.instant(r[12]), Rows.instant(r[13]),
                ((Number) r[14]).longValue());
    }
}
