package org.gridguard.duty.shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.alert.Alerts;
import org.gridguard.duty.DutyAlerts;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.OnceOnly;
import org.gridguard.common.Rows;
import org.gridguard.common.Versions;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.DutySettings;
import org.gridguard.duty.person.DutyPerson;
import org.gridguard.duty.person.PersonRepository;
import org.gridguard.duty.shift.ShiftViews.CheckInRequest;
import org.gridguard.duty.shift.ShiftViews.Correction;
import org.gridguard.duty.shift.ShiftViews.CorrectionView;
import org.gridguard.duty.shift.ShiftViews.InspectionView;
import org.gridguard.duty.shift.ShiftViews.NewInspection;
import org.gridguard.duty.shift.ShiftViews.ShiftView;

import io.quarkus.scheduler.Scheduled;

/**
 * At the post: check-in and check-out, leaders' corrections with history, spot inspections, and the
 * once-only sweep that turns a post with nobody checked in 15 minutes after the start into a DUTY_GAP alert.
 */
@ApplicationScoped
public class DutyPostService {

    public static final String GAP_JOB = "duty-gaps";

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutySettings settings;
    @Inject
    ShiftService shiftViews;
    @Inject
    ShiftRepository shifts;
    @Inject
    PersonRepository people;
    @Inject
    CheckInRepository checkIns;
    @Inject
    InspectionRepository inspections;
    @Inject
    OnceOnly onceOnly;
    @Inject
    Alerts alerts;

    @ConfigProperty(name = "gridguard.duty.gap-after", defaultValue = "PT15M")
    Duration gapAfter;
    // ---------------- check-in / check-out ----------------

    /**
     * The person arrives. They check themselves in; someone without a login is checked in by a leader of the
     * post or by a worker standing the same shift. A repeated check-in answers the first one.
     */
    @Transactional
    public ShiftView checkIn(UUID shiftId, CheckInRequest req) {
        DutyShift s = shifts.visible(shiftId);
        DutyPerson p = whoFor(s, req == null ? null : req.personId());
        Instant at = when(s, req == null ? null : req.at());
        DutyCheckIn existing = checkIns.find(s.id, p.id);
        if (existing == null) {
            DutyCheckIn ci = new DutyCheckIn();
            ci.id = UUID.randomUUID();
            ci.communityId = s.communityId;
            ci.shiftId = s.id;
            ci.personId = p.id;
            ci.checkInAt = at;
            ci.latitude = req == null ? null : req.latitude();
            ci.longitude = req == null ? null : req.longitude();
            ci.recordedBy = scope.name();
            ci.createdAt = clock.instant();
            checkIns.add(ci);
        }
        return shiftViews.shift(s.id);
    }

    @Transactional
    public ShiftView checkOut(UUID shiftId, CheckInRequest req) {
        DutyShift s = shifts.visible(shiftId);
        DutyPerson p = whoFor(s, req == null ? null : req.personId());
        DutyCheckIn ci = checkIns.find(s.id, p.id);
        if (ci == null) {
            throw ApiProblem.conflict(p.name + " has not checked in to this shift");
        }
        if (ci.checkOutAt == null) {
            Instant at = when(s, req == null ? null : req.at());
            if (!at.isAfter(ci.checkInAt)) {
                throw ApiProblem.invalid("at", "must be after the check-in");
            }
            ci.checkOutAt = at;
            checkIns.flush();
        }
        return shiftViews.shift(s.id);
    }

    private DutyPerson whoFor(DutyShift s, UUID personId) {
        var me = people.me();
        DutyPerson p;
        if (personId == null || me.map(m -> m.id.equals(personId)).orElse(false)) {
            p = me.orElseThrow(() -> ApiProblem.invalid("personId",
                    "you have no duty person record: say whom you are checking in"));
        } else {
            p = people.visible(personId);
            boolean leader = shifts.canManage(s);
            boolean colleague = shifts.stands(s.id);
            if (!leader && !(colleague && p.username == null)) {
                throw ApiProblem.forbidden(
                        "Only a leader of the post, or someone on the same shift for a person without a login, may check others in");
            }
        }
        if (!shifts.isOn(s.id, p.id)) {
            throw ApiProblem.unprocessable("not-on-shift", p.name + " is not on this shift");
        }
        return p;
    }

    private Instant when(DutyShift s, java.time.OffsetDateTime at) {
        Instant now = clock.instant();
        if (at == null) {
            return now;
        }
        Instant t = at.toInstant();
        if (t.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw ApiProblem.invalid("at", "is in the future");
        }
        if (t.isBefore(s.startsAt.minus(Duration.ofHours(2))) || t.isAfter(s.endsAt.plus(Duration.ofHours(4)))) {
            throw ApiProblem.invalid("at", "is too far from the shift's times");
        }
        return t;
    }

    // ---------------- corrections ----------------

    @Transactional
    public CorrectionView correct(UUID checkInId, Correction req, String ifMatch) {
        CheckInRepository.Visible v = checkIns.visible(checkInId);
        DutyCheckIn ci = v.checkIn();
        scope.requireManage(shifts.postOf(v.shift()).guardPath(), "hours");
        Versions.check(ci.version, ifMatch, req.version());
        Instant in = req.checkInAt().toInstant();
        Instant out = req.checkOutAt() == null ? null : req.checkOutAt().toInstant();
        if (out != null && !out.isAfter(in)) {
            throw ApiProblem.invalid("checkOutAt", "must be after checkInAt");
        }
        if (out != null && Duration.between(in, out).toHours() > 24) {
            throw ApiProblem.invalid("checkOutAt", "a shift lasts at most 24 hours");
        }
        Instant now = clock.instant();
        long id = checkIns.addCorrection(ci, in, out, req.reason(), scope.name(), now);
        CorrectionView done = new CorrectionView(id, settings.odt(ci.checkInAt), settings.odt(ci.checkOutAt),
                settings.odt(in), settings.odt(out), req.reason(), scope.name(), settings.odt(now));
        ci.checkInAt = in;
        ci.checkOutAt = out;
        checkIns.flush();
        return done;
    }

    @Transactional
    public List<CorrectionView> corrections(UUID checkInId) {
        checkIns.visible(checkInId);
        List<CorrectionView> out = new ArrayList<>();
        for (Object[] r : checkIns.corrections(checkInId)) {
            out.add(new CorrectionView(((Number) r[0]).longValue(), odt(r[1]), odt(r[2]), odt(r[3]), odt(r[4]),
                    (String) r[5], (String) r[6], odt(r[7])));
        }
        return out;
    }

    // ---------------- inspections ----------------

    @Transactional
    public InspectionView inspect(NewInspection req) {
        DutyScope.Post post = scope.post(req.checkpointId());
        scope.requireManage(post.guardPath(), "inspections");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean staffed = req.staffed() != null ? req.staffed() : req.present() > 0;
        inspections.add(id, post, now, scope.name(), req.present(), staffed, req.note());
        return new InspectionView(id, post.id(), post.code(), settings.odt(now), scope.name(), req.present(), staffed,
                req.note());
    }

    @Transactional
    public List<InspectionView> inspections(UUID areaId, LocalDate date) {
        ZoneId z = settings.zone();
        LocalDate d = date != null ? date : LocalDate.now(clock.withZone(z));
        String areaPath = areaId == null ? null : scope.area(areaId).path;
        List<InspectionView> out = new ArrayList<>();
        for (Object[] r : inspections.visible(d.atStartOfDay(z).toInstant(), d.plusDays(1).atStartOfDay(z).toInstant(),
                areaPath)) {
            out.add(new InspectionView((UUID) r[0], (UUID) r[1], (String) r[2], odt(r[3]), (String) r[4],
                    ((Number) r[5]).intValue(), (Boolean) r[6], (String) r[7]));
        }
        return out;
    }

    private java.time.OffsetDateTime odt(Object instant) {
        return settings.odt(Rows.instant(instant));
    }

    // ---------------- gaps ----------------

    @Scheduled(every = "${gridguard.duty.gap-every:60s}", delay = 20, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweepGaps();
    }

    /**
     * Once per minute across all instances: every shift that started at least 15 minutes ago (within the last
     * day) with nobody checked in raises one DUTY_GAP alert for the leaders of its post.
     *
     * @return true if this call did the sweep (false: another call or instance already had for this minute)
     */
    public boolean sweepGaps() {
        Instant now = clock.instant();
        return onceOnly.run(GAP_JOB, OnceOnly.windowStart(now, Duration.ofMinutes(1)), () -> Map.of("raised", raiseGaps(now)));
    }

    int raiseGaps(Instant now) {
        List<Object[]> rows = shifts.unattended(now.minus(gapAfter), now.minus(Duration.ofDays(1)));
        int raised = 0;
        for (Object[] r : rows) {
            UUID shiftId = (UUID) r[0];
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("shiftId", shiftId.toString());
            details.put("checkpointId", r[4].toString());
            details.put("checkpointCode", r[5]);
            details.put("startsAt", Rows.instant(r[1]).toString());
            details.put("endsAt", Rows.instant(r[2]).toString());
            details.put("kind", r[3]);
            details.put("assignees", ((Number) r[8]).intValue());
            UUID alertId = alerts.raise(new Alerts.Raise(DutyAlerts.DUTY_GAP, "DUTY_SHIFT", shiftId,
                    r[5] + " " + r[6] + " " + odt(r[1]).toLocalDateTime().toString().replace('T', ' '),
                    (UUID) r[7], "duty-gap:" + shiftId, details), "system");
            shifts.markGap(shiftId, alertId);
            raised++;
        }
        return raised;
    }
}
