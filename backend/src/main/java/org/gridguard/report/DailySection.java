package org.gridguard.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.common.Port;

/**
 * A feature's section of the daily report (日报). The feature owns a bean implementing this; the report collects
 * every bean ({@code @All List<DailySection>}), fails startup on a duplicate key, and never imports a feature's
 * internals. One implementation per feature package.
 */
@Port
public interface DailySection {

    /** Stable lower-case key, also the prefix of every measure key: {@code census}, {@code duty} … */
    String key();

    /** Position in the report, ascending (census 10, checkpoints 20, quarantine 30, testing 40, duty 50, care 60, inspections 70). */
    int order();

    String titleZh();

    String titleEn();

    /** The section's measures, in the order shown. Keys are {@code <section key>.<camelCase>}. */
    List<Measure> measures();

    /**
     * The figures of every COUNT and LEVEL measure for each day from {@code first} to {@code last} (both included,
     * days in Asia/Shanghai) over the area nodes whose path starts with {@code path} (the node and everything
     * under it). Every day of the range and every COUNT/LEVEL measure must be present (0 when nothing happened).
     * RATIO measures are computed by the report from their numerator and denominator: never put them here.
     * A day after today answers 0 for COUNT and the current value is never projected into the future.
     * Set-based SQL: one or a few statements for the whole range, not one per day (a district's report over
     * 150 communities must stay under 300 ms).
     */
    Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last);
}
