package org.gridguard.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API accepts as text and as a date, wherever it comes from (ADR 0025): no control character but TAB, LF
 * and CR, no lone UTF-16 surrogate, and no year outside {@value #MIN_YEAR}..{@value #MAX_YEAR}. Pure; applied at
 * the edge by {@link InputGuard} (JSON bodies, query, path and header parameters) and by file imports per row.
 * Messages never repeat the value sent.
 */
public final class InputRules {
    private InputRules() {
    }

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    public static final String CONTROL = "must not contain control characters";
    public static final String SURROGATE = "must be valid Unicode text";
    public static final String YEAR = "must be a date between the years " + MIN_YEAR + " and " + MAX_YEAR;

    /** A query value that starts like an ISO date: its year is checked even when the parameter is a plain string. */
    private static final Pattern DATE_SHAPED = Pattern.compile("^([+-]?\\d{4,10})-\\d{2}-\\d{2}");

    /** Null when the text is acceptable, else why not. */
    public static String textProblem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return CONTROL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    public static boolean yearInRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Null when the date or time is acceptable (or not a date at all), else why not. */
    public static String dateProblem(Object value) {
        Integer year = null;
        if (value instanceof Instant i) {
            year = yearOf(i);
        } else if (value instanceof OffsetDateTime o) {
            year = yearOf(o.toInstant());
        } else if (value instanceof ZonedDateTime z) {
            year = yearOf(z.toInstant());
        } else if (value instanceof LocalDate d) {
            year = d.getYear();
        } else if (value instanceof LocalDateTime d) {
            year = d.getYear();
        }
        return year == null || yearInRange(year) ? null : YEAR;
    }

    private static int yearOf(Instant i) {
        // Instant.MIN and MAX are within LocalDateTime's range, so this never throws
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC).getYear();
    }

    /** A query, path or header value: acceptable text and, if it starts like a date, a year in range. */
    public static String parameterProblem(String value) {
        String p = textProblem(value);
        if (p != null || value == null) {
            return p;
        }
        Matcher m = DATE_SHAPED.matcher(value.strip());
        if (m.find()) {
            long year = Long.parseLong(m.group(1).replace("+", ""));
            if (year < MIN_YEAR || year > MAX_YEAR) {
                return YEAR;
            }
        }
        return null;
    }
}
