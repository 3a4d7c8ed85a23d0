package org.gridguard.duty.worklog;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Versions;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.DutySettings;
import org.gridguard.duty.person.DutyPerson;
import org.gridguard.duty.person.PersonRepository;
import org.gridguard.duty.worklog.WorkLogViews.Decision;
import org.gridguard.duty.worklog.WorkLogViews.NewWorkLog;
import org.gridguard.duty.worklog.WorkLogViews.WorkLogView;

/** Daily work logs (日志填报): what was done, how long, the figures; the hours count once a leader approves them. */
@ApplicationScoped
public class WorkLogService {

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutySettings settings;
    @Inject
    WorkLogRepository logs;
    @Inject
    PersonRepository people;
    @Inject
    Idempotency idempotency;

    @Transactional
    public Idempotency.Outcome<WorkLogView> createLog(NewWorkLog req, String key) {
        return idempotency.once(scope.name(), key, "WORK_LOG", req, WorkLogView.class, () -> {
            if (req.id() != null) {
                DutyWorkLog existing = logs.unfiltered(req.id());
                if (existing != null) {
                    if (existing.createdBy.equals(scope.name())) {
                        return new Idempotency.Outcome<>(view(existing, null), existing.id, true);
                    }
                    throw ApiProblem.conflict("A work log with this id already exists");
                }
            }
            DutyPerson p = whose(req.personId());
            LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
            if (req.workDate().isAfter(today)) {
                throw ApiProblem.invalid("workDate", "is in the future");
            }
            DutyWorkLog w = new DutyWorkLog();
            w.id = req.id() != null ? req.id() : UUID.randomUUID();
            w.communityId = p.communityId;
            w.personId = p.id;
            w.workDate = req.workDate();
            w.description = req.description().trim();
            w.hours = req.hours().setScale(2, RoundingMode.HALF_UP);
            w.householdsPhoned = req.householdsPhoned() == null ? 0 : req.householdsPhoned();
            w.householdsVisited = req.householdsVisited() == null ? 0 : req.householdsVisited();
            w.status = DutyWorkLog.Status.SUBMITTED;
            w.createdBy = scope.name();
            w.createdAt = clock.instant();
            logs.persist(w);
            return new Idempotency.Outcome<>(view(w, p), w.id, false);
        });
    }

    /** Whose work is logged: the caller by default; someone else only for themselves or their leaders. */
    private DutyPerson whose(UUID personId) {
        if (personId == null) {
            return people.me().orElseThrow(() -> ApiProblem.invalid("personId",
                    "you have no duty person record: say whose work this is"));
        }
        DutyPerson p = people.visible(personId);
        if (!people.isMe(p) && !people.canManage(p)) {
            throw ApiProblem.forbidden("Only the person or their leaders may log their work");
        }
        return p;
    }

    @Transactional
    public List<WorkLogView> logs(LocalDate date, UUID areaId, UUID personId) {
        String areaPath = areaId == null ? null : scope.area(areaId).path;
        List<DutyWorkLog> rows = logs.visible(date, areaPath, personId);
        Map<UUID, DutyPerson> byId = new HashMap<>();
        if (!rows.isEmpty()) {
            people.unfiltered(rows.stream().map(w -> w.personId).distinct().toList()).forEach(x -> byId.put(x.id, x));
        }
        return rows.stream().map(w -> view(w, byId.get(w.personId))).toList();
    }

    @Transactional
    public WorkLogView decide(UUID id, Decision d, String ifMatch) {
        DutyWorkLog w = logs.found(id);
        DutyPerson p = ApiProblem.outOfReachIsMissing("Work log", () -> people.visible(w.personId));
        if (!people.canManage(p)) {
            throw ApiProblem.forbidden("Only the person's leaders may approve their work log");
        }
        Versions.check(w.version, ifMatch, d.version());
        if (w.status != DutyWorkLog.Status.SUBMITTED) {
            throw ApiProblem.conflict("The work log is already " + w.status);
        }
        w.status = d.approve() ? DutyWorkLog.Status.APPROVED : DutyWorkLog.Status.REJECTED;
        w.decidedBy = scope.name();
        w.decidedAt = clock.instant();
        logs.flush();
        return view(w, p);
    }

    static WorkLogView view(DutyWorkLog w, DutyPerson p) {
        return new WorkLogView(w.id, w.personId, p == null ? null : p.name, w.workDate, w.description, w.hours,
                w.householdsPhoned, w.householdsVisited, w.status, w.createdBy, w.decidedBy, w.version);
    }
}
