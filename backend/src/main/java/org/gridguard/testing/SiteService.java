package org.gridguard.testing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.testing.RoundService.Area;
import org.gridguard.testing.TestingViews.NewSite;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.SiteView;

/** The sampling sites of a round: where, in a community of its scope, and when they are open. */
@ApplicationScoped
public class SiteService {

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;
    @Inject
    SiteRepository sites;

    @Transactional
    public Idempotency.Outcome<SiteView> addSite(UUID roundId, NewSite req) {
        Round r = rounds.visible(roundId);
        if (r.status() == RoundStatus.CLOSED) {
            throw ApiProblem.conflict("The round is closed");
        }
        Area a = rounds.area(req.areaId());
        if (!jurisdiction.covers(a.path())) {
            throw ApiProblem.notFound("Area node");
        }
        if (!r.inScope(a.path()) || a.communityId() == null) {
            throw ApiProblem.unprocessable("not-in-scope", "A site must be inside the round's scope, in a community");
        }
        if (!req.closesAt().isAfter(req.opensAt())) {
            throw ApiProblem.invalid("closesAt", "must be after opensAt");
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        int n = sites.insert(id, roundId, a, req, caller.name(), clock.instant());
        SiteView v = sites(roundId).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.conflict("A site with this id already exists"));
        return new Idempotency.Outcome<>(v, id, n == 0);
    }

    @Transactional
    public List<SiteView> sites(UUID roundId) {
        rounds.visible(roundId);
        return sites.list(roundId);
    }
}
