package org.gridguard.census;

import java.util.Collection;
import java.util.Map;
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

    /**
     * Where a household's door is, for a delivery run sheet: compound and building names, door number, the contact's
     * name and a masked phone of the household (the contact's, else the first resident's with a phone).
     */
    public record Door(UUID householdId, String compound, String building, String door, String contactName,
            String phoneMasked) {
    }

    @Inject
    HouseholdDoors doors;
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

    /**
     * The door labels of the given households (unknown ids are absent). No reach is applied: the caller reached the
     * households through something of its own (the needs on a delivery run). Phones only masked.
     */
    public Map<UUID, Door> doors(Collection<UUID> householdIds) {
        return doors.of(householdIds);
    }
}
