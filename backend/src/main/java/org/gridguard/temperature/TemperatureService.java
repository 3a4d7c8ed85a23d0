package org.gridguard.temperature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertService;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.CheckView;
import org.gridguard.temperature.TemperatureViews.ReportWindow;
import org.gridguard.temperature.TemperatureViews.Source;
import org.gridguard.temperature.TemperatureViews.VisitorInput;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registrations, single and batch, through one set-based path (ADR 0009): every item is validated alone; the
 * checkpoints and residents of the whole batch are resolved for authorisation in one query; the rows go in
 * with one INSERT … SELECT FROM unnest(…) ON CONFLICT (id) DO NOTHING RETURNING id, so a retried item is a
 * duplicate and never a second row; only the fever rows raise alerts; a reading in a report window closes the
 * missing-report alert of that window.
 */
@ApplicationScoped
public class TemperatureService {

    static final BigDecimal MIN = new BigDecimal("34.0");
    static final BigDecimal MAX = new BigDecimal("43.0");
    static final BigDecimal FEVER = new BigDecimal("37.3");
    public static final int MAX_BATCH = 1000;
    /** Clock skew allowed between instances when deciding that a report window may already have been swept. */
    static final Duration CLOSE_MARGIN = Duration.ofMinutes(2);

    @Inject
    EntityManager em;
    @Inject
    Jdbc jdbc;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    PiiCipher pii;
    @Inject
    AlertService alerts;
    @Inject
    ReportWindows windows;
    @Inject
    ObjectMapper json;
    @Inject
    TemperatureReads reads;

    @ConfigProperty(name = "gridguard.temperature.late-after", defaultValue = "PT10M")
    Duration lateAfter;

    @ConfigProperty(name = "gridguard.temperature.future-tolerance", defaultValue = "PT5M")
    Duration futureTolerance;

    /** An item's outcome: created or duplicate (with the row's alert), or rejected with the HTTP status a single POST answers. */
    record Outcome(int index, UUID id, BatchResult.Status status, List<FieldError> errors, int httpStatus, UUID alertId) {
    }

    /** An item on its way in: the input, what the server derives, and where it stands. */
    static final class Item {
        final int index;
        CheckInput in;
        String hash;
        List<FieldError> errors = new ArrayList<>();
        int httpStatus = 422;
        // derived
        UUID communityId, areaId, gridCellId, alertArea;
        String personName, checkpointName;
        LocalDate day;
        ReportWindow window;
        BigDecimal temperature;
        boolean late, fever;
        DocType docType;
        String docCipher, docMask, phoneCipher, phoneMask;
        byte[] docHmac, phoneHmac;
        Outcome outcome;
        Item sameAs;

        Item(int index) {
            this.index = index;
        }

        void reject(int status, String field, String message) {
            if (errors.isEmpty()) {
                httpStatus = status;
            }
            errors.add(new FieldError(field, message));
        }
    }

    record Place(UUID id, UUID communityId, String path, UUID nodeId, String name, UUID gridCellId) {
    }

    // ------------------------------------------------------------------ entry points

    /**
     * One registration: 201 created, 200 duplicate (same id, same body), 409 same id with another body. It takes the
     * batch's path as a batch of one. A reading that writes nothing but its own row — no fever alert to raise, no
     * missing report to resolve: every normal gate reading — needs no transaction: its two statements (where and
     * whom, with the caller's scopes; the insert) run autocommitted on one pooled connection (ADR 0017). A fever or
     * a late watch report is ingested in a transaction, so that its alert or resolve commits with the reading.
     */
    public Created createOne(CheckInput in) {
        Item item = new Item(0);
        item.in = in;
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        validate(item, now);
        Outcome o = item.errors.isEmpty() && (item.fever || resolvesMissing(item, now))
                ? QuarkusTransaction.joiningExisting().call(() -> ingest(List.of(item), now, jdbc::inTransaction).get(0))
                : jdbc.autocommitted(db -> ingest(List.of(item), now, db).get(0));
        if (o.status() == BatchResult.Status.REJECTED) {
            throw problem(o);
        }
        if (o.status() == BatchResult.Status.CREATED) {
            return new Created(view(item, now, o.alertId()), true);
        }
        return new Created(reads.get(o.id()), false);
    }

    /** The view of a row just written, from what was written (no read-back on the hot path). */
    CheckView view(Item it, Instant now, UUID alertId) {
        CheckInput in = it.in;
        java.time.ZoneId zone = windows.zone();
        VisitorInput v = in.visitor();
        TemperatureViews.VisitorView visitor = v == null ? null
                : new TemperatureViews.VisitorView(v.name().trim(), it.docType, it.docMask, it.phoneMask, v.fromPlace(), v.reason());
        return new CheckView(in.id(), in.checkpointId(), it.checkpointName, in.source(), in.direction(),
                in.measuredAt().toInstant().atZone(zone).toOffsetDateTime(), now.atZone(zone).toOffsetDateTime(), it.late, it.day,
                in.residentId() == null ? null : it.window, it.temperature, it.fever, in.healthCode(),
                in.vehiclePlate() == null || in.vehiclePlate().isBlank() ? null : in.vehiclePlate().trim(), in.residentId(),
                it.personName, visitor, caller.name(), alertId, 0);
    }

    public record Created(CheckView view, boolean created) {
    }

    /** A batch of up to 1,000 items; an item of the wrong shape is rejected alone. */
    @Transactional
    public BatchResult batch(List<JsonNode> raw) {
        if (raw == null || raw.isEmpty() || raw.size() > MAX_BATCH) {
            throw ApiProblem.invalid("items", "send 1 to " + MAX_BATCH + " items");
        }
        List<Item> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Item it = new Item(i);
            JsonNode node = raw.get(i);
            try {
                if (node == null || !node.isObject()) {
                    it.reject(400, "", "must be an object");
                } else {
                    it.in = json.treeToValue(node, CheckInput.class);
                }
            } catch (JsonMappingException e) {
                it.reject(400, path(e), e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                        ? "unknown property" : "has the wrong type");
            } catch (JsonProcessingException e) {
                it.reject(400, "", "is not a valid item");
            }
            if (it.in == null && it.errors.isEmpty()) {
                it.reject(400, "", "must be an object");
            }
            if (it.in != null && it.in.id() == null && node.hasNonNull("id")) {
                it.reject(400, "id", "must be a UUID");
            }
            items.add(it);
        }
        List<Outcome> out = ingest(items, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), jdbc::inTransaction);
        return BatchResult.of(out.stream().map(o -> new BatchResult.Item(o.index(), o.id(), o.status(), o.errors(), o.alertId()))
                .toList());
    }

    static ApiProblem problem(Outcome o) {
        int s = o.httpStatus();
        FieldError first = o.errors().get(0);
        String detail = (first.field().isEmpty() ? "" : first.field() + ": ") + first.message();
        return switch (s) {
            case 404 -> new ApiProblem(404, "not-found", "Not found", detail, o.errors(), null, null);
            case 403 -> new ApiProblem(403, "forbidden", "Forbidden", detail, o.errors(), null, null);
            case 409 -> new ApiProblem(409, "conflict", "Conflict", detail, o.errors(), null, null);
            case 400 -> new ApiProblem(400, "validation", "Invalid input", detail, o.errors(), null, null);
            default -> new ApiProblem(422, "invalid-reading", "Invalid reading", detail, o.errors(), null, null);
        };
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the path of every registration

    /** Every registration's path; its statements go through {@code db}: the transaction's connection, or one autocommitted. */
    List<Outcome> ingest(List<Item> items, Instant now, Db db) {
        // 1. each item alone (unless done already: a validated item has its hash)
        for (Item it : items) {
            if (it.errors.isEmpty() && it.hash == null) {
                validate(it, now);
            }
        }
        // 2. the same id twice in one request: the first counts
        Map<UUID, Item> firstById = new HashMap<>();
        for (Item it : items) {
            if (it.errors.isEmpty()) {
                Item first = firstById.putIfAbsent(it.in.id(), it);
                if (first != null) {
                    if (first.hash.equals(it.hash)) {
                        it.sameAs = first; // answered like the first one, after the insert
                    } else {
                        it.outcome = rejected(it, 409, "id", "this id is already used in this batch for another reading");
                    }
                }
            }
        }
        // 3. where and whom: one query for the whole request
        Set<UUID> checkpointIds = new HashSet<>();
        Set<UUID> residentIds = new HashSet<>();
        for (Item it : items) {
            if (live(it)) {
                if (it.in.checkpointId() != null) {
                    checkpointIds.add(it.in.checkpointId());
                }
                if (it.in.residentId() != null) {
                    residentIds.add(it.in.residentId());
                }
            }
        }
        Map<UUID, Place> checkpoints = new HashMap<>();
        Map<UUID, Place> residents = new HashMap<>();
        places(db, checkpointIds, residentIds, checkpoints, residents);
        authorise(db, items, checkpoints, residents);
        // 4. the rows, in one statement, in id order (concurrent batches lock in the same order)
        List<Item> rows = items.stream().filter(this::live).sorted(Comparator.comparing(it -> it.in.id())).toList();
        Set<UUID> inserted = rows.isEmpty() ? Set.of() : insert(db, rows, now);
        List<Item> created = new ArrayList<>();
        List<Item> existing = new ArrayList<>();
        for (Item it : rows) {
            (inserted.contains(it.in.id()) ? created : existing).add(it);
        }
        // 5. retries: the same id again is a duplicate when the body is the same, else a conflict
        if (!existing.isEmpty()) {
            Map<UUID, Object[]> stored = stored(db, existing.stream().map(it -> it.in.id()).toList());
            for (Item it : existing) {
                Object[] s = stored.get(it.in.id());
                if (s != null && it.hash.equals(s[0])) {
                    it.outcome = new Outcome(it.index, it.in.id(), BatchResult.Status.DUPLICATE, List.of(), 200, (UUID) s[1]);
                } else {
                    it.outcome = rejected(it, 409, "id", "this id was already used for another reading");
                }
            }
        }
        // 6. fever alerts, for the fever rows only
        Map<UUID, UUID> alertOf = feverAlerts(db, created);
        // 7. a reading in a report window resolves that window's missing-report alert
        // (only windows that have closed: the sweep raises a MISSING_REPORT only after its window closes, so a reading
        // of a window still open has nothing to resolve, and the common case, a live reading, costs no statement)
        Set<String> keys = new HashSet<>();
        for (Item it : created) {
            if (resolvesMissing(it, now)) {
                keys.add(WatchService.missingKey(it.in.residentId(), it.day, it.window));
            }
        }
        if (!keys.isEmpty()) {
            alerts.resolve(TemperatureAlerts.MISSING_REPORT, keys, "report received", Map.of());
        }
        for (Item it : created) {
            it.outcome = new Outcome(it.index, it.in.id(), BatchResult.Status.CREATED, List.of(), 201, alertOf.get(it.in.id()));
        }
        // duplicates inside the request take the first one's outcome
        List<Outcome> out = new ArrayList<>(items.size());
        for (Item it : items) {
            if (it.outcome == null && it.sameAs != null) {
                Outcome f = it.sameAs.outcome;
                it.outcome = f.status() == BatchResult.Status.REJECTED
                        ? new Outcome(it.index, it.in.id(), BatchResult.Status.REJECTED, f.errors(), f.httpStatus(), null)
                        : new Outcome(it.index, it.in.id(), BatchResult.Status.DUPLICATE, List.of(), 200, f.alertId());
            }
            if (it.outcome == null) {
                it.outcome = new Outcome(it.index, it.in == null ? null : it.in.id(), BatchResult.Status.REJECTED,
                        List.copyOf(it.errors), it.httpStatus, null);
            }
            out.add(it.outcome);
        }
        return out;
    }

    private boolean live(Item it) {
        return it.errors.isEmpty() && it.outcome == null && it.sameAs == null;
    }

    private static Outcome rejected(Item it, int status, String field, String message) {
        return new Outcome(it.index, it.in == null ? null : it.in.id(), BatchResult.Status.REJECTED,
                List.of(new FieldError(field, message)), status, null);
    }

    /**
     * A resident's reading of a report window that has closed (with a margin for clock skew between instances) may
     * resolve that window's MISSING_REPORT: the sweep raises one only after its window closes, so a reading of a
     * window still open — every live gate reading — has nothing to resolve.
     */
    boolean resolvesMissing(Item it, Instant now) {
        return it.in.residentId() != null && it.window != null
                && !now.plus(CLOSE_MARGIN).isBefore(windows.closes(it.day, it.window));
    }

    /** The checks of one item that need nothing but the item and the clock. Messages never repeat a value. */
    void validate(Item it, Instant now) {
        CheckInput in = it.in;
        if (in.id() == null) {
            it.reject(422, "id", "is required: a client-generated UUID");
        }
        if (in.source() == null) {
            it.reject(422, "source", "is required: GATE, DOOR, PHONE or PHOTO");
        }
        if (in.measuredAt() == null) {
            it.reject(422, "measuredAt", "is required");
        } else if (in.measuredAt().toInstant().isAfter(now.plus(futureTolerance))) {
            it.reject(422, "measuredAt", "is more than " + futureTolerance.toMinutes()
                    + " minutes in the future: check the device's clock");
        }
        if (in.temperature() == null) {
            it.reject(422, "temperature", "is required, in °C");
        } else if (in.temperature().compareTo(MIN) < 0 || in.temperature().compareTo(MAX) > 0) {
            it.reject(422, "temperature", "must be between 34.0 and 43.0 °C; measure again");
        }
        if (in.source() == Source.GATE) {
            if (in.checkpointId() == null) {
                it.reject(422, "checkpointId", "is required at a gate");
            }
            if (in.direction() == null) {
                it.reject(422, "direction", "is required at a gate: IN or OUT");
            }
        }
        if ((in.residentId() == null) == (in.visitor() == null)) {
            it.reject(422, "residentId", "send exactly one of residentId and visitor");
        }
        if (in.vehiclePlate() != null && in.vehiclePlate().length() > 20) {
            it.reject(422, "vehiclePlate", "must be at most 20 characters");
        }
        VisitorInput v = in.visitor();
        if (v != null) {
            if (in.source() != null && in.source() != Source.GATE) {
                it.reject(422, "visitor", "visitors are registered at a gate; watch reports are for residents");
            }
            if (v.name() == null || v.name().isBlank() || v.name().length() > 100) {
                it.reject(422, "visitor.name", "is required, at most 100 characters");
            }
            if (v.fromPlace() != null && v.fromPlace().length() > 200) {
                it.reject(422, "visitor.fromPlace", "must be at most 200 characters");
            }
            if (v.reason() != null && v.reason().length() > 200) {
                it.reject(422, "visitor.reason", "must be at most 200 characters");
            }
            if (v.documentNumber() != null && !v.documentNumber().isBlank()) {
                DocType t = v.documentType() == null ? DocType.MAINLAND_ID : v.documentType();
                String n = IdentityRules.normaliseDocument(v.documentNumber());
                for (String m : IdentityRules.documentProblems(t, n, LocalDate.ofInstant(now, windows.zone()))) {
                    it.reject(422, "visitor.documentNumber", m);
                }
                it.docType = t;
                it.docCipher = pii.encrypt(n);
                it.docHmac = pii.hmac(t.name(), n);
                it.docMask = IdentityRules.maskDocument(t, n);
            } else if (v.documentType() != null) {
                it.reject(422, "visitor.documentNumber", "is required with a documentType");
            }
            if (v.phone() != null && !v.phone().isBlank()) {
                String p = IdentityRules.normalisePhone(v.phone());
                if (p == null) {
                    it.reject(422, "visitor.phone", IdentityRules.phoneProblem(v.phone()));
                } else {
                    it.phoneCipher = pii.encrypt(p);
                    it.phoneHmac = pii.hmac("PHONE", p);
                    it.phoneMask = IdentityRules.maskPhone(p);
                }
            }
        }
        if (!it.errors.isEmpty()) {
            return;
        }
        Instant measured = in.measuredAt().toInstant();
        it.temperature = in.temperature().setScale(1, RoundingMode.HALF_UP);
        it.fever = it.temperature.compareTo(FEVER) >= 0;
        it.day = windows.day(measured);
        it.window = windows.windowOf(measured);
        it.late = Duration.between(measured, now).compareTo(lateAfter) > 0;
        it.hash = hash(in);
    }

    /** A stable digest of what was sent: a retry with the same id must be the same reading. */
    static String hash(CheckInput in) {
        VisitorInput v = in.visitor();
        String canonical = String.join("|", String.valueOf(in.id()), String.valueOf(in.checkpointId()),
                String.valueOf(in.source()), String.valueOf(in.direction()), in.measuredAt().toInstant().toString(),
                in.temperature().stripTrailingZeros().toPlainString(), String.valueOf(in.healthCode()),
                String.valueOf(in.vehiclePlate()), String.valueOf(in.residentId()),
                v == null ? "-" : String.join("|", String.valueOf(v.name()), String.valueOf(v.documentType()),
                        String.valueOf(v.documentNumber()), String.valueOf(v.phone()), String.valueOf(v.fromPlace()),
                        String.valueOf(v.reason())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ authorisation, set-based

    /**
     * Checkpoints ('C') and residents ('R') with their area paths; {@code %s} is {@code = any(?)} (arrays), or
     * {@code = ?} for one of each. Columns 2–9 line up with Jurisdiction's scope rows ('S', {@link #WITH_SCOPES}).
     */
    static final String PLACES_SQL = """
            select 'C', k.id, k.community_id, g.path, k.guards_node_id, k.name, cast(null as text), cast(null as text),
              cast(null as text), cast(null as uuid)
            from checkpoint k join area_node g on g.id = k.guards_node_id where k.id %1$s
            union all
            select 'R', r.id, r.community_id, a.path, r.area_id, r.name, null, null, null, r.grid_cell_id
            from resident r join area_node a on a.id = r.area_id where r.id %1$s""";
    /** The caller's scopes (Jurisdiction's query) in the same statement: one round trip for where, whom and who. */
    static final String WITH_SCOPES = """

            union all
            select 'S', s.*, null from (%s) as s""".formatted(Jurisdiction.SCOPES_ARM);
    static final String PLACES_OF_MANY = PLACES_SQL.formatted("= any(?)");
    /**
     * The same for a single registration: PostgreSQL keeps one generic plan for it, where the array form is planned
     * again on every call (measured: ~0.3 ms of planning per request under P2 load, ADR 0017).
     */
    static final String PLACES_OF_ONE = PLACES_SQL.formatted("= ?");

    /**
     * The request's checkpoints and residents with their area paths, and the caller's scopes if this request has
     * not read them yet: one statement.
     */
    private void places(Db db, Set<UUID> checkpointIds, Set<UUID> residentIds, Map<UUID, Place> checkpoints,
            Map<UUID, Place> residents) {
        if (checkpointIds.isEmpty() && residentIds.isEmpty()) {
            return;
        }
        boolean one = checkpointIds.size() <= 1 && residentIds.size() <= 1;
        boolean withScopes = jurisdiction.unread();
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement((one ? PLACES_OF_ONE : PLACES_OF_MANY) + (withScopes ? WITH_SCOPES : ""))) {
                if (one) {
                    ps.setObject(1, checkpointIds.isEmpty() ? null : checkpointIds.iterator().next(), Types.OTHER);
                    ps.setObject(2, residentIds.isEmpty() ? null : residentIds.iterator().next(), Types.OTHER);
                } else {
                    ps.setArray(1, c.createArrayOf("uuid", checkpointIds.toArray()));
                    ps.setArray(2, c.createArrayOf("uuid", residentIds.toArray()));
                }
                if (withScopes) {
                    jurisdiction.bind(ps, 3);
                }
                List<Jurisdiction.Scope> scopes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String tag = rs.getString(1);
                        if (tag.equals("S")) {
                            scopes.add(Jurisdiction.scope(rs, 2));
                            continue;
                        }
                        Place p = new Place(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                                rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(10, UUID.class));
                        (tag.equals("C") ? checkpoints : residents).put(p.id(), p);
                    }
                }
                if (withScopes) {
                    jurisdiction.use(scopes);
                }
            }
            return null;
        });
    }

    /**
     * A worker records at checkpoints in their area or where they stand a shift on the reading's day, and
     * watch reports (DOOR, PHONE, PHOTO) for residents of their own cells; leaders and supervisors in their
     * jurisdiction. Unknown and invisible places are 404, visible but not theirs 403.
     */
    private void authorise(Db db, List<Item> items, Map<UUID, Place> checkpoints, Map<UUID, Place> residents) {
        boolean needShifts = checkpoints.values().stream().anyMatch(cp -> !jurisdiction.covers(cp.path()));
        Map<UUID, List<Instant[]>> shifts = needShifts ? shifts(db, items, checkpoints) : Map.of();
        for (Item it : items) {
            if (!live(it)) {
                continue;
            }
            CheckInput in = it.in;
            Place cp = in.checkpointId() == null ? null : checkpoints.get(in.checkpointId());
            if (in.checkpointId() != null) {
                boolean onShift = cp != null && onShift(cp, it.day, shifts);
                if (cp == null || !onShift && !jurisdiction.overlaps(cp.path())) {
                    it.reject(404, "checkpointId", "checkpoint not found");
                    continue;
                }
                if (!onShift && !jurisdiction.covers(cp.path())) {
                    it.reject(403, "checkpointId", "you record at checkpoints of your area or where you are on shift that day");
                    continue;
                }
                it.checkpointName = cp.name();
            }
            if (in.residentId() != null) {
                Place r = residents.get(in.residentId());
                boolean ok = r != null && (jurisdiction.covers(r.path())
                        || in.source() == Source.GATE && cp != null && cp.communityId().equals(r.communityId()));
                if (!ok) {
                    it.reject(404, "residentId", "resident not found");
                    continue;
                }
                it.communityId = r.communityId();
                it.areaId = r.nodeId();
                it.gridCellId = r.gridCellId();
                it.alertArea = r.gridCellId();
                it.personName = r.name();
            } else {
                if (cp == null) {
                    it.reject(422, "checkpointId", "a visitor is registered at a checkpoint");
                    continue;
                }
                it.communityId = cp.communityId();
                it.areaId = cp.nodeId();
                it.alertArea = cp.nodeId();
                it.personName = in.visitor().name().trim();
            }
        }
    }

    /**
     * The path of the area a checkpoint guards, if the caller may record there today (their area, or a shift
     * of theirs); 404 when they cannot see it, 403 when they see it but do not record there.
     */
    @Transactional
    public String recordingPlace(UUID checkpointId) {
        Map<UUID, Place> cps = new HashMap<>();
        places(jdbc::inTransaction, Set.of(checkpointId), Set.of(), cps, new HashMap<>());
        Place cp = cps.get(checkpointId);
        if (cp == null) {
            throw ApiProblem.notFound("Checkpoint");
        }
        if (jurisdiction.covers(cp.path())) {
            return cp.path();
        }
        Item probe = new Item(0);
        probe.day = windows.day(clock.instant());
        if (onShift(cp, probe.day, shifts(jdbc::inTransaction, List.of(probe), cps))) {
            return cp.path();
        }
        if (jurisdiction.overlaps(cp.path())) {
            throw ApiProblem.forbidden("You record at checkpoints of your area or where you are on shift today");
        }
        throw ApiProblem.notFound("Checkpoint");
    }

    private boolean onShift(Place cp, LocalDate day, Map<UUID, List<Instant[]>> shifts) {
        Instant from = day.atStartOfDay(windows.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(windows.zone()).toInstant();
        for (Instant[] s : shifts.getOrDefault(cp.id(), List.of())) {
            if (s[0].isBefore(to) && s[1].isAfter(from)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's shifts at the request's checkpoints that overlap the readings' days: one query. */
    private Map<UUID, List<Instant[]>> shifts(Db db, List<Item> items, Map<UUID, Place> checkpoints) {
        LocalDate min = null, max = null;
        for (Item it : items) {
            if (it.day != null) {
                min = min == null || it.day.isBefore(min) ? it.day : min;
                max = max == null || it.day.isAfter(max) ? it.day : max;
            }
        }
        Map<UUID, List<Instant[]>> out = new HashMap<>();
        if (min == null || checkpoints.isEmpty()) {
            return out;
        }
        Instant from = min.atStartOfDay(windows.zone()).toInstant();
        Instant to = max.plusDays(1).atStartOfDay(windows.zone()).toInstant();
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.checkpoint_id, s.starts_at, s.ends_at from duty_shift s
                    join duty_assignee a on a.shift_id = s.id join duty_person p on p.id = a.person_id
                    where p.username = ? and s.checkpoint_id = any(?) and s.ends_at > ? and s.starts_at < ?""")) {
                ps.setString(1, caller.name());
                ps.setArray(2, c.createArrayOf("uuid", checkpoints.keySet().toArray()));
                ps.setObject(3, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
                ps.setObject(4, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Instant[] {
                                rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                                rs.getObject(3, java.time.OffsetDateTime.class).toInstant() });
                    }
                }
            }
            return null;
        });
        return out;
    }

    // ------------------------------------------------------------------ writing

    private Set<UUID> insert(Db db, List<Item> rows, Instant now) {
        int n = rows.size();
        Object[] id = new Object[n], community = new Object[n], area = new Object[n], cell = new Object[n],
                checkpoint = new Object[n], resident = new Object[n];
        String[] source = new String[n], direction = new String[n], measured = new String[n], late = new String[n],
                day = new String[n], window = new String[n], temp = new String[n], fever = new String[n],
                health = new String[n], plate = new String[n], vName = new String[n], vType = new String[n],
                vDoc = new String[n], vDocHmac = new String[n], vDocMask = new String[n], vPhone = new String[n],
                vPhoneHmac = new String[n], vPhoneMask = new String[n], vFrom = new String[n], vReason = new String[n],
                hash = new String[n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            Item it = rows.get(i);
            CheckInput in = it.in;
            id[i] = in.id();
            community[i] = it.communityId;
            area[i] = it.areaId;
            cell[i] = it.gridCellId;
            checkpoint[i] = in.checkpointId();
            resident[i] = in.residentId();
            source[i] = in.source().name();
            direction[i] = in.direction() == null ? null : in.direction().name();
            measured[i] = in.measuredAt().toInstant().toString();
            late[i] = it.late ? "t" : "f";
            day[i] = it.day.toString();
            window[i] = in.residentId() == null || it.window == null ? null : it.window.name();
            temp[i] = it.temperature.toPlainString();
            fever[i] = it.fever ? "t" : "f";
            health[i] = in.healthCode() == null ? null : in.healthCode().name();
            plate[i] = in.vehiclePlate() == null || in.vehiclePlate().isBlank() ? null : in.vehiclePlate().trim();
            VisitorInput v = in.visitor();
            if (v != null) {
                vName[i] = v.name().trim();
                vType[i] = it.docType == null ? null : it.docType.name();
                vDoc[i] = it.docCipher;
                vDocHmac[i] = it.docHmac == null ? null : hex.formatHex(it.docHmac);
                vDocMask[i] = it.docMask;
                vPhone[i] = it.phoneCipher;
                vPhoneHmac[i] = it.phoneHmac == null ? null : hex.formatHex(it.phoneHmac);
                vPhoneMask[i] = it.phoneMask;
                vFrom[i] = v.fromPlace();
                vReason[i] = v.reason();
            }
            hash[i] = it.hash;
        }
        return db.run(c -> {
            Set<UUID> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(n == 1 ? INSERT_ONE : INSERT_MANY)) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                ps.setString(2, caller.name());
                int p = 3;
                for (Object[] a : new Object[][] { id, community, area, cell, checkpoint, resident }) {
                    if (n == 1) {
                        ps.setObject(p++, a[0], Types.OTHER);
                    } else {
                        ps.setArray(p++, c.createArrayOf("uuid", a));
                    }
                }
                for (String[] a : new String[][] { source, direction, measured, late, day, window, temp, fever, health,
                        plate, vName, vType, vDoc, vDocHmac, vDocMask, vPhone, vPhoneHmac, vPhoneMask, vFrom, vReason, hash }) {
                    if (n == 1) {
                        ps.setString(p++, a[0]);
                    } else {
                        ps.setArray(p++, c.createArrayOf("text", a));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
    }

    /** The rows of a request, from {@code %s}: 6 uuid and 21 text columns, as arrays (unnest) or as one row (values). */
    static final String INSERT_SQL = """
            insert into temperature_check (id, community_id, area_id, grid_cell_id, checkpoint_id, resident_id,
              source, direction, measured_at, received_at, late, business_date, report_window, temperature, fever,
              health_code, vehicle_plate, visitor_name, visitor_doc_type, visitor_doc_cipher, visitor_doc_hmac,
              visitor_doc_mask, visitor_phone_cipher, visitor_phone_hmac, visitor_phone_mask, visitor_from,
              visitor_reason, request_hash, recorded_by)
            select t.id, t.community_id, t.area_id, t.cell_id, t.checkpoint_id, t.resident_id, t.source, t.direction,
              cast(t.measured as timestamptz), ?, cast(t.late as boolean), cast(t.day as date), t.win,
              cast(t.temp as numeric), cast(t.fever as boolean), t.health, t.plate, t.v_name, t.v_type, t.v_doc,
              decode(t.v_doc_hmac, 'hex'), t.v_doc_mask, t.v_phone, decode(t.v_phone_hmac, 'hex'), t.v_phone_mask,
              t.v_from, t.v_reason, t.hash, ?
            from %s
              as t(id, community_id, area_id, cell_id, checkpoint_id, resident_id, source, direction, measured, late,
                   day, win, temp, fever, health, plate, v_name, v_type, v_doc, v_doc_hmac, v_doc_mask, v_phone,
                   v_phone_hmac, v_phone_mask, v_from, v_reason, hash)
            on conflict (id) do nothing returning id""";
    static final String INSERT_MANY = INSERT_SQL.formatted("unnest(" + "?, ".repeat(26) + "?)");
    /** One row: scalar parameters, no array to encode and parse (a single registration, ADR 0017). */
    static final String INSERT_ONE = INSERT_SQL.formatted("(values (" + "cast(? as uuid), ".repeat(6) + "?, ".repeat(20) + "?))");

    private Map<UUID, Object[]> stored(Db db, List<UUID> ids) {
        return db.run(c -> {
            Map<UUID, Object[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, request_hash, alert_id from temperature_check where id = any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, UUID.class), new Object[] { rs.getString(2), rs.getObject(3, UUID.class) });
                    }
                }
            }
            return out;
        });
    }

    /**
     * One FEVER alert per person and local day (per document for visitors; per registration for a visitor
     * without a document), for the leaders of the resident's cell or of the checkpoint's area.
     */
    private Map<UUID, UUID> feverAlerts(Db db, List<Item> created) {
        List<Item> fevers = created.stream().filter(it -> it.fever).sorted(Comparator.comparing(TemperatureService::feverKey))
                .toList();
        Map<UUID, UUID> out = new LinkedHashMap<>();
        if (fevers.isEmpty()) {
            return out;
        }
        List<AlertService.Raise> raises = new ArrayList<>(fevers.size());
        for (Item it : fevers) {
            CheckInput in = it.in;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("checkId", in.id().toString());
            details.put("temperature", it.temperature);
            details.put("measuredAt", in.measuredAt().toInstant().toString());
            details.put("source", in.source().name());
            if (in.checkpointId() != null) {
                details.put("checkpointId", in.checkpointId().toString());
                details.put("checkpointName", it.checkpointName);
            }
            String label = it.personName + " " + it.temperature.toPlainString() + " °C"
                    + (it.checkpointName == null ? "" : " · " + it.checkpointName);
            raises.add(new AlertService.Raise(TemperatureAlerts.FEVER, in.residentId() != null ? "RESIDENT" : "VISITOR",
                    in.residentId() != null ? in.residentId() : in.id(), label, it.alertArea, feverKey(it), details));
        }
        // all fevers of the request in two statements, however many (ADR 0016)
        List<UUID> alertIds = alerts.raiseAll(raises, caller.name());
        for (int i = 0; i < fevers.size(); i++) {
            out.put(fevers.get(i).in.id(), alertIds.get(i));
        }
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update temperature_check t set alert_id = x.a from unnest(?, ?) as x(id, a) where t.id = x.id""")) {
                ps.setArray(1, c.createArrayOf("uuid", out.keySet().toArray()));
                ps.setArray(2, c.createArrayOf("uuid", out.values().toArray()));
                ps.executeUpdate();
            }
            return null;
        });
        return out;
    }

    static String feverKey(Item it) {
        if (it.in.residentId() != null) {
            return "fever:resident:" + it.in.residentId() + ":" + it.day;
        }
        if (it.docHmac != null) {
            return "fever:visitor:" + HexFormat.of().formatHex(it.docHmac) + ":" + it.day;
        }
        return "fever:check:" + it.in.id();
    }

    // ------------------------------------------------------------------ plumbing

    static Array uuids(Connection c, Object[] ids) throws SQLException {
        return c.createArrayOf("uuid", ids);
    }
}
