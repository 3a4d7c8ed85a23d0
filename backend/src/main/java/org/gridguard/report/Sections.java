package org.gridguard.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.gridguard.report.ReportViews.Figure;
import org.gridguard.report.ReportViews.Section;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;

/**
 * Every feature's section of the daily report ({@code @All List<DailySection>}), in order. Startup fails on two
 * sections with one key, two measures with one key, or a measure outside its section's key.
 */
@ApplicationScoped
public class Sections {

    @Inject
    @All
    List<DailySection> beans;

    private List<DailySection> ordered;
    private Map<String, Measure> measures;

    void check(@Observes StartupEvent e) {
        ordered();
    }

    /** The sections in report order. */
    public List<DailySection> ordered() {
        if (ordered == null) {
            List<DailySection> list = new ArrayList<>(beans);
            list.sort(Comparator.comparingInt(DailySection::order).thenComparing(DailySection::key));
            Set<String> keys = new HashSet<>();
            Map<String, Measure> all = new LinkedHashMap<>();
            for (DailySection s : list) {
                if (!keys.add(s.key())) {
                    throw new IllegalStateException("two daily report sections have the key " + s.key());
                }
                for (Measure m : s.measures()) {
                    if (!m.key().startsWith(s.key() + ".") || all.putIfAbsent(m.key(), m) != null) {
                        throw new IllegalStateException("measure " + m.key() + " of section " + s.key()
                                + " is a duplicate or lies outside its section");
                    }
                }
            }
            measures = all;
            ordered = List.copyOf(list);
        }
        return ordered;
    }

    /** Every measure of every section, by key, in report order. */
    public Map<String, Measure> measures() {
        ordered();
        return measures;
    }

    /**
     * The figures of every measure for each day from {@code first} to {@code last} over the nodes under {@code path}:
     * one {@link DailySection#figures} call per section, RATIO measures computed from their parts.
     */
    public Map<LocalDate, Map<String, BigDecimal>> values(String path, LocalDate first, LocalDate last) {
        Map<LocalDate, Map<String, Long>> raw = new HashMap<>();
        for (DailySection s : ordered()) {
            s.figures(path, first, last).forEach((day, figures) -> raw.computeIfAbsent(day, d -> new HashMap<>()).putAll(figures));
        }
        Map<LocalDate, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.put(d, ReportRules.complete(raw.getOrDefault(d, Map.of()), measures().values()));
        }
        return out;
    }

    /** The sections' figures with the day before beside them; a value absent from a map is null. */
    public List<Section> sections(Map<String, BigDecimal> day, Map<String, BigDecimal> previous) {
        List<Section> out = new ArrayList<>();
        for (DailySection s : ordered()) {
            List<Figure> figures = new ArrayList<>();
            for (Measure m : s.measures()) {
                figures.add(new Figure(m.key(), m.labelZh(), m.labelEn(), m.kind(), m.unit(), day.get(m.key()),
                        previous.get(m.key())));
            }
            out.add(new Section(s.key(), s.titleZh(), s.titleEn(), figures));
        }
        return out;
    }

    /** The figures of a report's sections by measure key (the day's values, or the day before's). */
    public static Map<String, BigDecimal> valuesOf(List<Section> sections, boolean previous) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Section s : sections) {
            for (Figure f : s.figures()) {
                out.put(f.key(), previous ? f.previous() : f.value());
            }
        }
        return out;
    }
}
