package org.gridguard.census;

import static org.gridguard.census.CensusHistory.HOUSEHOLD;
import static org.gridguard.census.CensusRules.blankToNull;
import static org.gridguard.census.CensusRules.change;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusViews.NewVerification;
import org.gridguard.census.CensusViews.VerificationView;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Problem;
import org.gridguard.security.Caller;

/**
 * Verification rounds (入户核查) of a household: when, how, what was found; the household's status with them. A notice
 * left (NOTICE) is listed with them but verifies nothing: the household's last verification and status stay (ADR 0052).
 */
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
    VerificationRepository verifications;
    @Inject
    CensusHistory changes;

    @Transactional
    public Idempotency.Outcome<VerificationView> verify(UUID householdId, NewVerification req, String key) {
        return idempotency.once(caller.name(), key, "VERIFICATION", req, VerificationView.class, () -> {
            Household h = householdService.visibleHousehold(householdId);
            check(req);
            if (req.id() != null) {
                List<VerificationView> same = verifications(householdId).stream().filter(v -> v.id().equals(req.id()))
                        .toList();
                if (!same.isEmpty()) {
                    return new Idempotency.Outcome<>(same.get(0), req.id(), true);
                }
            }
            UUID id = req.id() != null ? req.id() : UUID.randomUUID();
            Instant now = clock.instant();
            verifications.insert(id, h, req.verifiedOn(), req.method().name(), blankToNull(req.findings()), caller.name(), now);
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("verifiedOn", req.verifiedOn().toString());
            diff.put("method", req.method().name());
            if (req.method().verifies()) {
                applyTo(h, req, diff);
            }
            changes.record(HOUSEHOLD, h.id, h.communityId, "VERIFY", diff);
            return new Idempotency.Outcome<>(new VerificationView(id, h.id, req.verifiedOn(), req.method(),
                    blankToNull(req.findings()), caller.name(), now), id, false);
        });
    }

    private void check(NewVerification req) {
        if (req.verifiedOn().isAfter(LocalDate.now(clock))) {
            throw ApiProblem.invalid("verifiedOn", "cannot be in the future");
        }
        if (!req.method().verifies() && req.householdStatus() != null) {
            String message = "a notice left is not a verification: it cannot change the household's status";
            throw new ApiProblem(422, "validation", "Unprocessable request", "householdStatus: " + message,
                    List.of(new Problem.FieldError("householdStatus", message)), null, null);
        }
    }

    /** A verification by phone or visit: the household was last verified that day, and may change status. */
    private void applyTo(Household h, NewVerification req, Map<String, Object> diff) {
        if (h.lastVerifiedOn == null || req.verifiedOn().isAfter(h.lastVerifiedOn)) {
            h.lastVerifiedOn = req.verifiedOn();
        }
        if (req.householdStatus() != null && req.householdStatus() != h.status) {
            diff.put("status", change(h.status, req.householdStatus()));
            h.status = req.householdStatus();
        }
        householdService.stamp(h, false);
    }

    @Transactional
    public List<VerificationView> verifications(UUID householdId) {
        householdService.visibleHousehold(householdId);
        return verifications.of(householdId);
    }
}
