package org.gridguard.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.report.DailySection;
import org.gridguard.report.DayFigures;
import org.gridguard.report.Measure;

/**
 * 隔离与居家观察, the quarantine section of the daily report: the people under an order at the day's end (by kind), the
 * orders started, released and sent to hospital, the visit windows due (closed or visited), done and missed, the
 * FEVER and SYMPTOM alerts of people under an order and the breaches. The figures are those of the quarantine
 * metrics ({@link QuarantineMetrics#daily}, one statement for the whole range); the watches of returning workers are
 * the temperature feature's.
 */
@ApplicationScoped
public class QuarantineDailySection implements DailySection {

    private static final String K = "quarantine.";

    /** The measure of each column of {@link QuarantineMetrics#FIGURES}, in its order. */
    private static final List<String> COLUMNS = List.of(K + "homeIsolation", K + "homeMonitoring", K + "centralIsolation",
            K + "ordersStarted", K + "ordersReleased", K + "toHospital", K + "visitsDone", K + "visitsMissed", K + "fevers",
            K + "symptoms", K + "breaches");

    private static final List<Measure> MEASURES = List.of(
            Measure.level(K + "ordersActive", "在管人数", "People under an order"),
            Measure.level(K + "homeIsolation", "居家隔离", "Home isolation"),
            Measure.level(K + "homeMonitoring", "居家健康监测", "Home health monitoring"),
            Measure.level(K + "centralIsolation", "集中隔离", "Central isolation"),
            Measure.count(K + "ordersStarted", "新增管控", "Orders started"),
            Measure.count(K + "ordersReleased", "解除管控", "Orders released"),
            Measure.count(K + "toHospital", "转送医院", "Sent to hospital"),
            Measure.count(K + "visitsDue", "应随访次数", "Visits due"),
            Measure.count(K + "visitsDone", "已随访次数", "Visits done"),
            Measure.count(K + "visitsMissed", "漏访次数", "Visits missed"),
            Measure.ratio(K + "visitRate", "随访完成率", "Visit rate", K + "visitsDone", K + "visitsDue"),
            Measure.count(K + "fevers", "发热", "Fevers"),
            Measure.count(K + "symptoms", "症状异常", "Symptoms"),
            Measure.count(K + "breaches", "违规外出", "Breaches"));

    @Inject
    QuarantineMetrics metrics;
    @Inject
    VisitWindows windows;
    @Inject
    Clock clock;

    @Override
    public String key() {
        return "quarantine";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleZh() {
        return "隔离与居家观察";
    }

    @Override
    public String titleEn() {
        return "Quarantine and watches";
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    @Transactional
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        DayFigures out = new DayFigures(this, first, last, windows.day(clock.instant()));
        metrics.daily(path == null ? "" : path, first, last).forEach((day, v) -> {
            for (int i = 0; i < COLUMNS.size(); i++) {
                out.add(day, COLUMNS.get(i), v[i]);
            }
            out.add(day, K + "ordersActive", v[0] + v[1] + v[2]);
            out.add(day, K + "visitsDue", v[6] + v[7]);
        });
        return out.map();
    }
}
