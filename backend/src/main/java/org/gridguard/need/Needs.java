package org.gridguard.need;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.common.Port;

/**
 * The needs register's port: what another feature calls to put a need into the one register (the quarantine and
 * care visits), to carry needs on a delivery run (assign, dispatch, deliver, reopen, cancel), and to read what the
 * care plans and the metrics need. Every transition writes the need's history, in the caller's transaction.
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

    @Schema(name = "NeedStatus", description = "OPEN → ASSIGNED → OUT_FOR_DELIVERY → DELIVERED, or CANCELLED with a reason; "
            + "an assigned need may go back to OPEN (nobody home)")
    public enum Status {
        OPEN, ASSIGNED, OUT_FOR_DELIVERY, DELIVERED, CANCELLED
    }

    /** A new need: for exactly one of a household, a resident, or a person under a quarantine order. */
    @Schema(name = "NewNeed", description = "Exactly one of householdId, residentId, quarantineOrderId (a non-resident under an "
            + "order has only the order). medicineName and medicineQuantity only for kind MEDICINE.")
    public record NewNeed(@NotNull Kind kind, @Size(max = 1000) String detail, @NotNull Urgency urgency, @NotNull Source source,
            UUID householdId, UUID residentId, UUID quarantineOrderId,
            @Schema(description = "The visit that raised it, if any") UUID sourceRef,
            @Size(max = 200) @Schema(description = "The medicine asked for (kind MEDICINE)") String medicineName,
            @Size(max = 100) @Schema(description = "How much, as the household says it (e.g. 2盒)") String medicineQuantity) {

        /** A need that names no medicine. */
        public NewNeed(Kind kind, String detail, Urgency urgency, Source source, UUID householdId, UUID residentId,
                UUID quarantineOrderId, UUID sourceRef) {
            this(kind, detail, urgency, source, householdId, residentId, quarantineOrderId, sourceRef, null, null);
        }
    }

    /** A need as a delivery run sees it. */
    public record NeedRef(UUID id, UUID communityId, UUID gridCellId, UUID areaId, UUID householdId, UUID residentId,
            UUID quarantineOrderId, Kind kind, String detail, String medicineName, String medicineQuantity, Urgency urgency,
            Status status, UUID runId, String assignedTo, long version) {
    }

    /** The register's figures over an area and a period (metrics and the daily report). */
    public record Figures(long opened, long delivered, long cancelled, long open, long overdue,
            Map<Urgency, Double> medianHoursToDelivery) {
    }

    @Inject
    NeedService service;
    @Inject
    NeedTransitions transitions;
    @Inject
    NeedRepository repo;
    @Inject
    java.time.Clock clock;
    @Inject
    org.gridguard.common.TimeConfig time;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "gridguard.needs.urgent-limit")
    java.time.Duration urgentLimit;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "gridguard.needs.routine-limit")
    java.time.Duration routineLimit;

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

    /** The needs, each in the caller's reach (else 404 "Need"), locked for update, in the order given. */
    @Transactional
    public List<NeedRef> lockVisible(Collection<UUID> ids) {
        return ids.stream().map(id -> ref(repo.lockVisible(id))).toList();
    }

    /** OPEN → ASSIGNED, to a run (may be null) and a carrier (may be null). 409 when not OPEN. */
    @Transactional
    public void assign(UUID needId, UUID runId, String assignee, String actor) {
        transitions.assign(repo.lockVisible(needId), runId, assignee, actor);
    }

    /** ASSIGNED → OUT_FOR_DELIVERY. 409 otherwise. */
    @Transactional
    public void dispatch(UUID needId, String actor) {
        transitions.dispatch(repo.lockVisible(needId), actor);
    }

    /** ASSIGNED or OUT_FOR_DELIVERY → DELIVERED, with who received it at the door. 409 otherwise. */
    @Transactional
    public void deliver(UUID needId, String receivedBy, String actor) {
        transitions.deliver(repo.lockVisible(needId), receivedBy, actor);
    }

    /** ASSIGNED or OUT_FOR_DELIVERY → OPEN again (nobody home): run and carrier cleared, the reason in the history. */
    @Transactional
    public void reopen(UUID needId, String reason, String actor) {
        transitions.reopen(repo.lockVisible(needId), reason, actor);
    }

    /** Any state but DELIVERED or CANCELLED → CANCELLED with the reason (e.g. refused at the door). */
    @Transactional
    public void cancel(UUID needId, String reason, String actor) {
        transitions.cancel(repo.lockVisible(needId), reason, actor);
    }

    /** The last delivery to each household (households never delivered to are absent). */
    @Transactional
    public Map<UUID, Instant> lastDelivered(Collection<UUID> householdIds) {
        return repo.lastDelivered(householdIds);
    }

    /** The figures of the needs whose home is within {@code areaPath} (null: everywhere) for [from, to). */
    @Transactional
    public Figures figures(String areaPath, Instant from, Instant to) {
        return repo.figures(areaPath, from, to, clock.instant(), urgentLimit, routineLimit, time.zone().getId());
    }

    /** One figure of one day: raised, delivered, cancelled or overdue (at the day's end). */
    public record DayCount(java.time.LocalDate day, String figure, long count) {
    }

    /**
     * The daily report's figures of the needs whose home is within {@code areaPath} for each day of [first, last] in
     * the deployment's zone: raised, delivered and cancelled that day; overdue at the day's end (now for today). Days
     * without a figure are absent. No reach check: the caller scoped the area.
     */
    @Transactional
    public List<DayCount> daily(String areaPath, java.time.LocalDate first, java.time.LocalDate last) {
        return repo.daily(areaPath, first, last, clock.instant(), urgentLimit, routineLimit, time.zone()).stream()
                .map(r -> new DayCount(r[0] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[0],
                        (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    /** How many needs under {@code areaPath} are assigned to the user and not yet delivered (a carrier's deliveries). */
    @Transactional
    public long assignedTo(String user, String areaPath) {
        return repo.assignedTo(user, areaPath);
    }

    static NeedRef ref(Need n) {
        return new NeedRef(n.id, n.communityId, n.gridCellId, n.areaId, n.householdId, n.residentId, n.quarantineOrderId,
                n.kind, n.detail, n.medicineName, n.medicineQuantity, n.urgency, n.status, n.runId, n.assignedTo, n.version);
    }
}
