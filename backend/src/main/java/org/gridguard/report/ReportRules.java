package org.gridguard.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Problem;
import org.gridguard.report.ReportViews.ChildStatus;

/** The daily report's arithmetic and checks: pure functions, unit-tested in ReportRulesTest. */
public final class ReportRules {

    /** The longest narrative text of a submission, after trimming. */
    public static final int MAX_TEXT = 2000;

    private ReportRules() {
    }

    /** numerator ÷ denominator with 4 decimals; null when the denominator is 0 or either is unknown. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }

    /** The figures of every measure: COUNT and LEVEL from {@code base} (0 when absent), RATIO computed from them. */
    public static Map<String, BigDecimal> complete(Map<String, ? extends Number> base, Collection<Measure> measures) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Measure m : measures) {
            if (m.kind() != Measure.Kind.RATIO) {
                Number n = base.get(m.key());
                out.put(m.key(), n == null ? BigDecimal.ZERO : n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.longValue()));
            }
        }
        for (Measure m : measures) {
            if (m.kind() == Measure.Kind.RATIO) {
                out.put(m.key(), ratio(out.get(m.numerator()), out.get(m.denominator())));
            }
        }
        return out;
    }

    /** The roll-up of children's submitted figures: COUNT and LEVEL summed, RATIO recomputed from the sums. */
    public static Map<String, BigDecimal> sum(List<Map<String, BigDecimal>> children, Collection<Measure> measures) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Measure m : measures) {
            if (m.kind() == Measure.Kind.RATIO) {
                continue;
            }
            BigDecimal total = BigDecimal.ZERO;
            for (Map<String, BigDecimal> child : children) {
                BigDecimal v = child.get(m.key());
                total = v == null ? total : total.add(v);
            }
            sums.put(m.key(), total);
        }
        return complete(sums, measures);
    }

    /**
     * What lies on a node itself and under none of its reporting children (a community's own gates, a pool sampled
     * in two zones counted once instead of twice): the node's live figures minus its children's, COUNT and LEVEL
     * only; may be negative where the children count one thing twice.
     */
    public static Map<String, BigDecimal> own(Map<String, BigDecimal> node, List<Map<String, BigDecimal>> children,
            Collection<Measure> measures) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Measure m : measures) {
            if (m.kind() != Measure.Kind.RATIO) {
                BigDecimal v = node.getOrDefault(m.key(), BigDecimal.ZERO);
                for (Map<String, BigDecimal> child : children) {
                    v = v.subtract(child.getOrDefault(m.key(), BigDecimal.ZERO));
                }
                out.put(m.key(), v);
            }
        }
        return out;
    }

    /**
     * A child's status for the day: MISSING without a submission; LATE when its first submission came after its
     * cut-off ({@code firstLate}) or after the parent's first submission; SUBMITTED otherwise.
     */
    public static ChildStatus status(Instant childFirst, boolean firstLate, Instant parentFirst) {
        if (childFirst == null) {
            return ChildStatus.MISSING;
        }
        return firstLate || parentFirst != null && childFirst.isAfter(parentFirst) ? ChildStatus.LATE : ChildStatus.SUBMITTED;
    }

    /** The narrative text trimmed, null when blank; 400 naming the field when longer than {@link #MAX_TEXT}. */
    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > MAX_TEXT) {
            throw ApiProblem.invalid(field, "at most " + MAX_TEXT + " characters");
        }
        return t;
    }

    /** 422 for a day after today: a report is about a day that has begun. */
    public static void notFuture(LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw unprocessable("date", "a report cannot be submitted for a day after today (" + today + ")");
        }
    }

    /** 422 for a correction (version 2 and later) without a reason. */
    public static void reasonFor(int version, String reason) {
        if (version > 1 && reason == null) {
            throw unprocessable("reason", "a correction (version " + version + ") needs the reason the figures changed");
        }
    }

    /** A 422 problem naming the field. */
    public static ApiProblem unprocessable(String field, String message) {
        return new ApiProblem(422, "validation", "Unprocessable request", message,
                List.of(new Problem.FieldError(field, message)), null, null);
    }

    /** The dedupe key of a node's REPORT_LATE alert for a day. */
    public static String lateKey(UUID node, LocalDate day) {
        return "report-late:" + node + ":" + day;
    }
}
