package org.gridguard.duty.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.duty.DutySettings;
import org.gridguard.report.DailySection;
import org.gridguard.report.Measure;

/**
 * The duty section of the daily report (值班): the day's shifts at the posts guarding the area, the seats they
 * needed and how many were filled (the fill rate), the gaps (no one checked in within the configured grace after
 * the start, as the duty board counts them) and the time on duty checked in and out.
 */
@ApplicationScoped
public class DutyDailySection implements DailySection {

    static final List<Measure> MEASURES = List.of(
            Measure.count("duty.shiftsPlanned", "班次数", "Shifts planned"),
            Measure.count("duty.seatsNeeded", "应到人次", "Seats needed"),
            Measure.count("duty.seatsFilled", "已排人次", "Seats filled"),
            Measure.ratio("duty.fillRate", "排班到位率", "Fill rate", "duty.seatsFilled", "duty.seatsNeeded"),
            Measure.count("duty.gaps", "脱岗班次", "Shifts with a gap"),
            Measure.minutes("duty.dutyMinutes", "值守时长", "Time on duty"));

    @Inject
    DutyReportRepository report;
    @Inject
    DutySettings settings;
    @Inject
    Clock clock;
    @ConfigProperty(name = "gridguard.duty.gap-after", defaultValue = "PT15M")
    Duration gapAfter;

    @Override
    public String key() {
        return "duty";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String titleZh() {
        return "值班";
    }

    @Override
    public String titleEn() {
        return "Duty";
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    @Transactional
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        ZoneId z = settings.zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(z).toLocalDate();
        List<Measure> counted = MEASURES.stream().filter(m -> m.kind() != Measure.Kind.RATIO).toList();
        Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
        for (Object[] r : report.daily(path, first, last, first.minusDays(1).atStartOfDay(z).toInstant(),
                last.plusDays(2).atStartOfDay(z).toInstant(), now, gapAfter.toSeconds())) {
            LocalDate d = LocalDate.parse((String) r[0]);
            Map<String, Long> day = new LinkedHashMap<>();
            for (int i = 0; i < counted.size(); i++) {
                day.put(counted.get(i).key(), d.isAfter(today) ? 0L : ((Number) r[i + 1]).longValue());
            }
            out.put(d, day);
        }
        return out;
    }
}
