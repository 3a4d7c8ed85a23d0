package org.gridguard.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The requests and answers of central isolation sites: rooms, stays (guests) and occupancy. */
public final class SiteViews {
    private SiteViews() {
    }

    /** Why a guest left a site. */
    public enum DepartureReason {
        RELEASED, TRANSFERRED, HOSPITAL
    }

    @Schema(name = "QuarantineSite", description = "A central isolation site (a checkpoint of kind QUARANTINE_SITE) with its capacity and who is there now")
    public record SiteView(UUID id, String code, String name, UUID communityId,
            @Schema(description = "Rooms of the site") int rooms,
            @Schema(description = "Beds of all rooms: the site's capacity") int beds,
            @Schema(description = "Guests staying now") int guests,
            @Schema(description = "Beds not taken now") int freeBeds) {
    }

    @Schema(name = "QuarantineSiteRoom")
    public record RoomView(UUID id, UUID siteId, String number, int beds,
            @Schema(description = "Guests in the room now") int guests, long version) {
    }

    @Schema(name = "NewQuarantineSiteRoom")
    public record NewRoom(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*", message = "must be letters, digits, spaces, dots, dashes or underscores") @Schema(description = "The room's number as written on its door", example = "301") String number,
            @NotNull @Min(1) @Max(SiteRules.MAX_BEDS) Integer beds) {
    }

    @Schema(name = "QuarantineSiteRoomChange")
    public record RoomChange(
            @NotNull @Min(1) @Max(SiteRules.MAX_BEDS) @Schema(description = "Never fewer than the room's guests") Integer beds,
            @Schema(description = "The version you edited (or If-Match)", nullable = true) Long version) {
    }

    @Schema(name = "QuarantineGuest", description = "A guest staying at the site now; the person masked")
    public record GuestView(UUID stayId, UUID orderId, String orderNumber, UUID roomId, String roomNumber, Instant arrivedAt,
            @Schema(description = "The order's planned end (inclusive)") LocalDate endsOn,
            String name,
            @Schema(description = "The document number, masked", nullable = true) String documentMasked,
            @Schema(description = "The phone number, masked", nullable = true) String phoneMasked) {
    }

    @Schema(name = "NewQuarantineArrival")
    public record NewArrival(
            @NotNull @Schema(description = "A CENTRAL_ISOLATION order whose site is this one") UUID orderId,
            @NotNull @Schema(description = "A room of this site with a free bed") UUID roomId,
            @Schema(description = "When the guest arrived; default now. Not in the future", nullable = true) Instant arrivedAt) {
    }

    @Schema(name = "QuarantineDeparture")
    public record Departure(@NotNull DepartureReason reason,
            @Schema(description = "When the guest left; default now. Not before the arrival nor in the future", nullable = true) Instant departedAt) {
    }

    @Schema(name = "QuarantineStay", description = "A guest's stay in a room of a site, from arrival to departure")
    public record StayView(UUID id, UUID siteId, UUID roomId, String roomNumber, UUID orderId, String orderNumber,
            Instant arrivedAt,
            @Schema(nullable = true, description = "Absent while the guest stays") Instant departedAt,
            @Schema(nullable = true, description = "Absent while the guest stays") DepartureReason departureReason,
            long version) {
    }

    @Schema(name = "QuarantineSiteOccupancyDay")
    public record OccupancyDay(LocalDate date,
            @Schema(description = "Guests present at some time of the day (Asia/Shanghai unless configured)") int guests,
            @Schema(description = "Guests present at the day's end (staying the night)") int overnight, int arrivals,
            int departures) {
    }

    @Schema(name = "QuarantineSiteOccupancy")
    public record Occupancy(UUID siteId, String siteName, LocalDate from, LocalDate to,
            @Schema(description = "Beds of the site's rooms today (rooms keep no history of their beds)") int beds,
            List<OccupancyDay> days) {
    }
}
