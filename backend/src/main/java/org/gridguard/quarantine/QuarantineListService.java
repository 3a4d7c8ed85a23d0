package org.gridguard.quarantine;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.census.ImportFile;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.job.JobService;
import org.gridguard.quarantine.QuarantineListViews.ItemView;
import org.gridguard.quarantine.QuarantineListViews.ListAccepted;
import org.gridguard.quarantine.QuarantineListViews.ListItemInput;
import org.gridguard.quarantine.QuarantineListViews.ListRequest;
import org.gridguard.quarantine.QuarantineListViews.ListView;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Accepts the bureau's lists from agency clients within the area node they are assigned to, and shows a client the
 * lists it sent and their outcomes. The same list twice (by content, or by the bureau's reference) is the first list
 * again: nothing new is queued, with or without an Idempotency-Key (ADR 0036).
 */
@ApplicationScoped
public class QuarantineListService {

    public static final int MAX_ITEMS = 5000;
    /**
     * The 429's Retry-After when the client has too many lists running: a list of 5,000 is matched in about 2 s
     * (bench/quarantine, ~1.4–2.2 s a list with two lists at a time), so a bureau told to wait 10 s waited for nothing.
     */
    static final long RETRY_AFTER_SECONDS = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "gridguard.quarantine.list-running-per-caller", defaultValue = "4")
    int runningPerCaller;
    @ConfigProperty(name = "gridguard.quarantine.list-running-overall", defaultValue = "20")
    int runningOverall;

    @Inject
    Jdbc jdbc;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    JobService jobs;
    @Inject
    Idempotency idempotency;

    /**
     * The list's area: the client's one agency node, or the node it names, one of its nodes or a node within one (a
     * district's bureau names the community the list is for); 404 for any other.
     */
    Jurisdiction.Scope area(UUID areaId) {
        List<Jurisdiction.Scope> agency = jurisdiction.scopes().stream().filter(s -> s.role().equals(Roles.AGENCY)).toList();
        List<Jurisdiction.Scope> own = areaId == null ? agency : agency.stream().filter(s -> s.nodeId().equals(areaId)).toList();
        if (own.isEmpty() && areaId != null) {
            own = within(agency, areaId);
        }
        if (own.isEmpty()) {
            throw areaId == null ? ApiProblem.invalid("areaId", "this client is assigned to no area: ask an administrator")
                    : ApiProblem.notFound("Area");
        }
        if (own.size() > 1) {
            throw ApiProblem.invalid("areaId", "this client is assigned to several areas: say which one the list is for");
        }
        if (own.get(0).communityId() == null) {
            throw ApiProblem.invalid("areaId", "send a list for one community (or an area within it) at a time");
        }
        return own.get(0);
    }

    /** The node {@code areaId} as a scope of the client's, when it lies within one of the client's agency nodes. */
    private List<Jurisdiction.Scope> within(List<Jurisdiction.Scope> agency, UUID areaId) {
        List<Object[]> rows = jdbc.inTransaction(c -> Jdbc.rows(c,
                "select kind, code, name, path, community_id from area_node where id = ?", areaId));
        if (rows.isEmpty()) {
            return List.of();
        }
        Object[] n = rows.get(0);
        String path = (String) n[3];
        return agency.stream().filter(s -> path.startsWith(s.path())).limit(1)
                .map(s -> new Jurisdiction.Scope(s.assignmentId(), s.role(), areaId, (String) n[0], (String) n[1], (String) n[2],
                        path, (UUID) n[4]))
                .toList();
    }

    @Transactional
    public Idempotency.Outcome<ListAccepted> submit(ListRequest req, String key) {
        Jurisdiction.Scope area = area(req.areaId());
        limit(req.items().size());
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(req.items());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return idempotency.once(caller.name(), key, "quarantine-list", req, ListAccepted.class,
                () -> create(area, req.reference(), "JSON", payload, req.items().size()));
    }

    @Transactional
    public Idempotency.Outcome<ListAccepted> submit(FileUpload file, String reference, UUID areaId, String key) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiProblem.invalid("file", "attach the list as the multipart field 'file' (CSV or XLSX)");
        }
        if (reference != null && reference.length() > 100) {
            throw ApiProblem.invalid("reference", "must be at most 100 characters");
        }
        Jurisdiction.Scope area = area(areaId);
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ApiProblem.invalid("file", "the upload could not be read");
        }
        ImportFile.Table t = ImportFile.read(content, false);
        ListItemColumns.of(t.header());
        limit(t.rows().size());
        String format = t.format().name();
        return idempotency.once(caller.name(), key, "quarantine-list",
                Map.of("file", sha256(content), "reference", String.valueOf(reference), "areaId", area.nodeId().toString()),
                ListAccepted.class, () -> create(area, reference, format, content, t.rows().size()));
    }

    static void limit(int n) {
        if (n > MAX_ITEMS) {
            throw new ApiProblem(413, "list-too-large", "List too large", "A list holds at most " + MAX_ITEMS
                    + " people; this one has " + n + ": split it into lists of " + MAX_ITEMS + " or fewer");
        }
    }

    /** The list recorded and its job queued; the same list again is the first one, replayed. */
    private Idempotency.Outcome<ListAccepted> create(Jurisdiction.Scope area, String reference, String format,
            byte[] payload, int n) {
        String hash = sha256((area.nodeId() + "|" + format + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                payload);
        UUID id = UUID.randomUUID();
        List<Object[]> same = jdbc.inTransaction(c -> Jdbc.rows(c, """
                select id, job_id, item_count, content_hash = ? from quarantine_list
                where owner = ? and (content_hash = ? or reference = ?)
                order by content_hash = ? desc limit 1""", hash, caller.name(), hash, reference, hash));
        if (!same.isEmpty()) {
            Object[] r = same.get(0);
            if (!(Boolean) r[3]) {
                throw ApiProblem.conflict("The list " + reference + " was sent already with other content (list "
                        + r[0] + "): send a correction under a new reference", Map.of("listId", r[0].toString()));
            }
            return new Idempotency.Outcome<>(new ListAccepted((UUID) r[0], (UUID) r[1], (Integer) r[2], true),
                    (UUID) r[0], true);
        }
        if (jdbc.inTransaction(c -> insert(c, id, area, reference, hash, format, payload, n)).isEmpty()) {
            // the same list, sent at the same moment by a retry: the first one won
            return create(area, reference, format, payload, n);
        }
        UUID job = jobs.submit(QuarantineListJob.KIND, caller.name(), area.communityId(), Map.of("listId", id.toString()),
                new JobService.Limits(runningPerCaller, runningOverall, RETRY_AFTER_SECONDS));
        jdbc.inTransaction(c -> Jdbc.rows(c, "update quarantine_list set job_id = ? where id = ? returning id", job, id));
        return new Idempotency.Outcome<>(new ListAccepted(id, job, n, false), id, false);
    }

    private List<Object[]> insert(Connection c, UUID id, Jurisdiction.Scope area, String reference, String hash, String format,
            byte[] payload, int n) throws SQLException {
        return Jdbc.rows(c, """
                insert into quarantine_list (id, owner, community_id, area_id, reference, content_hash, format, payload,
                  item_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id""", id, caller.name(), area.communityId(),
                area.nodeId(), reference, hash, format, payload, n);
    }

    static String sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One item of a list as sent, with its line in the file (its position from 1 in a JSON list). */
    record Numbered(int line, ListItemInput item) {
    }

    /** The items of a list as sent: the JSON items, or the sheet's rows through its columns. */
    static List<Numbered> parse(String format, byte[] payload) throws IOException {
        if (format.equals("JSON")) {
            List<ListItemInput> items = JSON.readValue(payload, new TypeReference<List<ListItemInput>>() {
            });
            return java.util.stream.IntStream.range(0, items.size()).mapToObj(i -> new Numbered(i + 1, items.get(i)))
                    .toList();
        }
        ImportFile.Table t = ImportFile.read(payload, false);
        ListItemColumns cols = ListItemColumns.of(t.header());
        return t.rows().stream().map(r -> new Numbered(r.line(), cols.item(r))).toList();
    }

    /** The list, if the caller sent it (admins: any); else 404. */
    @Transactional
    public ListView get(UUID id) {
        return jdbc.inTransaction(c -> {
            List<Object[]> rows = Jdbc.rows(c, """
                    select id, reference, area_id, format, item_count, status, error, job_id, created_at, owner
                    from quarantine_list where id = ?""", id);
            if (rows.isEmpty() || !(jurisdiction.isGlobal() || caller.name().equals(rows.get(0)[9]))) {
                throw ApiProblem.notFound("Quarantine list");
            }
            Object[] r = rows.get(0);
            Map<String, Long> counts = QuarantineListRepository.counts(c, id);
            int n = (Integer) r[4];
            long decided = counts.values().stream().mapToLong(Long::longValue).sum();
            String status = (String) r[5];
            int progress = status.equals("DONE") ? 100 : (int) (99 * decided / Math.max(1, n));
            return new ListView(id, (String) r[1], (UUID) r[2], (String) r[3], n, status, progress, (String) r[6],
                    (UUID) r[7], counts, Rows.instant(r[8]));
        });
    }

    /** A page of the list's outcomes in item order, optionally of one outcome. */
    @Transactional
    public Page<ItemView> items(UUID id, String outcome, String cursor, Integer limit) {
        get(id);
        if (outcome != null && !List.of("MATCHED", "UNMATCHED", "DUPLICATE", "REJECTED").contains(outcome)) {
            throw ApiProblem.invalid("outcome", "must be MATCHED, UNMATCHED, DUPLICATE or REJECTED");
        }
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        int after;
        try {
            after = c == null ? 0 : Integer.parseInt(c.get(0));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
        }
        List<ItemView> rows = jdbc.inTransaction(conn -> Jdbc.rows(conn, """
                select i.id, i.line, i.outcome, i.field, i.problem, i.order_id, o.number, i.person_name, i.doc_mask,
                  i.worklist_status
                from quarantine_list_item i left join quarantine_order o on o.id = i.order_id
                where i.list_id = ? and i.line > ? and (cast(? as text) is null or i.outcome = ?)
                order by i.line limit ?""", id, after, outcome, outcome, lim + 1)).stream()
                .map(r -> new ItemView((UUID) r[0], (Integer) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (UUID) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9]))
                .toList();
        return Page.of(rows, lim, v -> Cursor.encode(Integer.toString(v.line())));
    }
}
