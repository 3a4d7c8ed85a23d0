package org.gridguard.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.census.Resident;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.common.Problem;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.testing.TestingViews.NewSample;
import org.gridguard.testing.TestingViews.NewTube;
import org.gridguard.testing.TestingViews.ResultHistory;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.SampleKind;
import org.gridguard.testing.TestingViews.SampleView;
import org.gridguard.testing.TestingViews.TubeMember;
import org.gridguard.testing.TestingViews.TubeView;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sampling registration: a tube (pool) per barcode, unique in its round, filled with people until it is full or
 * closed by hand. A person's second ordinary sample in a round is stored flagged, never silently duplicated;
 * re-test (单采) and make-up (补检) samples are legitimate. Client ids make every registration safe to retry.
 */
@ApplicationScoped
public class SamplingService {

    static final Pattern BARCODE = Pattern.compile("[A-Za-z0-9-]{4,64}");
    public static final String FLAG_SECOND_SAMPLE = "SECOND_ORDINARY_SAMPLE";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;
    @Inject
    PiiCipher pii;
    @Inject
    Jdbc jdbc;

    static String barcode(String raw) {
        String b = raw == null ? "" : raw.strip();
        if (!BARCODE.matcher(b).matches()) {
            throw ApiProblem.invalid("barcode", "must be 4 to 64 letters, digits or dashes");
        }
        return b;
    }

    record Tube(UUID id, UUID roundId, String barcode, UUID communityId, UUID cellId, UUID areaId, UUID siteId,
            int capacity, int members, String status, String openedBy) {
    }

    private Tube tube(UUID roundId, String barcode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, round_id, barcode, community_id, grid_cell_id, area_id, site_id, capacity, members, status, opened_by
                from test_tube where round_id = ?1 and barcode = ?2""")
                .setParameter(1, roundId).setParameter(2, barcode).getResultList();
        return rows.stream().findFirst().map(x -> new Tube((UUID) x[0], (UUID) x[1], (String) x[2], (UUID) x[3],
                (UUID) x[4], (UUID) x[5], (UUID) x[6], ((Number) x[7]).intValue(), ((Number) x[8]).intValue(),
                (String) x[9], (String) x[10])).orElse(null);
    }

    /** Where a pool is taken: an area node the caller covers, and the grid cell on its path if it has one. */
    record Place(UUID id, UUID communityId, String path, UUID cellId) {
    }

    /**
     * The place of a new pool: the site's area, or the area node given (which the caller must cover), in one
     * statement; null when neither is given.
     */
    private Place place(Db db, UUID roundId, UUID siteId, UUID areaId) {
        if (siteId == null && areaId == null) {
            return null;
        }
        Object[] row = db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.id, n.id, n.community_id, n.path,
                      (select g.id from area_node g where g.kind = 'GRID_CELL'
                         and g.id = any(cast(string_to_array(trim(both '/' from n.path), '/') as uuid[])))
                    from (select cast(? as uuid) as site_id, cast(? as uuid) as area_id) q
                      left join test_site s on s.id = q.site_id and s.round_id = ?
                      left join area_node n on n.id = coalesce(q.area_id, s.area_id)""")) {
                ps.setObject(1, siteId, Types.OTHER);
                ps.setObject(2, areaId, Types.OTHER);
                ps.setObject(3, roundId, Types.OTHER);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class) };
                }
            }
        });
        if (siteId != null && row[0] == null) {
            throw ApiProblem.invalid("siteId", "is not a site of this round");
        }
        if (row[1] == null || !jurisdiction.covers((String) row[3])) {
            throw ApiProblem.notFound("Area node");
        }
        return new Place((UUID) row[1], (UUID) row[2], (String) row[3], (UUID) row[4]);
    }

    // ---------- tubes ----------

    @Transactional
    public Idempotency.Outcome<TubeView> open(UUID roundId, NewTube req) {
        Round r = rounds.sampling(roundId);
        String code = barcode(req.barcode());
        int capacity = req.capacity() == null ? r.poolSize() : req.capacity();
        if (capacity < 1 || capacity > r.poolSize()) {
            throw ApiProblem.invalid("capacity", "must be between 1 and the round's pool size " + r.poolSize());
        }
        Place place = place(jdbc::inTransaction, r.id(), req.siteId(), req.areaId());
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        Tube existing = tube(roundId, code);
        if (existing != null) {
            if (existing.id().equals(id)) {
                return new Idempotency.Outcome<>(view(roundId, id), id, true);
            }
            throw duplicateBarcode(existing);
        }
        int n = insertTube(r, id, code, capacity, place, req.siteId());
        if (n == 0) {
            Tube t = tube(roundId, code);
            if (t != null && t.id().equals(id)) {
                return new Idempotency.Outcome<>(view(roundId, id), id, true);
            }
            throw t != null ? duplicateBarcode(t) : ApiProblem.conflict("A tube with this id already exists");
        }
        return new Idempotency.Outcome<>(view(roundId, id), id, false);
    }

    private static ApiProblem duplicateBarcode(Tube t) {
        return new ApiProblem(409, "duplicate-barcode", "Duplicate barcode",
                "This barcode is already a pool of this round", null, java.util.Map.of("tubeId", t.id()), null);
    }

    private int insertTube(Round r, UUID id, String code, int capacity, Place place, UUID siteId) {
        return em.createNativeQuery("""
                insert into test_tube (id, round_id, barcode, community_id, grid_cell_id, area_id, site_id, capacity,
                  members, status, opened_by, opened_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, 'OPEN', ?9, ?10)
                on conflict do nothing""")
                .setParameter(1, id).setParameter(2, r.id()).setParameter(3, code)
                .setParameter(4, place == null ? null : place.communityId()).setParameter(5, place == null ? null : place.cellId())
                .setParameter(6, place == null ? null : place.id()).setParameter(7, siteId).setParameter(8, capacity)
                .setParameter(9, caller.name()).setParameter(10, clock.instant()).executeUpdate();
    }

    /** Closes a pool by hand (fewer people than its capacity). Closing a closed pool is a no-op. */
    @Transactional
    public TubeView close(UUID roundId, UUID tubeId) {
        rounds.sampling(roundId);
        TubeView t = view(roundId, tubeId);
        if (t.members() == 0) {
            throw ApiProblem.conflict("An empty pool cannot be closed; add people first");
        }
        em.createNativeQuery("""
                update test_tube set status = 'CLOSED', closed_at = ?3, version = version + 1
                where id = ?1 and round_id = ?2 and status = 'OPEN'""")
                .setParameter(1, tubeId).setParameter(2, roundId).setParameter(3, clock.instant()).executeUpdate();
        return view(roundId, tubeId);
    }

    // ---------- samples ----------

    /**
     * One registration (ADR 0020): one statement reads everything its rules look at, one data-modifying statement
     * writes it all or nothing. Without an Idempotency-Key it runs outside any transaction, on one pooled connection
     * (each statement commits by itself); with a key it runs in the key's transaction.
     */
    public Idempotency.Outcome<SampleView> register(UUID roundId, NewSample req) {
        return QuarkusTransaction.isActive() ? add(jdbc::inTransaction, roundId, req)
                : jdbc.autocommitted(db -> add(db, roundId, req));
    }

    /**
     * Offline queues: each item on its own, through the path of a single registration; one bad item never loses the
     * good ones. Each item is one atomic write, so a batch cut short (a lost connection) has written a prefix of its
     * items, and sending it again answers them DUPLICATE.
     */
    public BatchResult batch(UUID roundId, List<NewSample> items) {
        return jdbc.autocommitted(db -> {
            sampling(read(db, roundId, EMPTY, null));
            List<BatchResult.Item> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                NewSample s = items.get(i);
                try {
                    if (s == null || s.barcode() == null) {
                        throw ApiProblem.invalid("barcode", "must not be blank");
                    }
                    var o = add(db, roundId, s);
                    out.add(new BatchResult.Item(i, o.id(), o.replayed() ? BatchResult.Status.DUPLICATE
                            : BatchResult.Status.CREATED, List.of()));
                } catch (ApiProblem p) {
                    List<Problem.FieldError> errors = p.errors.isEmpty()
                            ? List.of(new Problem.FieldError(p.type, p.getMessage()))
                            : p.errors;
                    out.add(new BatchResult.Item(i, s == null ? null : s.id(), BatchResult.Status.REJECTED, errors));
                }
            }
            return BatchResult.of(out);
        });
    }

    private static final NewSample EMPTY = new NewSample(null, null, null, null, null, null, null, null, null, null);

    /**
     * Read, decide, write. The write re-checks what may have changed since the read (the pool's room and state, the
     * client id, the person in the pool) in the same statement; if it lost a race, what happened is read again and
     * decided by the same rules: a replay, pool-full, already-in-pool.
     */
    private Idempotency.Outcome<SampleView> add(Db db, UUID roundId, NewSample req) {
        byte[] idHmac = idHmac(req);
        for (int attempt = 1;; attempt++) {
            Seen seen = read(db, roundId, req, idHmac);
            Write w = decide(db, seen, req);
            if (w.replay() != null) {
                return new Idempotency.Outcome<>(w.replay(), w.replay().id(), true);
            }
            SampleView written = write(db, w);
            if (written != null) {
                return new Idempotency.Outcome<>(written, written.id(), false);
            }
            if (attempt == 3) {
                throw ApiProblem.conflict("The pool changed while this sample was being registered; send it again");
            }
        }
    }

    /** The keyed hash of a valid ID number (the lookup key), else null: the rules reject a bad number in their turn. */
    private byte[] idHmac(NewSample req) {
        if (req.residentId() != null || req.idNumber() == null || req.idNumber().isBlank()) {
            return null;
        }
        DocType type = req.idType() == null ? DocType.MAINLAND_ID : req.idType();
        String n = IdentityRules.normaliseDocument(req.idNumber());
        return IdentityRules.documentProblems(type, n, LocalDate.now(clock)).isEmpty() ? pii.hmac(type.name(), n) : null;
    }

    /** The round as the sampling rules need it. */
    record RoundSeen(UUID id, RoundStatus status, int poolSize, Instant samplingFrom, List<String> scopePaths,
            List<String> labs) {
    }

    /** A resident (or, with a null id, a visitor) with the path of their area. */
    record Person(UUID residentId, String name, UUID householdId, UUID cellId, UUID communityId, String areaPath,
            String status) {
    }

    /** The pool of the barcode as it stands. */
    record Pool(UUID id, UUID communityId, UUID cellId, String status, int capacity, int members) {
    }

    record Earlier(UUID residentId, UUID tubeId, String kind) {
    }

    /** What the rules of one registration look at, read in one statement. */
    static final class Seen {
        RoundSeen round;
        final List<Person> people = new ArrayList<>();
        final List<Earlier> earlier = new ArrayList<>();
        Pool tube;
        SampleView prior;
    }

    /**
     * One statement, tagged rows: the round ('R'); the person ('P': by id, or the holders of the ID number in the
     * caller's communities) and their samples in the round ('E'); the pool of the barcode ('T'); a sample with the
     * client id ('X'); and the caller's scopes ('S', {@link #WITH_SCOPES}) if this request has not read them. The
     * columns 2–9 line up with {@link Jurisdiction#SCOPES_ARM}. {@code %s} is the person's lookup.
     */
    static final String READ = """
            with p as (
              select r.id, r.community_id, a.path, r.household_id, r.name, r.status, r.grid_cell_id
              from resident r join area_node a on a.id = r.area_id where %s)
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
            select 'T', t.id, t.community_id, null, null, null, t.status, null, null, t.grid_cell_id, null, null,
              t.capacity, t.members, null, null, null, null
            from test_tube t where t.round_id = ? and t.barcode = ?
            union all
            select 'X', s.id, s.round_id, t.barcode, s.tube_id, coalesce(r.name, s.visitor_name), s.kind, s.flag_reason,
              s.sampled_by, s.resident_id, s.household_id, t.status, t.capacity, t.members, s.sampled_at, s.flagged,
              null, null
            from test_sample s join test_tube t on t.id = s.tube_id left join resident r on r.id = s.resident_id
            where s.id = ?""";
    static final String BY_ID = "r.id = ?";
    static final String BY_NUMBER = "r.id_hmac = ?";
    /** The index is (community_id, id_hmac): the caller's communities first (the rows still pass covers()). */
    static final String BY_NUMBER_IN_MY_COMMUNITIES = BY_NUMBER + " and r.community_id in ("
            + Jurisdiction.COMMUNITIES_OF_SCOPES + ")";
    static final String WITH_SCOPES = """

            union all
            select 'S', s.*, null, null, null, null, null, null, null, null, null from (%s) as s"""
            .formatted(Jurisdiction.SCOPES_ARM);

    private Seen read(Db db, UUID roundId, NewSample req, byte[] idHmac) {
        boolean byNumber = idHmac != null;
        boolean global = jurisdiction.isGlobal();
        boolean withScopes = jurisdiction.unread();
        String sql = READ.formatted(!byNumber ? BY_ID : global ? BY_NUMBER : BY_NUMBER_IN_MY_COMMUNITIES)
                + (withScopes ? WITH_SCOPES : "");
        String barcode = req.barcode() == null ? null : req.barcode().strip();
        return db.run(c -> {
            Seen seen = new Seen();
            List<Jurisdiction.Scope> scopes = new ArrayList<>();
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
                    while (rs.next()) {
                        switch (rs.getString(1)) {
                            case "R" -> seen.round = new RoundSeen(uuid(rs, 2), RoundStatus.valueOf(rs.getString(4)),
                                    rs.getInt(13), instant(rs, 15), List.of((String[]) rs.getArray(17).getArray()),
                                    List.of((String[]) rs.getArray(18).getArray()));
                            case "P" -> seen.people.add(new Person(uuid(rs, 2), rs.getString(6), uuid(rs, 5),
                                    uuid(rs, 10), uuid(rs, 3), rs.getString(4), rs.getString(7)));
                            case "E" -> seen.earlier.add(new Earlier(uuid(rs, 10), uuid(rs, 2), rs.getString(7)));
                            case "T" -> seen.tube = new Pool(uuid(rs, 2), uuid(rs, 3), uuid(rs, 10), rs.getString(7),
                                    rs.getInt(13), rs.getInt(14));
                            case "X" -> seen.prior = new SampleView(uuid(rs, 2), uuid(rs, 3), uuid(rs, 5),
                                    rs.getString(4), uuid(rs, 10), rs.getString(6), uuid(rs, 11),
                                    SampleKind.valueOf(rs.getString(7)), rs.getBoolean(16), rs.getString(8),
                                    instant(rs, 15), rs.getString(9), rs.getInt(14), rs.getInt(13), rs.getString(12));
                            default -> scopes.add(Jurisdiction.scope(rs, 2));
                        }
                    }
                }
            }
            if (withScopes) {
                jurisdiction.use(scopes);
            }
            return seen;
        });
    }

    private static UUID uuid(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, UUID.class);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The round in reach and taking samples, else 404/409. */
    private RoundSeen sampling(Seen seen) {
        RoundSeen r = seen.round;
        if (r == null || !rounds.visible(r.scopePaths(), r.labs())) {
            throw ApiProblem.notFound("Test round");
        }
        if (r.status() != RoundStatus.SAMPLING) {
            throw RoundRepository.notSampling(r.status());
        }
        return r;
    }

    /** What to write (or the earlier registration to answer again). */
    record Write(SampleView replay, UUID id, UUID roundId, String barcode, Person person, SampleKind kind, String flag,
            Instant sampledAt, Instant now, UUID newTubeId, int capacity, UUID tubeCommunity, UUID tubeCell,
            UUID tubeArea, UUID siteId, String phoneMask, String phoneCipher) {
    }

    /** Every rule of a registration, in one place, on what was read. Nothing is written before they all pass. */
    private Write decide(Db db, Seen seen, NewSample req) {
        RoundSeen r = sampling(seen);
        String code = barcode(req.barcode());
        SampleKind kind = req.kind() == null ? SampleKind.ORDINARY : req.kind();
        Instant now = clock.instant();
        // stored with microseconds: the answer built from what is written equals what a replay reads back
        Instant at = (req.sampledAt() == null ? now : req.sampledAt()).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(Duration.ofMinutes(10)))) {
            throw ApiProblem.invalid("sampledAt", "is in the future");
        }
        if (at.isBefore(r.samplingFrom().minus(Duration.ofDays(1)))) {
            throw ApiProblem.invalid("sampledAt", "is before the round's sampling window");
        }
        int ways = (req.residentId() != null ? 1 : 0) + (req.idNumber() != null && !req.idNumber().isBlank() ? 1 : 0)
                + (req.visitor() != null ? 1 : 0);
        if (ways != 1) {
            throw ApiProblem.invalid("residentId", "name the person exactly one way: residentId, idNumber or visitor");
        }
        // a replayed client id answers the first registration again
        SampleView prior = seen.prior;
        if (prior != null) {
            if (prior.roundId().equals(r.id()) && prior.barcode().equals(code)
                    && (req.residentId() == null || req.residentId().equals(prior.residentId()))) {
                return new Write(prior, null, null, null, null, null, null, null, null, null, 0, null, null, null, null,
                        null, null);
            }
            throw ApiProblem.unprocessable("id-reused", "This sample id was already used for another registration");
        }
        Person person = person(seen, req);
        Pool t = seen.tube;
        UUID tubeCommunity = null, tubeCell = null, tubeArea = null;
        if (t == null) {
            // the pool opens with this sample: at the site or area given, else in the resident's cell
            Place place = place(db, r.id(), req.siteId(), req.areaId());
            if (place != null) {
                tubeArea = place.id();
                tubeCommunity = place.communityId() != null ? place.communityId() : person.communityId();
                tubeCell = place.cellId() != null ? place.cellId() : person.cellId();
            } else if (person.residentId() != null) {
                tubeArea = person.cellId();
                tubeCommunity = person.communityId();
                tubeCell = person.cellId();
            }
        } else if (t.members() >= t.capacity()) {
            throw poolFull(t.id(), t.capacity());
        } else if ("CLOSED".equals(t.status())) {
            throw poolClosed(t.id());
        }
        UUID community = person.communityId() != null ? person.communityId() : t != null ? t.communityId() : tubeCommunity;
        if (community == null) {
            throw ApiProblem.invalid("areaId", "a visitor's sample needs the place where it is taken (siteId or areaId)");
        }
        String flag = null;
        if (person.residentId() != null) {
            for (Earlier e : seen.earlier) {
                if (e.residentId().equals(person.residentId())) {
                    if (t != null && t.id().equals(e.tubeId())) {
                        throw new ApiProblem(409, "already-in-pool", "Already in this pool",
                                "This person is already in this pool", null, java.util.Map.of("tubeId", t.id()), null);
                    }
                    if (kind == SampleKind.ORDINARY && "ORDINARY".equals(e.kind())) {
                        flag = FLAG_SECOND_SAMPLE;
                    }
                }
            }
        }
        String phoneMask = null, phoneCipher = null;
        if (req.visitor() != null && req.visitor().phone() != null && !req.visitor().phone().isBlank()) {
            String phone = IdentityRules.normalisePhone(req.visitor().phone());
            if (phone == null) {
                throw ApiProblem.invalid("visitor.phone", IdentityRules.phoneProblem(req.visitor().phone()));
            }
            phoneMask = IdentityRules.maskPhone(phone);
            phoneCipher = pii.encrypt(phone);
        }
        return new Write(null, req.id() == null ? UUID.randomUUID() : req.id(), r.id(), code, person, kind, flag, at,
                now, UUID.randomUUID(), r.poolSize(), tubeCommunity, tubeCell, tubeArea, req.siteId(), phoneMask,
                phoneCipher);
    }

    static ApiProblem poolFull(UUID tubeId, int capacity) {
        return new ApiProblem(409, "pool-full", "Pool full", "This pool already holds " + capacity + " people", null,
                java.util.Map.of("tubeId", tubeId), null);
    }

    static ApiProblem poolClosed(UUID tubeId) {
        return new ApiProblem(409, "pool-closed", "Pool closed", "This pool is closed: scan a new tube", null,
                java.util.Map.of("tubeId", tubeId), null);
    }

    /** The person named: a visitor, or a resident in the caller's cells (404 otherwise) who is living. */
    private Person person(Seen seen, NewSample req) {
        if (req.visitor() != null) {
            String name = req.visitor().name() == null ? "" : req.visitor().name().strip();
            if (name.isEmpty() || name.length() > 50) {
                throw ApiProblem.invalid("visitor.name", "must be 1 to 50 characters");
            }
            return new Person(null, name, null, null, null, null, null);
        }
        if (req.residentId() == null) {
            DocType type = req.idType() == null ? DocType.MAINLAND_ID : req.idType();
            List<String> problems = IdentityRules.documentProblems(type, IdentityRules.normaliseDocument(req.idNumber()),
                    LocalDate.now(clock));
            if (!problems.isEmpty()) {
                throw ApiProblem.invalid("idNumber", problems.get(0));
            }
        }
        // by id, or the first (by id) of the number's holders in reach
        Person res = seen.people.stream().filter(p -> jurisdiction.covers(p.areaPath()))
                .min(java.util.Comparator.comparing(p -> p.residentId().toString()))
                .orElseThrow(() -> ApiProblem.notFound("Resident"));
        if (!Resident.Status.LIVING.name().equals(res.status())) {
            throw ApiProblem.unprocessable("not-living", "This resident is registered as " + res.status());
        }
        return res;
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
    private SampleView write(Db db, Write w) {
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

    // ---------- reading tubes ----------

    @Transactional
    public TubeView get(UUID roundId, UUID tubeId) {
        rounds.visible(roundId);
        return view(roundId, tubeId);
    }

    @Transactional
    public TubeView byBarcode(UUID roundId, String barcode) {
        rounds.visible(roundId);
        Tube t = tube(roundId, barcode(barcode));
        if (t == null) {
            throw ApiProblem.notFound("Tube");
        }
        return view(roundId, t.id());
    }

    /** A tube with its people and result history; 404 outside the caller's cells. */
    TubeView view(UUID roundId, UUID tubeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.id, t.round_id, t.barcode, t.area_id, t.grid_cell_id, t.site_id, t.capacity, t.members, t.status,
                  t.result, t.tested_at, t.lab_ref, t.opened_by, t.opened_at, t.closed_at, t.version,
                  (select path from area_node where id = coalesce(t.grid_cell_id, t.area_id))
                from test_tube t where t.id = ?1 and t.round_id = ?2""").setParameter(1, tubeId).setParameter(2, roundId)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("Tube");
        }
        Object[] x = rows.get(0);
        String path = (String) x[16];
        boolean mine = caller.name().equals(x[12]);
        if (!jurisdiction.isGlobal() && !mine && (path == null || !jurisdiction.covers(path))) {
            throw ApiProblem.notFound("Tube");
        }
        // agencies follow pools through the feed: results, not people
        boolean agencyOnly = caller.hasRole(org.gridguard.security.Roles.AGENCY) && !jurisdiction.isGlobal()
                && !caller.hasRole(org.gridguard.security.Roles.SUPERVISOR) && !caller.hasRole(org.gridguard.security.Roles.LEADER)
                && !caller.hasRole(org.gridguard.security.Roles.WORKER);
        @SuppressWarnings("unchecked")
        List<Object[]> people = agencyOnly ? List.of() : em.createNativeQuery("""
                select s.id, s.resident_id, coalesce(r.name, s.visitor_name), s.household_id, s.resident_id is null,
                  s.kind, s.flagged, s.flag_reason, s.sampled_at
                from test_sample s left join resident r on r.id = s.resident_id where s.tube_id = ?1
                order by s.sampled_at, s.id""").setParameter(1, tubeId).getResultList();
        List<TubeMember> members = people.stream().map(p -> new TubeMember((UUID) p[0], (UUID) p[1], (String) p[2],
                (UUID) p[3], (Boolean) p[4], SampleKind.valueOf((String) p[5]), (Boolean) p[6], (String) p[7],
                Rows.instant(p[8]))).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> hist = em.createNativeQuery("""
                select result, previous_result, tested_at, lab, lab_ref, received_at from test_tube_result
                where tube_id = ?1 order by id""").setParameter(1, tubeId).getResultList();
        List<ResultHistory> history = hist.stream().map(h -> new ResultHistory(
                TestingViews.Result.valueOf((String) h[0]),
                h[1] == null ? null : TestingViews.Result.valueOf((String) h[1]), Rows.instant(h[2]), (String) h[3],
                (String) h[4], Rows.instant(h[5]))).toList();
        return new TubeView((UUID) x[0], (UUID) x[1], (String) x[2], (UUID) x[3], (UUID) x[4], (UUID) x[5],
                ((Number) x[6]).intValue(), ((Number) x[7]).intValue(), (String) x[8],
                x[9] == null ? null : TestingViews.Result.valueOf((String) x[9]), Rows.instant(x[10]), (String) x[11],
                (String) x[12], Rows.instant(x[13]), Rows.instant(x[14]), ((Number) x[15]).longValue(), members, history);
    }
}
