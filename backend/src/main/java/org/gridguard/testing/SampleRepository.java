package org.gridguard.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.testing.TestingViews.NewSample;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.SampleKind;
import org.gridguard.testing.TestingViews.SampleView;

/**
 * The registration hot path's two statements (ADR 0020, docs/PERFORMANCE.md): one read of everything the rules of a
 * registration look at, one data-modifying write. Raw JDBC on the caller's connection, as measured; the caller's
 * reach is applied here to what is read: a round they may not see is not there, nor are the people out of their
 * reach.
 */
@ApplicationScoped
public class SampleRepository {

    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;

    /** The round as the sampling rules need it. */
    record RoundSeen(UUID id, RoundStatus status, int poolSize, Instant samplingFrom, List<String> scopePaths,
            List<String> labs) {
    }

    /** A resident (or, with a null id, a visitor) with the path of their area. */
    record Person(UUID residentId, String name, UUID householdId, UUID cellId, UUID communityId, String areaPath,
            String status) {
    }

    /**
     * The pool of the barcode as it stands, with what decides who may add to it (ADR 0028): the path of its place
     * (its cell, else its area node; null while a pool opened without a place is empty), its site if it is a central
     * site's pool, the path of the area that site serves (the grid cell on the site's path, else the site's node), and
     * who opened it.
     */
    record Pool(UUID id, UUID communityId, UUID cellId, String status, int capacity, int members, String placePath,
            UUID siteId, String servedPath, String openedBy) {
    }

    record Earlier(UUID residentId, UUID tubeId, String kind) {
    }

    /**
     * What the rules of one registration look at, read in one statement: the round (null when the caller may not see
     * it), the people named that the caller covers, their samples in the round, the pool of the barcode, the sample
     * of the client id.
     */
    static final class Seen {
        RoundSeen round;
        final List<Person> people = new ArrayList<>();
        final List<Earlier> earlier = new ArrayList<>();
        Pool tube;
        SampleView prior;
    }

    /** What to write (or the earlier registration to answer again). */
    record Write(SampleView replay, UUID id, UUID roundId, String barcode, Person person, SampleKind kind, String flag,
            Instant sampledAt, Instant now, UUID newTubeId, int capacity, UUID tubeCommunity, UUID tubeCell,
            UUID tubeArea, UUID siteId, String phoneMask, String phoneCipher) {
    }

    /** How many columns every arm of {@link #READ} has. */
    static final int READ_WIDTH = 18;
    /** Where the caller's scopes start in an 'S' row: right after the tag. */
    static final int SCOPES_AT = 2;

    /**
     * One statement, tagged rows: the round ('R'); the person ('P': by id, or the holders of the ID number in the
     * caller's communities) and their samples in the round ('E'); the pool of the barcode ('T'); a sample with the
     * client id ('X'); and the caller's scopes ('S', {@link #WITH_SCOPES}) if this request has not read them. Every
     * arm has {@link #READ_WIDTH} columns; the scopes' columns start at {@link #SCOPES_AT}, so columns 2–9 of the
     * other arms keep the types of {@link Jurisdiction#SCOPES_ARM}'s (uuid, uuid, text, uuid, text, text, text,
     * text). {@code %s} is the person's lookup. {@code SampleRepositoryShapeTest} counts the columns of every arm.
     */
    static final String READ = """
            with p as (
              select r.id, r.community_id, a.path, r.household_id, r.name, r.status, r.grid_cell_id
              from census_resident r join area_node a on a.id = r.area_id where %s)
            select 'R', r.id, cast(null as uuid), r.status, cast(null as uuid), cast(null as text), cast(null as text),
              cast(null as text), cast(null as text), cast(null as uuid), cast(null as uuid), cast(null as text),
              r.pool_size, cast(null as int), r.sampling_from, cast(null as boolean), r.scope_paths, r.labs
            from test_round r where r.id = ?
            union all
            select 'P', p.id, p.community_id, p.path, p.household_id, p.name, p.status, null, null, p.grid_cell_id, null,
              null, null, null, null, null, null, null
            from p
            union all
            select 'E', s.tube_id, null, null, null, null, s.kind, null, null, s.resident_id, null, null, null, null, null,
              null, null, null
            from test_sample s where s.round_id = ? and s.resident_id in (select id from p)
            union all
            select 'T', t.id, t.community_id,
              (select n.path from area_node n where n.id = coalesce(t.grid_cell_id, t.area_id)), t.site_id,
              (select coalesce((select g.path from area_node g where g.kind = 'GRID_CELL'
                   and g.community_id = n.community_id and n.path like g.path || '%%'), n.path)
                 from test_site ts join area_node n on n.id = ts.area_id where ts.id = t.site_id),
              t.status, t.opened_by, null, t.grid_cell_id, null, null, t.capacity, t.members, null, null, null, null
            from test_tube t where t.round_id = ? and t.barcode = ?
            union all
            select 'X', s.id, s.round_id, t.barcode, s.tube_id, coalesce(r.name, s.visitor_name), s.kind, s.flag_reason,
              s.sampled_by, s.resident_id, s.household_id, t.status, t.capacity, t.members, s.sampled_at, s.flagged,
              null, null
            from test_sample s join test_tube t on t.id = s.tube_id left join census_resident r on r.id = s.resident_id
            where s.id = ?""";
    static final String BY_ID = "r.id = ?";
    static final String BY_NUMBER = "r.id_hmac = ?";
    /** The index is (community_id, id_hmac): the caller's communities first (the rows still pass covers()). */
    static final String BY_NUMBER_IN_MY_COMMUNITIES = BY_NUMBER + " and r.community_id in ("
            + Jurisdiction.COMMUNITIES_OF_SCOPES + ")";

    /**
     * The caller's scopes as the last arm of {@link #READ}: the tag, {@link Jurisdiction#SCOPES_ARM}'s columns from
     * {@link #SCOPES_AT}, nulls up to {@link #READ_WIDTH}. Padded from {@link Jurisdiction#SCOPES_ARM_WIDTH}, not by
     * hand; read back with {@link Jurisdiction#scope}{@code (rs, SCOPES_AT)}.
     */
    static final String WITH_SCOPES = "\nunion all\nselect 'S', s.*"
            + ", null".repeat(READ_WIDTH - (SCOPES_AT - 1) - Jurisdiction.SCOPES_ARM_WIDTH) + " from ("
            + Jurisdiction.SCOPES_ARM + ") as s";

    /** Reads what a registration's rules look at; {@code idHmac} is the person's lookup key when named by number. */
    Seen read(Db db, UUID roundId, NewSample req, byte[] idHmac) {
        boolean byNumber = idHmac != null;
        boolean global = jurisdiction.isGlobal();
        boolean withScopes = jurisdiction.unread();
        String sql = READ.formatted(!byNumber ? BY_ID : global ? BY_NUMBER : BY_NUMBER_IN_MY_COMMUNITIES)
                + (withScopes ? WITH_SCOPES : "");
        String barcode = req.barcode() == null ? null : req.barcode().strip();
        List<Jurisdiction.Scope> scopes = new ArrayList<>();
        Seen seen = db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (byNumber) {
                    ps.setBytes(i++, idHmac);
                    if (!global) {
                        jurisdiction.bind(ps, i);
                        i += 2;
                    }
                } else {
                    ps.setObject(i++, req.residentId(), Types.OTHER);
                }
                ps.setObject(i++, roundId, Types.OTHER);
                ps.setObject(i++, roundId, Types.OTHER);
                ps.setObject(i++, roundId, Types.OTHER);
                ps.setString(i++, barcode);
                ps.setObject(i++, req.id(), Types.OTHER);
                if (withScopes) {
                    jurisdiction.bind(ps, i);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rows(rs, scopes);
                }
            }
        });
        if (withScopes) {
            jurisdiction.use(scopes);
        }
        return inReach(seen);
    }

    /** The tagged rows of {@link #READ}; the caller's scopes ('S') go to {@code scopes}. */
    private static Seen rows(ResultSet rs, List<Jurisdiction.Scope> scopes) throws SQLException {
        Seen seen = new Seen();
        while (rs.next()) {
            switch (rs.getString(1)) {
                case "R" -> seen.round = new RoundSeen(uuid(rs, 2), RoundStatus.valueOf(rs.getString(4)),
                        rs.getInt(13), instant(rs, 15), List.of((String[]) rs.getArray(17).getArray()),
                        List.of((String[]) rs.getArray(18).getArray()));
                case "P" -> seen.people.add(new Person(uuid(rs, 2), rs.getString(6), uuid(rs, 5),
                        uuid(rs, 10), uuid(rs, 3), rs.getString(4), rs.getString(7)));
                case "E" -> seen.earlier.add(new Earlier(uuid(rs, 10), uuid(rs, 2), rs.getString(7)));
                case "T" -> seen.tube = new Pool(uuid(rs, 2), uuid(rs, 3), uuid(rs, 10), rs.getString(7),
                        rs.getInt(13), rs.getInt(14), rs.getString(4), uuid(rs, 5), rs.getString(6), rs.getString(8));
                case "X" -> seen.prior = new SampleView(uuid(rs, 2), uuid(rs, 3), uuid(rs, 5),
                        rs.getString(4), uuid(rs, 10), rs.getString(6), uuid(rs, 11),
                        SampleKind.valueOf(rs.getString(7)), rs.getBoolean(16), rs.getString(8),
                        instant(rs, 15), rs.getString(9), rs.getInt(14), rs.getInt(13), rs.getString(12));
                default -> scopes.add(Jurisdiction.scope(rs, SCOPES_AT));
            }
        }
        return seen;
    }

    /** The caller's reach on what was read: the round if they may see it, the people they cover. */
    private Seen inReach(Seen seen) {
        RoundSeen r = seen.round;
        if (r != null && !rounds.visible(r.scopePaths(), r.labs())) {
            seen.round = null;
        }
        seen.people.removeIf(p -> !jurisdiction.covers(p.areaPath()));
        return seen;
    }

    private static UUID uuid(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, UUID.class);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * The write, one statement: the pool of the barcode is opened with this sample or gets one more member — only
     * while it is OPEN and has room, re-checked on the row as it stands (the upsert locks it) — the sample row goes in
     * (its primary key and test_sample_person_in_tube decide between concurrent registrations), the coverage of the
     * sample is marked for refresh, and a re-test sample does the person's open re-test task. It answers the pool as
     * it now stands; no row when the pool is full or closed.
     */
    static final String WRITE = """
            with t as (
              insert into test_tube as t (id, round_id, barcode, community_id, grid_cell_id, area_id, site_id, capacity,
                members, status, opened_by, opened_at, closed_at, version)
              values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 1)
              on conflict (round_id, barcode) do update set members = t.members + 1, version = t.version + 1,
                community_id = coalesce(t.community_id, ?), grid_cell_id = coalesce(t.grid_cell_id, ?),
                status = case when t.members + 1 >= t.capacity then 'CLOSED' else t.status end,
                closed_at = case when t.members + 1 >= t.capacity then excluded.opened_at else t.closed_at end
              where t.status = 'OPEN' and t.members < t.capacity
              returning t.id, t.capacity, t.members, t.status, t.community_id, t.grid_cell_id
            ), s as (
              insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, household_id, resident_id,
                visitor_name, visitor_phone_mask, visitor_phone_cipher, kind, flagged, flag_reason, sampled_at, sampled_by,
                created_at)
              select ?, ?, t.id, coalesce(?, t.community_id), coalesce(?, t.grid_cell_id), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
              from t
              returning id, round_id, grid_cell_id, resident_id, kind
            ), dirty as (
              -- coverage: the one place a registration queues what the rollup recounts, with the new sample
              -- (ADR 0019; visitors are not counted)
              insert into test_dirty_person as d (round_id, resident_id, sample_id)
              select round_id, resident_id, id from s where resident_id is not null %s
            ), retest as (
              update test_task k set status = 'DONE', done_by = ?, done_at = ?, updated_at = ?, version = k.version + 1
              from s where s.kind = 'RETEST' and k.round_id = s.round_id and k.resident_id = s.resident_id
                and k.kind = 'RETEST' and k.status = 'OPEN'
            )
            select id, capacity, members, status from t""".formatted(CoverageRollup.AGAIN_PERSON);

    /**
     * A write that lost a race (unique violation: a concurrent registration of the same client id or of the person
     * in the pool; not-null: a visitor's pool opened concurrently without a place; deadlock or serialization failure)
     * wrote nothing: its statement is its own transaction.
     */
    static final Set<String> LOST = Set.of("23505", "23502", "40P01", "40001");

    /** Writes the registration; null when it lost to what changed since the read (read again and decide again). */
    SampleView write(Db db, Write w) {
        Person p = w.person();
        OffsetDateTime now = OffsetDateTime.ofInstant(w.now(), ZoneOffset.UTC);
        return db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(WRITE)) {
                boolean closes = w.capacity() <= 1;
                // the pool as it opens with this sample
                ps.setObject(1, w.newTubeId(), Types.OTHER);
                ps.setObject(2, w.roundId(), Types.OTHER);
                ps.setString(3, w.barcode());
                ps.setObject(4, w.tubeCommunity(), Types.OTHER);
                ps.setObject(5, w.tubeCell(), Types.OTHER);
                ps.setObject(6, w.tubeArea(), Types.OTHER);
                ps.setObject(7, w.siteId(), Types.OTHER);
                ps.setInt(8, w.capacity());
                ps.setString(9, closes ? "CLOSED" : "OPEN");
                ps.setString(10, caller.name());
                ps.setObject(11, now);
                ps.setObject(12, closes ? now : null, Types.TIMESTAMP_WITH_TIMEZONE);
                // or one more member of it
                ps.setObject(13, p.communityId(), Types.OTHER);
                ps.setObject(14, p.cellId(), Types.OTHER);
                // the sample
                ps.setObject(15, w.id(), Types.OTHER);
                ps.setObject(16, w.roundId(), Types.OTHER);
                ps.setObject(17, p.communityId(), Types.OTHER);
                ps.setObject(18, p.cellId(), Types.OTHER);
                ps.setObject(19, p.householdId(), Types.OTHER);
                ps.setObject(20, p.residentId(), Types.OTHER);
                ps.setString(21, p.residentId() == null ? p.name() : null);
                ps.setString(22, w.phoneMask());
                ps.setString(23, w.phoneCipher());
                ps.setString(24, w.kind().name());
                ps.setBoolean(25, w.flag() != null);
                ps.setString(26, w.flag());
                ps.setObject(27, OffsetDateTime.ofInstant(w.sampledAt(), ZoneOffset.UTC));
                ps.setString(28, caller.name());
                ps.setObject(29, now);
                // the re-test task it does
                ps.setString(30, caller.name());
                ps.setObject(31, now);
                ps.setObject(32, now);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    // the answer is what was just written (no read-back, ADR 0015)
                    return new SampleView(w.id(), w.roundId(), uuid(rs, 1), w.barcode(), p.residentId(), p.name(),
                            p.householdId(), w.kind(), w.flag() != null, w.flag(), w.sampledAt(), caller.name(),
                            rs.getInt(3), rs.getInt(2), rs.getString(4));
                }
            } catch (SQLException e) {
                if (!LOST.contains(e.getSQLState())) {
                    throw e;
                }
                if (!c.getAutoCommit()) {
                    // in a transaction (Idempotency-Key) the failed statement ended it: the client sends it again
                    throw ApiProblem.conflict("This sample raced with another registration of the same pool; send it again");
                }
                return null;
            }
        });
    }
}
