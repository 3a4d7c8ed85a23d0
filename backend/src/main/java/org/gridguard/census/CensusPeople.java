package org.gridguard.census;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.Port;

/**
 * What other features (testing) may know of the census: a resident or household the caller can see, where they
 * live, and the names of the statuses and categories they filter on. Small records, never the entities; the
 * caller's jurisdiction is applied by the census repositories.
 */
@Port
@ApplicationScoped
public class CensusPeople {

    /** A resident who lives (the status name stored in {@code resident.status}). */
    public static final String LIVING = Resident.Status.LIVING.name();
    /** Category names as stored in {@code resident.categories}. */
    public static final String BED_RIDDEN = Resident.Category.BED_RIDDEN.name();
    public static final String CLOSE_CONTACT = Resident.Category.CLOSE_CONTACT.name();
    public static final String SECONDARY_CONTACT = Resident.Category.SECONDARY_CONTACT.name();

    /** A resident and where they are registered. */
    public record ResidentPlace(UUID id, UUID communityId, UUID gridCellId, UUID householdId, UUID areaId) {
    }

    /** A household and the area node it is at. */
    public record HouseholdPlace(UUID id, UUID areaId) {
    }

    @Inject
    ResidentRepository residents;
    @Inject
    HouseholdRepository households;

    /** The resident if the caller's jurisdiction holds them. */
    public Optional<ResidentPlace> resident(UUID id) {
        return residents.visible(id)
                .map(r -> new ResidentPlace(r.id, r.communityId, r.gridCellId, r.householdId, r.areaId));
    }

    /** The household if the caller's jurisdiction holds it. */
    public Optional<HouseholdPlace> household(UUID id) {
        return households.visible(id).map(h -> new HouseholdPlace(h.id, h.areaId));
    }
}
