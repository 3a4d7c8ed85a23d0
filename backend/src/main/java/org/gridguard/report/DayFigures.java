package org.gridguard.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.gridguard.common.Port;

/**
 * What a {@link DailySection#figures} answer is made of: every day of the range with every COUNT and LEVEL measure of
 * the section at 0, to which the section adds its SQL's (day, measure, count) rows. Days after {@code today} stay 0:
 * nothing is projected into the future. Sections use it so that none of them repeats the zero-filling.
 */
@Port
public final class DayFigures {

    private final Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
    private final LocalDate today;

    public DayFigures(DailySection section, LocalDate first, LocalDate last, LocalDate today) {
        this.today = today;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Map<String, Long> zero = new LinkedHashMap<>();
            section.measures().stream().filter(m -> m.kind() != Measure.Kind.RATIO).forEach(m -> zero.put(m.key(), 0L));
            days.put(d, zero);
        }
    }

    /** Adds {@code n} to the measure on the day; days outside the range or after today and unknown keys are ignored. */
    public DayFigures add(LocalDate day, String key, long n) {
        Map<String, Long> d = day.isAfter(today) ? null : days.get(day);
        if (d != null && d.containsKey(key)) {
            d.merge(key, n, Long::sum);
        }
        return this;
    }

    /** Adds rows of (day as a java.sql.Date or LocalDate, measure key, count). */
    public DayFigures addRows(Iterable<Object[]> rows) {
        for (Object[] r : rows) {
            add(r[0] instanceof java.sql.Date s ? s.toLocalDate() : (LocalDate) r[0], (String) r[1], ((Number) r[2]).longValue());
        }
        return this;
    }

    public Map<LocalDate, Map<String, Long>> map() {
        return days;
    }
}
