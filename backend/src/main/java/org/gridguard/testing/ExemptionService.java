package org.gridguard.testing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.security.Caller;
import org.gridguard.testing.TestingViews.ExemptionKind;
import org.gridguard.testing.TestingViews.ExemptionView;
import org.gridguard.testing.TestingViews.NewExemption;
import org.gridguard.testing.TestingViews.RoundStatus;

/** Residents exempted from a round (免采): granted, revoked, listed; coverage counts them at once. */
@ApplicationScoped
public class ExemptionService {

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    RoundRepository rounds;
    @Inject
    ExemptionRepository exemptions;
    @Inject
    CensusPeople census;
    @Inject
    CoverageRollup coverage;

    @Transactional
    public Idempotency.Outcome<ExemptionView> exempt(UUID roundId, NewExemption req) {
        Round r = rounds.visible(roundId);
        if (r.status() == RoundStatus.CLOSED) {
            throw ApiProblem.conflict("The round is closed");
        }
        CensusPeople.ResidentPlace res = census.resident(req.residentId())
                .orElseThrow(() -> ApiProblem.notFound("Resident"));
        if (!r.inScope(rounds.area(res.areaId()).path())) {
            throw ApiProblem.unprocessable("not-in-scope", "This resident does not live in the round's scope");
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        int n = exemptions.insert(id, roundId, res, req, caller.name(), clock.instant());
        if (n == 0) {
            ExemptionView e = exemptions(roundId, res.id(), null, null, 1).items().stream().findFirst()
                    .orElseThrow(() -> ApiProblem.conflict("An exemption with this id already exists"));
            if (e.id().equals(id) && e.kind() == req.kind()) {
                return new Idempotency.Outcome<>(e, id, true);
            }
            throw ApiProblem.conflict("This resident is already exempted from the round", Map.of("exemptionId", e.id()));
        }
        coverage.markPerson(roundId, res.id());
        return new Idempotency.Outcome<>(exemptions(roundId, res.id(), null, null, 1).items().get(0), id, false);
    }

    @Transactional
    public void revokeExemption(UUID roundId, UUID exemptionId) {
        rounds.visible(roundId);
        List<UUID> people = exemptions.delete(roundId, exemptionId);
        if (people.isEmpty()) {
            throw ApiProblem.notFound("Exemption");
        }
        coverage.markPerson(roundId, people.get(0));
    }

    @Transactional
    public Page<ExemptionView> exemptions(UUID roundId, UUID residentId, ExemptionKind kind, String cursor, Integer limit) {
        rounds.visible(roundId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        List<ExemptionView> out = exemptions.page(roundId, residentId, kind, c, lim);
        return Page.of(out, lim, v -> Cursor.encode(v.id().toString()));
    }
}
