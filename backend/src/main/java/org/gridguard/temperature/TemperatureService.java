package org.gridguard.temperature;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.BatchItems;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.security.Caller;
import org.gridguard.temperature.Entry.Outcome;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.CheckView;
import org.gridguard.temperature.TemperatureViews.VisitorView;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registrations, single and batch, through one set-based path ({@link CheckIngestion}, ADR 0009). This class
 * decides how a request's statements run — in a transaction, or autocommitted for a single reading that writes only
 * its own row (ADR 0017) — and turns outcomes into answers.
 */
@ApplicationScoped
public class TemperatureService {

    public static final int MAX_BATCH = TemperatureRules.MAX_BATCH;

    @Inject
    Jdbc jdbc;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    ReportWindows windows;
    @Inject
    ObjectMapper json;
    @Inject
    TemperatureReads reads;
    @Inject
    CheckIntake intake;
    @Inject
    CheckIngestion ingestion;

    public record Created(CheckView view, boolean created) {
    }

    /**
     * One registration: 201 created, 200 duplicate (same id, same body), 409 same id with another body. It takes the
     * batch's path as a batch of one. A reading that writes nothing but its own row — no fever alert to raise, no
     * missing report to resolve: every normal gate reading — needs no transaction: its two statements (where and
     * whom, with the caller's scopes; the insert) run autocommitted on one pooled connection (ADR 0017). A fever or
     * a late watch report is ingested in a transaction, so that its alert or resolve commits with the reading.
     */
    public Created createOne(CheckInput in) {
        Entry entry = new Entry(0, in);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        intake.admit(entry, now);
        Reading r = entry.reading;
        Outcome o = r != null && (r.fever() || ingestion.resolvesMissing(r, now))
                ? QuarkusTransaction.joiningExisting().call(() -> ingestion.ingest(List.of(entry), now, jdbc::inTransaction).get(0))
                : jdbc.autocommitted(db -> ingestion.ingest(List.of(entry), now, db).get(0));
        if (o.status() == BatchResult.Status.REJECTED) {
            throw problem(o);
        }
        if (o.status() == BatchResult.Status.CREATED) {
            return new Created(view(entry.reading, entry.placement, now, o.alertId()), true);
        }
        return new Created(reads.get(o.id()), false);
    }

    /** The view of a row just written, from what was written (no read-back on the hot path). */
    CheckView view(Reading r, Placement at, Instant now, UUID alertId) {
        CheckInput in = r.in();
        ZoneId zone = windows.zone();
        Reading.Sealed s = r.visitor();
        VisitorView visitor = s == null ? null
                : new VisitorView(s.name(), s.docType(), s.docMask(), s.phoneMask(), in.visitor().fromPlace(), in.visitor().reason());
        return new CheckView(in.id(), in.checkpointId(), at.checkpointName(), in.source(), in.direction(),
                in.measuredAt().toInstant().atZone(zone).toOffsetDateTime(), now.atZone(zone).toOffsetDateTime(), r.late(),
                r.day(), r.residentWindow(), r.temperature(), r.fever(), in.healthCode(), TemperatureRules.plate(in.vehiclePlate()),
                in.residentId(), at.personName(), visitor, caller.name(), alertId, 0);
    }

    /** A batch of up to 1,000 items; an item of the wrong shape is rejected alone. */
    @Transactional
    public BatchResult batch(List<JsonNode> raw) {
        if (raw == null || raw.isEmpty() || raw.size() > MAX_BATCH) {
            throw ApiProblem.invalid("items", "send 1 to " + MAX_BATCH + " items");
        }
        List<Entry> entries = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            entries.add(parse(i, raw.get(i)));
        }
        List<Outcome> out = ingestion.ingest(entries, clock.instant().truncatedTo(ChronoUnit.MICROS), jdbc::inTransaction);
        return BatchResult.of(out.stream().map(o -> new BatchResult.Item(o.index(), o.id(), o.status(), o.errors(), o.alertId()))
                .toList());
    }

    /** One item of a batch, converted on its own: a wrong shape or a refused value rejects this item only (400). */
    Entry parse(int index, JsonNode node) {
        Entry e = new Entry(index);
        List<FieldError> errors = new ArrayList<>();
        e.in = BatchItems.parse(json, null, node, CheckInput.class, errors);
        errors.forEach(f -> e.reject(400, f.field(), f.message()));
        if (e.in != null && e.in.id() == null && node.hasNonNull("id")) {
            e.reject(400, "id", "must be a UUID");
        }
        return e;
    }

    static ApiProblem problem(Outcome o) {
        FieldError first = o.errors().get(0);
        String detail = (first.field().isEmpty() ? "" : first.field() + ": ") + first.message();
        return switch (o.httpStatus()) {
            case 404 -> new ApiProblem(404, "not-found", "Not found", detail, o.errors(), null, null);
            case 403 -> new ApiProblem(403, "forbidden", "Forbidden", detail, o.errors(), null, null);
            case 409 -> new ApiProblem(409, "conflict", "Conflict", detail, o.errors(), null, null);
            case 400 -> new ApiProblem(400, "validation", "Invalid input", detail, o.errors(), null, null);
            default -> new ApiProblem(422, "invalid-reading", "Invalid reading", detail, o.errors(), null, null);
        };
    }
}
