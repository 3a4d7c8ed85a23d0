package org.gridguard.quarantine;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.quarantine.QuarantineViews.Kind;
import org.gridguard.quarantine.QuarantineViews.NewOrder;
import org.gridguard.quarantine.QuarantineViews.PersonInput;
import org.gridguard.quarantine.QuarantineViews.Reason;
import org.gridguard.quarantine.QuarantineViews.Status;
import org.gridguard.security.pii.IdentityRules;

/**
 * The rules of an order, pure functions of their inputs (ADR 0031): default durations, periods, numbers, the person
 * key and which moves a status allows.
 */
public final class QuarantineRules {

    /** An order lasts at most this many days, extensions included. */
    public static final int MAX_DAYS = 366;
    /** Built-in default durations in days, used when gridguard.quarantine.days.* says nothing. */
    static final int HOME_ISOLATION_DAYS = 14;
    static final int CENTRAL_ISOLATION_DAYS = 14;
    static final int HOME_MONITORING_DAYS = 7;
    static final String CONFIG = "gridguard.quarantine.days.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private QuarantineRules() {
    }

    /**
     * The planned end (inclusive) of an order starting on {@code start}: {@code days.<KIND>.<REASON>}, else
     * {@code days.<KIND>}, else the built-in default of the kind.
     */
    public static LocalDate defaultEnd(Kind kind, Reason reason, LocalDate start, Function<String, Optional<Integer>> config) {
        int days = config.apply(CONFIG + kind + "." + reason)
                .or(() -> config.apply(CONFIG + kind))
                .orElse(switch (kind) {
                    case HOME_ISOLATION -> HOME_ISOLATION_DAYS;
                    case CENTRAL_ISOLATION -> CENTRAL_ISOLATION_DAYS;
                    case HOME_MONITORING -> HOME_MONITORING_DAYS;
                });
        return start.plusDays(Math.max(1, days) - 1L);
    }

    /** 422 when the end is before the start or the period is longer than {@link #MAX_DAYS}. */
    public static void checkPeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw unprocessable("endsOn", "must not be before startsOn");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw unprocessable("endsOn", "an order lasts at most " + MAX_DAYS + " days");
        }
    }

    /** A 422 problem naming the field. */
    static ApiProblem unprocessable(String field, String message) {
        return new ApiProblem(422, "validation", "Unprocessable request", message, List.of(new FieldError(field, message)),
                null, null);
    }

    /** The request's shape beyond its annotations: exactly one person, a site only with central isolation. */
    public static List<FieldError> problems(NewOrder o, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if ((o.residentId() == null) == (o.person() == null)) {
            errors.add(new FieldError("residentId", "send exactly one of residentId and person"));
        }
        PersonInput p = o.person();
        if (p != null && p.documentType() != null) {
            for (String m : IdentityRules.documentProblems(p.documentType(), IdentityRules.normaliseDocument(p.documentNumber()), today)) {
                errors.add(new FieldError("person.documentNumber", m));
            }
        }
        if (p != null && p.phone() != null && !p.phone().isBlank() && IdentityRules.normalisePhone(p.phone()) == null) {
            errors.add(new FieldError("person.phone", IdentityRules.phoneProblem(p.phone())));
        }
        if (o.kind() == Kind.CENTRAL_ISOLATION && o.siteId() == null) {
            errors.add(new FieldError("siteId", "is required for CENTRAL_ISOLATION"));
        }
        if (o.kind() != null && o.kind() != Kind.CENTRAL_ISOLATION && o.siteId() != null) {
            errors.add(new FieldError("siteId", "only a CENTRAL_ISOLATION order has a site"));
        }
        if (o.sourceOrderId() != null && o.sourceCaseRef() != null) {
            errors.add(new FieldError("sourceCaseRef", "send at most one of sourceOrderId and sourceCaseRef"));
        }
        return errors;
    }

    /** One active order per person: 'D:' + hex(HMAC of the document) when known, else 'R:' + resident id. */
    public static String personKey(byte[] docHmac, UUID residentId) {
        return docHmac != null ? "D:" + HexFormat.of().formatHex(docHmac) : "R:" + residentId;
    }

    /** 'Q' + the local day of creation (yyyymmdd) + '-' + a sequence number. */
    public static String number(LocalDate created, long sequence) {
        return numberPrefix(created) + sequence;
    }

    /** The number without its sequence: 'Q' + yyyymmdd + '-'. */
    public static String numberPrefix(LocalDate created) {
        return "Q" + created.format(DAY) + "-";
    }

    /** Eight random hex characters, printed with the number on the release notice. */
    public static String checkCode() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    /** 409 unless the order is still active: an ended order is history. */
    public static void requireActive(Status status, String what) {
        if (status != Status.ACTIVE) {
            throw new ApiProblem(409, "order-not-active", "Conflict",
                    "The order is " + status + ": only an active order can be " + what);
        }
    }
}
