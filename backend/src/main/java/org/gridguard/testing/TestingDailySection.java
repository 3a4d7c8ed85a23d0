package org.gridguard.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.TimeConfig;
import org.gridguard.report.DailySection;
import org.gridguard.report.Measure;

/**
 * The nucleic-acid testing section of the daily report (核酸检测): the coverage of the rounds sampling that day at its
 * end (people to sample, sampled, missing; read from the rollup's day snapshots, ADR 0053, since the census and the
 * exemptions move and the current rollup cannot tell a past day), and what happened each day in the rounds — people
 * sampled, make-up samples (补检), re-tests and door-to-door visits done, exemptions granted, pools reported positive.
 */
@ApplicationScoped
public class TestingDailySection implements DailySection {

    static final List<Measure> MEASURES = List.of(
            Measure.ratio("testing.coverage", "采样覆盖率", "Sampling coverage", "testing.sampledInRound",
                    "testing.toSample"),
            Measure.level("testing.toSample", "应检人数", "People to sample"),
            Measure.level("testing.sampledInRound", "已检人数", "People sampled in the round"),
            Measure.level("testing.missing", "未检人数", "People not sampled yet"),
            Measure.count("testing.sampled", "采样人数", "People sampled"),
            Measure.count("testing.makeupSampled", "补检人数", "Make-up samples"),
            Measure.count("testing.retestsDone", "复检完成", "Re-tests done"),
            Measure.count("testing.doorVisitsDone", "上门采样完成户数", "Door-to-door visits done"),
            Measure.count("testing.exemptions", "免检登记", "Exemptions granted"),
            Measure.count("testing.positivePools", "阳性混管", "Pools reported positive"));

    @Inject
    TestingReportRepository report;
    @Inject
    Clock clock;
    @Inject
    TimeConfig time;

    @Override
    public String key() {
        return "testing";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleZh() {
        return "核酸检测";
    }

    @Override
    public String titleEn() {
        return "Nucleic-acid testing";
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    @Transactional
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        ZoneId z = time.zone();
        LocalDate today = clock.instant().atZone(z).toLocalDate();
        Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
        List<Object[]> rows = report.daily(path, first, last, first.atStartOfDay(z).toInstant(),
                last.plusDays(1).atStartOfDay(z).toInstant(), z.getId());
        List<Measure> figured = MEASURES.stream().filter(m -> m.kind() != Measure.Kind.RATIO).toList();
        rows.forEach(r -> {
            LocalDate d = LocalDate.parse((String) r[0]);
            Map<String, Long> day = new LinkedHashMap<>();
            figured.forEach(m -> day.put(m.key(), d.isAfter(today) ? 0L : ((Number) r[day.size() + 1]).longValue()));
            out.put(d, day);
        });
        return out;
    }
}
