package org.gridguard.census;

import static org.gridguard.census.CensusHistory.HOUSEHOLD;
import static org.gridguard.census.CensusRules.blankToNull;
import static org.gridguard.census.CensusRules.change;
import static org.gridguard.census.CensusRules.toDate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusViews.NewVerification;
import org.gridguard.census.CensusViews.VerificationView;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Rows;
import org.gridguard.security.Caller;

/** Verification rounds (入户核查) of a household: when, how, what was found; the household's status with them. */
@ApplicationScoped
public class VerificationService {

    @Inject
    HouseholdService householdService;
    @Inject
    Caller caller;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    CensusHistory changes;

    @Transactional
    public Idempotency.Outcome<VerificationView> verify(UUID householdId, NewVerification req, String key) {
        return idempotency.once(caller.name(), key, "VERIFICATION", req, VerificationView.class, () -> {
            Household h = householdService.visibleHousehold(householdId);
            if (req.verifiedOn().isAfter(LocalDate.now(clock))) {
                throw ApiProblem.invalid("verifiedOn", "cannot be in the future");
            }
            if (req.id() != null) {
                List<VerificationView> same = verifications(householdId).stream().filter(v -> v.id().equals(req.id()))
                        .toList();
                if (!same.isEmpty()) {
                    return new Idempotency.Outcome<>(same.get(0), req.id(), true);
                }
            }
            UUID id = req.id() != null ? req.id() : UUID.randomUUID();
            Instant now = clock.instant();
            em.createNativeQuery("""
                    insert into household_verification (id, household_id, community_id, grid_cell_id, verified_on, method,
                      findings, verified_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                    .setParameter(1, id).setParameter(2, h.id).setParameter(3, h.communityId)
                    .setParameter(4, h.gridCellId).setParameter(5, req.verifiedOn())
                    .setParameter(6, req.method().name()).setParameter(7, blankToNull(req.findings()))
                    .setParameter(8, caller.name()).setParameter(9, now).executeUpdate();
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("verifiedOn", req.verifiedOn().toString());
            diff.put("method", req.method().name());
            if (h.lastVerifiedOn == null || req.verifiedOn().isAfter(h.lastVerifiedOn)) {
                h.lastVerifiedOn = req.verifiedOn();
            }
            if (req.householdStatus() != null && req.householdStatus() != h.status) {
                diff.put("status", change(h.status, req.householdStatus()));
                h.status = req.householdStatus();
            }
            householdService.stamp(h, false);
            changes.record(HOUSEHOLD, h.id, h.communityId, "VERIFY", diff);
            return new Idempotency.Outcome<>(new VerificationView(id, h.id, req.verifiedOn(), req.method(),
                    blankToNull(req.findings()), caller.name(), now), id, false);
        });
    }

    @Transactional
    public List<VerificationView> verifications(UUID householdId) {
        householdService.visibleHousehold(householdId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, household_id, verified_on, method, findings, verified_by, created_at
                from household_verification where household_id = ?1 order by verified_on desc, created_at desc limit 500""")
                .setParameter(1, householdId).getResultList();
        return rows.stream().map(r -> new VerificationView((UUID) r[0], (UUID) r[1], toDate(r[2]),
                CensusViews.VerificationMethod.valueOf((String) r[3]), (String) r[4], (String) r[5], Rows.instant(r[6])))
                .toList();
    }
}
