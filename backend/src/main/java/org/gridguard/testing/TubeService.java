package org.gridguard.testing;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Jdbc;
import org.gridguard.testing.TestingViews.NewTube;
import org.gridguard.testing.TestingViews.TubeView;
import org.gridguard.testing.TubeRepository.Place;
import org.gridguard.testing.TubeRepository.Tube;

/**
 * Pools by hand: a tube (pool) per barcode, unique in its round, opened empty before people are scanned into it
 * ({@link SamplingService}) and closed by hand with fewer people than its capacity; reading a pool by id or
 * barcode. Client ids make opening safe to retry.
 */
@ApplicationScoped
public class TubeService {

    @Inject
    RoundRepository rounds;
    @Inject
    TubeRepository tubes;
    @Inject
    Jdbc jdbc;

    @Transactional
    public Idempotency.Outcome<TubeView> open(UUID roundId, NewTube req) {
        Round r = rounds.sampling(roundId);
        String code = SampleRules.barcode(req.barcode());
        int capacity = SampleRules.capacity(req.capacity(), r.poolSize());
        Place place = tubes.place(jdbc::inTransaction, r.id(), req.siteId(), req.areaId());
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        Tube existing = tubes.byBarcode(roundId, code);
        if (existing != null) {
            if (existing.id().equals(id)) {
                return new Idempotency.Outcome<>(tubes.view(roundId, id), id, true);
            }
            throw SampleRules.barcodeTaken();
        }
        int n = tubes.insert(r.id(), id, code, capacity, place, req.siteId());
        if (n == 0) {
            Tube t = tubes.byBarcode(roundId, code);
            if (t != null && t.id().equals(id)) {
                return new Idempotency.Outcome<>(tubes.view(roundId, id), id, true);
            }
            throw t != null ? SampleRules.barcodeTaken() : ApiProblem.conflict("A tube with this id already exists");
        }
        return new Idempotency.Outcome<>(tubes.view(roundId, id), id, false);
    }

    /** Closes a pool by hand (fewer people than its capacity). Closing a closed pool is a no-op. */
    @Transactional
    public TubeView close(UUID roundId, UUID tubeId) {
        rounds.sampling(roundId);
        TubeView t = tubes.view(roundId, tubeId);
        if (t.members() == 0) {
            throw ApiProblem.conflict("An empty pool cannot be closed; add people first");
        }
        tubes.close(roundId, tubeId);
        return tubes.view(roundId, tubeId);
    }

    @Transactional
    public TubeView get(UUID roundId, UUID tubeId) {
        rounds.visible(roundId);
        return tubes.view(roundId, tubeId);
    }

    @Transactional
    public TubeView byBarcode(UUID roundId, String barcode) {
        rounds.visible(roundId);
        Tube t = tubes.byBarcode(roundId, SampleRules.barcode(barcode));
        if (t == null) {
            throw ApiProblem.notFound("Tube");
        }
        return tubes.view(roundId, t.id());
    }
}
