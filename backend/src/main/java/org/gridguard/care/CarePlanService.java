package org.gridguard.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.care.CareRepository.Person;
import org.gridguard.care.CareRepository.PlanRow;
import org.gridguard.care.CareViews.CarePlanChange;
import org.gridguard.care.CareViews.CarePlanEnd;
import org.gridguard.care.CareViews.CarePlanView;
import org.gridguard.care.CareViews.NewCarePlan;
import org.gridguard.care.CareViews.UncoveredResident;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.common.Versions;
import org.gridguard.need.Needs;
import org.gridguard.security.Caller;

/**
 * Care plans: one active plan per vulnerable living resident in the caller's reach, with a responsible person assigned
 * around the resident's cell, cadences, changes and the end with a reason, each in the plan's history; the lists of
 * plans (most urgent first, with last visit, next due and missed flags) and of the vulnerable residents without one.
 */
@ApplicationScoped
public class CarePlanService {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    CareRepository repo;
    @Inject
    Needs deliveries;

    @Transactional
    public Idempotency.Outcome<CarePlanView> create(NewCarePlan req, String key) {
        return idempotency.once(caller.name(), key, "CARE_PLAN", req, CarePlanView.class, () -> {
            UUID id = open(req);
            return new Idempotency.Outcome<>(view(repo.row(id)), id, false);
        });
    }

    private UUID open(NewCarePlan req) {
        Person person = repo.visiblePerson(req.residentId());
        if (!person.living() || !CareRules.vulnerable(person.categories())) {
            throw refused("residentId", !person.living() ? "the resident is not living here"
                    : "the resident is in none of the categories " + String.join(", ", CareRules.VULNERABLE));
        }
        String responsible = responsible(req.responsible(), person.gridCellId());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String note = blankIsNull(req.note());
        if (!repo.insert(id, person, responsible, Objects.requireNonNullElse(req.visitEveryDays(),
                CareRules.DEFAULT_VISIT_EVERY_DAYS), Objects.requireNonNullElse(req.deliveryEveryDays(),
                        CareRules.DEFAULT_DELIVERY_EVERY_DAYS), note, caller.name(), now)) {
            UUID existing = repo.activePlanOf(person.id());
            throw ApiProblem.conflict("The resident already has an active care plan",
                    existing == null ? Map.of() : Map.of("planId", existing));
        }
        repo.event(id, "CREATED", caller.name(), now, "responsible " + responsible);
        return id;
    }

    /** The responsible person, trimmed: a grid worker or leader assigned to the cell or its zone, else 422. */
    private String responsible(String username, UUID cellId) {
        String who = username.trim();
        if (!repo.assignedAround(who, cellId)) {
            throw refused("responsible", "no grid worker or leader '" + who + "' is assigned to the resident's cell or zone");
        }
        return who;
    }

    private static ApiProblem refused(String field, String message) {
        return new ApiProblem(422, "validation", "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)), null, null);
    }

    private static String blankIsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Transactional
    public CarePlanView get(UUID id) {
        repo.visible(id);
        return view(repo.row(id));
    }

    @Transactional
    public CarePlanView change(UUID id, CarePlanChange body, String ifMatch) {
        CarePlan p = active(id, ifMatch, body.version());
        List<String> changed = new ArrayList<>();
        if (body.responsible() != null && !body.responsible().trim().equals(p.responsible)) {
            String who = responsible(body.responsible(), p.gridCellId);
            changed.add("responsible " + p.responsible + " → " + who);
            p.responsible = who;
        }
        if (body.visitEveryDays() != null && body.visitEveryDays() != p.visitEveryDays) {
            changed.add("visitEveryDays " + p.visitEveryDays + " → " + body.visitEveryDays());
            p.visitEveryDays = body.visitEveryDays();
        }
        if (body.deliveryEveryDays() != null && body.deliveryEveryDays() != p.deliveryEveryDays) {
            changed.add("deliveryEveryDays " + p.deliveryEveryDays + " → " + body.deliveryEveryDays());
            p.deliveryEveryDays = body.deliveryEveryDays();
        }
        if (body.note() != null && !Objects.equals(blankIsNull(body.note()), p.note)) {
            changed.add("note");
            p.note = blankIsNull(body.note());
        }
        if (!changed.isEmpty()) {
            touch(p, "CHANGED", String.join("; ", changed));
        }
        return view(repo.row(id));
    }

    @Transactional
    public CarePlanView end(UUID id, CarePlanEnd body, String ifMatch) {
        CarePlan p = active(id, ifMatch, body.version());
        p.status = CareViews.PlanStatus.ENDED;
        p.endReason = body.reason().trim();
        p.endedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        touch(p, "ENDED", p.endReason);
        return view(repo.row(id));
    }

    /** The plan in reach, at the version the caller saw, still active (else 409). */
    private CarePlan active(UUID id, String ifMatch, Long version) {
        CarePlan p = repo.visible(id);
        Versions.check(p.version, ifMatch, version);
        if (p.status != CareViews.PlanStatus.ACTIVE) {
            throw ApiProblem.conflict("The care plan has ended; start a new plan instead");
        }
        return p;
    }

    private void touch(CarePlan p, String action, String detail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        p.updatedBy = caller.name();
        p.updatedAt = now;
        em.flush();
        repo.event(p.id, action, caller.name(), now, detail);
    }

    @Transactional
    public Page<CarePlanView> list(CareViews.PlanStatus status, UUID areaId, boolean mine, boolean due, String cursor,
            Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        LocalDate afterDue = null;
        if (c != null) {
            try {
                afterDue = LocalDate.parse(c.get(0));
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        String area = areaId == null ? null : repo.visibleArea(areaId);
        LocalDate today = LocalDate.now(clock);
        CareRepository.Filter f = new CareRepository.Filter(status, area, mine ? caller.name() : null, due ? today : null);
        List<CarePlanView> rows = views(repo.page(f, clock.getZone(), afterDue, c == null ? null : Cursor.uuid(c.get(1)),
                lim + 1));
        return Page.of(rows, lim, v -> Cursor.encode(v.nextVisitDue().toString(), v.id().toString()));
    }

    @Transactional
    public Page<UncoveredResident> uncovered(UUID areaId, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        String area = areaId == null ? null : repo.visibleArea(areaId);
        return Page.of(repo.uncovered(area, c == null ? null : Cursor.uuid(c.get(0)), lim + 1), lim,
                u -> Cursor.encode(u.residentId().toString()));
    }

    CarePlanView view(PlanRow r) {
        return views(List.of(r)).get(0);
    }

    List<CarePlanView> views(List<PlanRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CareViews.CarePlanEvent>> history = repo.history(rows.stream().map(PlanRow::id).toArray(UUID[]::new));
        Map<UUID, Instant> delivered = deliveries.lastDelivered(rows.stream().map(PlanRow::householdId).toList());
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(r -> {
            LocalDate start = CareRules.day(r.startedAt(), zone);
            LocalDate visitDue = CareRules.nextDue(start, CareRules.day(r.lastContactAt(), zone), r.visitEveryDays());
            Instant lastDelivered = delivered.get(r.householdId());
            LocalDate deliveryDue = CareRules.nextDue(start, CareRules.day(lastDelivered, zone), r.deliveryEveryDays());
            boolean active = r.status() == CareViews.PlanStatus.ACTIVE;
            return new CarePlanView(r.id(), r.residentId(), r.residentName(), CareRules.vulnerableOf(r.categories()),
                    r.householdId(), r.doorLabel(), r.gridCellId(), r.cellName(), r.phoneMasked(), r.responsible(),
                    r.visitEveryDays(), r.deliveryEveryDays(), r.note(), r.status(), r.endReason(), r.startedAt(),
                    r.endedAt(), r.lastVisitAt(), r.lastCondition(), visitDue, active && CareRules.missed(visitDue, today),
                    lastDelivered, deliveryDue, active && CareRules.missed(deliveryDue, today), r.createdBy(),
                    r.createdAt(), r.updatedAt(), r.version(), history.getOrDefault(r.id(), List.of()));
        }).toList();
    }
}
