package org.gridguard.report;

import org.gridguard.common.Csv;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.Figure;
import org.gridguard.report.ReportViews.Section;

/**
 * The daily report as CSV, one row per figure ({@code section,measure,label,value,previous}), UTF-8 with a byte
 * order mark like every CSV download (Excel). Values as the API gives them: counts, minutes, ratios 0..1; empty when
 * null.
 */
final class ReportCsv {

    static final String[] HEADER = { "section", "measure", "label", "value", "previous" };

    private ReportCsv() {
    }

    static String csv(DailyReport report) {
        return Csv.excel(HEADER, csv -> {
            for (Section s : report.sections()) {
                for (Figure f : s.figures()) {
                    csv.printRecord(s.key(), f.key(), f.labelZh(), plain(f.value()), plain(f.previous()));
                }
            }
        });
    }

    static String plain(java.math.BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
