package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.alert.AlertKind;
import org.gridguard.common.BatchResult;
import org.gridguard.common.Jdbc;
import org.gridguard.common.Port;
import org.gridguard.temperature.Entry.Outcome;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.Source;

/**
 * What another feature (quarantine's visits) asks of temperature: the plausible range and the fever threshold, a
 * resident's reading recorded through the one registration path (so its FEVER alert is the same alert, with the same
 * one-per-person-and-day dedupe, as a reading at a gate), and the FEVER kind and its dedupe key for a person who is
 * not a resident.
 */
@Port
@ApplicationScoped
public class TemperatureReadings {

    public static final String PLAUSIBLE_RANGE = TemperatureRules.PLAUSIBLE_MIN_TEXT + " to " + TemperatureRules.PLAUSIBLE_MAX_TEXT + " °C";

    @Inject
    Clock clock;
    @Inject
    Jdbc jdbc;
    @Inject
    CheckIngestion ingestion;

    /** A reading recorded: its fever flag and its FEVER alert (null without a fever). */
    public record Recorded(UUID checkId, boolean fever, UUID alertId) {
    }

    /** Within the plausible range of a body temperature. */
    public boolean plausible(BigDecimal celsius) {
        return TemperatureRules.plausible(celsius);
    }

    /** The stored value: one decimal, half up. */
    public BigDecimal rounded(BigDecimal celsius) {
        return TemperatureRules.rounded(celsius);
    }

    /** A fever (37.3 °C or more), after rounding. */
    public boolean isFever(BigDecimal celsius) {
        return TemperatureRules.isFever(TemperatureRules.rounded(celsius));
    }

    /** The FEVER alert kind (for a person who is not a resident, raised by the caller through alert.Alerts). */
    public AlertKind feverKind() {
        return TemperatureAlerts.FEVER;
    }

    /** FEVER's dedupe key for a person known by a document's HMAC: the same as a visitor's reading at a gate. */
    public String feverKeyOfDocument(byte[] documentHmac, LocalDate day) {
        return TemperatureRules.feverKey(null, null, documentHmac, day);
    }

    /**
     * Records a resident's reading taken at the door or by phone, in the caller's transaction, through the path of every
     * registration: the caller's right to record for the resident, the reading's row, its FEVER alert (one per
     * resident and day). The same check id again is a duplicate. A refused reading throws its problem (404, 403, 409,
     * 422).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded recordResident(UUID checkId, UUID residentId, BigDecimal celsius, OffsetDateTime measuredAt, boolean byPhone) {
        CheckInput in = new CheckInput(checkId, null, byPhone ? Source.PHONE : Source.DOOR, null, measuredAt, celsius, null, null,
                residentId, null);
        Entry entry = new Entry(0, in);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Outcome o = ingestion.ingest(List.of(entry), now, jdbc::inTransaction).get(0);
        if (o.status() == BatchResult.Status.REJECTED) {
            throw TemperatureService.problem(o);
        }
        return new Recorded(checkId, entry.reading != null && entry.reading.fever(), o.alertId());
    }
}
