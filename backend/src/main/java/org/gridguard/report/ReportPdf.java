package org.gridguard.report;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.report.ReportViews.Child;
import org.gridguard.report.ReportViews.DailyReport;
import org.gridguard.report.ReportViews.Figure;
import org.gridguard.report.ReportViews.Section;
import org.gridguard.report.ReportViews.SubmissionSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The daily report on a printable A4 page in Chinese, for superiors who still file paper: laid out by openhtmltopdf
 * in the release notice's embedded face (one face of a TrueType collection, subset; ADR 0033). The page is built as a
 * DOM, never as concatenated markup: area names and narratives are user input, and a text node cannot become markup.
 */
@ApplicationScoped
public class ReportPdf {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String FAMILY = "ReportFont";
    static final String CSS = """
            @page { size: A4; margin: 16mm 15mm; }
            body { font-family: '%s'; font-size: 10.5pt; line-height: 1.5; color: #000; }
            h1 { text-align: center; font-size: 17pt; margin: 0 0 2mm 0; }
            h2 { font-size: 12pt; margin: 5mm 0 1.5mm 0; }
            .source { text-align: center; font-size: 9.5pt; margin-bottom: 3mm; }
            .late { color: #b00; font-weight: bold; }
            table { border-collapse: collapse; width: 100%%; }
            th, td { border: 0.5pt solid #000; padding: 1mm 2mm; }
            th { background: #eee; }
            td.n { text-align: right; width: 22%%; }
            p.text { margin: 0 0 2mm 0; white-space: pre-wrap; }
            """;

    final File fontFile;
    final String fontFace;

    ReportPdf(@ConfigProperty(name = "gridguard.quarantine.notice-font") String fontFile,
            @ConfigProperty(name = "gridguard.quarantine.notice-font-face") String fontFace) {
        this.fontFile = new File(fontFile);
        this.fontFace = fontFace;
    }

    /** The report as a PDF; 503 problem when the font is not installed (never a page of empty boxes). */
    byte[] render(DailyReport report) {
        if (!fontFile.canRead()) {
            throw noFont(fontFile + " is not installed");
        }
        try (TrueTypeCollection collection = new TrueTypeCollection(fontFile); PDDocument pdf = new PDDocument()) {
            TrueTypeFont face = collection.getFontByName(fontFace);
            if (face == null) {
                throw noFont(fontFile + " holds no face named " + fontFace);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.useFont(new PDFontSupplier(PDType0Font.load(pdf, face, true)), FAMILY);
            builder.withW3cDocument(page(report), null);
            builder.toStream(bytes);
            builder.run();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw noFont(fontFile + " could not be read");
        }
    }

    static ApiProblem noFont(String why) {
        return new ApiProblem(503, "report-font-missing", "Service unavailable", "Daily reports cannot be printed on this"
                + " server: " + why + " (install fonts-wqy-microhei, or set gridguard.quarantine.notice-font)", null,
                Map.of(), null);
    }

    /** The page as an XHTML document. */
    static Document page(DailyReport r) {
        Page p = new Page();
        Element head = p.add(p.root, "head");
        p.add(head, "meta").setAttribute("charset", "UTF-8");
        p.text(head, "title", ReportText.title(r));
        p.text(head, "style", CSS.formatted(FAMILY));
        Element body = p.add(p.root, "body");
        p.text(body, "h1", ReportText.title(r));
        Element source = p.text(body, "div", ReportText.source(r));
        source.setAttribute("class", r.submission() != null && r.submission().late() ? "source late" : "source");
        for (Section s : r.sections()) {
            p.text(body, "h2", s.titleZh());
            Element table = p.add(body, "table");
            p.row(table, "th", null, "指标", "当日", "前一日");
            for (Figure f : s.figures()) {
                p.row(table, "td", "n", f.labelZh(), ReportText.shown(f, f.value()), ReportText.shown(f, f.previous()));
            }
        }
        children(p, body, r);
        narrative(p, body, r.submission());
        return p.doc;
    }

    private static void children(Page p, Element body, DailyReport r) {
        if (r.children().isEmpty()) {
            return;
        }
        p.text(body, "h2", "下级报送情况");
        Element table = p.add(body, "table");
        p.row(table, "th", null, "下级", "状态", "版本", "报送时间");
        for (Child c : r.children()) {
            String version = c.version() == null ? ReportText.NONE : "第 " + c.version() + " 版";
            String at = c.submittedAt() == null ? ReportText.NONE : ReportText.AT.format(c.submittedAt());
            p.row(table, "td", null, c.areaName(), ReportText.status(c), version, at);
        }
    }

    private static void narrative(Page p, Element body, SubmissionSummary s) {
        if (s == null) {
            return;
        }
        String[][] parts = { { "今日亮点", s.highlights() }, { "存在问题", s.problems() }, { "需上级协调", s.requests() },
            { "更正原因", s.reason() } };
        for (String[] part : parts) {
            if (part[1] != null && !part[1].isBlank()) {
                p.text(body, "h2", part[0]);
                p.text(body, "p", part[1]).setAttribute("class", "text");
            }
        }
    }

    /** An XHTML document under construction: every text goes in as a text node. */
    static final class Page {
        final Document doc;
        final Element root;

        Page() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                doc = factory.newDocumentBuilder().newDocument();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
            root = doc.createElementNS(XHTML, "html");
            root.setAttribute("lang", "zh-CN");
            doc.appendChild(root);
        }

        Element add(Element parent, String name) {
            Element e = doc.createElementNS(XHTML, name);
            parent.appendChild(e);
            return e;
        }

        Element text(Element parent, String name, String text) {
            Element e = add(parent, name);
            e.appendChild(doc.createTextNode(text == null ? "" : text));
            return e;
        }

        /** A table row of {@code cell} elements; every cell after the first gets the class {@code figures}, if any. */
        void row(Element table, String cell, String figures, String... texts) {
            Element tr = add(table, "tr");
            for (int i = 0; i < texts.length; i++) {
                Element c = text(tr, cell, texts[i]);
                if (i > 0 && figures != null) {
                    c.setAttribute("class", figures);
                }
            }
        }
    }
}
