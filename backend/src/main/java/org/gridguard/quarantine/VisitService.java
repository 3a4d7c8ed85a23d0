package org.gridguard.quarantine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.alert.Alerts;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.need.Needs;
import org.gridguard.quarantine.VisitRepository.Order;
import org.gridguard.quarantine.VisitRules.Span;
import org.gridguard.quarantine.VisitViews.DueRow;
import org.gridguard.quarantine.VisitViews.NewVisit;
import org.gridguard.quarantine.VisitViews.Slot;
import org.gridguard.quarantine.VisitViews.VisitView;
import org.gridguard.quarantine.VisitWindows.Window;
import org.gridguard.security.Caller;
import org.gridguard.temperature.TemperatureReadings;
import org.gridguard.webhook.WebhookOutbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Recording a visit (once per client ref and Idempotency-Key) with what it raises in the same transaction: the FEVER
 * alert (a resident's reading goes through temperature, so it is the same alert with the same dedupe as a gate
 * reading) and the quarantine.fever webhook, a SYMPTOM alert for a symptom without fever, and the closing of the
 * window's VISIT_MISSED alert by a late visit. Symptoms and temperatures are never logged.
 */
@ApplicationScoped
public class VisitService {

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    VisitRepository repo;
    @Inject
    VisitWindows windows;
    @Inject
    VisitMapping mapping;
    @Inject
    TemperatureReadings readings;
    @Inject
    Alerts alerts;
    @Inject
    WebhookOutbox outbox;
    @Inject
    AreaRepository areas;
    @Inject
    ObjectMapper json;
    @Inject
    Needs register;

    /** A visit recorded (created) or the same one again (a retry: created = false). */
    public record Recorded(VisitView view, boolean created) {
    }

    /** What an Idempotency-Key stands for: the order and the body. */
    record Keyed(UUID orderId, NewVisit visit) {
    }

    @Transactional
    public Recorded record(UUID orderId, NewVisit in, String key) {
        Idempotency.Outcome<VisitView> o = idempotency.once(caller.name(), key, "QUARANTINE_VISIT", new Keyed(orderId, in),
                VisitView.class, () -> recordOnce(orderId, in));
        return new Recorded(o.view(), !o.replayed());
    }

    private Idempotency.Outcome<VisitView> recordOnce(UUID orderId, NewVisit in) {
        Order order = repo.visibleOrder(orderId);
        String hash = VisitRules.hash(orderId, in);
        Idempotency.Outcome<VisitView> again = retry(orderId, in, hash);
        if (again != null) {
            return again;
        }
        if (!order.active()) {
            throw new ApiProblem(409, "quarantine-released", "Order not active",
                    "Quarantine order " + order.number() + " is " + order.status().toLowerCase(java.util.Locale.ROOT)
                            + ": visits are recorded only while it is active",
                    List.of(new FieldError("orderId", "the order is no longer active")), null, null);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Span> spans = windows.spans(order.kind());
        List<FieldError> problems = VisitRules.problems(in, order.kind(), spans, now, readings::plausible);
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid input", problems.get(0).field() + ": " + problems.get(0).message(),
                    problems, null, null);
        }
        Instant at = in.visitedAt().toInstant();
        LocalDate day = windows.day(at);
        Slot slot = in.window() != null ? in.window() : VisitRules.slotAt(spans, at.atZone(windows.zone()).toLocalTime());
        BigDecimal temperature = in.temperature() == null ? null : readings.rounded(in.temperature());
        boolean fever = temperature != null && readings.isFever(temperature);
        UUID id = UUID.randomUUID();
        if (!repo.insert(new VisitRepository.NewRow(id, order, day, slot, at, in.mode().name(), temperature, fever,
                in.symptoms().stream().map(Enum::name).toArray(String[]::new), in.sealIntact(), needs(in), in.note(),
                in.clientRef(), hash, caller.name(), now))) {
            return retry(orderId, in, hash); // a concurrent retry won
        }
        raise(order, id, in, temperature, fever, day, slot, now);
        return new Idempotency.Outcome<>(mapping.view(repo.visit(id)), id, false);
    }

    /** The same client ref again: the visit it recorded (same order and body), else 409. Null for a new client ref. */
    private Idempotency.Outcome<VisitView> retry(UUID orderId, NewVisit in, String hash) {
        Object[] seen = repo.byClientRef(in.clientRef());
        if (seen == null) {
            return null;
        }
        if (!orderId.equals(seen[1]) || !hash.equals(seen[2])) {
            throw new ApiProblem(409, "conflict", "Conflict", "clientRef: this clientRef was already used for another visit",
                    List.of(new FieldError("clientRef", "already used for another visit")), null, null);
        }
        return new Idempotency.Outcome<>(mapping.view(repo.visit((UUID) seen[0])), (UUID) seen[0], true);
    }

    /**
     * What the visit raises: its needs into the needs register (source QUARANTINE_VISIT, the visit as reference; they
     * are also kept on the visit as recorded), the alerts and webhooks.
     */
    private void raise(Order order, UUID visitId, NewVisit in, BigDecimal temperature, boolean fever, LocalDate day, Slot slot,
            Instant now) {
        for (VisitViews.NeedInput n : in.needs() == null ? List.<VisitViews.NeedInput>of() : in.needs()) {
            register.raise(new Needs.NewNeed(Needs.Kind.valueOf(n.kind().name()), n.note(), urgency(n), Needs.Source.QUARANTINE_VISIT,
                    null, null, order.id(), visitId), caller.name());
        }
        UUID feverAlert = null;
        UUID symptomAlert = null;
        if (temperature != null && order.residentId() != null) {
            feverAlert = readings.recordResident(visitId, order.residentId(), temperature, in.visitedAt(),
                    in.mode() == VisitViews.Mode.PHONE).alertId();
        } else if (fever) {
            feverAlert = alerts.raise(new Alerts.Raise(readings.feverKind(), "QUARANTINE_ORDER", order.id(),
                    order.name() + " " + temperature.toPlainString() + " °C · " + order.number(), order.areaId(),
                    order.docHmac() == null ? "fever:order:" + order.id() + ":" + day : readings.feverKeyOfDocument(order.docHmac(), day),
                    details(order, visitId, day, slot)), caller.name());
        }
        if (fever && !repo.feverEarlier(order.id(), day, visitId)) {
            Map<String, Object> payload = details(order, visitId, day, slot);
            payload.put("alertId", feverAlert);
            outbox.enqueue(VisitEvents.FEVER, order.areaPath(), payload);
        }
        if (!fever && VisitRules.hasSymptom(in.symptoms())) {
            symptomAlert = alerts.raise(new Alerts.Raise(VisitAlerts.SYMPTOM, "QUARANTINE_ORDER", order.id(),
                    order.name() + " " + day + " · " + order.number(), order.areaId(), VisitRules.symptomKey(order.personKey(), day),
                    details(order, visitId, day, slot)), caller.name());
        }
        if (feverAlert != null || symptomAlert != null) {
            repo.linkAlerts(visitId, feverAlert, symptomAlert);
        }
        Span span = VisitRules.span(windows.spans(order.kind()), slot);
        if (span != null && !now.isBefore(windows.window(order.kind(), day, span).end())) {
            alerts.resolve(VisitAlerts.VISIT_MISSED, List.of(VisitRules.missedKey(order.id(), day, slot)), "visit recorded late", Map.of());
        }
    }

    /** A visit's URGENT is the register's TODAY, or URGENT_MEDICAL for medicine and a medical appointment. */
    static Needs.Urgency urgency(VisitViews.NeedInput n) {
        if (n.urgency() != VisitViews.NeedUrgency.URGENT) {
            return Needs.Urgency.ROUTINE;
        }
        return n.kind() == VisitViews.NeedKind.MEDICINE || n.kind() == VisitViews.NeedKind.MEDICAL_APPOINTMENT
                ? Needs.Urgency.URGENT_MEDICAL : Needs.Urgency.TODAY;
    }

    /** An alert's or webhook's details: ids, number, day and window (no symptom, no temperature). */
    static Map<String, Object> details(Order order, UUID visitId, LocalDate day, Slot slot) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("orderId", order.id().toString());
        d.put("orderNumber", order.number());
        if (visitId != null) {
            d.put("visitId", visitId.toString());
        }
        d.put("date", day.toString());
        d.put("window", slot.name());
        return d;
    }

    private String needs(NewVisit in) {
        try {
            return json.writeValueAsString(in.needs() == null ? List.of() : in.needs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Page<VisitView> list(UUID orderId, String cursor, Integer limit) {
        repo.visibleOrder(orderId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        List<VisitView> out = repo.visits(orderId, c == null ? null : Cursor.instant(c.get(0)), c == null ? null : Cursor.uuid(c.get(1)),
                lim + 1).stream().map(mapping::view).toList();
        return Page.of(out, lim, v -> Cursor.encode(v.visitedAt().toInstant().toString(), v.id().toString()));
    }

    /** The day's visits of the caller's reach (default today in the deployment's zone), overdue first, then by window. */
    @Transactional
    public Page<DueRow> due(LocalDate date, UUID areaId, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        Instant now = clock.instant();
        LocalDate today = windows.day(now);
        LocalDate day = date == null ? today : date;
        String area = areaId == null ? null : areas.visible(areaId).map(n -> n.path)
                .orElseThrow(() -> ApiProblem.notFound("Area node"));
        List<String> c = Cursor.decode(cursor, 3);
        VisitRepository.DueCursor after = null;
        if (c != null) {
            if (!Arrays.asList("0", "1").contains(c.get(0))) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
            after = new VisitRepository.DueCursor(Integer.parseInt(c.get(0)), Cursor.instant(c.get(1)), Cursor.uuid(c.get(2)));
        }
        List<Window> ws = windows.on(day);
        List<DueRow> rows = repo.due(day, ws, now, day.isBefore(today), area, after, lim + 1).stream()
                .map(r -> mapping.due(r, day)).toList();
        return Page.of(rows, lim, d -> Cursor.encode(d.status() == VisitViews.DueStatus.OVERDUE ? "0" : "1",
                d.windowStart().toInstant().toString(), d.orderId().toString()));
    }
}
