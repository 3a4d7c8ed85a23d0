package org.gridguard.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.gridguard.report.ReportViews.Child;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.Figure;
import org.gridguard.report.ReportViews.SubmissionSummary;

/** The daily report's words for people: its title, where its figures come from, a figure as read on paper. */
final class ReportText {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);
    static final String NONE = "—";

    private ReportText() {
    }

    /** 「幸福社区 疫情防控工作日报 2026年12月7日」 */
    static String title(DailyReport r) {
        return r.areaName() + " 疫情防控工作日报 " + DAY.format(r.date());
    }

    /** Where the figures come from: computed now, or the submitted version (late or not). */
    static String source(DailyReport r) {
        SubmissionSummary s = r.submission();
        if (r.source() == ReportViews.Source.SUBMITTED) {
            String at = AT.format(s == null ? r.generatedAt() : s.submittedAt());
            return "第 " + r.version() + " 版 已报送 " + at + (s != null && s.late() ? "（迟报）" : "")
                    + (s == null ? "" : "　报送人：" + s.submittedBy());
        }
        String live = "实时数据 生成于 " + AT.format(r.generatedAt());
        return s == null ? live + "　尚未报送" : live + "　最近报送：第 " + s.version() + " 版 " + AT.format(s.submittedAt())
                + (s.late() ? "（迟报）" : "");
    }

    /** A figure as people read it: minutes as hours, ratios as percentages, a dash when there is none. */
    static String shown(Figure f, BigDecimal v) {
        if (v == null) {
            return NONE;
        }
        if (f.kind() == Measure.Kind.RATIO) {
            return v.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        if ("minutes".equals(f.unit())) {
            return v.divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).toPlainString() + " 小时";
        }
        return v.stripTrailingZeros().toPlainString();
    }

    static String status(Child c) {
        return switch (c.status()) {
            case SUBMITTED -> "已报送";
            case LATE -> "迟报";
            case MISSING -> "未报送";
        };
    }
}
