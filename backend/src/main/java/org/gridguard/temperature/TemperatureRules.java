package org.gridguard.temperature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.Problem.FieldError;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.ReportWindow;
import org.gridguard.temperature.TemperatureViews.Source;
import org.gridguard.temperature.TemperatureViews.VisitorInput;

/**
 * The rules of a temperature reading that need nothing but the reading and the clock: what is plausible, what is a
 * fever, when it is late, what makes two sends the same reading, and the dedupe keys of its alerts. Pure: no
 * database, no CDI. Messages never repeat a value that was sent.
 */
public final class TemperatureRules {
    private TemperatureRules() {
    }

    /** The plausible range of a body temperature, °C, as text for messages and API documentation. */
    public static final String PLAUSIBLE_MIN_TEXT = "34.0";
    public static final String PLAUSIBLE_MAX_TEXT = "43.0";
    public static final BigDecimal PLAUSIBLE_MIN = new BigDecimal(PLAUSIBLE_MIN_TEXT);
    public static final BigDecimal PLAUSIBLE_MAX = new BigDecimal(PLAUSIBLE_MAX_TEXT);
    /** A fever: this much or more, after rounding to one decimal. */
    public static final BigDecimal FEVER = new BigDecimal("37.3");
    /**
     * The oldest reading accepted, by default: offline queues hold readings for days, not for weeks; older is a
     * device's clock gone wrong (1970, year 1). Configurable as gridguard.temperature.max-age.
     */
    public static final Duration MAX_AGE = Duration.ofDays(30);
    /** Items in one batch request. */
    public static final int MAX_BATCH = 1000;
    /** Clock skew allowed between instances when deciding that a report window may already have been swept. */
    public static final Duration CLOSE_MARGIN = Duration.ofMinutes(2);

    /**
     * The problems of one input, all 422, in the order a client reads them; empty when the reading may go on to
     * authorisation. {@code today} is the deployment's local day of {@code now} (document dates are checked against it).
     */
    public static List<FieldError> problems(CheckInput in, Instant now, Duration futureTolerance, LocalDate today) {
        return problems(in, now, futureTolerance, MAX_AGE, today);
    }

    /** As above, with the oldest reading accepted: {@code maxAge} before now (ADR 0025). */
    public static List<FieldError> problems(CheckInput in, Instant now, Duration futureTolerance, Duration maxAge,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        basics(in, now, futureTolerance, errors);
        if (in.measuredAt() != null && in.measuredAt().toInstant().isBefore(now.minus(maxAge))) {
            errors.add(new FieldError("measuredAt", "is more than " + maxAge.toDays()
                    + " days ago: check the device's clock"));
        }
        if (in.visitor() != null) {
            visitor(in, today, errors);
        }
        return errors;
    }

    private static void basics(CheckInput in, Instant now, Duration futureTolerance, List<FieldError> errors) {
        if (in.id() == null) {
            errors.add(new FieldError("id", "is required: a client-generated UUID"));
        }
        if (in.source() == null) {
            errors.add(new FieldError("source", "is required: GATE, DOOR, PHONE or PHOTO"));
        }
        if (in.measuredAt() == null) {
            errors.add(new FieldError("measuredAt", "is required"));
        } else if (in.measuredAt().toInstant().isAfter(now.plus(futureTolerance))) {
            errors.add(new FieldError("measuredAt", "is more than " + futureTolerance.toMinutes()
                    + " minutes in the future: check the device's clock"));
        }
        if (in.temperature() == null) {
            errors.add(new FieldError("temperature", "is required, in °C"));
        } else if (!plausible(in.temperature())) {
            errors.add(new FieldError("temperature",
                    "must be between " + PLAUSIBLE_MIN_TEXT + " and " + PLAUSIBLE_MAX_TEXT + " °C; measure again"));
        }
        if (in.source() == Source.GATE) {
            if (in.checkpointId() == null) {
                errors.add(new FieldError("checkpointId", "is required at a gate"));
            }
            if (in.direction() == null) {
                errors.add(new FieldError("direction", "is required at a gate: IN or OUT"));
            }
        }
        if ((in.residentId() == null) == (in.visitor() == null)) {
            errors.add(new FieldError("residentId", "send exactly one of residentId and visitor"));
        }
        if (in.vehiclePlate() != null && in.vehiclePlate().length() > 20) {
            errors.add(new FieldError("vehiclePlate", "must be at most 20 characters"));
        }
    }

    private static void visitor(CheckInput in, LocalDate today, List<FieldError> errors) {
        VisitorInput v = in.visitor();
        if (in.source() != null && in.source() != Source.GATE) {
            errors.add(new FieldError("visitor", "visitors are registered at a gate; watch reports are for residents"));
        }
        if (v.name() == null || v.name().isBlank() || v.name().length() > 100) {
            errors.add(new FieldError("visitor.name", "is required, at most 100 characters"));
        }
        if (v.fromPlace() != null && v.fromPlace().length() > 200) {
            errors.add(new FieldError("visitor.fromPlace", "must be at most 200 characters"));
        }
        if (v.reason() != null && v.reason().length() > 200) {
            errors.add(new FieldError("visitor.reason", "must be at most 200 characters"));
        }
        if (!blank(v.documentNumber())) {
            DocType t = documentType(v);
            for (String m : IdentityRules.documentProblems(t, IdentityRules.normaliseDocument(v.documentNumber()), today)) {
                errors.add(new FieldError("visitor.documentNumber", m));
            }
        } else if (v.documentType() != null) {
            errors.add(new FieldError("visitor.documentNumber", "is required with a documentType"));
        }
        if (!blank(v.phone()) && IdentityRules.normalisePhone(v.phone()) == null) {
            errors.add(new FieldError("visitor.phone", IdentityRules.phoneProblem(v.phone())));
        }
    }

    /** Within {@link #PLAUSIBLE_MIN} … {@link #PLAUSIBLE_MAX}, both included. */
    public static boolean plausible(BigDecimal celsius) {
        return celsius.compareTo(PLAUSIBLE_MIN) >= 0 && celsius.compareTo(PLAUSIBLE_MAX) <= 0;
    }

    /** The stored value: one decimal, half up. */
    public static BigDecimal rounded(BigDecimal celsius) {
        return celsius.setScale(1, RoundingMode.HALF_UP);
    }

    /** A fever, for a {@link #rounded} value. */
    public static boolean isFever(BigDecimal rounded) {
        return rounded.compareTo(FEVER) >= 0;
    }

    /** Received more than {@code lateAfter} after it was measured. */
    public static boolean isLate(Instant measured, Instant now, Duration lateAfter) {
        return Duration.between(measured, now).compareTo(lateAfter) > 0;
    }

    /** A visitor's document type: mainland ID unless said otherwise. */
    public static DocType documentType(VisitorInput v) {
        return v.documentType() == null ? DocType.MAINLAND_ID : v.documentType();
    }

    /** The plate as stored: trimmed, none when blank. */
    public static String plate(String vehiclePlate) {
        return vehiclePlate == null || vehiclePlate.isBlank() ? null : vehiclePlate.trim();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A stable digest of what was sent: a retry with the same id must be the same reading. */
    public static String hash(CheckInput in) {
        VisitorInput v = in.visitor();
        String canonical = String.join("|", String.valueOf(in.id()), String.valueOf(in.checkpointId()),
                String.valueOf(in.source()), String.valueOf(in.direction()), in.measuredAt().toInstant().toString(),
                in.temperature().stripTrailingZeros().toPlainString(), String.valueOf(in.healthCode()),
                String.valueOf(in.vehiclePlate()), String.valueOf(in.residentId()),
                v == null ? "-" : String.join("|", String.valueOf(v.name()), String.valueOf(v.documentType()),
                        String.valueOf(v.documentNumber()), String.valueOf(v.phone()), String.valueOf(v.fromPlace()),
                        String.valueOf(v.reason())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dedupe key of a FEVER alert: one per resident and local day, per visitor document and day, or per
     * registration for a visitor without a document.
     */
    public static String feverKey(UUID checkId, UUID residentId, byte[] documentHmac, LocalDate day) {
        if (residentId != null) {
            return "fever:resident:" + residentId + ":" + day;
        }
        if (documentHmac != null) {
            return "fever:visitor:" + HexFormat.of().formatHex(documentHmac) + ":" + day;
        }
        return "fever:check:" + checkId;
    }

    /** The dedupe key of a MISSING_REPORT alert: one per person and window. */
    public static String missingKey(UUID residentId, LocalDate day, ReportWindow window) {
        return "missing:" + residentId + ":" + day + ":" + window;
    }
}
