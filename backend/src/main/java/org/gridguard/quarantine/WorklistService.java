package org.gridguard.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.InputRules;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.quarantine.QuarantineListOrders.NewOrder;
import org.gridguard.quarantine.QuarantineListOrders.Written;
import org.gridguard.quarantine.QuarantineListViews.ResolveRequest;
import org.gridguard.quarantine.QuarantineListViews.WorklistView;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

/**
 * The worklist of the people a list named that the census did not find (以房找人): the UNMATCHED items whose address
 * points into the caller's cells, zone or community, oldest first; a worker resolves each: the resident found (an
 * order is created or extended, as for a matched item), not found, or moved away.
 */
@ApplicationScoped
public class WorklistService {

    static final List<String> STATUSES = List.of("OPEN", "FOUND", "NOT_FOUND", "MOVED_AWAY");

    static final String SELECT = """
            select i.id, i.list_id, l.reference, i.line, i.person_name, i.doc_mask, i.phone_mask, i.compound, i.building,
              i.door, i.area_id, i.grid_cell_id, i.kind, i.reason, i.reason_place, i.source_case_ref, i.starts_on,
              i.ends_on, i.worklist_status, i.order_id, i.resolved_by, i.resolved_at, i.resolution_note, i.version,
              i.created_at, i.community_id
            from quarantine_list_item i join quarantine_list l on l.id = i.list_id
            join area_node a on a.id = i.area_id
            """;

    @Inject
    Jdbc jdbc;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    CensusPeople people;
    @Inject
    QuarantineListOrders orders;
    @Inject
    Clock clock;

    @Transactional
    public Page<WorklistView> page(String status, String cursor, Integer limit) {
        String s = status == null ? "OPEN" : status;
        if (!STATUSES.contains(s)) {
            throw ApiProblem.invalid("status", "must be one of " + String.join(", ", STATUSES));
        }
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        Instant at = c == null ? Instant.EPOCH : Cursor.instant(c.get(0));
        UUID after = c == null ? new UUID(0, 0) : Cursor.uuid(c.get(1));
        List<WorklistView> rows = jdbc.inTransaction(conn -> Jdbc.rows(conn, SELECT + """
                where i.worklist_status = ? and (? or a.path like any(?)) and (i.created_at, i.id) > (?, ?)
                order by i.created_at, i.id limit ?""", s, jurisdiction.isGlobal(), jurisdiction.likePatterns(), at,
                after, lim + 1)).stream().map(WorklistService::view).toList();
        return Page.of(rows, lim, v -> Cursor.encode(v.createdAt().toString(), v.id().toString()));
    }

    /** The item if it is on the caller's worklist, else 404. */
    Object[] visible(UUID id) {
        List<Object[]> rows = jdbc.inTransaction(conn -> Jdbc.rows(conn, SELECT + """
                where i.id = ? and i.worklist_status is not null and (? or a.path like any(?))""", id,
                jurisdiction.isGlobal(), jurisdiction.likePatterns()));
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("Worklist item");
        }
        return rows.get(0);
    }

    @Transactional
    public WorklistView resolve(UUID id, ResolveRequest req) {
        Object[] item = visible(id);
        if (!STATUSES.contains(req.status()) || req.status().equals("OPEN")) {
            throw ApiProblem.invalid("status", "must be FOUND, NOT_FOUND or MOVED_AWAY");
        }
        String note = req.note() == null || req.note().isBlank() ? null : req.note().strip();
        String bad = InputRules.textProblem(note);
        if (bad != null) {
            throw ApiProblem.invalid("note", bad);
        }
        if (!"OPEN".equals(item[18])) {
            throw ApiProblem.conflict("This person was resolved already (" + item[18] + " by " + item[20] + ")");
        }
        UUID orderId = null;
        UUID residentId = null;
        if (req.status().equals("FOUND")) {
            residentId = req.residentId();
            orderId = order(item, residentId);
        } else if (note == null) {
            throw ApiProblem.invalid("note", "say what was found at the address");
        }
        UUID order = orderId;
        UUID resident = residentId;
        List<Object[]> done = jdbc.inTransaction(conn -> Jdbc.rows(conn, """
                update quarantine_list_item set worklist_status = ?, order_id = ?, resident_id = ?, resolved_by = ?,
                  resolved_at = ?, resolution_note = ?, version = version + 1
                where id = ? and worklist_status = 'OPEN' returning id""", req.status(), order, resident, caller.name(),
                clock.instant(), note, id));
        if (done.isEmpty()) {
            throw ApiProblem.conflict("This person was resolved by someone else meanwhile; reload the worklist");
        }
        return view(visible(id));
    }

    /** The order of the resident found: created, or their active order extended (as for a matched item). */
    private UUID order(Object[] item, UUID residentId) {
        if (residentId == null) {
            throw ApiProblem.invalid("residentId", "say which resident was found");
        }
        CensusPeople.ResidentPlace r = people.resident(residentId)
                .orElseThrow(() -> ApiProblem.invalid("residentId", "no such resident in your area"));
        LocalDate today = LocalDate.now(clock);
        LocalDate ends = date(item[17]);
        if (ends.isBefore(today)) {
            throw ApiProblem.conflict("The order the list asked for ended on " + ends + "; nothing to start now");
        }
        LocalDate starts = date(item[16]);
        List<Written> w = jdbc.inTransaction(conn -> {
            List<Object[]> hm = Jdbc.rows(conn, "select id_hmac from census_resident where id = ?", residentId);
            String key = ListItemMatcher.personKey(residentId, hm.isEmpty() ? null : (byte[]) hm.get(0)[0]);
            return orders.createOrExtend(conn, List.of(new NewOrder(0, r.id(), r.communityId(), r.gridCellId(),
                    r.areaId(), key, (String) item[12], (String) item[13], (String) item[14], (String) item[15], null,
                    starts.isBefore(today) ? today : starts, ends)), caller.name(), today);
        });
        return w.get(0).orderId();
    }

    static WorklistView view(Object[] r) {
        return new WorklistView((UUID) r[0], (UUID) r[1], (String) r[2], (Integer) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], (UUID) r[10], (UUID) r[11], (String) r[12],
                (String) r[13], (String) r[14], (String) r[15], date(r[16]), date(r[17]), (String) r[18], (UUID) r[19],
                (String) r[20], r[21] == null ? null : Rows.instant(r[21]), (String) r[22], ((Number) r[23]).longValue(),
                Rows.instant(r[24]));
    }

    static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
