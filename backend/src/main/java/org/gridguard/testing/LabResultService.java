package org.gridguard.testing;

import java.sql.Timestamp;
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

import org.gridguard.common.ApiProblem;
import org.gridguard.common.BatchItems;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.common.Problem;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.security.Roles;
import org.gridguard.testing.TestingViews.Result;
import org.gridguard.testing.TestingViews.TubeResult;
import org.gridguard.testing.TestingViews.UnmatchedView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Partner labs post results per tube. The whole batch is applied by one set-based statement (ADR 0010): tubes
 * whose result, test time or lab reference differ are updated and get a history row; a replay changes nothing;
 * unknown barcodes go to the unmatched list. Pools that turn positive or invalid are followed up at once.
 */
@ApplicationScoped
public class LabResultService {

    public static final int MAX_ITEMS = 1000;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    RoundRepository rounds;
    @Inject
    PoolFollowUp followUp;
    @Inject
    ObjectMapper json;

    @Transactional
    public BatchResult post(UUID roundId, List<JsonNode> raw) {
        Round r = rounds.assignedToLab(roundId);
        if (raw == null || raw.isEmpty()) {
            throw ApiProblem.invalid("items", "send 1 to " + MAX_ITEMS + " results");
        }
        if (raw.size() > MAX_ITEMS) {
            throw ApiProblem.invalid("items", "at most " + MAX_ITEMS + " results per batch");
        }
        Instant now = clock.instant();
        BatchResult.Item[] out = new BatchResult.Item[raw.size()];
        List<Integer> ok = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<TubeResult> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            List<Problem.FieldError> errors = new ArrayList<>();
            items.add(BatchItems.parse(json, null, raw.get(i), TubeResult.class, errors));
            if (errors.isEmpty()) {
                errors = check(items.get(i), now, r.samplingFrom());
            }
            if (errors.isEmpty() && !seen.add(items.get(i).barcode().strip())) {
                errors = List.of(new Problem.FieldError("barcode", "appears twice in this batch"));
            }
            if (!errors.isEmpty()) {
                out[i] = new BatchResult.Item(i, null, BatchResult.Status.REJECTED, errors);
            } else {
                ok.add(i);
            }
        }
        if (!ok.isEmpty()) {
            apply(r, items, ok, out, now);
        }
        return BatchResult.of(List.of(out));
    }

    /** Clock skew allowed between a lab's clock and ours, both ways. */
    static final Duration SKEW = Duration.ofMinutes(10);

    /**
     * The problems of one result. A test is done after its sample was taken: a testedAt before the round's sampling
     * opened (less the skew) is a wrong clock or a mistyped date (1970, year 1), refused (ADR 0025).
     */
    static List<Problem.FieldError> check(TubeResult t, Instant now, Instant samplingFrom) {
        List<Problem.FieldError> e = new ArrayList<>();
        if (t == null) {
            return List.of(new Problem.FieldError("item", "must be an object"));
        }
        if (t.barcode() == null || !SampleRules.BARCODE.matcher(t.barcode().strip()).matches()) {
            e.add(new Problem.FieldError("barcode", "must be 4 to 64 letters, digits or dashes"));
        }
        if (t.result() == null || !List.of("NEGATIVE", "POSITIVE", "INVALID").contains(t.result())) {
            e.add(new Problem.FieldError("result", "must be NEGATIVE, POSITIVE or INVALID"));
        }
        if (t.testedAt() == null) {
            e.add(new Problem.FieldError("testedAt", "must be an ISO-8601 timestamp"));
        } else if (t.testedAt().isAfter(now.plus(SKEW))) {
            e.add(new Problem.FieldError("testedAt", "is in the future"));
        } else if (samplingFrom != null && t.testedAt().isBefore(samplingFrom.minus(SKEW))) {
            e.add(new Problem.FieldError("testedAt", "is before the round's sampling opened"));
        }
        if (t.labRef() != null && t.labRef().length() > 100) {
            e.add(new Problem.FieldError("labRef", "at most 100 characters"));
        }
        return e;
    }

    /** The accepted items of a batch as the statement's column arrays; {@code idx} is each item's batch index. */
    record Columns(String[] barcodes, String[] results, Timestamp[] tested, String[] refs, Integer[] idx) {
        static Columns of(List<TubeResult> items, List<Integer> ok) {
            int n = ok.size();
            Columns c = new Columns(new String[n], new String[n], new Timestamp[n], new String[n], new Integer[n]);
            for (int k = 0; k < n; k++) {
                TubeResult t = items.get(ok.get(k));
                c.barcodes[k] = t.barcode().strip();
                c.results[k] = t.result();
                c.tested[k] = Timestamp.from(t.testedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                c.refs[k] = t.labRef();
                c.idx[k] = ok.get(k);
            }
            return c;
        }
    }

    /** The pools whose result changed for the worse (positive or invalid) and those cleared by a correction. */
    record Changes(List<UUID> turnedBad, List<UUID> cleared) {
    }

    private void apply(Round r, List<TubeResult> items, List<Integer> ok, BatchResult.Item[] out, Instant now) {
        List<Object[]> rows = match(r, Columns.of(items, ok), now);
        Changes changes = new Changes(new ArrayList<>(), new ArrayList<>());
        for (Object[] x : rows) {
            answer(x, out, changes);
        }
        if (!changes.turnedBad().isEmpty()) {
            followUp.positive(r, changes.turnedBad(), caller.name());
        }
        if (!changes.cleared().isEmpty()) {
            followUp.cleared(r, changes.cleared(), caller.name());
        }
    }

    /** The batch applied: rows of batch index, tube (null if unknown), changed, result before, result now. */
    private List<Object[]> match(Round r, Columns b, Instant now) {
        // one statement: match, update what differs, keep history, park the unknown barcodes
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with i as (
                  select * from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as timestamptz[]),
                    cast(?4 as text[]), cast(?5 as int[])) as i(barcode, result, tested_at, lab_ref, idx)),
                m as (
                  select i.*, t.id as tube_id, t.result as old_result
                  from i left join test_tube t on t.round_id = ?6 and t.barcode = i.barcode),
                upd as (
                  update test_tube t set result = m.result, tested_at = m.tested_at, lab_ref = m.lab_ref, lab = ?7,
                    result_at = ?8, status = 'CLOSED', closed_at = coalesce(t.closed_at, ?8), version = t.version + 1
                  from m where t.id = m.tube_id
                    and (t.result is distinct from m.result or t.tested_at is distinct from m.tested_at
                         or t.lab_ref is distinct from m.lab_ref or t.lab is distinct from ?7)
                  returning t.id),
                hist as (
                  insert into test_tube_result (tube_id, round_id, result, previous_result, tested_at, lab, lab_ref, received_at)
                  select m.tube_id, ?6, m.result, m.old_result, m.tested_at, ?7, m.lab_ref, ?8
                  from m join upd on upd.id = m.tube_id),
                un as (
                  insert into test_unmatched_result (id, round_id, lab, barcode, result, tested_at, lab_ref, received_at)
                  select gen_random_uuid(), ?6, ?7, m.barcode, m.result, m.tested_at, m.lab_ref, ?8
                  from m where m.tube_id is null on conflict do nothing),
                solved as (
                  update test_unmatched_result u set resolved_at = ?8 from m
                  where u.round_id = ?6 and u.barcode = m.barcode and m.tube_id is not null and u.resolved_at is null),
                dirty as (
                  -- coverage depends on the result alone: a new tested-at or lab reference changes no figure
                  insert into test_dirty_tube as d (round_id, tube_id)
                  select ?6, m.tube_id from m join upd on upd.id = m.tube_id where m.old_result is distinct from m.result
                  on conflict (round_id, tube_id) do update set claimed_at = null where d.claimed_at is not null)
                select m.idx, m.tube_id, upd.id is not null, m.old_result, m.result
                from m left join upd on upd.id = m.tube_id""")
                .setParameter(1, b.barcodes()).setParameter(2, b.results()).setParameter(3, b.tested()).setParameter(4, b.refs())
                .setParameter(5, b.idx()).setParameter(6, r.id()).setParameter(7, caller.name()).setParameter(8, now)
                .getResultList();
        return rows;
    }

    /** The answer for one row of {@link #match}, and the pool's change, if any. */
    private static void answer(Object[] x, BatchResult.Item[] out, Changes changes) {
        int i = ((Number) x[0]).intValue();
        UUID tube = (UUID) x[1];
        if (tube == null) {
            out[i] = new BatchResult.Item(i, null, BatchResult.Status.REJECTED,
                    List.of(new Problem.FieldError("barcode", "unknown in this round; kept in the unmatched list")));
            return;
        }
        boolean changed = (Boolean) x[2];
        String before = (String) x[3];
        String now2 = (String) x[4];
        out[i] = new BatchResult.Item(i, tube, !changed ? BatchResult.Status.DUPLICATE
                : before == null ? BatchResult.Status.CREATED : BatchResult.Status.UPDATED, List.of());
        if (changed) {
            boolean bad = !"NEGATIVE".equals(now2);
            boolean wasBad = before != null && !"NEGATIVE".equals(before);
            if (bad && !wasBad) {
                changes.turnedBad().add(tube);
            } else if (!bad && wasBad) {
                changes.cleared().add(tube);
            } else if (bad && !before.equals(now2)) {
                changes.turnedBad().add(tube); // INVALID -> POSITIVE: the event again, tasks stay one per person
            }
        }
    }

    /** Results the round could not match: a lab sees its own, supervisors and admins all of the round's. */
    @Transactional
    public Page<UnmatchedView> unmatched(UUID roundId, Boolean resolved, String cursor, Integer limit) {
        boolean lab = caller.hasRole(Roles.LAB) && !caller.isAdmin();
        if (lab) {
            rounds.assignedToLab(roundId);
        } else {
            rounds.visible(roundId);
        }
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select id, round_id, lab, barcode, result, tested_at, lab_ref, received_at, resolved_at
                from test_unmatched_result where round_id = :r""");
        p.put("r", roundId);
        if (lab) {
            sql.append(" and lab = :lab");
            p.put("lab", caller.name());
        }
        if (resolved != null) {
            sql.append(resolved ? " and resolved_at is not null" : " and resolved_at is null");
        }
        if (c != null) {
            sql.append(" and (received_at, id) > (:at, :id)");
            p.put("at", Cursor.instant(c.get(0)));
            p.put("id", Cursor.uuid(c.get(1)));
        }
        sql.append(" order by received_at, id limit :lim");
        p.put("lim", lim + 1);
        List<Object[]> rows = Rows.list(em, sql, p);
        List<UnmatchedView> out = rows.stream().map(x -> new UnmatchedView((UUID) x[0], (UUID) x[1], (String) x[2],
                (String) x[3], Result.valueOf((String) x[4]), Rows.instant(x[5]), (String) x[6], Rows.instant(x[7]),
                Rows.instant(x[8]))).toList();
        return Page.of(out, lim, v -> Cursor.encode(v.receivedAt().toString(), v.id().toString()));
    }
}
