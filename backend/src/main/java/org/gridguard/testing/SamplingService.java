package org.gridguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.BatchItems;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Jdbc.Db;
import org.gridguard.common.Problem;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.testing.SampleRepository.Earlier;
import org.gridguard.testing.SampleRepository.Person;
import org.gridguard.testing.SampleRepository.Pool;
import org.gridguard.testing.SampleRepository.RoundSeen;
import org.gridguard.testing.SampleRepository.Seen;
import org.gridguard.testing.SampleRepository.Write;
import org.gridguard.testing.TestingViews.NewSample;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.SampleKind;
import org.gridguard.testing.TestingViews.SampleView;
import org.gridguard.testing.TubeRepository.Place;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sampling registration: people scanned into the pool of a barcode (opened with its first sample, see
 * {@link TubeService} for pools by hand) until it is full or closed. A person's second ordinary sample in a round is
 * stored flagged, never silently duplicated; re-test (单采) and make-up (补检) samples are legitimate. Client ids
 * make every registration safe to retry. The hot path (ADR 0020, 0021): {@link SampleRepository} reads and writes,
 * the rules ({@link SampleRules}) decide in between.
 */
@ApplicationScoped
public class SamplingService {

    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    Clock clock;
    @Inject
    SampleRepository samples;
    @Inject
    TubeRepository tubes;
    @Inject
    PiiCipher pii;
    @Inject
    Jdbc jdbc;

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
    public BatchResult batch(UUID roundId, List<JsonNode> items) {
        return jdbc.autocommitted(db -> {
            sampling(read(db, roundId, EMPTY, null));
            List<BatchResult.Item> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                List<Problem.FieldError> wrong = new ArrayList<>();
                NewSample s = BatchItems.parse(json, validator, items.get(i), NewSample.class, wrong);
                if (!wrong.isEmpty()) {
                    out.add(new BatchResult.Item(i, null, BatchResult.Status.REJECTED, wrong));
                    continue;
                }
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

    private Seen read(Db db, UUID roundId, NewSample req, byte[] idHmac) {
        return samples.read(db, roundId, req, idHmac);
    }

    private SampleView write(Db db, Write w) {
        return samples.write(db, w);
    }

    /** The round in reach (the repository leaves out one the caller may not see) and taking samples, else 404/409. */
    private static RoundSeen sampling(Seen seen) {
        RoundSeen r = seen.round;
        if (r == null) {
            throw ApiProblem.notFound("Test round");
        }
        if (r.status() != RoundStatus.SAMPLING) {
            throw RoundRepository.notSampling(r.status());
        }
        return r;
    }

    /** Every rule of a registration, in one place, on what was read. Nothing is written before they all pass. */
    private Write decide(Db db, Seen seen, NewSample req) {
        RoundSeen r = sampling(seen);
        String code = SampleRules.barcode(req.barcode());
        SampleKind kind = req.kind() == null ? SampleKind.ORDINARY : req.kind();
        Instant now = clock.instant();
        Instant at = SampleRules.sampledAt(req.sampledAt(), now, r.samplingFrom());
        SampleRules.namedOnce(req);
        // a replayed client id answers the first registration again
        SampleView prior = seen.prior;
        if (prior != null && SampleRules.isReplay(prior.roundId(), prior.barcode(), prior.residentId(), r.id(), code,
                req.residentId())) {
            return new Write(prior, null, null, null, null, null, null, null, null, null, 0, null, null, null, null,
                    null, null);
        }
        Person person = person(seen, req);
        Pool t = seen.tube;
        NewPool opens = t == null ? opens(db, r, req, person) : null;
        if (t != null) {
            if (!tubes.takes(t, person)) {
                throw SampleRules.barcodeTaken();
            }
            SampleRules.poolTakesOneMore(t.id(), t.status(), t.capacity(), t.members());
        }
        UUID community = person.communityId() != null ? person.communityId()
                : t != null ? t.communityId() : opens.communityId();
        if (community == null) {
            throw ApiProblem.invalid("areaId", "a visitor's sample needs the place where it is taken (siteId or areaId)");
        }
        String flag = flag(seen, person, t, kind);
        String[] phone = visitorPhone(req);
        UUID tubeArea = opens == null ? null : opens.areaId();
        UUID tubeCommunity = opens == null ? null : opens.communityId();
        UUID tubeCell = opens == null ? null : opens.cellId();
        return new Write(null, req.id() == null ? UUID.randomUUID() : req.id(), r.id(), code, person, kind, flag, at,
                now, UUID.randomUUID(), r.poolSize(), tubeCommunity, tubeCell, tubeArea, req.siteId(), phone[0],
                phone[1]);
    }

    /** Where a pool opened with this sample is: its area, community and cell (all null for a visitor nowhere). */
    private record NewPool(UUID areaId, UUID communityId, UUID cellId) {
    }

    /** The pool opens with this sample: at the site or area given, else in the resident's cell. */
    private NewPool opens(Db db, RoundSeen r, NewSample req, Person person) {
        Place place = tubes.place(db, r.id(), req.siteId(), req.areaId());
        if (place != null) {
            return new NewPool(place.id(), place.communityId() != null ? place.communityId() : person.communityId(),
                    place.cellId() != null ? place.cellId() : person.cellId());
        }
        if (person.residentId() != null) {
            return new NewPool(person.cellId(), person.communityId(), person.cellId());
        }
        return new NewPool(null, null, null);
    }

    /** The person's earlier samples in the round: 409 if one is in this pool; flagged if one is ordinary too. */
    private static String flag(Seen seen, Person person, Pool t, SampleKind kind) {
        String flag = null;
        if (person.residentId() != null) {
            for (Earlier e : seen.earlier) {
                if (e.residentId().equals(person.residentId())) {
                    String f = SampleRules.earlier(e.tubeId(), e.kind(), t == null ? null : t.id(), kind);
                    if (f != null) {
                        flag = f;
                    }
                }
            }
        }
        return flag;
    }

    /** A visitor's phone, if given: {mask, ciphertext}; 400 if it is not a phone number. */
    private String[] visitorPhone(NewSample req) {
        if (req.visitor() == null || req.visitor().phone() == null || req.visitor().phone().isBlank()) {
            return new String[2];
        }
        String phone = IdentityRules.normalisePhone(req.visitor().phone());
        if (phone == null) {
            throw ApiProblem.invalid("visitor.phone", IdentityRules.phoneProblem(req.visitor().phone()));
        }
        return new String[] { IdentityRules.maskPhone(phone), pii.encrypt(phone) };
    }

    /** The person named: a visitor, or a resident in the caller's cells (404 otherwise) who is living. */
    private Person person(Seen seen, NewSample req) {
        if (req.visitor() != null) {
            return new Person(null, SampleRules.visitorName(req.visitor().name()), null, null, null, null, null);
        }
        if (req.residentId() == null) {
            DocType type = req.idType() == null ? DocType.MAINLAND_ID : req.idType();
            List<String> problems = IdentityRules.documentProblems(type, IdentityRules.normaliseDocument(req.idNumber()),
                    LocalDate.now(clock));
            if (!problems.isEmpty()) {
                throw ApiProblem.invalid("idNumber", problems.get(0));
            }
        }
        // by id, or the first (by id) of the number's holders in reach (the repository read only those)
        Person res = seen.people.stream().min(Comparator.comparing(p -> p.residentId().toString()))
                .orElseThrow(() -> ApiProblem.notFound("Resident"));
        if (!CensusPeople.LIVING.equals(res.status())) {
            throw ApiProblem.unprocessable("not-living", "This resident is registered as " + res.status());
        }
        return res;
    }
}
