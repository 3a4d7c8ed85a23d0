package org.gridguard.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A test-only section of the daily report: its figures are what a test put for a node (by the node's path) and day;
 * a report over a path sums the nodes under it, as a real section's SQL does. Real sections are tested by their
 * own features.
 */
@ApplicationScoped
public class FixtureSection implements DailySection {

    static final Map<String, Map<LocalDate, Map<String, Long>>> FIGURES = new ConcurrentHashMap<>();
    /** How many times figures() was called (one call per section per report). */
    static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

    /** Sets a node's figures of a day (unset measures are 0). */
    static void put(String path, LocalDate day, Map<String, Long> figures) {
        FIGURES.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(day, Map.copyOf(figures));
    }

    static void clear() {
        FIGURES.clear();
    }

    @Override
    public String key() {
        return "fixture";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String titleZh() {
        return "测试";
    }

    @Override
    public String titleEn() {
        return "Fixture";
    }

    @Override
    public List<Measure> measures() {
        return List.of(Measure.level("fixture.households", "户数", "Households"),
                Measure.count("fixture.visits", "走访", "Visits"),
                Measure.count("fixture.done", "完成", "Done"),
                Measure.count("fixture.planned", "计划", "Planned"),
                Measure.ratio("fixture.rate", "完成率", "Rate", "fixture.done", "fixture.planned"));
    }

    @Override
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        CALLS.incrementAndGet();
        Map<LocalDate, Map<String, Long>> out = new HashMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Map<String, Long> day = new HashMap<>();
            for (Measure m : measures()) {
                if (m.kind() != Measure.Kind.RATIO) {
                    day.put(m.key(), 0L);
                }
            }
            LocalDate at = d;
            FIGURES.forEach((node, days) -> {
                if (node.startsWith(path)) {
                    days.getOrDefault(at, Map.of()).forEach((k, v) -> day.merge(k, v, Long::sum));
                }
            });
            out.put(d, day);
        }
        return out;
    }
}
