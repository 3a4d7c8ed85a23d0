package org.gridguard.quarantine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes of quarantine visits and the day's visit list. */
public final class VisitViews {
    private VisitViews() {
    }

    /** The visit windows of a day, in order: the first configured window is MORNING, the second AFTERNOON. */
    public enum Slot {
        MORNING, AFTERNOON
    }

    public enum Mode {
        PHONE, DOOR
    }

    /** NONE is exclusive: a visit with NONE lists nothing else. */
    public enum Symptom {
        FEVER, COUGH, SORE_THROAT, LOSS_OF_TASTE_OR_SMELL, FATIGUE, DIARRHOEA, NONE
    }

    /** The kinds of the needs register (/api/v1/needs). */
    public enum NeedKind {
        FOOD, MEDICINE, MEDICAL_APPOINTMENT, SUBSIDY, PSYCHOLOGICAL_SUPPORT, OTHER
    }

    public enum NeedUrgency {
        NORMAL, URGENT
    }

    /** DONE: visited; DUE: the window has not closed; OVERDUE: closed today without a visit; MISSED: a past day's. */
    public enum DueStatus {
        OVERDUE, DUE, DONE, MISSED
    }

    @Schema(name = "QuarantineVisitNeed", description = "A need raised at the visit, for the needs register")
    public record NeedInput(@NotNull NeedKind kind, NeedUrgency urgency, @Size(max = 200) String note) {
    }

    @Schema(name = "NewQuarantineVisit")
    public record NewVisit(
            @Schema(description = "Client-generated id of the visit (the offline queue's key): the same clientRef and body again is a duplicate (200), with another body 409", required = true) @NotNull UUID clientRef,
            @Schema(description = "When the person was reached; more than 5 minutes in the future or more than 7 days ago is refused", required = true) @NotNull OffsetDateTime visitedAt,
            @Schema(description = "The window this visit counts for on the local day of visitedAt; by default the window visitedAt falls in, else the last one that opened before it, else the first") Slot window,
            @Schema(required = true) @NotNull Mode mode,
            @Schema(description = "°C, " + org.gridguard.temperature.TemperatureReadings.PLAUSIBLE_RANGE + "; 37.3 or more raises FEVER", example = "36.5") BigDecimal temperature,
            @Schema(description = "At least one; NONE alone", required = true) @NotNull @Size(min = 1, max = 7) List<@NotNull Symptom> symptoms,
            @Schema(description = "Home isolation only: the door seal found intact") Boolean sealIntact,
            @Size(max = 10) List<@Valid @NotNull NeedInput> needs,
            @Size(max = 500) String note) {
    }

    @Schema(name = "QuarantineVisit")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VisitView(UUID id, UUID orderId, LocalDate date, Slot window, OffsetDateTime visitedAt, Mode mode,
            BigDecimal temperature, boolean fever, List<Symptom> symptoms, Boolean sealIntact, List<NeedInput> needs,
            String note, UUID clientRef, String recordedBy, OffsetDateTime recordedAt,
            @Schema(description = "The FEVER alert of the person and day") UUID feverAlertId,
            @Schema(description = "The SYMPTOM alert of the person and day") UUID symptomAlertId) {
    }

    @Schema(name = "QuarantineVisitDue", description = "One window of one order on the day")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DueRow(UUID orderId, String orderNumber, String kind, UUID residentId, String name, String address,
            String cellName, LocalDate date, Slot window, OffsetDateTime windowStart, OffsetDateTime windowEnd, DueStatus status,
            UUID visitId, OffsetDateTime visitedAt, Mode mode, Boolean fever) {
    }
}
