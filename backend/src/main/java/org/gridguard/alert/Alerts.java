package org.gridguard.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Port;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a feature calls to raise and resolve alerts of its kinds (declared through {@link AlertKinds}). The
 * inbox and the workflow are {@link AlertService}'s.
 */
@Port
@ApplicationScoped
public class Alerts {

    static final String ENTITY = AlertService.ENTITY;

    @Inject
    AlertRepository alerts;
    @Inject
    Clock clock;
    @Inject
    ChangeLog changes;
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "gridguard.alerts.overdue-after")
    Duration overdueAfter;

    /** What a feature says when it raises an alert. */
    public record Raise(AlertKind kind, String subjectType, UUID subjectId, String subjectLabel, UUID areaId,
            String dedupeKey, Map<String, Object> details) {
    }

    /**
     * Raises an alert in the caller's transaction. With a dedupe key the same alert is raised at most once
     * (e.g. one fever alert per person and day): the existing alert's id is returned instead.
     */
    @Transactional
    public UUID raise(Raise r, String actor) {
        return raiseAll(List.of(r), actor).get(0);
    }

    /**
     * Raises many alerts in the caller's transaction with two statements, whatever their number (ADR 0016):
     * the alerts that are new, their OPEN events and their change-feed rows in one statement; then the ids of
     * all of them, new or already raised under the same dedupe key. Answers the ids in the order given.
     */
    @Transactional
    public List<UUID> raiseAll(List<Raise> raises, String actor) {
        int n = raises.size();
        if (n == 0) {
            return List.of();
        }
        AlertRepository.NewAlerts batch = columns(raises);
        Instant now = clock.instant();
        alerts.insertNew(batch, now, now.plus(overdueAfter), actor, ENTITY);
        // every raise's alert: its own new row, or the one already raised under its dedupe key
        Map<String, UUID> byKey = new HashMap<>();
        Set<UUID> own = new HashSet<>();
        for (Object[] row : alerts.idsOf(batch.ids(), batch.kinds(), batch.keys())) {
            byKey.putIfAbsent((String) row[1], (UUID) row[0]);
            own.add((UUID) row[0]);
        }
        List<UUID> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID id = own.contains(batch.ids()[i]) ? batch.ids()[i]
                    : batch.keys()[i] == null ? null : byKey.get(batch.kinds()[i] + ":" + batch.keys()[i]);
            if (id == null) {
                throw new IllegalArgumentException("alert area does not exist");
            }
            out.add(id);
        }
        return out;
    }

    /** The raises as columns, each with a new id. */
    private AlertRepository.NewAlerts columns(List<Raise> raises) {
        int n = raises.size();
        UUID[] ids = new UUID[n], subjects = new UUID[n], areas = new UUID[n];
        String[] kinds = new String[n], types = new String[n], labels = new String[n], keys = new String[n],
                details = new String[n];
        for (int i = 0; i < n; i++) {
            Raise r = raises.get(i);
            ids[i] = UUID.randomUUID();
            kinds[i] = r.kind().code();
            types[i] = r.subjectType();
            subjects[i] = r.subjectId();
            labels[i] = r.subjectLabel();
            areas[i] = r.areaId();
            keys[i] = r.dedupeKey();
            try {
                details[i] = json.writeValueAsString(r.details() == null ? Map.of() : r.details());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new AlertRepository.NewAlerts(ids, kinds, types, subjects, labels, areas, keys, details);
    }

    /**
     * Closes the open alerts of a kind with these dedupe keys, as the system (e.g. a late report resolves the
     * missing-report alert of its window). Runs in the caller's transaction; answers the ids closed.
     */
    @Transactional
    public List<UUID> resolve(AlertKind kind, java.util.Collection<String> dedupeKeys, String note, Map<String, Object> data) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Object[]> rows = alerts.close(kind.code(), dedupeKeys.stream().sorted().toArray(String[]::new), now);
        List<UUID> ids = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            alerts.event(id, AlertState.valueOf((String) r[1]), AlertState.CLOSED, "system", now, note, data);
            changes.record(ENTITY, id, (UUID) r[2], (String) r[3], ChangeLog.Op.UPSERT);
            ids.add(id);
        }
        return ids;
    }
}
