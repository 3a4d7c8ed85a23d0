package org.gridguard.census;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.report.DailySection;
import org.gridguard.report.Measure;

/**
 * The census's section of the daily report (人口): households and living residents at the end of each day, the
 * day's additions and departures, the households verified by phone and by visit (摸排核查), and the households
 * left a notice (留言告知: nobody reached; a contact attempt, not a verification, ADR 0052).
 */
@ApplicationScoped
public class CensusDailySection implements DailySection {

    static final List<Measure> MEASURES = List.of(
            Measure.level("census.households", "户数", "Households"),
            Measure.level("census.residents", "在住人口", "Residents living"),
            Measure.count("census.householdsAdded", "新增户数", "Households added"),
            Measure.count("census.residentsAdded", "新增人口", "Residents added"),
            Measure.count("census.residentsRemoved", "迁出或去世", "Residents moved out or deceased"),
            Measure.count("census.verifiedByPhone", "电话核查户数", "Households verified by phone"),
            Measure.count("census.verifiedByVisit", "上门核查户数", "Households verified by visit"),
            Measure.count("census.noticesLeft", "留言告知户数", "Households left a notice"));

    @Inject
    CensusReportRepository report;
    @Inject
    Clock clock;
    @ConfigProperty(name = "gridguard.zone")
    String zone;

    @Override
    public String key() {
        return "census";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleZh() {
        return "人口";
    }

    @Override
    public String titleEn() {
        return "Census";
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    @Transactional
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        ZoneId z = ZoneId.of(zone);
        LocalDate today = LocalDate.now(clock.withZone(z));
        Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
        for (Object[] r : report.daily(path, first, last, first.atStartOfDay(z).toInstant(), zone)) {
            LocalDate d = LocalDate.parse((String) r[0]);
            Map<String, Long> day = new LinkedHashMap<>();
            for (int i = 0; i < MEASURES.size(); i++) {
                day.put(MEASURES.get(i).key(), d.isAfter(today) ? 0L : ((Number) r[i + 1]).longValue());
            }
            out.put(d, day);
        }
        return out;
    }
}
