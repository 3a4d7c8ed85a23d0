package org.gridguard.census;

import static org.gridguard.census.CensusRules.toDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.census.CensusViews.VerificationView;
import org.gridguard.common.Rows;

/** Every query of household verifications. The household was reached within the caller's reach before. */
@ApplicationScoped
public class VerificationRepository {

    @Inject
    EntityManager em;

    void insert(UUID id, Household h, LocalDate verifiedOn, String method, String findings, String by, Instant at) {
        em.createNativeQuery("""
                insert into household_verification (id, household_id, community_id, grid_cell_id, verified_on, method,
                  findings, verified_by, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, h.id).setParameter(3, h.communityId)
                .setParameter(4, h.gridCellId).setParameter(5, verifiedOn)
                .setParameter(6, method).setParameter(7, findings)
                .setParameter(8, by).setParameter(9, at).executeUpdate();
    }

    /** The household's verifications, newest first (at most 500). */
    @SuppressWarnings("unchecked")
    List<VerificationView> of(UUID householdId) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, household_id, verified_on, method, findings, verified_by, created_at
                from household_verification where household_id = ?1 order by verified_on desc, created_at desc limit 500""")
                .setParameter(1, householdId).getResultList();
        return rows.stream().map(r -> new VerificationView((UUID) r[0], (UUID) r[1], toDate(r[2]),
                CensusViews.VerificationMethod.valueOf((String) r[3]), (String) r[4], (String) r[5], Rows.instant(r[6])))
                .toList();
    }
}
