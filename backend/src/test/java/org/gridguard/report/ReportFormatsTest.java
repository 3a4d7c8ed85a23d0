package org.gridguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridguard.area.AreaKind;
import org.gridguard.common.ApiProblem;
import org.gridguard.report.ReportFormats.Format;
import org.gridguard.report.ReportViews.Child;
import org.gridguard.report.ReportViews.ChildStatus;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.Figure;
import org.gridguard.report.ReportViews.Section;
import org.gridguard.report.ReportViews.Source;
import org.gridguard.report.ReportViews.SubmissionSummary;
import org.junit.jupiter.api.Test;

/** The three download renderers and the choice of format, without Quarkus: a report built by hand. */
class ReportFormatsTest {

    static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    static final String EVIL_AREA = "幸福<b>社区</b> & \"Co\"";
    static final String EVIL_TEXT = "<script>alert('x')</script> 入户走访完成";

    static DailyReport report() {
        LocalDate day = LocalDate.of(2026, 12, 7);
        Section census = new Section("census", "人口", "Census", List.of(
                new Figure("census.households", "户数", "Households", Measure.Kind.LEVEL, "count", bd("1200"), bd("1198")),
                new Figure("census.verifiedByPhone", "电话核实", "Verified by phone", Measure.Kind.COUNT, "count",
                        bd("4789"), null)));
        Section duty = new Section("duty", "值班", "Duty", List.of(
                new Figure("duty.fillRate", "到岗率", "Fill rate", Measure.Kind.RATIO, "ratio", bd("0.9512"), null),
                new Figure("duty.dutyMinutes", "值班时长", "Duty time", Measure.Kind.COUNT, "minutes", bd("750"), bd("480"))));
        Instant at = Instant.parse("2026-12-07T08:30:00Z");
        SubmissionSummary s = new SubmissionSummary(UUID.randomUUID(), UUID.randomUUID(), EVIL_AREA, day, 2, at, "supervisor",
                true, EVIL_TEXT, "口罩不足 & 人手紧张", "请求调拨 <防护服>", "更正电话核实数");
        Child zone = new Child(UUID.randomUUID(), "一区", AreaKind.ZONE, ChildStatus.LATE, 1, at, true);
        Child missing = new Child(UUID.randomUUID(), "二区", AreaKind.ZONE, ChildStatus.MISSING, null, null, false);
        return new DailyReport(UUID.randomUUID(), EVIL_AREA, AreaKind.COMMUNITY, day, day.minusDays(1), at, Source.SUBMITTED, 2,
                OffsetDateTime.parse("2026-12-07T16:00:00+08:00"), false, List.of(census, duty), List.of(zone, missing), s);
    }

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void csvParsesBackWithOneRowPerFigure() throws IOException {
        String csv = ReportCsv.csv(report());
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).toMap()).containsEntry("section", "census").containsEntry("measure", "census.households")
                .containsEntry("label", "户数").containsEntry("value", "1200").containsEntry("previous", "1198");
        assertThat(rows.get(1).get("previous")).isEmpty();
        assertThat(rows.get(2).get("value")).isEqualTo("0.9512");
        assertThat(rows.get(3).get("measure")).isEqualTo("duty.dutyMinutes");
    }

    @Test
    void xlsxOpensWithTheFiguresAsNumbers() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportXlsx.xlsx(report())))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(EVIL_AREA + " 疫情防控工作日报 2026年12月7日");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("census.households");
            assertThat(sheet.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(1200.0);
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(1198.0);
            assertThat(sheet.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(4789.0);
            assertThat(sheet.getRow(5).getCell(4)).isNull();
            assertThat(sheet.getRow(6).getCell(3).getNumericCellValue()).isEqualTo(0.9512);
            assertThat(sheet.getRow(6).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(sheet.getRow(9).getCell(0).getStringCellValue()).startsWith("今日亮点");
            assertThat(sheet.getRow(9).getCell(1).getStringCellValue()).isEqualTo(EVIL_TEXT);
            Sheet children = book.getSheetAt(1);
            assertThat(children.getRow(1).getCell(0).getStringCellValue()).isEqualTo("一区");
            assertThat(children.getRow(1).getCell(2).getStringCellValue()).isEqualTo("LATE");
            assertThat(children.getRow(2).getCell(2).getStringCellValue()).isEqualTo("MISSING");
        }
    }

    @Test
    void pdfIsChineseAndPrintsUserInputAsText() throws IOException {
        byte[] pdf = new ReportPdf(FONT, "WenQuanYiMicroHei").render(report());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("疫情防控工作日报", "2026年12月7日", "幸福<b>社区</b> & \"Co\"")
                    .contains("<script>alert('x')</script>", "入户走访完成", "请求调拨 <防护服>")
                    .contains("第 2 版 已报送", "（迟报）", "今日亮点", "存在问题", "需上级协调")
                    .contains("95.1%", "12.5 小时", "8.0 小时", "1200", "未报送", "迟报");
        }
    }

    @Test
    void aLiveReportSaysWhenItWasComputedAndWhetherItWasSubmitted() {
        DailyReport r = report();
        DailyReport live = new DailyReport(r.areaId(), "一区", AreaKind.ZONE, r.date(), r.previousDate(), r.generatedAt(),
                Source.LIVE, null, r.cutoff(), true, r.sections(), List.of(), null);
        assertThat(ReportText.source(live)).isEqualTo("实时数据 生成于 2026-12-07 16:30　尚未报送");
        DailyReport submitted = new DailyReport(r.areaId(), "一区", AreaKind.ZONE, r.date(), r.previousDate(), r.generatedAt(),
                Source.LIVE, null, r.cutoff(), true, r.sections(), List.of(), r.submission());
        assertThat(ReportText.source(submitted)).endsWith("最近报送：第 2 版 2026-12-07 16:30（迟报）");
    }

    @Test
    void pdfWithoutTheFontIsA503NotEmptyBoxes() {
        assertThatThrownBy(() -> new ReportPdf("/nonexistent/font.ttc", "X").render(report()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status).isEqualTo(503));
    }

    @Test
    void formatParameterWinsThenAcceptThenJson() {
        assertThat(ReportFormats.choose("PDF", "text/csv")).isEqualTo(Format.PDF);
        assertThat(ReportFormats.choose(null, "text/csv")).isEqualTo(Format.CSV);
        assertThat(ReportFormats.choose(null, ReportFormats.XLSX)).isEqualTo(Format.XLSX);
        assertThat(ReportFormats.choose(null, "application/json;q=0.5, application/pdf")).isEqualTo(Format.PDF);
        assertThat(ReportFormats.choose(null, "text/html,application/xhtml+xml,*/*;q=0.8")).isEqualTo(Format.JSON);
        assertThat(ReportFormats.choose(null, null)).isEqualTo(Format.JSON);
        assertThat(ReportFormats.choose("", "text/csv")).isEqualTo(Format.CSV);
        assertThatThrownBy(() -> ReportFormats.choose("docx", null)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("format")));
    }

    @Test
    void downloadsAreAttachmentsNamedByTheDay() {
        ReportFormats formats = new ReportFormats();
        formats.pdf = new ReportPdf(FONT, "WenQuanYiMicroHei");
        Response csv = formats.answer(report(), "csv", null);
        assertThat(csv.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=\"daily-report-2026-12-07.csv\"");
        Response xlsx = formats.answer(report(), null, ReportFormats.XLSX);
        assertThat(xlsx.getMediaType().toString()).isEqualTo(ReportFormats.XLSX);
        assertThat(xlsx.getHeaderString("Content-Disposition")).isEqualTo("attachment; filename=\"daily-report-2026-12-07.xlsx\"");
        Response json = formats.answer(report(), "json", null);
        assertThat(json.getEntity()).isInstanceOf(DailyReport.class);
        assertThat(json.getHeaderString("Content-Disposition")).isNull();
    }
}
