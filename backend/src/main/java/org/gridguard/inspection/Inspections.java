package org.gridguard.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Port;
import org.gridguard.common.TimeConfig;

/**
 * The inspections' port: the figures the metrics and the daily report read (no reach check: the caller scoped the
 * area). Places "within areaPath" are those whose area node's path starts with it (null: everywhere).
 */
@Port
@ApplicationScoped
public class Inspections {

    /** Inspections done in a period and the tasks open now. */
    public record Figures(long inspections, long passed, long failed, long openTasks, long overdueTasks) {
    }

    /** How one item of one template version was answered in a period. */
    public record ItemRate(UUID templateId, String templateName, int version, UUID itemId, String itemText, String severity,
            long answered, long passed, long failed, long notApplicable) {
    }

    @Inject
    InspectionRepository inspections;
    @Inject
    TaskRepository tasks;
    @Inject
    Clock clock;
    @Inject
    TimeConfig time;

    /**
     * Inspections done in [from, to) at places within areaPath (null = all), passed and failed; the tasks not closed now
     * (open or overdue) and, of them, those past their due time.
     */
    @Transactional
    public Figures figures(String areaPath, Instant from, Instant to) {
        long[] i = inspections.counts(areaPath, from, to);
        long[] t = tasks.counts(areaPath, clock.instant());
        return new Figures(i[0], i[1], i[2], t[0], t[1]);
    }

    /** Answers per template version and item in [from, to) within areaPath, by template then item position. */
    @Transactional
    public List<ItemRate> itemRates(String areaPath, Instant from, Instant to) {
        return inspections.itemRates(areaPath, from, to);
    }

    /** Enterprise id → the business-zone day of its first inspection (ids never inspected are absent). */
    @Transactional
    public Map<UUID, LocalDate> firstInspectionDay(Collection<UUID> enterpriseIds) {
        return inspections.firstInspectionDay(enterpriseIds, time.zone());
    }
}
