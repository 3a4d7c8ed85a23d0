package org.gridguard.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.census.IdentityRules;
import org.gridguard.census.IdentityRules.DocType;
import org.gridguard.census.PiiCipher;
import org.gridguard.census.Resident;
import org.gridguard.census.ResidentRepository;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Problem;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.testing.RoundService.Area;
import org.gridguard.testing.TestingViews.NewSample;
import org.gridguard.testing.TestingViews.NewTube;
import org.gridguard.testing.TestingViews.ResultHistory;
import org.gridguard.testing.TestingViews.SampleKind;
import org.gridguard.testing.TestingViews.SampleView;
import org.gridguard.testing.TestingViews.TubeMember;
import org.gridguard.testing.TestingViews.TubeView;

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
    RoundService roundService;
    @Inject
    ResidentRepository residents;
    @Inject
    PiiCipher pii;
    @Inject
    CoverageService coverage;

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

    private Tube tube(UUID roundId, String barcode, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, round_id, barcode, community_id, grid_cell_id, area_id, site_id, capacity, members, status, opened_by
                from test_tube where round_id = ?1 and barcode = ?2""" + (lock ? " for update" : ""))
                .setParameter(1, roundId).setParameter(2, barcode).getResultList();
        return rows.stream().findFirst().map(x -> new Tube((UUID) x[0], (UUID) x[1], (String) x[2], (UUID) x[3],
                (UUID) x[4], (UUID) x[5], (UUID) x[6], ((Number) x[7]).intValue(), ((Number) x[8]).intValue(),
                (String) x[9], (String) x[10])).orElse(null);
    }

    /** Where a pool is taken: the site's area, or an area node the caller covers; its grid cell if it has one. */
    private Area place(Round r, UUID siteId, UUID areaId) {
        UUID where = areaId;
        if (siteId != null) {
            @SuppressWarnings("unchecked")
            List<UUID> a = em.createNativeQuery("select area_id from test_site where id = ?1 and round_id = ?2")
                    .setParameter(1, siteId).setParameter(2, r.id()).getResultList();
            if (a.isEmpty()) {
                throw ApiProblem.invalid("siteId", "is not a site of this round");
            }
            where = where == null ? a.get(0) : where;
        }
        if (where == null) {
            return null;
        }
        Area area = roundService.area(where);
        if (!jurisdiction.covers(area.path())) {
            throw ApiProblem.notFound("Area node");
        }
        return area;
    }

    private UUID cellOf(Area a) {
        if (a == null || a.communityId() == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from area_node where kind = 'GRID_CELL'
                  and id = any(cast(string_to_array(trim(both '/' from ?1), '/') as uuid[]))""")
                .setParameter(1, a.path()).getResultList();
        return ids.stream().findFirst().orElse(null);
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
        Area place = place(r, req.siteId(), req.areaId());
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        Tube existing = tube(roundId, code, false);
        if (existing != null) {
            if (existing.id().equals(id)) {
                return new Idempotency.Outcome<>(view(roundId, id), id, true);
            }
            throw duplicateBarcode(existing);
        }
        int n = insertTube(r, id, code, capacity, place, req.siteId());
        if (n == 0) {
            Tube t = tube(roundId, code, false);
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

    private int insertTube(Round r, UUID id, String code, int capacity, Area place, UUID siteId) {
        return em.createNativeQuery("""
                insert into test_tube (id, round_id, barcode, community_id, grid_cell_id, area_id, site_id, capacity,
                  members, status, opened_by, opened_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, 'OPEN', ?9, ?10)
                on conflict do nothing""")
                .setParameter(1, id).setParameter(2, r.id()).setParameter(3, code)
                .setParameter(4, place == null ? null : place.communityId()).setParameter(5, cellOf(place))
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

    @Transactional
    public Idempotency.Outcome<SampleView> register(UUID roundId, NewSample req) {
        Round r = rounds.sampling(roundId);
        return add(r, req);
    }

    /** Offline queues: each item on its own; one bad item never loses the good ones. */
    @Transactional
    public BatchResult batch(UUID roundId, List<NewSample> items) {
        Round r = rounds.sampling(roundId);
        List<BatchResult.Item> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewSample s = items.get(i);
            try {
                if (s == null || s.barcode() == null) {
                    throw ApiProblem.invalid("barcode", "must not be blank");
                }
                var o = add(r, s);
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
    }

    record Person(UUID residentId, String name, UUID householdId, UUID cellId, UUID communityId, String areaPath) {
    }

    /** Checks everything before writing, so a rejected item leaves nothing behind (batches share a transaction). */
    private Idempotency.Outcome<SampleView> add(Round r, NewSample req) {
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
        if (req.id() != null) {
            SampleView prior = sample(req.id());
            if (prior != null) {
                if (prior.roundId().equals(r.id()) && prior.barcode().equals(code)
                        && (req.residentId() == null || req.residentId().equals(prior.residentId()))) {
                    return new Idempotency.Outcome<>(prior, prior.id(), true);
                }
                throw ApiProblem.unprocessable("id-reused", "This sample id was already used for another registration");
            }
        }
        Person person = person(r, req);
        Tube t = tube(r.id(), code, true);
        if (t == null) {
            Area place = req.siteId() != null || req.areaId() != null ? place(r, req.siteId(), req.areaId()) : null;
            if (place == null && person.residentId() != null) {
                place = roundService.area(person.cellId());
            }
            insertTube(r, UUID.randomUUID(), code, r.poolSize(), place, req.siteId());
            t = tube(r.id(), code, true);
        }
        if ("CLOSED".equals(t.status())) {
            throw new ApiProblem(409, "pool-closed", "Pool closed", "This pool is closed: scan a new tube", null,
                    java.util.Map.of("tubeId", t.id()), null);
        }
        if (t.members() >= t.capacity()) {
            throw new ApiProblem(409, "pool-full", "Pool full", "This pool already holds " + t.capacity() + " people",
                    null, java.util.Map.of("tubeId", t.id()), null);
        }
        UUID cell = person.cellId() != null ? person.cellId() : t.cellId();
        UUID community = person.communityId() != null ? person.communityId() : t.communityId();
        if (community == null) {
            throw ApiProblem.invalid("areaId", "a visitor's sample needs the place where it is taken (siteId or areaId)");
        }
        String flag = null;
        if (person.residentId() != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> before = em.createNativeQuery(
                    "select tube_id, kind from test_sample where round_id = ?1 and resident_id = ?2")
                    .setParameter(1, r.id()).setParameter(2, person.residentId()).getResultList();
            for (Object[] b : before) {
                if (t.id().equals(b[0])) {
                    throw new ApiProblem(409, "already-in-pool", "Already in this pool",
                            "This person is already in this pool", null, java.util.Map.of("tubeId", t.id()), null);
                }
            }
            if (kind == SampleKind.ORDINARY && before.stream().anyMatch(b -> "ORDINARY".equals(b[1]))) {
                flag = FLAG_SECOND_SAMPLE;
            }
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        String phoneMask = null, phoneCipher = null;
        if (req.visitor() != null && req.visitor().phone() != null && !req.visitor().phone().isBlank()) {
            String phone = IdentityRules.normalisePhone(req.visitor().phone());
            if (phone == null) {
                throw ApiProblem.invalid("visitor.phone", IdentityRules.phoneProblem(req.visitor().phone()));
            }
            phoneMask = IdentityRules.maskPhone(phone);
            phoneCipher = pii.encrypt(phone);
        }
        em.createNativeQuery("""
                insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, household_id, resident_id,
                  visitor_name, visitor_phone_mask, visitor_phone_cipher, kind, flagged, flag_reason, sampled_at,
                  sampled_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)""")
                .setParameter(1, id).setParameter(2, r.id()).setParameter(3, t.id()).setParameter(4, community)
                .setParameter(5, cell).setParameter(6, person.householdId()).setParameter(7, person.residentId())
                .setParameter(8, person.residentId() == null ? person.name() : null).setParameter(9, phoneMask)
                .setParameter(10, phoneCipher).setParameter(11, kind.name()).setParameter(12, flag != null)
                .setParameter(13, flag).setParameter(14, at).setParameter(15, caller.name()).setParameter(16, now)
                .executeUpdate();
        em.createNativeQuery("""
                update test_tube set members = members + 1, version = version + 1,
                  community_id = coalesce(community_id, ?2), grid_cell_id = coalesce(grid_cell_id, ?3),
                  status = case when members + 1 >= capacity then 'CLOSED' else status end,
                  closed_at = case when members + 1 >= capacity then ?4 else closed_at end
                where id = ?1""").setParameter(1, t.id()).setParameter(2, community).setParameter(3, cell)
                .setParameter(4, now).executeUpdate();
        if (kind == SampleKind.RETEST && person.residentId() != null) {
            // the urgent re-test task of this person is done by this sample
            em.createNativeQuery("""
                    update test_task set status = 'DONE', done_by = ?3, done_at = ?4, updated_at = ?4, version = version + 1
                    where round_id = ?1 and resident_id = ?2 and kind = 'RETEST' and status = 'OPEN'""")
                    .setParameter(1, r.id()).setParameter(2, person.residentId()).setParameter(3, caller.name())
                    .setParameter(4, now).executeUpdate();
        }
        coverage.markPerson(r.id(), person.residentId()); // visitors are not counted in coverage
        // the answer is what was just written (no read-back: one statement less on the hot path, ADR 0015)
        int members = t.members() + 1;
        SampleView written = new SampleView(id, r.id(), t.id(), t.barcode(), person.residentId(), person.name(),
                person.householdId(), kind, flag != null, flag, at, caller.name(), members, t.capacity(),
                members >= t.capacity() ? "CLOSED" : t.status());
        return new Idempotency.Outcome<>(written, id, false);
    }

    private Person person(Round r, NewSample req) {
        if (req.visitor() != null) {
            String name = req.visitor().name() == null ? "" : req.visitor().name().strip();
            if (name.isEmpty() || name.length() > 50) {
                throw ApiProblem.invalid("visitor.name", "must be 1 to 50 characters");
            }
            return new Person(null, name, null, null, null, null);
        }
        Resident res;
        if (req.residentId() != null) {
            res = residents.visible(req.residentId()).orElseThrow(() -> ApiProblem.notFound("Resident"));
        } else {
            DocType type = req.idType() == null ? DocType.MAINLAND_ID : req.idType();
            String n = IdentityRules.normaliseDocument(req.idNumber());
            List<String> problems = IdentityRules.documentProblems(type, n, LocalDate.now(clock));
            if (!problems.isEmpty()) {
                throw ApiProblem.invalid("idNumber", problems.get(0));
            }
            res = residents.byHash(pii.hmac(type.name(), n), null, 1).stream().findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("Resident"));
        }
        if (res.status != Resident.Status.LIVING) {
            throw ApiProblem.unprocessable("not-living", "This resident is registered as " + res.status);
        }
        return new Person(res.id, res.name, res.householdId, res.gridCellId, res.communityId, null);
    }

    SampleView sample(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.round_id, s.tube_id, t.barcode, s.resident_id, coalesce(r.name, s.visitor_name),
                  s.household_id, s.kind, s.flagged, s.flag_reason, s.sampled_at, s.sampled_by, t.members, t.capacity, t.status
                from test_sample s join test_tube t on t.id = s.tube_id left join resident r on r.id = s.resident_id
                where s.id = ?1""").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(x -> new SampleView((UUID) x[0], (UUID) x[1], (UUID) x[2], (String) x[3],
                (UUID) x[4], (String) x[5], (UUID) x[6], SampleKind.valueOf((String) x[7]), (Boolean) x[8],
                (String) x[9], Rows.instant(x[10]), (String) x[11], ((Number) x[12]).intValue(),
                ((Number) x[13]).intValue(), (String) x[14])).orElse(null);
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
        Tube t = tube(roundId, barcode(barcode), false);
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
