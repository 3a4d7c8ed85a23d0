package org.gridguard.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.care.CareViews.CareVisitView;
import org.gridguard.care.CareViews.NewCareVisit;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.need.Needs;
import org.gridguard.security.Caller;

/**
 * Care visits: recorded once per Idempotency-Key on an active plan in the caller's reach, with the needs raised at the
 * visit put into the needs register (source CARE_VISIT, the visit as reference) in the same transaction.
 */
@ApplicationScoped
public class CareVisitService {

    /** How far ahead of the server's clock a device's visit time may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    CareRepository repo;
    @Inject
    Needs register;

    /** What an Idempotency-Key stands for: the plan and the body. */
    record Keyed(UUID planId, NewCareVisit visit) {
    }

    @Transactional
    public Idempotency.Outcome<CareVisitView> record(UUID planId, NewCareVisit in, String key) {
        return idempotency.once(caller.name(), key, "CARE_VISIT", new Keyed(planId, in), CareVisitView.class,
                () -> recordOnce(planId, in));
    }

    private Idempotency.Outcome<CareVisitView> recordOnce(UUID planId, NewCareVisit in) {
        CarePlan plan = repo.visible(planId);
        if (plan.status != CareViews.PlanStatus.ACTIVE) {
            throw ApiProblem.conflict("The care plan has ended: visits are recorded only on an active plan");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant at = in.visitedAt() == null ? now : in.visitedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(CLOCK_SKEW)) || at.isBefore(plan.startedAt)) {
            String message = at.isAfter(now) ? "is in the future" : "is before the plan started";
            throw new ApiProblem(422, "validation", "Invalid input", "visitedAt: " + message,
                    List.of(new FieldError("visitedAt", message)), null, null);
        }
        UUID id = UUID.randomUUID();
        List<UUID> needIds = new ArrayList<>();
        for (CareViews.NeedInput n : in.needs() == null ? List.<CareViews.NeedInput>of() : in.needs()) {
            needIds.add(register.raise(new Needs.NewNeed(n.kind(), n.detail(), n.urgency(), Needs.Source.CARE_VISIT, null,
                    plan.residentId, null, id), caller.name()));
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        CareVisitView v = new CareVisitView(id, plan.id, at, in.mode(), in.condition(), note, List.copyOf(needIds),
                caller.name(), now);
        repo.insertVisit(v, plan);
        return new Idempotency.Outcome<>(v, id, false);
    }

    @Transactional
    public Page<CareVisitView> list(UUID planId, String cursor, Integer limit) {
        repo.visible(planId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        return Page.of(repo.visits(planId, Cursor.at(c), Cursor.id(c), lim + 1), lim,
                v -> Cursor.encode(v.visitedAt().toString(), v.id().toString()));
    }
}
