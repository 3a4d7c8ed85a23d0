package org.gridguard.report;

import java.util.Objects;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.common.Port;

/**
 * One figure of a section.
 *
 * @param key {@code <section>.<camelCase>}, stable: partners ask for it by name in /metrics/daily
 * @param kind COUNT: events during the day (summed over days and areas); LEVEL: the state at the end of the day
 *            (or now, for today), summed over areas, never over days; RATIO: numerator ÷ denominator of two other
 *            measures of the same section, computed by the report (null when the denominator is 0)
 * @param unit {@code count}, {@code minutes} (shown as hours) or {@code ratio}
 * @param numerator for RATIO only, the key of a COUNT or LEVEL measure; {@code denominator} likewise
 */
@Port
public record Measure(String key, String labelZh, String labelEn, Kind kind, String unit, String numerator,
        String denominator) {

    private static final Pattern KEY = Pattern.compile("[a-z]+\\.[a-z][A-Za-z0-9]{1,40}");

    @Schema(name = "DailyMeasureKind", description = "COUNT: events of the day; LEVEL: the state at its end; RATIO: computed")
    public enum Kind {
        COUNT, LEVEL, RATIO
    }

    public Measure {
        Objects.requireNonNull(labelZh);
        Objects.requireNonNull(labelEn);
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("measure key must be <section>.<camelCase>: " + key);
        }
        if ((kind == Kind.RATIO) != (numerator != null && denominator != null)) {
            throw new IllegalArgumentException("a RATIO and only a RATIO names its numerator and denominator: " + key);
        }
    }

    public static Measure count(String key, String labelZh, String labelEn) {
        return new Measure(key, labelZh, labelEn, Kind.COUNT, "count", null, null);
    }

    public static Measure minutes(String key, String labelZh, String labelEn) {
        return new Measure(key, labelZh, labelEn, Kind.COUNT, "minutes", null, null);
    }

    public static Measure level(String key, String labelZh, String labelEn) {
        return new Measure(key, labelZh, labelEn, Kind.LEVEL, "count", null, null);
    }

    public static Measure ratio(String key, String labelZh, String labelEn, String numerator, String denominator) {
        return new Measure(key, labelZh, labelEn, Kind.RATIO, "ratio", numerator, denominator);
    }
}
