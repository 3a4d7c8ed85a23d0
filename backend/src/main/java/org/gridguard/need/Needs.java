package org.gridguard.need;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.common.Port;

/**
 * The needs register's port: what another feature (the quarantine visits, later the care visits) calls to put a
 * need into the one register, and the names a need is described with. The caller has already checked that its own
 * caller reaches the person (a visit to an order of their cells); the subject must exist.
 */
@Port
@ApplicationScoped
public class Needs {

    @Schema(name = "NeedKind")
    public enum Kind {
        FOOD, MEDICINE, MEDICAL_APPOINTMENT, SUBSIDY, PSYCHOLOGICAL_SUPPORT, OTHER
    }

    @Schema(name = "NeedUrgency")
    public enum Urgency {
        ROUTINE, TODAY, URGENT_MEDICAL
    }

    @Schema(name = "NeedSource")
    public enum Source {
        WORKER_VISIT, PHONE_CALL, QUARANTINE_VISIT, CARE_VISIT
    }

    @Schema(name = "NeedStatus", description = "Care and supplies (issue 18) adds ASSIGNED, OUT_FOR_DELIVERY and DELIVERED")
    public enum Status {
        OPEN, CANCELLED
    }

    /** A new need: for exactly one of a household, a resident, or a person under a quarantine order. */
    @Schema(name = "NewNeed", description = "Exactly one of householdId, residentId, quarantineOrderId (a non-resident under an "
            + "order has only the order)")
    public record NewNeed(@NotNull Kind kind, @Size(max = 1000) String detail, @NotNull Urgency urgency, @NotNull Source source,
            UUID householdId, UUID residentId, UUID quarantineOrderId,
            @Schema(description = "The visit that raised it, if any") UUID sourceRef) {
    }

    @Inject
    NeedService service;

    /**
     * Opens a need in the caller's transaction, without checking reach (the calling feature did). 404 when the
     * subject does not exist (or the order is no longer active), 400 when not exactly one subject is given.
     *
     * @return the new need's id
     */
    @Transactional
    public UUID raise(NewNeed need, String actor) {
        return service.open(need, actor, false).id;
    }
}
