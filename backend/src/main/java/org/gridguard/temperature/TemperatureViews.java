package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.security.pii.IdentityRules.DocType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.gridguard.security.pii.IdentityRules;

/** The JSON shapes of temperature checks, the watch list and its reports. Documents and phones leave masked. */
public final class TemperatureViews {
    private TemperatureViews() {
    }

    /** GATE: registered at a checkpoint; DOOR, PHONE, PHOTO: a watch report entered by a worker. */
    public enum Source {
        GATE, DOOR, PHONE, PHOTO
    }

    public enum Direction {
        IN, OUT
    }

    public enum HealthCode {
        GREEN, YELLOW, RED
    }

    /**
     * Why a person is watched without a quarantine order. Home isolation and close contacts are quarantine orders
     * (issue 17, POST /api/v1/quarantines): a watch with those old reasons is refused with a 422 saying so.
     */
    public enum WatchReason {
        RETURNEE, BACK_TO_WORK;

        /** The reasons watches had before quarantine orders (V14 migrated those watches into orders). */
        static final java.util.Set<String> MOVED_TO_ORDERS = java.util.Set.of("HOME_ISOLATION", "CLOSE_CONTACT");

        @com.fasterxml.jackson.annotation.JsonCreator
        public static WatchReason of(String value) {
            if (value != null && MOVED_TO_ORDERS.contains(value)) {
                throw new org.gridguard.common.ApiProblem(422, "use-a-quarantine-order", "Unprocessable request",
                        "A watch no longer has the reason " + value + ": put the person under a quarantine order instead"
                                + " (POST /api/v1/quarantines); watches are for RETURNEE and BACK_TO_WORK",
                        java.util.List.of(new org.gridguard.common.Problem.FieldError("reason",
                                "use a quarantine order (POST /api/v1/quarantines) for " + value)), null, null);
            }
            for (WatchReason r : values()) {
                if (r.name().equals(value)) {
                    return r;
                }
            }
            throw org.gridguard.common.ApiProblem.invalid("reason", "must be one of RETURNEE, BACK_TO_WORK");
        }
    }

    public enum ReportWindow {
        MORNING, AFTERNOON
    }

    public enum ReportStatus {
        MISSING, REPORTED, ALL
    }

    @Schema(name = "VisitorInput", description = "A person who is not a resident: document and phone are stored encrypted")
    public record VisitorInput(@Size(max = 100) String name, DocType documentType, @Size(max = 40) String documentNumber,
            @Size(max = 30) String phone, @Size(max = 200) String fromPlace, @Size(max = 200) String reason) {
    }

    @Schema(name = "TemperatureCheckInput")
    public record CheckInput(
            @Schema(description = "Client-generated id: the idempotency key (the same id again is a duplicate)", required = true) UUID id,
            @Schema(description = "Required when source = GATE") UUID checkpointId,
            @Schema(required = true) Source source,
            @Schema(description = "Required when source = GATE") Direction direction,
            @Schema(description = "The device's clock; more than 5 minutes in the future or more than 30 days ago is rejected, a late one is kept and flagged", required = true) OffsetDateTime measuredAt,
            @Schema(description = "°C, " + TemperatureRules.PLAUSIBLE_MIN_TEXT + " to " + TemperatureRules.PLAUSIBLE_MAX_TEXT, required = true, example = "36.5") BigDecimal temperature,
            HealthCode healthCode, @Size(max = 20) String vehiclePlate,
            @Schema(description = "Exactly one of residentId and visitor") UUID residentId,
            @Valid VisitorInput visitor) {
    }

    @Schema(name = "TemperatureCheckBatch")
    public record BatchInput(
            @NotNull @NotEmpty @Size(max = 1000) @Schema(description = "1 to 1,000 TemperatureCheckInput items; an item of the wrong shape is rejected alone",
                    implementation = CheckInput[].class) List<JsonNode> items) {
    }

    @Schema(name = "VisitorView", requiredProperties = { "name" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitorView(String name, DocType documentType, String documentNumberMasked, String phoneMasked,
            String fromPlace, String reason) {
    }

    @Schema(name = "TemperatureCheck", requiredProperties = { "id", "source", "measuredAt", "receivedAt", "late",
            "temperature", "fever", "personName", "recordedBy", "businessDate", "version" })
    public record CheckView(UUID id, UUID checkpointId, String checkpointName, Source source, Direction direction,
            OffsetDateTime measuredAt, OffsetDateTime receivedAt,
            @Schema(description = "Received more than the late threshold after it was measured") boolean late,
            @Schema(description = "The local day of measuredAt") LocalDate businessDate,
            @Schema(description = "The report window measuredAt falls in, if any") ReportWindow reportWindow,
            BigDecimal temperature, @Schema(description = "37.3 °C or more") boolean fever, HealthCode healthCode,
            String vehiclePlate, UUID residentId, String personName, VisitorView visitor, String recordedBy,
            @Schema(description = "The FEVER alert this reading opened or joined") UUID alertId, long version) {
    }

    @Schema(name = "CheckpointPeopleSearch", description = "Exactly one of idNumber, householdId, name")
    public record PeopleSearch(@Size(max = 40) String idNumber, DocType idType, UUID householdId,
            @Size(max = 50) String name) {
    }

    @Schema(name = "CheckpointPerson", requiredProperties = { "residentId", "name", "householdId", "underWatch" })
    public record PersonHit(UUID residentId, String name, UUID householdId,
            @Schema(description = "Compound / building / door number") String doorLabel, String idNumberMasked,
            String phoneMasked, boolean underWatch,
            @Schema(description = "The person's active home order (home isolation or home health monitoring): they must not "
                    + "go out") HomeOrder quarantine) {
    }

    @Schema(name = "CheckpointHomeOrder", requiredProperties = { "orderId", "number", "kind", "endsOn" })
    public record HomeOrder(UUID orderId, String number,
            @Schema(description = "HOME_ISOLATION or HOME_MONITORING") String kind,
            @Schema(description = "The planned last day, inclusive") LocalDate endsOn) {
    }

    @Schema(name = "NewWatch")
    public record NewWatch(@NotNull UUID residentId, @NotNull WatchReason reason, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn, @Size(max = 1000) String note) {
    }

    @Schema(name = "WatchPatch", description = "Only the fields sent change; end a watch early by moving endsOn")
    public record WatchPatch(WatchReason reason, LocalDate startsOn, LocalDate endsOn, @Size(max = 1000) String note,
            @Schema(description = "The version you edited; or send If-Match") Long version) {
    }

    @Schema(name = "Watch", requiredProperties = { "id", "residentId", "name", "reason", "startsOn", "endsOn", "gridCellId",
            "createdBy", "version" })
    public record WatchView(UUID id, UUID residentId, String name, String doorLabel, UUID gridCellId, String cellName,
            WatchReason reason, LocalDate startsOn, LocalDate endsOn, String note, String createdBy, Instant createdAt,
            long version) {
    }

    @Schema(name = "WatchReading", requiredProperties = { "id", "temperature", "measuredAt" })
    public record ReadingRef(UUID id, BigDecimal temperature, OffsetDateTime measuredAt, boolean fever) {
    }

    @Schema(name = "WatchReport", requiredProperties = { "watchId", "residentId", "name", "date", "window", "reported" })
    public record WatchReportRow(UUID watchId, UUID residentId, String name, String doorLabel, String cellName,
            LocalDate date, ReportWindow window, boolean reported, ReadingRef reading,
            @Schema(description = "The MISSING_REPORT alert of this window, if one was raised") UUID alertId) {
    }

    @Schema(name = "TemperatureDayMetrics", requiredProperties = { "registrations", "fevers", "alertsOpen",
            "alertsClosed", "reportsDue", "reportsReceived", "missing" })
    public record DayMetrics(@Schema(description = "The day; absent in totals") LocalDate date, long registrations, long fevers,
            @Schema(description = "FEVER alerts raised that day and not closed") long alertsOpen,
            @Schema(description = "FEVER alerts raised that day and closed since") long alertsClosed,
            @Schema(description = "Report windows of people under watch that have closed") long reportsDue,
            long reportsReceived, long missing,
            @Schema(description = "reportsReceived / reportsDue, 0–1; null when nothing was due", nullable = true) Double complianceRate) {
    }

    @Schema(name = "TemperatureMetrics", requiredProperties = { "areaId", "from", "to", "days", "totals" })
    public record Metrics(UUID areaId, LocalDate from, LocalDate to, List<DayMetrics> days,
            @Schema(description = "The whole range; date is null") DayMetrics totals) {
    }
}
