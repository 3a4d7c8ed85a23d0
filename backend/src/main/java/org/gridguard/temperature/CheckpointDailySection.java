package org.gridguard.temperature;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.report.DailySection;
import org.gridguard.report.Measure;
import org.gridguard.temperature.TemperatureViews.ReportWindow;

/**
 * The checkpoints and temperatures section of the daily report (卡口与体温): gate registrations (residents,
 * visitors, vehicles), every reading and the fevers among them, and the twice-daily reports of people under watch
 * (两测温、两报告) that were due (windows closed by now) and received, as the temperature metrics count them.
 */
@ApplicationScoped
public class CheckpointDailySection implements DailySection {

    static final List<Measure> MEASURES = List.of(
            Measure.count("checkpoints.registrations", "卡口登记", "Gate registrations"),
            Measure.count("checkpoints.residentsThrough", "居民进出", "Residents through gates"),
            Measure.count("checkpoints.visitors", "访客登记", "Visitors"),
            Measure.count("checkpoints.vehicles", "车辆登记", "Vehicles"),
            Measure.count("checkpoints.temperatureChecks", "测温人次", "Temperature readings"),
            Measure.count("checkpoints.fevers", "发热人次", "Fevers"),
            Measure.count("checkpoints.watchReportsDue", "应报体温次数", "Watch reports due"),
            Measure.count("checkpoints.watchReportsReceived", "已报体温次数", "Watch reports received"),
            Measure.ratio("checkpoints.watchReportRate", "体温报告率", "Watch report rate",
                    "checkpoints.watchReportsReceived", "checkpoints.watchReportsDue"));

    @Inject
    TemperatureReportRepository report;
    @Inject
    WatchRepository watches;
    @Inject
    ReportWindows windows;
    @Inject
    Clock clock;

    @Override
    public String key() {
        return "checkpoints";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleZh() {
        return "卡口与体温";
    }

    @Override
    public String titleEn() {
        return "Checkpoints and temperatures";
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    @Transactional
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        Instant now = clock.instant();
        LocalDate today = windows.day(now);
        Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
        for (Object[] r : report.daily(path, first, last)) {
            LocalDate d = LocalDate.parse((String) r[0]);
            Map<String, Long> day = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                day.put(MEASURES.get(i).key(), d.isAfter(today) ? 0L : ((Number) r[i + 1]).longValue());
            }
            day.put("checkpoints.watchReportsDue", 0L);
            day.put("checkpoints.watchReportsReceived", 0L);
            out.put(d, day);
        }
        for (Object[] r : watches.reportsDueAndReceived(path + "%", first, last)) {
            LocalDate d = TemperatureReads.date(r[0]);
            if (!windows.closes(d, ReportWindow.valueOf((String) r[1])).isAfter(now)) {
                out.get(d).merge("checkpoints.watchReportsDue", ((Number) r[2]).longValue(), Long::sum);
                out.get(d).merge("checkpoints.watchReportsReceived", ((Number) r[3]).longValue(), Long::sum);
            }
        }
        return out;
    }
}
