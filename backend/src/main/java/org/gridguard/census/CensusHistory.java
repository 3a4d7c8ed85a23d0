package org.gridguard.census;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusViews.ChangeView;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.ChangeHistory;
import org.gridguard.security.Caller;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The history of every change of a household or resident (census_change): written by the services, read here. */
@ApplicationScoped
public class CensusHistory {

    public static final String HOUSEHOLD = "HOUSEHOLD";
    public static final String RESIDENT = "RESIDENT";

    @Inject
    HouseholdRepository households;
    @Inject
    ResidentRepository residents;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Transactional
    public List<ChangeView> history(String subjectType, UUID id) {
        if (subjectType.equals(HOUSEHOLD)) {
            households.visible(id).orElseThrow(() -> ApiProblem.notFound("Household"));
        } else {
            residents.visible(id).orElseThrow(() -> ApiProblem.notFound("Resident"));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, actor, at, action, cast(changes as text) from census_change
                where subject_id = ?1 and subject_type = ?2 order by id desc limit 500""")
                .setParameter(1, id).setParameter(2, subjectType).getResultList();
        return ChangeHistory.entries(rows, json, ChangeView::new);
    }

    /** One change of a household or resident, by the caller, now (personal data only as "changed"). */
    void record(String type, UUID id, UUID communityId, String action, Map<String, Object> changes) {
        try {
            em.createNativeQuery("""
                    insert into census_change (subject_type, subject_id, community_id, actor, at, action, changes)
                    values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                    .setParameter(1, type).setParameter(2, id).setParameter(3, communityId)
                    .setParameter(4, caller.name()).setParameter(5, clock.instant()).setParameter(6, action)
                    .setParameter(7, json.writeValueAsString(changes)).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
