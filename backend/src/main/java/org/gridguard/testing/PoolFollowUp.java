package org.gridguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.Alerts;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.webhook.WebhookOutbox;
import org.gridguard.testing.TestingViews.PositivePool;
import org.gridguard.testing.TestingViews.Result;

/**
 * What a positive or invalid pool sets off, in the lab's transaction: one urgent individual re-test task (单采)
 * per member in their household's cell, the households and buildings flagged, a POSITIVE_POOL alert for the
 * cell's leaders, the tube in the delta feed, and the webhook event. Replays and corrections never make a
 * second task: a correction to negative cancels the open ones, a later positive reopens them.
 */
@ApplicationScoped
public class PoolFollowUp {

    /** Delta-feed entity of tubes whose result turned positive/invalid or was corrected. */
    public static final String ENTITY = "TEST_TUBE";
    public static final String EVENT_POSITIVE = TestingEvents.POSITIVE_POOL;

    @Inject
    Clock clock;
    @Inject
    Alerts alerts;
    @Inject
    ChangeLog changes;
    @Inject
    RoundRepository rounds;
    @Inject
    TaskRepository tasks;
    @Inject
    FollowUpRepository followUps;
    @Inject
    WebhookOutbox outbox;
    @Inject
    TubeRepository tubes;

    /** {@link FollowUpRepository#BAD_SO_FAR}, as the coverage read names it. */
    static final String BAD_SO_FAR = FollowUpRepository.BAD_SO_FAR;

    void positive(Round r, List<UUID> tubes, String actor) {
        Instant now = clock.instant();
        UUID[] ids = tubes.toArray(UUID[]::new);
        tasks.retest(r.id(), ids, now);
        followUps.flag(r.id(), ids, now);
        List<Object[]> rows = followUps.turnedBad(ids);
        List<Alerts.Raise> raises = new ArrayList<>();
        for (Object[] t : rows) {
            turnedBad(r, t, raises);
        }
        alerts.raiseAll(raises, actor); // one set-based statement for the whole batch's pools (ADR 0016)
    }

    /** One pool turned bad ({@link FollowUpRepository#turnedBad} row): its alert, feed change and event. */
    private void turnedBad(Round r, Object[] t, List<Alerts.Raise> raises) {
        UUID tube = (UUID) t[0];
        UUID area = (UUID) t[5];
        String path = (String) t[6];
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roundId", r.id().toString());
        details.put("roundName", r.name());
        details.put("tubeId", tube.toString());
        details.put("barcode", t[1]);
        details.put("result", t[2]);
        details.put("members", ((Number) t[4]).intValue());
        for (UUID cell : alertAreas(area, (String) t[8])) {
            String key = cell.equals(area) ? "tube:" + tube : "tube:" + tube + ":" + cell;
            raises.add(new Alerts.Raise(TestingAlerts.POSITIVE_POOL, "TEST_TUBE", tube,
                    "混采管 " + t[1] + " " + t[2], cell, key, details));
        }
        changes.record(ENTITY, tube, (UUID) t[7], path, ChangeLog.Op.UPSERT);
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("testedAt", String.valueOf(Rows.instant(t[3])));
        payload.put("gridCellId", area == null ? null : area.toString());
        if (path != null) {
            publish(EVENT_POSITIVE, path, payload);
        }
    }

    /**
     * Where a bad pool's alert goes: to the leaders of every grid cell its members were sampled in (a central site's
     * pool may hold several, ADR 0028), else to the pool's own place.
     */
    static List<UUID> alertAreas(UUID place, String memberCells) {
        if (memberCells == null || memberCells.isBlank()) {
            return place == null ? List.of() : List.of(place);
        }
        return java.util.Arrays.stream(memberCells.split(",")).map(UUID::fromString).toList();
    }

    /** The single call site of the webhook outbox for this feature: queued in this transaction (ADR 0011). */
    void publish(String event, String areaPath, Map<String, Object> payload) {
        outbox.enqueue(event, areaPath, payload);
    }

    void cleared(Round r, List<UUID> tubes, String actor) {
        Instant now = clock.instant();
        UUID[] ids = tubes.toArray(UUID[]::new);
        tasks.cancelRetests(r.id(), ids, now);
        followUps.unflag(r.id(), ids);
        // households still in another bad pool stay flagged
        List<UUID> stillBad = followUps.stillBad(r.id());
        if (!stillBad.isEmpty()) {
            followUps.flag(r.id(), stillBad.toArray(UUID[]::new), now);
        }
        List<Object[]> rows = followUps.cleared(ids);
        for (Object[] t : rows) {
            changes.record(ENTITY, (UUID) t[0], (UUID) t[1], (String) t[2], ChangeLog.Op.UPSERT);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("roundId", r.id().toString());
            payload.put("tubeId", t[0].toString());
            payload.put("barcode", t[3]);
            payload.put("result", t[4]);
            publish(TestingEvents.POOL_CLEARED, (String) t[2], payload);
        }
    }

    // ---------- the follow-up list ----------

    /**
     * Positive and invalid pools of a round with a member in the caller's reach, newest result first: the households
     * and buildings in reach, the other members counted (ADR 0028).
     */
    @Transactional
    public Page<PositivePool> pools(UUID roundId, String cursor, Integer limit) {
        rounds.visible(roundId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        List<Object[]> rows = followUps.pools(roundId, c, lim, !tubes.agencyOnly());
        List<PositivePool> out = new ArrayList<>();
        for (Object[] x : rows) {
            out.add(new PositivePool((UUID) x[0], (UUID) x[1], (String) x[2], Result.valueOf((String) x[3]),
                    Rows.instant(x[4]), (UUID) x[5], ((Number) x[6]).intValue(), ((Number) x[7]).intValue(),
                    ((Number) x[8]).intValue(), Rows.instant(x[9]), Round.uuids(x[10]), Round.uuids(x[11]),
                    ((Number) x[12]).intValue()));
        }
        return Page.of(out, lim, v -> Cursor.encode(v.updatedAt().toString(), v.tubeId().toString()));
    }
}
