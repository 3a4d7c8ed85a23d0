package org.gridguard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridguard.report.ReportViews.Child;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.Figure;
import org.gridguard.report.ReportViews.Section;

/**
 * The daily report as a workbook written by Apache POI's streaming writer (as the ledger export): sheet 日报 with
 * one row per figure (numbers as numbers, ratios formatted as percentages), sheet 下级报送 with the children's
 * submission status.
 */
final class ReportXlsx {

    static final String[] HEADER = { "板块 section", "指标 measure", "名称 label", "当日 value", "前一日 previous",
        "单位 unit" };
    static final String[] CHILD_HEADER = { "下级 area", "层级 kind", "状态 status", "版本 version", "报送时间 submitted at",
        "迟报 late" };

    private ReportXlsx() {
    }

    static byte[] xlsx(DailyReport report) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            figures(book.createSheet("日报 report"), report, percent);
            children(book.createSheet("下级报送 children"), report);
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("xlsx", e);
        }
    }

    private static void figures(Sheet sheet, DailyReport report, CellStyle percent) {
        text(sheet.createRow(0), ReportText.title(report));
        text(sheet.createRow(1), ReportText.source(report));
        text(sheet.createRow(3), (Object[]) HEADER);
        int n = 4;
        for (Section s : report.sections()) {
            for (Figure f : s.figures()) {
                Row row = sheet.createRow(n++);
                text(row, s.titleZh(), f.key(), f.labelZh());
                number(row, 3, f.value(), f.kind() == Measure.Kind.RATIO ? percent : null);
                number(row, 4, f.previous(), f.kind() == Measure.Kind.RATIO ? percent : null);
                row.createCell(5).setCellValue(f.unit());
            }
        }
        narrative(sheet, n + 1, report.submission());
    }

    /** 今日亮点, 存在问题, 需上级协调 (and the correction's reason) under the figures, when submitted. */
    private static void narrative(Sheet sheet, int first, ReportViews.SubmissionSummary s) {
        if (s == null) {
            return;
        }
        int n = first;
        String[][] parts = { { "今日亮点 highlights", s.highlights() }, { "存在问题 problems", s.problems() },
            { "需上级协调 requests", s.requests() }, { "更正原因 reason", s.reason() } };
        for (String[] part : parts) {
            if (part[1] != null) {
                text(sheet.createRow(n++), part[0], part[1]);
            }
        }
    }

    private static void children(Sheet sheet, DailyReport report) {
        text(sheet.createRow(0), (Object[]) CHILD_HEADER);
        int n = 1;
        for (Child c : report.children()) {
            text(sheet.createRow(n++), c.areaName(), c.areaKind(), c.status(), c.version(),
                    c.submittedAt() == null ? null : ReportText.AT.format(c.submittedAt()), c.late() ? "是" : "否");
        }
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value == null) {
            return;
        }
        var cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void text(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }
}
