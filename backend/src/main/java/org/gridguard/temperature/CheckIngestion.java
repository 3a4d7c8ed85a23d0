package org.gridguard.temperature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.alert.Alerts;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.security.Caller;
import org.gridguard.temperature.CheckRepository.NewCheck;
import org.gridguard.temperature.CheckRepository.Stored;
import org.gridguard.temperature.Entry.Outcome;

/**
 * The path of every registration, single and batch (ADR 0009): every item is validated alone; the checkpoints and
 * residents of the whole request are resolved for authorisation in one query; the rows go in with one INSERT … ON
 * CONFLICT (id) DO NOTHING RETURNING id, so a retried item is a duplicate and never a second row; only the fever rows
 * raise alerts; a reading in a closed report window resolves the missing-report alert of that window. Its statements
 * go through {@code db}: the transaction's connection, or one autocommitted (ADR 0017) — the caller decides.
 */
@ApplicationScoped
public class CheckIngestion {

    @Inject
    CheckIntake intake;
    @Inject
    RecordingRights rights;
    @Inject
    CheckRepository checks;
    @Inject
    FeverAlerts fevers;
    @Inject
    Alerts alerts;
    @Inject
    ReportWindows windows;
    @Inject
    Caller caller;

    List<Outcome> ingest(List<Entry> entries, Instant now, Db db) {
        // 1. each item alone (unless done already: an admitted item has its reading)
        for (Entry e : entries) {
            if (e.errors.isEmpty() && e.reading == null) {
                intake.admit(e, now);
            }
        }
        // 2. the same id twice in one request: the first counts
        repeatsInRequest(entries);
        // 3. where and whom: one query for the whole request
        rights.authorise(db, entries);
        // 4. the rows, in one statement, in id order (concurrent batches lock in the same order)
        List<Entry> rows = entries.stream().filter(Entry::live).sorted(Comparator.comparing(e -> e.in.id())).toList();
        Set<UUID> inserted = rows.isEmpty() ? Set.of()
                : checks.insert(db, rows.stream().map(e -> new NewCheck(e.reading, e.placement)).toList(), now, caller.name());
        List<Entry> created = new ArrayList<>();
        List<Entry> existing = new ArrayList<>();
        for (Entry e : rows) {
            (inserted.contains(e.in.id()) ? created : existing).add(e);
        }
        // 5. retries: the same id again is a duplicate when the body is the same, else a conflict
        retries(db, existing);
        // 6. fever alerts, for the fever rows only
        Map<UUID, UUID> alertOf = fevers.raise(db, created);
        // 7. a reading in a report window resolves that window's missing-report alert
        resolveMissing(created, now);
        for (Entry e : created) {
            e.outcome = e.created(alertOf.get(e.in.id()));
        }
        return outcomes(entries);
    }

    private static void repeatsInRequest(List<Entry> entries) {
        Map<UUID, Entry> firstById = new HashMap<>();
        for (Entry e : entries) {
            if (e.errors.isEmpty()) {
                Entry first = firstById.putIfAbsent(e.in.id(), e);
                if (first != null) {
                    if (first.reading.hash().equals(e.reading.hash())) {
                        e.sameAs = first; // answered like the first one, after the insert
                    } else {
                        e.outcome = e.rejected(409, "id", "this id is already used in this batch for another reading");
                    }
                }
            }
        }
    }

    private void retries(Db db, List<Entry> existing) {
        if (existing.isEmpty()) {
            return;
        }
        Map<UUID, Stored> stored = checks.stored(db, existing.stream().map(e -> e.in.id()).toList());
        for (Entry e : existing) {
            Stored s = stored.get(e.in.id());
            e.outcome = s != null && e.reading.hash().equals(s.hash()) ? e.duplicate(s.alertId())
                    : e.rejected(409, "id", "this id was already used for another reading");
        }
    }

    /**
     * Only windows that have closed: the sweep raises a MISSING_REPORT only after its window closes, so a reading of
     * a window still open has nothing to resolve, and the common case, a live reading, costs no statement.
     */
    private void resolveMissing(List<Entry> created, Instant now) {
        Set<String> keys = new HashSet<>();
        for (Entry e : created) {
            if (resolvesMissing(e.reading, now)) {
                keys.add(TemperatureRules.missingKey(e.in.residentId(), e.reading.day(), e.reading.window()));
            }
        }
        if (!keys.isEmpty()) {
            alerts.resolve(TemperatureAlerts.MISSING_REPORT, keys, "report received", Map.of());
        }
    }

    /** Duplicates inside the request take the first one's outcome; what is left was rejected. */
    private static List<Outcome> outcomes(List<Entry> entries) {
        List<Outcome> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.outcome == null && e.sameAs != null) {
                Outcome f = e.sameAs.outcome;
                e.outcome = f.status() == BatchResult.Status.REJECTED
                        ? new Outcome(e.index, e.in.id(), BatchResult.Status.REJECTED, f.errors(), f.httpStatus(), null)
                        : e.duplicate(f.alertId());
            }
            if (e.outcome == null) {
                e.outcome = new Outcome(e.index, e.id(), BatchResult.Status.REJECTED, List.copyOf(e.errors), e.httpStatus, null);
            }
            out.add(e.outcome);
        }
        return out;
    }

    /**
     * A resident's reading of a report window that has closed (with a margin for clock skew between instances) may
     * resolve that window's MISSING_REPORT: the sweep raises one only after its window closes, so a reading of a
     * window still open — every live gate reading — has nothing to resolve.
     */
    boolean resolvesMissing(Reading r, Instant now) {
        return r.in().residentId() != null && r.window() != null
                && !now.plus(TemperatureRules.CLOSE_MARGIN).isBefore(windows.closes(r.day(), r.window()));
    }
}
