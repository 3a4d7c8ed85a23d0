package org.gridguard.care;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.need.Needs;

/** When each household last had a need delivered, asked of the needs register (households without one are absent). */
@ApplicationScoped
public class CareDeliveries {

    @Inject
    Needs needs;

    Map<UUID, Instant> lastDelivered(Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return Map.of(); // INTERIM until the Needs port's lastDelivered lands on main
    }
}
