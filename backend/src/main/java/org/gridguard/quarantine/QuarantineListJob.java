package org.gridguard.quarantine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.census.CensusPlaces;
import org.gridguard.census.CensusPlaces.Place;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Jdbc;
import org.gridguard.job.JobHandler;
import org.gridguard.quarantine.ListItemMatcher.Match;
import org.gridguard.quarantine.ListItemMatcher.Wanted;
import org.gridguard.quarantine.ListItemRules.Checked;
import org.gridguard.quarantine.ListItemRules.Rejected;
import org.gridguard.quarantine.ListItemRules.Result;
import org.gridguard.quarantine.QuarantineListOrders.NewOrder;
import org.gridguard.quarantine.QuarantineListOrders.Written;
import org.gridguard.quarantine.QuarantineListRepository.ListRow;
import org.gridguard.quarantine.QuarantineListRepository.Outcome;
import org.gridguard.security.pii.PiiCipher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The list's job: reads the list (JSON, CSV or XLSX), checks every item ({@link ListItemRules}), marks the second of
 * the same person DUPLICATE, then per chunk of items in one transaction: finds the people in the census
 * ({@link ListItemMatcher}, two statements a chunk), writes their orders ({@link QuarantineListOrders}) and every
 * item's outcome. Safe to run again from the start (a job taken over): items already decided are skipped.
 */
@ApplicationScoped
public class QuarantineListJob implements JobHandler {

    public static final String KIND = "quarantine-list";

    @Inject
    QuarantineListRepository lists;
    @Inject
    QuarantineListOrders orders;
    @Inject
    CensusPlaces places;
    @Inject
    PiiCipher pii;
    @Inject
    Clock clock;

    @Inject
    Jdbc jdbc;
    @Inject
    Config config;
    /** A chunk's transaction lasts at most this long; a chunk that meets a deadlock runs at most ATTEMPTS times. */
    static final int CHUNK_SECONDS = 130;
    static final int ATTEMPTS = 3;

    @ConfigProperty(name = "gridguard.quarantine.list-chunk", defaultValue = "1000")
    int chunk;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(Context ctx) throws Exception {
        UUID listId = UUID.fromString((String) ctx.params().get("listId"));
        ListRow list = lists.load(listId);
        try {
            if (list.payload() != null) {
                process(ctx, list);
            }
            lists.finish(listId, "DONE", null);
        } catch (ApiProblem p) {
            lists.finish(listId, "FAILED", p.getMessage());
            throw p;
        } catch (Exception | Error e) {
            lists.finish(listId, "FAILED", "the list could not be processed (" + e.getClass().getSimpleName() + ")");
            throw e;
        }
        Map<String, Object> report = new HashMap<>();
        report.put("listId", listId.toString());
        report.put("items", list.itemCount());
        report.put("outcomes", lists.counts(listId));
        return report;
    }

    private void process(Context ctx, ListRow list) throws Exception {
        lists.start(list.id());
        List<QuarantineListService.Numbered> items = QuarantineListService.parse(list.format(), list.payload());
        LocalDate today = LocalDate.now(clock);
        ListItemRules.Checking k = new ListItemRules.Checking(today, (kind, reason, start) -> QuarantineRules.defaultEnd(
                QuarantineViews.Kind.valueOf(kind), QuarantineViews.Reason.valueOf(reason), start,
                key -> config.getOptionalValue(key, Integer.class)), pii::hmac);
        Set<Integer> decided = lists.decidedLines(list.id());
        CensusPlaces.Places known = places.below(list.areaPath());
        Map<String, Integer> firstOf = new HashMap<>();
        List<Outcome> pending = new ArrayList<>();
        List<Wanted> wanted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Result r = ListItemRules.check(items.get(i).line(), items.get(i).item(), k);
            Outcome o = decide(r, known, firstOf, list, wanted);
            if (o != null && !decided.contains(o.line())) {
                pending.add(o);
            }
            if (pending.size() + wanted.size() >= chunk || i == items.size() - 1) {
                wanted.removeIf(w -> decided.contains(w.item().line()));
                write(list, pending, wanted, today);
                pending.clear();
                wanted.clear();
                ctx.progress(5 + 94 * (i + 1) / items.size(), Map.of("phase", "matching", "items", items.size(),
                        "done", i + 1));
            }
        }
    }

    /** A rejected item, or the second of a person, is decided at once; the others wait for the census. */
    private static Outcome decide(Result r, CensusPlaces.Places known, Map<String, Integer> firstOf, ListRow list,
            List<Wanted> wanted) {
        if (r instanceof Rejected x) {
            return Outcome.rejected(list, x);
        }
        Checked c = (Checked) r;
        Place place = known.find(c.compound(), c.building());
        Integer first = firstOf.putIfAbsent(c.key(), c.line());
        if (first != null) {
            return Outcome.of(list, c, place, "DUPLICATE", "the same person as item " + first + " of the list");
        }
        wanted.add(new Wanted(c, place));
        return null;
    }

    /**
     * One chunk in one JTA transaction, its statements on that transaction's connection: the census lookups, the
     * orders with their feed changes and webhooks, every item's outcome. A chunk that meets a deadlock or a
     * serialization failure (two lists of the same people) runs again.
     */
    private void write(ListRow list, List<Outcome> decided, List<Wanted> wanted, LocalDate today) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().timeout(CHUNK_SECONDS).run(() -> jdbc.inTransaction(c -> {
                    Jdbc.allowLongWork(c, java.time.Duration.ofSeconds(CHUNK_SECONDS - 10));
                    writeChunk(c, list, decided, wanted, today);
                    return null;
                }));
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private void writeChunk(Connection c, ListRow list, List<Outcome> decided, List<Wanted> wanted, LocalDate today)
            throws SQLException {
        Map<Integer, Match> found = ListItemMatcher.match(c, list.communityId(), list.areaPath(), wanted);
        List<Outcome> out = new ArrayList<>(decided);
        List<NewOrder> toOrder = new ArrayList<>();
        Map<Integer, Wanted> byLine = new HashMap<>();
        for (Wanted w : wanted) {
            Match m = found.get(w.item().line());
            if (m == null) {
                out.add(Outcome.of(list, w.item(), w.place(), "UNMATCHED", null));
                continue;
            }
            Checked i = w.item();
            byLine.put(i.line(), w);
            toOrder.add(new NewOrder(i.line(), m.residentId(), m.communityId(), m.gridCellId(), m.areaId(),
                    m.personKey(), i.kind(), i.reason(), i.place(), i.caseRef(),
                    i.sourceHmac() == null ? null : ListItemMatcher.personKey(null, i.sourceHmac()),
                    i.startsOn(), i.endsOn()));
        }
        List<Written> written = orders.createOrExtend(c, toOrder, list.owner(), today);
        for (int j = 0; j < written.size(); j++) {
            Written w = written.get(j);
            out.add(Outcome.of(list, byLine.get(w.line()).item(), byLine.get(w.line()).place(),
                    w.duplicate() ? "DUPLICATE" : "MATCHED", w.note())
                    .withOrder(w.orderId(), toOrder.get(j).residentId(), toOrder.get(j).areaId(),
                            toOrder.get(j).gridCellId()));
        }
        lists.saveItems(c, list.id(), out);
    }
}
