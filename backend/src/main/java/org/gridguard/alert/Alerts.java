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
import jakarta.persistence.EntityManager;
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
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ChangeLog changes;
    @Inject
    ObjectMapper json;
    @Inject
    AlertService service;

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
    @SuppressWarnings("unchecked")
    public List<UUID> raiseAll(List<Raise> raises, String actor) {
        int n = raises.size();
        if (n == 0) {
            return List.of();
        }
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
        Instant now = clock.instant();
        // rows in (kind, dedupe key) order: concurrent raisers take the unique index's locks in the same order
        em.createNativeQuery("""
                with r as (
                  select * from unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as uuid[]),
                    cast(?5 as text[]), cast(?6 as uuid[]), cast(?7 as text[]), cast(?8 as text[]))
                    as r(id, kind, subject_type, subject_id, label, area_id, dedupe_key, details)),
                ins as (
                  insert into alert (id, kind, state, subject_type, subject_id, subject_label, area_id, community_id,
                                     dedupe_key, details, raised_at, due_at, updated_at)
                  select r.id, r.kind, 'OPEN', r.subject_type, r.subject_id, r.label, r.area_id, n.community_id,
                         r.dedupe_key, cast(r.details as jsonb), ?9, ?10, ?9
                  from r join area_node n on n.id = r.area_id
                  order by r.kind, r.dedupe_key
                  on conflict (kind, dedupe_key) do nothing
                  returning id, community_id, area_id),
                ev as (
                  insert into alert_event (alert_id, from_state, to_state, actor, at, note, data)
                  select id, null, 'OPEN', ?11, ?9, null, cast('{}' as jsonb) from ins)
                insert into change_log (entity, entity_id, community_id, path, op)
                select ?12, ins.id, ins.community_id, n.path, 'UPSERT' from ins join area_node n on n.id = ins.area_id""")
                .setParameter(1, ids).setParameter(2, kinds).setParameter(3, types).setParameter(4, subjects)
                .setParameter(5, labels).setParameter(6, areas).setParameter(7, keys).setParameter(8, details)
                .setParameter(9, now).setParameter(10, now.plus(overdueAfter)).setParameter(11, actor)
                .setParameter(12, ENTITY).executeUpdate();
        // every raise's alert: its own new row, or the one already raised under its dedupe key
        Map<String, UUID> byKey = new HashMap<>();
        Set<UUID> own = new HashSet<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select a.id, a.kind || ':' || coalesce(a.dedupe_key, '') from alert a
                where a.id = any(cast(?1 as uuid[]))
                   or (a.kind, a.dedupe_key) in (select * from unnest(cast(?2 as text[]), cast(?3 as text[])))""")
                .setParameter(1, ids).setParameter(2, kinds).setParameter(3, keys).getResultList()) {
            byKey.putIfAbsent((String) row[1], (UUID) row[0]);
            own.add((UUID) row[0]);
        }
        List<UUID> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID id = own.contains(ids[i]) ? ids[i]
                    : keys[i] == null ? null : byKey.get(kinds[i] + ":" + keys[i]);
            if (id == null) {
                throw new IllegalArgumentException("alert area does not exist");
            }
            out.add(id);
        }
        return out;
    }

    /**
     * Closes the open alerts of a kind with these dedupe keys, as the system (e.g. a late report resolves the
     * missing-report alert of its window). Runs in the caller's transaction; answers the ids closed.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> resolve(AlertKind kind, java.util.Collection<String> dedupeKeys, String note, Map<String, Object> data) {
        if (dedupeKeys.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Object[]> rows = em.createNativeQuery("""
                with t as (select id, state from alert where kind = ?1 and dedupe_key = any(cast(?2 as text[]))
                           and state <> 'CLOSED' order by id for update)
                update alert a set state = 'CLOSED', closed_at = ?3, updated_at = ?3, version = a.version + 1
                from t, area_node n where a.id = t.id and n.id = a.area_id
                returning a.id, t.state, a.community_id, n.path""")
                .setParameter(1, kind.code()).setParameter(2, dedupeKeys.stream().sorted().toArray(String[]::new))
                .setParameter(3, now).getResultList();
        List<UUID> ids = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            service.event(id, AlertState.valueOf((String) r[1]), AlertState.CLOSED, "system", now, note, data);
            changes.record(ENTITY, id, (UUID) r[2], (String) r[3], ChangeLog.Op.UPSERT);
            ids.add(id);
        }
        return ids;
    }
}
