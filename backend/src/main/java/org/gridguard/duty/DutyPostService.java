package org.gridguard.duty;

import org.gridguard.common.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertService;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.OnceOnly;
import org.gridguard.common.Versions;
import org.gridguard.duty.DutyViews.CheckInRequest;
import org.gridguard.duty.DutyViews.Correction;
import org.gridguard.duty.DutyViews.CorrectionView;
import org.gridguard.duty.DutyViews.InspectionView;
import org.gridguard.duty.DutyViews.NewInspection;
import org.gridguard.duty.DutyViews.ShiftView;

import io.quarkus.scheduler.Scheduled;

/**
 * At the post: check-in and check-out, leaders' corrections with history, spot inspections, and the
 * once-only sweep that turns a post with nobody checked in 15 minutes after the start into a DUTY_GAP alert.
 */
@ApplicationScoped
public class DutyPostService {

    public static final String GAP_JOB = "duty-gaps";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutyService duty;
    @Inject
    OnceOnly onceOnly;
    @Inject
    AlertService alerts;

    @ConfigProperty(name = "gridguard.duty.gap-after", defaultValue = "PT15M")
    Duration gapAfter;
    @ConfigProperty(name = "gridguard.zone")
    String zone;

    // ---------------- check-in / check-out ----------------

    /**
     * The person arrives. They check themselves in; someone without a login is checked in by a leader of the
     * post or by a worker standing the same shift. A repeated check-in answers the first one.
     */
    @Transactional
    public ShiftView checkIn(UUID shiftId, CheckInRequest req) {
        DutyShift s = duty.visibleShift(shiftId);
        DutyPerson p = whoFor(s, req == null ? null : req.personId());
        Instant at = when(s, req == null ? null : req.at());
        DutyCheckIn existing = DutyCheckIn.find("shiftId = ?1 and personId = ?2", s.id, p.id).firstResult();
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
            ci.persist();
            em.flush();
        }
        return duty.shift(s.id);
    }

    @Transactional
    public ShiftView checkOut(UUID shiftId, CheckInRequest req) {
        DutyShift s = duty.visibleShift(shiftId);
        DutyPerson p = whoFor(s, req == null ? null : req.personId());
        DutyCheckIn ci = DutyCheckIn.find("shiftId = ?1 and personId = ?2", s.id, p.id).firstResult();
        if (ci == null) {
            throw ApiProblem.conflict(p.name + " has not checked in to this shift");
        }
        if (ci.checkOutAt == null) {
            Instant at = when(s, req == null ? null : req.at());
            if (!at.isAfter(ci.checkInAt)) {
                throw ApiProblem.invalid("at", "must be after the check-in");
            }
            ci.checkOutAt = at;
            em.flush();
        }
        return duty.shift(s.id);
    }

    private DutyPerson whoFor(DutyShift s, UUID personId) {
        var me = scope.me();
        DutyPerson p;
        if (personId == null || me.map(m -> m.id.equals(personId)).orElse(false)) {
            p = me.orElseThrow(() -> ApiProblem.invalid("personId",
                    "you have no duty person record: say whom you are checking in"));
        } else {
            p = scope.person(personId);
            String path = scope.posts(List.of(s.checkpointId)).get(s.checkpointId).guardPath();
            boolean leader = scope.canManage(path);
            boolean colleague = duty.standsShift(s.id);
            if (!leader && !(colleague && p.username == null)) {
                throw ApiProblem.forbidden(
                        "Only a leader of the post, or someone on the same shift for a person without a login, may check others in");
            }
        }
        if (DutyAssignee.count("shiftId = ?1 and personId = ?2", s.id, p.id) == 0) {
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
        DutyCheckIn ci = DutyCheckIn.findById(checkInId);
        if (ci == null) {
            throw ApiProblem.notFound("Check-in");
        }
        DutyShift s = duty.visibleShift(ci.shiftId);
        scope.requireManage(scope.posts(List.of(s.checkpointId)).get(s.checkpointId).guardPath(), "hours");
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
        Number id = (Number) em.createNativeQuery("""
                insert into duty_hours_correction (community_id, check_in_id, old_check_in_at, old_check_out_at,
                    new_check_in_at, new_check_out_at, reason, corrected_by, corrected_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) returning id""")
                .setParameter(1, ci.communityId).setParameter(2, ci.id).setParameter(3, ci.checkInAt)
                .setParameter(4, ci.checkOutAt).setParameter(5, in).setParameter(6, out).setParameter(7, req.reason())
                .setParameter(8, scope.name()).setParameter(9, now).getSingleResult();
        CorrectionView v = new CorrectionView(id.longValue(), duty.odt(ci.checkInAt), duty.odt(ci.checkOutAt),
                duty.odt(in), duty.odt(out), req.reason(), scope.name(), duty.odt(now));
        ci.checkInAt = in;
        ci.checkOutAt = out;
        em.flush();
        return v;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<CorrectionView> corrections(UUID checkInId) {
        DutyCheckIn ci = DutyCheckIn.findById(checkInId);
        if (ci == null) {
            throw ApiProblem.notFound("Check-in");
        }
        duty.visibleShift(ci.shiftId);
        List<Object[]> rows = em.createNativeQuery("""
                select id, old_check_in_at, old_check_out_at, new_check_in_at, new_check_out_at, reason, corrected_by,
                       corrected_at from duty_hours_correction where check_in_id = ?1 order by id desc limit 500""")
                .setParameter(1, checkInId).getResultList();
        List<CorrectionView> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new CorrectionView(((Number) r[0]).longValue(), duty.odt(Rows.instant(r[1])), duty.odt(Rows.instant(r[2])),
                    duty.odt(Rows.instant(r[3])), duty.odt(Rows.instant(r[4])), (String) r[5], (String) r[6], duty.odt(Rows.instant(r[7]))));
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
        em.createNativeQuery("""
                insert into duty_inspection (id, community_id, checkpoint_id, inspected_at, inspector, present, staffed, note)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""").setParameter(1, id).setParameter(2, post.communityId())
                .setParameter(3, post.id()).setParameter(4, now).setParameter(5, scope.name()).setParameter(6, req.present())
                .setParameter(7, staffed).setParameter(8, req.note()).executeUpdate();
        return new InspectionView(id, post.id(), post.code(), duty.odt(now), scope.name(), req.present(), staffed,
                req.note());
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<InspectionView> inspections(UUID areaId, LocalDate date) {
        ZoneId z = ZoneId.of(zone);
        LocalDate d = date != null ? date : LocalDate.now(clock.withZone(z));
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select i.id, i.checkpoint_id, c.code, i.inspected_at, i.inspector, i.present, i.staffed, i.note
                from duty_inspection i join checkpoint c on c.id = i.checkpoint_id join area_node g on g.id = c.guards_node_id
                where i.inspected_at >= :from and i.inspected_at < :to""");
        p.put("from", d.atStartOfDay(z).toInstant());
        p.put("to", d.plusDays(1).atStartOfDay(z).toInstant());
        if (!scope.jurisdiction().isGlobal()) {
            sql.append(" and (g.path like any(cast(:patterns as text[])) or g.id = any(cast(:ancestors as uuid[])))");
            p.put("patterns", scope.jurisdiction().likePatterns());
            p.put("ancestors", scope.jurisdiction().ancestorIds().toArray(UUID[]::new));
        }
        if (areaId != null) {
            String path = scope.area(areaId).path;
            sql.append(" and (g.path like :area or :areaPath like g.path || '%')");
            p.put("area", path + "%");
            p.put("areaPath", path);
        }
        sql.append(" order by i.inspected_at limit ").append(Cursor.MAX_LIMIT);
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        List<InspectionView> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            out.add(new InspectionView((UUID) r[0], (UUID) r[1], (String) r[2], duty.odt(Rows.instant(r[3])), (String) r[4],
                    ((Number) r[5]).intValue(), (Boolean) r[6], (String) r[7]));
        }
        return out;
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

    @SuppressWarnings("unchecked")
    int raiseGaps(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.starts_at, s.ends_at, s.kind, c.id, c.code, c.name, c.guards_node_id,
                       (select count(*) from duty_assignee a where a.shift_id = s.id)
                from duty_shift s join checkpoint c on c.id = s.checkpoint_id
                where s.gap_alert_id is null and s.starts_at <= ?1 and s.starts_at > ?2 and s.ends_at > s.starts_at
                  and not exists (select 1 from duty_check_in ci where ci.shift_id = s.id)
                order by s.starts_at limit 1000""")
                .setParameter(1, now.minus(gapAfter)).setParameter(2, now.minus(Duration.ofDays(1))).getResultList();
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
            UUID alertId = alerts.raise(new AlertService.Raise(DutyAlerts.DUTY_GAP, "DUTY_SHIFT", shiftId,
                    r[5] + " " + r[6] + " " + duty.odt(Rows.instant(r[1])).toLocalDateTime().toString().replace('T', ' '),
                    (UUID) r[7], "duty-gap:" + shiftId, details), "system");
            em.createNativeQuery("update duty_shift set gap_alert_id = ?2 where id = ?1").setParameter(1, shiftId)
                    .setParameter(2, alertId).executeUpdate();
            raised++;
        }
        return raised;
    }
}
