package org.gridguard.quarantine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.Jdbc;
import org.gridguard.webhook.WebhookOutbox;

/**
 * The lists' one way of writing orders (the bureau's lists and the worklist's resolves), set-based per chunk. Rules
 * (ADR 0036): a person with no active order gets a new one, ending by default after the core's durations; a person
 * whose active order comes from the same source (case reference, or the source person's order) is a DUPLICATE; any
 * other active order is kept and extended to the later end (never shortened, kind and reason kept), and the item is
 * MATCHED to it. Like an order made through the API, every order created or extended is published in the same
 * transaction: the delta feed (change_log, entity QUARANTINE_ORDER) and, for a new order, the
 * {@code quarantine.started} webhook.
 * <p>
 * Runs on the connection of the caller's JTA transaction ({@link org.gridguard.common.Jdbc#inTransaction}): the
 * webhook outbox writes through the same transaction. A person a concurrent list gives an order first (the
 * one-active-order index) is not an error: the insert skips them ({@code on conflict do nothing}) and they are decided
 * again against the order that won, one statement a step.
 */
@ApplicationScoped
public class QuarantineListOrders {

    /** Passes over the people a concurrent writer took first; one more is always enough unless orders end meanwhile. */
    private static final int PASSES = 4;

    @Inject
    WebhookOutbox outbox;

    /** An order to create for a matched resident. {@code sourceKey}: the source person's key ('D:' + hex), or null. */
    record NewOrder(int line, UUID residentId, UUID communityId, UUID gridCellId, UUID areaId, String personKey,
            String kind, String reason, String reasonPlace, String caseRef, String sourceKey, LocalDate startsOn,
            LocalDate endsOn) {
    }

    /** What became of it: the order the item is matched to, or a duplicate of. */
    record Written(int line, UUID orderId, String number, boolean duplicate, String note) {
    }

    private record Active(UUID id, String number, String caseRef, UUID sourceOrderId, LocalDate endsOn) {
    }

    /** Creates or extends the orders of one chunk; one answer per order, in the same order. */
    List<Written> createOrExtend(Connection c, List<NewOrder> orders, String actor, LocalDate today)
            throws SQLException {
        Written[] out = new Written[orders.size()];
        Map<String, UUID> sources = sources(c, orders.stream().map(NewOrder::sourceKey).filter(Objects::nonNull)
                .distinct().toArray(String[]::new));
        Map<String, Integer> taken = new HashMap<>();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Integer earlier = taken.putIfAbsent(orders.get(i).personKey(), orders.get(i).line());
            if (earlier != null) {
                out[i] = new Written(orders.get(i).line(), null, null, true, "the same person as line " + earlier);
            } else {
                todo.add(i);
            }
        }
        for (int pass = 0; !todo.isEmpty(); pass++) {
            if (pass == PASSES) {
                throw new SQLException("the people of a chunk kept getting orders from another writer", "40001");
            }
            todo = pass(c, orders, todo, sources, out, actor, today);
        }
        return List.of(out);
    }

    /** One pass over the people still to decide; answers those a concurrent writer gave an order first. */
    private List<Integer> pass(Connection c, List<NewOrder> orders, List<Integer> todo, Map<String, UUID> sources,
            Written[] out, String actor, LocalDate today) throws SQLException {
        Map<String, Active> active = active(c, todo.stream().map(i -> orders.get(i).personKey()).toArray(String[]::new));
        List<Integer> inserts = new ArrayList<>();
        List<Object[]> extensions = new ArrayList<>();
        for (int i : todo) {
            NewOrder o = orders.get(i);
            UUID source = o.sourceKey() == null ? null : sources.get(o.sourceKey());
            Active a = active.get(o.personKey());
            if (a == null) {
                inserts.add(i);
            } else if ((o.caseRef() != null && o.caseRef().equals(a.caseRef()))
                    || (source != null && source.equals(a.sourceOrderId()))) {
                out[i] = new Written(o.line(), a.id(), a.number(), true,
                        "already on the active order " + a.number() + " of the same source");
            } else {
                if (o.endsOn().isAfter(a.endsOn())) {
                    extensions.add(new Object[] { a.id(), o.endsOn(), a.endsOn() });
                }
                out[i] = new Written(o.line(), a.id(), a.number(), false, null);
            }
        }
        extend(c, extensions, actor);
        return insert(c, orders, inserts, sources, out, actor, today);
    }

    private static Map<String, Active> active(Connection c, String[] keys) throws SQLException {
        Map<String, Active> m = new HashMap<>();
        for (Object[] r : Jdbc.rows(c, """
                select person_key, id, number, source_case_ref, source_order_id, ends_on from quarantine_order
                where status = 'ACTIVE' and person_key = any(?) order by person_key for update""", (Object) keys)) {
            m.put((String) r[0], new Active((UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                    ((java.sql.Date) r[5]).toLocalDate()));
        }
        return m;
    }

    /** The latest order of each source person (active first). */
    private static Map<String, UUID> sources(Connection c, String[] keys) throws SQLException {
        Map<String, UUID> m = new HashMap<>();
        if (keys.length > 0) {
            for (Object[] r : Jdbc.rows(c, """
                    select distinct on (person_key) person_key, id from quarantine_order where person_key = any(?)
                    order by person_key, status = 'ACTIVE' desc, created_at desc""", (Object) keys)) {
                m.put((String) r[0], (UUID) r[1]);
            }
        }
        return m;
    }

    /**
     * The new orders, their CREATED events and their changes for the feed in one statement (in the order of the
     * person key, so that two lists wait for each other rather than deadlock), then their webhooks in one more.
     * Answers the people skipped because another writer's active order came first.
     */
    private List<Integer> insert(Connection c, List<NewOrder> orders, List<Integer> rows, Map<String, UUID> sources,
            Written[] out, String actor, LocalDate today) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        UUID[][] refs = new UUID[5][n];
        String[][] texts = new String[8][n];
        Map<UUID, Integer> index = new HashMap<>();
        for (int j = 0; j < n; j++) {
            NewOrder o = orders.get(rows.get(j));
            ids[j] = UUID.randomUUID();
            index.put(ids[j], rows.get(j));
            refs[0][j] = o.communityId();
            refs[1][j] = o.gridCellId();
            refs[2][j] = o.areaId();
            refs[3][j] = o.residentId();
            refs[4][j] = o.sourceKey() == null ? null : sources.get(o.sourceKey());
            String[] t = { QuarantineRules.checkCode(), o.personKey(), o.kind(), o.reason(), o.reasonPlace(), o.caseRef(),
                    o.startsOn().toString(), o.endsOn().toString() };
            for (int k = 0; k < t.length; k++) {
                texts[k][j] = t[k];
            }
        }
        List<Object[]> made = Jdbc.rows(c, """
                with x as (
                  select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    as x(id, community_id, grid_cell_id, area_id, resident_id, source_order_id, check_code, person_key,
                         kind, reason, reason_place, source_case_ref, starts_on, ends_on)),
                ins as (
                  insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id,
                    resident_id, person_key, kind, reason, reason_place, source_order_id, source_case_ref, status,
                    starts_on, ends_on, created_by, updated_by)
                  select id, ? || nextval('quarantine_order_number_seq'), check_code, community_id, grid_cell_id, area_id,
                    resident_id, person_key, kind, reason, reason_place, source_order_id, source_case_ref, 'ACTIVE',
                    cast(starts_on as date), cast(ends_on as date), ?, ?
                  from x order by person_key
                  on conflict (person_key) where status = 'ACTIVE' do nothing
                  returning id, number, community_id, area_id),
                ev as (
                  insert into quarantine_order_event (order_id, action, to_status, actor, at, reason)
                  select id, 'CREATED', 'ACTIVE', ?, now(), 'the health bureau''s list' from ins),
                ch as (
                  insert into change_log (entity, entity_id, community_id, path, op)
                  select ?, ins.id, ins.community_id, a.path, 'UPSERT' from ins join area_node a on a.id = ins.area_id
                  returning entity_id, path)
                select ins.id, ins.number, ch.path from ins join ch on ch.entity_id = ins.id""", ids, refs[0], refs[1],
                refs[2], refs[3], refs[4], texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], texts[6], texts[7],
                QuarantineRules.numberPrefix(today), actor, actor, actor,
                QuarantineOrderService.ENTITY);
        List<WebhookOutbox.Event> started = new ArrayList<>(made.size());
        for (Object[] r : made) {
            int i = index.remove((UUID) r[0]);
            NewOrder o = orders.get(i);
            out[i] = new Written(o.line(), (UUID) r[0], (String) r[1], false, null);
            started.add(new WebhookOutbox.Event((String) r[2], QuarantineOrderService.webhookData((UUID) r[0],
                    (String) r[1], o.kind(), o.reason(), "ACTIVE", o.startsOn(), o.endsOn(), null, o.communityId(),
                    o.gridCellId(), o.residentId())));
        }
        outbox.enqueueAll(QuarantineEvents.STARTED, started);
        return index.values().stream().sorted().toList();
    }

    /** Extensions to a later end, with their EXTENDED events and their changes for the feed (no webhook, as the API). */
    private static void extend(Connection c, List<Object[]> rows, String actor) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        UUID[] ids = rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
        String[] ends = rows.stream().map(r -> r[1].toString()).toArray(String[]::new);
        String[] before = rows.stream().map(r -> r[2].toString()).toArray(String[]::new);
        Jdbc.rows(c, """
                with x as (select * from unnest(?, ?, ?) as x(id, ends_on, before)),
                up as (
                  update quarantine_order o set ends_on = cast(x.ends_on as date), updated_by = ?, updated_at = now(),
                    version = o.version + 1
                  from x where o.id = x.id
                  returning o.id, o.community_id, o.area_id),
                ev as (
                  insert into quarantine_order_event (order_id, action, from_status, to_status, actor, at, reason, data)
                  select id, 'EXTENDED', 'ACTIVE', 'ACTIVE', ?, now(), 'the health bureau''s list',
                    jsonb_build_object('from', before, 'to', ends_on) from x)
                insert into change_log (entity, entity_id, community_id, path, op)
                select ?, up.id, up.community_id, a.path, 'UPSERT' from up join area_node a on a.id = up.area_id
                returning entity_id""", ids, ends, before, actor, actor, QuarantineOrderService.ENTITY);
    }
}
