package org.gridguard.census;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.census.ImportColumns.Col;
import org.gridguard.common.ApiProblem;
import org.gridguard.job.JobHandler;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.security.pii.IdentityRules;

/**
 * The import job. It reads and checks every row first (a file that cannot be read fails the job before anything
 * is written), writes the refused rows to the error file, then writes the good rows in chunks: COPY into a
 * temporary table and two set-based upserts (households by door, residents by ID number in the community),
 * each chunk one transaction. Safe to re-run from the start: a chunk already written changes nothing again.
 */
@ApplicationScoped
public class CensusImportJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(CensusImportJob.class);

    public static final String KIND = "census-import";

    @Inject
    DataSource ds;
    @Inject
    PiiCipher pii;
    @Inject
    Clock clock;

    @ConfigProperty(name = "gridguard.census.import-chunk", defaultValue = "5000")
    int chunk;

    static final java.util.regex.Pattern CATEGORY_SEPARATORS = java.util.regex.Pattern.compile("[、,，;；/\\s]+");

    @Override
    public String kind() {
        return KIND;
    }

    /** A checked row, ready to write. The clear ID number and phone stay in memory only. */
    record Staged(int line, UUID communityId, UUID gridCellId, UUID compoundId, UUID buildingId, UUID areaId,
            String door, String name, DocType idType, String idNumber, byte[] idHmac, String phone, String relation,
            String[] categories, String returneeFrom) {
    }

    record RowError(int line, String name, String field, String message) {
    }

    record Upload(UUID id, UUID communityId, UUID areaId, String areaPath, byte[] content) {
    }

    @Override
    public Map<String, Object> run(Context ctx) throws Exception {
        UUID uploadId = UUID.fromString((String) ctx.params().get("uploadId"));
        boolean dryRun = Boolean.TRUE.equals(ctx.params().get("dryRun"));
        long t0 = System.nanoTime();
        Upload up = load(uploadId);
        ctx.progress(2, Map.of("phase", "reading"));
        ImportFile.Table table = ImportFile.read(up.content(), false);
        ImportColumns cols = ImportColumns.of(table.header());
        Areas areas = areas(up);
        long tRead = System.nanoTime();
        ctx.progress(8, Map.of("phase", "checking", "rows", table.rows().size()));

        List<Staged> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        int n = table.rows().size();
        for (int i = 0; i < n; i++) {
            ImportFile.Row row = table.rows().get(i);
            Staged s = check(row, cols, areas, today, errors, seen, up.communityId());
            if (s != null) {
                good.add(s);
            }
            if (i > 0 && i % 25_000 == 0) {
                ctx.progress(8 + 20 * i / n, Map.of("phase", "checking", "rows", n, "checked", i));
            }
        }
        // a resident registered outside the import area is not the importer's to move
        Map<String, Boolean> existing = existing(up, good);
        List<Staged> writable = new ArrayList<>();
        for (Staged s : good) {
            Boolean inside = existing.get(HexFormat.of().formatHex(s.idHmac()));
            if (Boolean.FALSE.equals(inside)) {
                errors.add(new RowError(s.line(), s.name(), "身份证号",
                        "this person is registered elsewhere in the community, outside the import area"));
            } else {
                writable.add(s);
            }
        }
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        long tCheck = System.nanoTime();
        saveErrors(uploadId, errors);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dryRun", dryRun);
        report.put("format", table.format().name());
        report.put("rows", n);
        report.put("valid", writable.size());
        report.put("invalid", errors.size());
        report.put("errorFile", "/api/v1/imports/" + ctx.id() + "/errors");
        report.put("errors", errors.stream().limit(100).map(e -> Map.of("line", e.line(), "field", e.field(),
                "message", e.message())).toList());
        report.put("readMs", (tRead - t0) / 1_000_000);
        report.put("checkMs", (tCheck - tRead) / 1_000_000);
        if (dryRun) {
            long matching = writable.stream().filter(s -> existing.containsKey(HexFormat.of().formatHex(s.idHmac())))
                    .count();
            report.put("wouldCreate", writable.size() - matching);
            report.put("wouldUpdateOrKeep", matching);
            return report;
        }
        ctx.progress(30, Map.of("phase", "writing", "rows", n, "written", 0));
        long[] totals = new long[3];
        Timings timings = new Timings();
        // encoding (encryption, hashes, masks, the COPY text) of the next chunk runs on a second thread while the
        // database writes the current one: the two halves of the work use the two cores
        ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "census-import-encoder");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<byte[]> next = encoder.submit(() -> encode(writable.subList(0, Math.min(writable.size(), chunk)),
                    timings));
            for (int from = 0; from < writable.size(); from += chunk) {
                int to = Math.min(writable.size(), from + chunk);
                long w0 = System.nanoTime();
                byte[] copy = await(next);
                timings.waitNs += System.nanoTime() - w0;
                if (to < writable.size()) {
                    List<Staged> following = writable.subList(to, Math.min(writable.size(), to + chunk));
                    next = encoder.submit(() -> encode(following, timings));
                }
                long[] t = write(copy, cols.has(Col.CATEGORIES), ctx.owner(), ctx.id(), timings);
                totals[0] += t[0];
                totals[1] += t[1];
                totals[2] += t[2];
                ctx.progress(30 + (int) (69L * to / Math.max(1, writable.size())),
                        Map.of("phase", "writing", "rows", n, "written", to));
            }
        } finally {
            encoder.shutdownNow();
        }
        report.put("writeMs", (System.nanoTime() - tCheck) / 1_000_000);
        report.put("writeDetailMs", timings.view());
        report.put("householdsCreated", totals[0]);
        report.put("created", totals[1]);
        report.put("updated", totals[2]);
        report.put("unchanged", writable.size() - totals[1] - totals[2]);
        return report;
    }

    // ---------- checking ----------

    record Areas(Map<String, UUID[]> compounds, Map<String, UUID> buildings) {
    }

    /** Compounds (by name and code) and buildings (by compound and name) below the import area. */
    Areas areas(Upload up) throws SQLException {
        Map<String, UUID[]> compounds = new HashMap<>();
        Map<String, UUID> buildings = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select n.id, n.kind, n.code, n.name, n.parent_id, p.parent_id from area_node n
                join area_node p on p.id = n.parent_id
                where n.kind in ('COMPOUND','BUILDING') and n.path like ?""")) {
            ps.setString(1, up.areaPath() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> bs = new ArrayList<>();
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (rs.getString(2).equals("COMPOUND")) {
                        UUID[] v = { id, rs.getObject(5, UUID.class) };
                        compounds.put(rs.getString(4), v);
                        compounds.put(rs.getString(3), v);
                    } else {
                        bs.add(new Object[] { id, rs.getString(4), rs.getObject(5, UUID.class), rs.getString(3) });
                    }
                }
                for (Object[] b : bs) {
                    buildings.put(b[2] + "|" + b[1], (UUID) b[0]);
                    buildings.put(b[2] + "|" + b[3], (UUID) b[0]);
                    String digits = ((String) b[1]).replaceAll("\\D", "");
                    if (!digits.isEmpty()) {
                        buildings.putIfAbsent(b[2] + "|#" + Integer.parseInt(digits), (UUID) b[0]);
                    }
                }
            }
        }
        return new Areas(compounds, buildings);
    }

    Staged check(ImportFile.Row row, ImportColumns cols, Areas areas, LocalDate today, List<RowError> errors,
            Map<String, Integer> seen, UUID communityId) {
        int before = errors.size();
        String name = cols.get(row, Col.NAME);
        if (name == null) {
            errors.add(new RowError(row.line(), null, "姓名", "the name is missing"));
        } else if (name.length() > 50) {
            errors.add(new RowError(row.line(), null, "姓名", "the name is longer than 50 characters"));
            name = null;
        }
        DocType type = DocType.MAINLAND_ID;
        String typeCell = cols.get(row, Col.ID_TYPE);
        if (typeCell != null) {
            type = docType(typeCell);
            if (type == null) {
                errors.add(new RowError(row.line(), name, "证件类型",
                        "unknown document type (居民身份证, 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证)"));
            }
        }
        String number = IdentityRules.normaliseDocument(cols.get(row, Col.ID_NUMBER));
        if (type != null) {
            for (String m : IdentityRules.documentProblems(type, number, today)) {
                errors.add(new RowError(row.line(), name, "身份证号", "ID number: " + m));
            }
        }
        String phone = null;
        String phoneCell = cols.get(row, Col.PHONE);
        if (phoneCell != null) {
            phone = IdentityRules.normalisePhone(phoneCell);
            if (phone == null) {
                errors.add(new RowError(row.line(), name, "联系电话", "phone: " + IdentityRules.phoneProblem(phoneCell)));
            }
        }
        String compound = cols.get(row, Col.COMPOUND);
        UUID[] comp = compound == null ? null : areas.compounds().get(compound);
        if (compound == null) {
            errors.add(new RowError(row.line(), name, "小区", "the compound (小区) is missing"));
        } else if (comp == null) {
            errors.add(new RowError(row.line(), name, "小区", "no compound of this name in the import area"));
        }
        UUID building = null;
        String b = cols.get(row, Col.BUILDING);
        if (b != null && comp != null) {
            building = areas.buildings().get(comp[0] + "|" + b);
            if (building == null) {
                String digits = b.replaceAll("\\D", "");
                if (!digits.isEmpty() && digits.length() < 6) {
                    building = areas.buildings().get(comp[0] + "|#" + Integer.parseInt(digits));
                }
            }
            if (building == null) {
                errors.add(new RowError(row.line(), name, "楼栋", "no building of this name in the compound"));
            }
        }
        String door = cols.get(row, Col.DOOR);
        if (door == null) {
            errors.add(new RowError(row.line(), name, "门牌号", "the door number (门牌号) is missing"));
        } else if (door.length() > 50) {
            errors.add(new RowError(row.line(), name, "门牌号", "the door number is longer than 50 characters"));
        }
        List<String> cats = new ArrayList<>();
        String catCell = cols.get(row, Col.CATEGORIES);
        if (catCell != null) {
            for (String part : CATEGORY_SEPARATORS.split(catCell)) {
                if (part.isBlank()) {
                    continue;
                }
                Resident.Category c = Resident.Category.parse(part);
                if (c == null) {
                    errors.add(new RowError(row.line(), name, "人员类别", "unknown category: " + part));
                } else if (!cats.contains(c.name())) {
                    cats.add(c.name());
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        byte[] hmac = pii.hmac(type.name(), number);
        String key = HexFormat.of().formatHex(hmac);
        Integer first = seen.putIfAbsent(key, row.line());
        if (first != null) {
            errors.add(new RowError(row.line(), name, "身份证号", "the same ID number is already on line " + first));
            return null;
        }
        String relation = cols.get(row, Col.RELATION);
        String returnee = cols.get(row, Col.RETURNEE_FROM);
        cats.sort(null);
        return new Staged(row.line(), communityId, comp[1], comp[0], building, building != null ? building : comp[0],
                door, name, type, number, hmac, phone, relation == null ? null : truncate(relation, 30),
                cols.has(Col.CATEGORIES) ? cats.toArray(String[]::new) : null,
                returnee == null ? null : truncate(returnee, 200));
    }

    static String truncate(String s, int n) {
        return s.length() > n ? s.substring(0, n) : s;
    }

    static DocType docType(String s) {
        String t = s.strip();
        if (t.contains("身份证")) {
            return DocType.MAINLAND_ID;
        }
        if (t.contains("护照")) {
            return DocType.PASSPORT;
        }
        if (t.contains("港澳")) {
            return DocType.HK_MACAU_PERMIT;
        }
        if (t.contains("台")) {
            return DocType.TAIWAN_PERMIT;
        }
        try {
            return DocType.valueOf(t.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------- database ----------

    Upload load(UUID uploadId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select u.community_id, u.area_id, a.path, u.content from import_upload u
                join area_node a on a.id = u.area_id where u.id = ?""")) {
            ps.setObject(1, uploadId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiProblem.notFound("Upload");
                }
                return new Upload(uploadId, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBytes(4));
            }
        }
    }

    /** hex(hmac) of residents already registered in the community, true when inside the import area. */
    Map<String, Boolean> existing(Upload up, List<Staged> rows) throws SQLException {
        Map<String, Boolean> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select r.id_hmac, a.path like ? from resident r join area_node a on a.id = r.area_id
                where r.community_id = ? and r.id_hmac in (select decode(x, 'hex') from unnest(cast(? as text[])) x)""")) {
            for (int from = 0; from < rows.size(); from += 10_000) {
                List<Staged> part = rows.subList(from, Math.min(rows.size(), from + 10_000));
                ps.setString(1, up.areaPath() + "%");
                ps.setObject(2, up.communityId());
                ps.setArray(3, c.createArrayOf("text",
                        part.stream().map(s -> HexFormat.of().formatHex(s.idHmac())).toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getBoolean(2));
                    }
                }
            }
        }
        return out;
    }

    void saveErrors(UUID uploadId, List<RowError> errors) throws SQLException, IOException {
        StringWriter w = new StringWriter();
        w.write('\uFEFF');
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("行号", "姓名", "列", "原因").get())) {
            for (RowError e : errors) {
                p.printRecord(e.line(), e.name(), e.field(), e.message());
            }
        }
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("update import_upload set errors_csv = ? where id = ?")) {
            ps.setString(1, w.toString());
            ps.setObject(2, uploadId);
            ps.executeUpdate();
        }
    }

    static final String STAGE = """
            create temp table import_stage (
              line int, community_id uuid, grid_cell_id uuid, compound_id uuid, building_id uuid, area_id uuid,
              door text, name text, id_type text, id_cipher text, id_hmac bytea, id_mask text, phone_cipher text,
              phone_hmac bytea, phone_mask text, sex text, birth_date date, relation text, categories text[],
              returnee_from text, new_id uuid, new_household_id uuid) on commit drop""";

    static final String HOUSEHOLDS = """
            with ins as (
              insert into household (id, community_id, grid_cell_id, compound_id, building_id, area_id, door_number,
                status, created_by, updated_by, created_at, updated_at)
              select s.new_household_id, s.community_id, s.grid_cell_id, s.compound_id, s.building_id, s.area_id, s.door,
                'OCCUPIED', ?, ?, now(), now()
              from (select distinct on (area_id, door) * from import_stage order by area_id, door) s
              order by s.area_id, s.door
              on conflict (area_id, door_number) do nothing
              returning id, community_id, area_id, door_number),
            hist as (
              insert into census_change (subject_type, subject_id, community_id, actor, action, changes)
              select 'HOUSEHOLD', id, community_id, ?, 'IMPORT',
                jsonb_build_object('areaId', area_id, 'doorNumber', door_number, 'importJob', cast(? as text)) from ins)
            select count(*) from ins""";

    static final String RESIDENTS = """
            with src as (
              select s.*, h.id as household_id from import_stage s
              join household h on h.area_id = s.area_id and h.door_number = s.door),
            old as (
              select r.id, r.household_id, r.name, r.phone_hmac, r.relation, r.categories, r.returnee_from
              from resident r join src on r.community_id = src.community_id and r.id_hmac = src.id_hmac),
            up as (
              insert into resident (id, community_id, grid_cell_id, area_id, household_id, name, id_type, id_cipher,
                id_hmac, id_mask, phone_cipher, phone_hmac, phone_mask, sex, birth_date, relation, categories,
                returnee_from, status, created_by, updated_by, created_at, updated_at)
              select new_id, community_id, grid_cell_id, area_id, household_id, name, id_type, id_cipher,
                id_hmac, id_mask, phone_cipher, phone_hmac, phone_mask, sex, birth_date, relation,
                coalesce(categories, '{}'), returnee_from, 'LIVING', ?, ?, now(), now()
              from src
              on conflict (community_id, id_hmac) where id_hmac is not null do update set
                household_id = excluded.household_id, area_id = excluded.area_id, grid_cell_id = excluded.grid_cell_id,
                name = excluded.name,
                phone_cipher = case when excluded.phone_hmac is null or excluded.phone_hmac = resident.phone_hmac
                                    then resident.phone_cipher else excluded.phone_cipher end,
                phone_hmac = coalesce(excluded.phone_hmac, resident.phone_hmac),
                phone_mask = coalesce(excluded.phone_mask, resident.phone_mask),
                relation = coalesce(excluded.relation, resident.relation),
                categories = case when ? then excluded.categories else resident.categories end,
                returnee_from = coalesce(excluded.returnee_from, resident.returnee_from),
                version = resident.version + 1, updated_by = excluded.updated_by, updated_at = now()
              where (resident.household_id, resident.name, resident.phone_hmac, resident.relation, resident.categories,
                     resident.returnee_from)
                is distinct from (excluded.household_id, excluded.name, coalesce(excluded.phone_hmac, resident.phone_hmac),
                     coalesce(excluded.relation, resident.relation),
                     case when ? then excluded.categories else resident.categories end,
                     coalesce(excluded.returnee_from, resident.returnee_from))
              returning id, community_id, (xmax = 0) as created, household_id, name, phone_hmac, categories),
            hist as (
              insert into census_change (subject_type, subject_id, community_id, actor, action, changes)
              select 'RESIDENT', up.id, up.community_id, ?, case when up.created then 'IMPORT_CREATE' else 'IMPORT_UPDATE' end,
                jsonb_strip_nulls(jsonb_build_object('importJob', cast(? as text),
                  'name', case when old.id is null then jsonb_build_object('new', up.name)
                               when old.name is distinct from up.name then jsonb_build_object('old', old.name, 'new', up.name) end,
                  'householdId', case when old.household_id is distinct from up.household_id
                               then jsonb_build_object('old', old.household_id, 'new', up.household_id) end,
                  'categories', case when old.categories is distinct from up.categories
                               then jsonb_build_object('old', old.categories, 'new', up.categories) end,
                  'idNumber', case when old.id is null then jsonb_build_object('changed', true) end,
                  'phone', case when old.phone_hmac is distinct from up.phone_hmac then jsonb_build_object('changed', true) end))
              from up left join old on old.id = up.id)
            select count(*) filter (where created), count(*) filter (where not created) from up""";

    /** Where the writing time goes (summed over chunks; encoding runs beside the database work). */
    static final class Timings {
        volatile long encodeNs;
        long waitNs, copyNs, householdsNs, residentsNs, commitNs;

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("encode", encodeNs / 1_000_000);
            m.put("waitForEncode", waitNs / 1_000_000);
            m.put("copy", copyNs / 1_000_000);
            m.put("households", householdsNs / 1_000_000);
            m.put("residents", residentsNs / 1_000_000);
            m.put("commit", commitNs / 1_000_000);
            return m;
        }
    }

    static byte[] await(Future<byte[]> f) throws SQLException, IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding the import");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("encoding the import failed", e.getCause());
        }
    }

    /**
     * Ids of new residents and households are time-ordered (UUID version 7): the rows of one import land at the
     * right-hand edge of the id indexes (and of the history's subject index) instead of on random pages of them.
     */
    static final UuidVersion7Strategy TIME_ORDERED = UuidVersion7Strategy.INSTANCE;

    /** The COPY text (CSV, UTF-8) of one chunk: ID numbers and phones encrypted, hashed and masked here. */
    byte[] encode(List<Staged> rows, Timings timings) throws IOException {
        long t0 = System.nanoTime();
        StringBuilder w = new StringBuilder(rows.size() * 400);
        HexFormat hex = HexFormat.of();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            for (Staged s : rows) {
                boolean mainland = s.idType() == DocType.MAINLAND_ID;
                p.printRecord(s.line(), s.communityId(), s.gridCellId(), s.compoundId(), s.buildingId(), s.areaId(),
                        s.door(), s.name(), s.idType().name(), pii.encrypt(s.idNumber()), "\\x" + hex.formatHex(s.idHmac()),
                        IdentityRules.maskDocument(s.idType(), s.idNumber()), pii.encrypt(s.phone()),
                        s.phone() == null ? null : "\\x" + hex.formatHex(pii.hmac("PHONE", s.phone())),
                        IdentityRules.maskPhone(s.phone()), mainland ? IdentityRules.sex(s.idNumber()) : null,
                        mainland ? IdentityRules.birthDate(s.idNumber()) : null, s.relation(),
                        s.categories() == null ? null : "{" + String.join(",", s.categories()) + "}", s.returneeFrom(),
                        TIME_ORDERED.generateUuid(null), TIME_ORDERED.generateUuid(null));
            }
        }
        byte[] out = w.toString().getBytes(StandardCharsets.UTF_8);
        timings.encodeNs += System.nanoTime() - t0;
        return out;
    }

    /**
     * One chunk in one transaction: [households created, residents created, residents updated]. A chunk whose
     * connection is lost (SQLState class 08: the database restarted, the network dropped, the socket timed out) is
     * written once more on a new connection instead of failing the whole import: a chunk is idempotent by the unique
     * keys, and its lost transaction either never committed or committed rows the second write finds unchanged.
     */
    long[] write(byte[] copy, boolean categories, String actor, UUID jobId, Timings timings)
            throws SQLException, IOException {
        return onceMoreIfConnectionLost(jobId, () -> writeOnce(copy, categories, actor, jobId, timings));
    }

    interface ChunkWrite {
        long[] run() throws SQLException, IOException;
    }

    static long[] onceMoreIfConnectionLost(UUID jobId, ChunkWrite write) throws SQLException, IOException {
        try {
            return write.run();
        } catch (SQLException e) {
            if (!connectionLost(e)) {
                throw e;
            }
            LOG.warnf("census import %s: a chunk lost its database connection (SQLState %s: %s); writing it again on a "
                    + "new connection", jobId, e.getSQLState(), e.getMessage());
            return write.run();
        }
    }

    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * How long a chunk's statements may keep the database silent. The pool's socketTimeout (20 s) is sized for API
     * requests; a chunk is batch work (5,000 upserts and their history), and on a busy database or disk it can take
     * longer without anything being wrong.
     */
    static final int CHUNK_NETWORK_TIMEOUT_MS = 120_000;

    private long[] writeOnce(byte[] copy, boolean categories, String actor, UUID jobId, Timings timings)
            throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            // the pool puts the connection's own timeout back when it returns (like autocommit)
            c.setNetworkTimeout(Runnable::run, CHUNK_NETWORK_TIMEOUT_MS);
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    // a chunk's commit does not wait for its WAL flush: a database crash can lose only chunks of a
                    // job that has not finished, which re-running redoes (ADR 0007); the job's own final commit is
                    // synchronous and, WAL being flushed in order, makes every chunk before it durable
                    st.execute("set local synchronous_commit = off");
                    st.execute(STAGE);
                }
                long t0 = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy import_stage from stdin (format csv)", new ByteArrayInputStream(copy));
                long t1 = System.nanoTime();
                timings.copyNs += t1 - t0;
                long households;
                try (PreparedStatement ps = c.prepareStatement(HOUSEHOLDS)) {
                    ps.setString(1, actor);
                    ps.setString(2, actor);
                    ps.setString(3, actor);
                    ps.setString(4, jobId.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        households = rs.getLong(1);
                    }
                }
                long t2 = System.nanoTime();
                timings.householdsNs += t2 - t1;
                long created, updated;
                try (Statement st = c.createStatement()) {
                    st.execute("analyze import_stage");
                }
                try (PreparedStatement ps = c.prepareStatement(RESIDENTS)) {
                    ps.setString(1, actor);
                    ps.setString(2, actor);
                    ps.setBoolean(3, categories);
                    ps.setBoolean(4, categories);
                    ps.setString(5, actor);
                    ps.setString(6, jobId.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        created = rs.getLong(1);
                        updated = rs.getLong(2);
                    }
                }
                long t3 = System.nanoTime();
                timings.residentsNs += t3 - t2;
                c.commit();
                timings.commitNs += System.nanoTime() - t3;
                return new long[] { households, created, updated };
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException lost) {
                    e.addSuppressed(lost); // the connection is gone: the first error says why
                }
                throw e;
            }
        }
    }

}
