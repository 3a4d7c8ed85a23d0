package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.ReportWindow;

/**
 * A reading that passed {@link TemperatureRules}: what was sent, and what the server derives from it without the
 * database (the rounded temperature, fever, its local day and report window, lateness, the request hash, and the
 * visitor's document and phone sealed by PiiCipher).
 */
record Reading(CheckInput in, BigDecimal temperature, boolean fever, LocalDate day, ReportWindow window, boolean late,
        String hash, Sealed visitor) {

    /** A visitor as stored: trimmed name; document and phone encrypted, keyed-hashed and masked (null when not sent). */
    record Sealed(String name, DocType docType, String docCipher, byte[] docHmac, String docMask, String phoneCipher,
            byte[] phoneHmac, String phoneMask) {
    }

    UUID id() {
        return in.id();
    }

    /** A resident's reading of a report window; a visitor's reading has none. */
    ReportWindow residentWindow() {
        return in.residentId() == null ? null : window;
    }

    String feverKey() {
        return TemperatureRules.feverKey(in.id(), in.residentId(), visitor == null ? null : visitor.docHmac(), day);
    }
}
