package org.gridguard.census;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.gridguard.census.ImportRows.Staged;
import org.gridguard.job.JobHandler;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.jboss.logging.Logger;
import org.gridguard.common.Jdbc;
import org.postgresql.PGConnection;

/**
 * Writing the checked rows of an import (the path bench/census measures): in chunks, each one transaction: COPY into
 * a temporary table and two set-based upserts (households by door, residents by ID number in the community) with
 * their history. The encoding of the next chunk (encryption, hashes, masks, the COPY text) runs on a second thread
 * while the database writes the current one.
 */
@ApplicationScoped
public class ImportChunkWriter {

    private static final Logger LOG = Logger.getLogger(ImportChunkWriter.class);

    @Inject
    DataSource ds;
    @Inject
    PiiCipher pii;

    @ConfigProperty(name = "gridguard.census.import-chunk", defaultValue = "5000")
    int chunk;

    /** Rows written: households created, residents created, residents updated. */
    record Totals(long households, long created, long updated) {
    }

    /**
     * Writes every row, chunk by chunk, reporting progress (30 to 99 %) on {@code ctx}; {@code n} is the file's row
     * count, for the report.
     */
    Totals writeAll(List<Staged> writable, boolean categories, JobHandler.Context ctx, int n, Timings timings)
            throws SQLException, IOException {
        long[] totals = new long[3];
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
                long[] t = write(copy, categories, ctx.owner(), ctx.id(), timings);
                totals[0] += t[0];
                totals[1] += t[1];
                totals[2] += t[2];
                ctx.progress(30 + (int) (69L * to / Math.max(1, writable.size())),
                        Map.of("phase", "writing", "rows", n, "written", to));
            }
        } finally {
            encoder.shutdownNow();
        }
        return new Totals(totals[0], totals[1], totals[2]);
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
              select r.id, r.household_id, r.name, r.phone_hmac, r.relation, r.categories, r.returnee_from,
                     r.community_id as old_community_id, r.id_hmac as old_id_hmac
              from resident r join src on r.community_id = src.community_id and r.id_hmac = src.id_hmac),
            up as (
              insert into resident (id, community_id, grid_cell_id, area_id, household_id, name, id_type, id_cipher,
                id_hmac, id_mask, phone_cipher, phone_hmac, phone_mask, sex, birth_date, relation, categories,
                returnee_from, status, created_by, updated_by, created_at, updated_at)
              select src.new_id, src.community_id, src.grid_cell_id, src.area_id, src.household_id, src.name, src.id_type,
                src.id_cipher, src.id_hmac, src.id_mask, src.phone_cipher, src.phone_hmac, src.phone_mask, src.sex,
                src.birth_date, src.relation,
                -- a row with a label not understood (ImportRows.MERGE first) keeps what the person had, plus the known
                case when src.categories[1] = '+' then array(select distinct c from unnest(
                       array_remove(src.categories, '+') || coalesce(o.categories, '{}')) c order by c)
                     else coalesce(src.categories, '{}') end,
                src.returnee_from, 'LIVING', ?, ?, now(), now()
              from src left join old o on o.old_community_id = src.community_id and o.old_id_hmac = src.id_hmac
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
            LOG.warnf("census import %s: a chunk was not written (SQLState %s: %s); writing it again on a new connection",
                    jobId, e.getSQLState(), e.getMessage());
            return write.run();
        }
    }

    /**
     * The chunk wrote nothing and can be written again: its connection was lost (SQLState class 08), or the database
     * rolled it back because of a concurrent transaction (deadlock 40P01, serialization 40001; the household and
     * census triggers lock the households and areas a chunk touches). A chunk is idempotent.
     */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && (s.getSQLState().startsWith("08")
                    || "40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * How long a chunk's statements may run. The pool's statement and socket timeouts (5 s, 7 s) are sized for API
     * requests; a chunk is batch work (5,000 upserts and their history), and on a busy database or disk it can take
     * longer without anything being wrong.
     */
    static final java.time.Duration CHUNK_BUDGET = java.time.Duration.ofMinutes(2);

    private long[] writeOnce(byte[] copy, boolean categories, String actor, UUID jobId, Timings timings)
            throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            // batch work: longer statement and socket timeouts than an API request's, for this transaction (ADR 0030)
            Jdbc.allowLongWork(c, CHUNK_BUDGET);
            try {
                return chunk(c, copy, categories, actor, jobId, timings);
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

    /** The statements of one chunk, and its commit. */
    private static long[] chunk(Connection c, byte[] copy, boolean categories, String actor, UUID jobId,
            Timings timings) throws SQLException, IOException {
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
        long[] residents = residents(c, categories, actor, jobId);
        long t3 = System.nanoTime();
        timings.residentsNs += t3 - t2;
        c.commit();
        timings.commitNs += System.nanoTime() - t3;
        return new long[] { households, residents[0], residents[1] };
    }

    /** The residents' upsert of a staged chunk: [created, updated]. */
    private static long[] residents(Connection c, boolean categories, String actor, UUID jobId) throws SQLException {
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
                return new long[] { rs.getLong(1), rs.getLong(2) };
            }
        }
    }
}
