package org.gridguard.temperature;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.VisitorInput;

/**
 * Turns what was sent into a {@link Reading}, without the database: {@link TemperatureRules} with the deployment's
 * settings (report windows, zone, tolerances), then the visitor's document and phone sealed with {@link PiiCipher}.
 */
@ApplicationScoped
public class CheckIntake {

    @Inject
    PiiCipher pii;
    @Inject
    ReportWindows windows;

    @ConfigProperty(name = "gridguard.temperature.late-after", defaultValue = "PT10M")
    Duration lateAfter;

    @ConfigProperty(name = "gridguard.temperature.future-tolerance", defaultValue = "PT5M")
    Duration futureTolerance;

    /** The oldest reading accepted (ADR 0025); TemperatureRules.MAX_AGE by default. */
    @ConfigProperty(name = "gridguard.temperature.max-age", defaultValue = "P30D")
    Duration maxAge;

    /** The entry's reading, or its rejections (422). */
    void admit(Entry e, Instant now) {
        CheckInput in = e.in;
        List<FieldError> problems = TemperatureRules.problems(in, now, futureTolerance, maxAge, windows.day(now));
        for (FieldError f : problems) {
            e.reject(422, f.field(), f.message());
        }
        if (!problems.isEmpty()) {
            return;
        }
        Instant measured = in.measuredAt().toInstant();
        BigDecimal t = TemperatureRules.rounded(in.temperature());
        e.reading = new Reading(in, t, TemperatureRules.isFever(t), windows.day(measured), windows.windowOf(measured),
                TemperatureRules.isLate(measured, now, lateAfter), TemperatureRules.hash(in), seal(in.visitor()));
    }

    /** A visitor's document and phone encrypted, keyed-hashed and masked; null for a resident's reading. */
    Reading.Sealed seal(VisitorInput v) {
        if (v == null) {
            return null;
        }
        DocType docType = null;
        String docCipher = null, docMask = null, phoneCipher = null, phoneMask = null;
        byte[] docHmac = null, phoneHmac = null;
        if (!TemperatureRules.blank(v.documentNumber())) {
            docType = TemperatureRules.documentType(v);
            String n = IdentityRules.normaliseDocument(v.documentNumber());
            docCipher = pii.encrypt(n);
            docHmac = pii.hmac(docType.name(), n);
            docMask = IdentityRules.maskDocument(docType, n);
        }
        String p = TemperatureRules.blank(v.phone()) ? null : IdentityRules.normalisePhone(v.phone());
        if (p != null) {
            phoneCipher = pii.encrypt(p);
            phoneHmac = pii.hmac("PHONE", p);
            phoneMask = IdentityRules.maskPhone(p);
        }
        return new Reading.Sealed(v.name().trim(), docType, docCipher, docHmac, docMask, phoneCipher, phoneHmac, phoneMask);
    }
}
