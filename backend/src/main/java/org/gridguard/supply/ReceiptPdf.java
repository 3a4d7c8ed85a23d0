package org.gridguard.supply;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.supply.SupplyViews.MovementView;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The donor's receipt (物资捐赠收据): A5 landscape XHTML laid out by openhtmltopdf, its Chinese text in the same
 * embedded face as the release notice (a subset of one face of a TrueType collection), ADR 0039.
 */
@ApplicationScoped
public class ReceiptPdf {

    static final String FACE_ALIAS = "ReceiptFont";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));

    final File font;
    final String face;

    ReceiptPdf(@ConfigProperty(name = "gridguard.supply.receipt-font") String font,
            @ConfigProperty(name = "gridguard.supply.receipt-font-face") String face) {
        this.font = new File(font);
        this.face = face;
    }

    /** The receipt of a donation, signed for by the community the place belongs to. */
    byte[] render(MovementView donation, String communityName) {
        if (!font.canRead()) {
            throw noFont(font + " is not installed");
        }
        try (TrueTypeCollection collection = new TrueTypeCollection(font); PDDocument pdf = new PDDocument()) {
            TrueTypeFont ttf = collection.getFontByName(face);
            if (ttf == null) {
                throw noFont(font + " has no face " + face);
            }
            return layout(pdf, PDType0Font.load(pdf, ttf, true), html(donation, communityName));
        } catch (IOException e) {
            throw noFont(font + " is unreadable");
        }
    }

    private static byte[] layout(PDDocument pdf, PDType0Font type0, String xhtml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.usePDDocument(pdf);
        b.useFont(new PDFontSupplier(type0), FACE_ALIAS);
        b.withHtmlContent(xhtml, null);
        b.toStream(bytes);
        b.run();
        return bytes.toByteArray();
    }

    static ApiProblem noFont(String why) {
        return new ApiProblem(503, "receipt-font-missing", "Service unavailable", "Donation receipts cannot be printed on "
                + "this server: " + why + " (install fonts-wqy-microhei, or set gridguard.supply.receipt-font)", null,
                Map.of(), null);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String html(MovementView m, String communityName) {
        String rows = m.lines().stream().map(l -> "<tr><td>" + esc(l.itemName()) + "</td><td class=\"n\">"
                + SupplyRules.plain(l.delta()) + "</td><td>" + esc(l.unit()) + "</td></tr>").collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>物资捐赠收据</title>
                <style>
                  @page { size: A5 landscape; margin: 12mm 14mm; }
                  body { font-family: '%s'; font-size: 11pt; line-height: 1.6; }
                  h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm 0; }
                  .no { text-align: right; font-size: 9.5pt; }
                  table { border-collapse: collapse; width: 100%%; margin: 3mm 0; }
                  td, th { border: 0.6pt solid #000; padding: 1mm 2mm; }
                  th { background: #eee; } td.n { text-align: right; }
                  .sign { margin-top: 6mm; text-align: right; }
                </style></head><body>
                <h1>物资捐赠收据</h1>
                <div class="no">收据编号：%s</div>
                <p>今收到 <b>%s</b> 捐赠的以下防疫物资，已登记入库（%s）。衷心感谢您对社区疫情防控工作的支持！</p>
                <table><tr><th>物资名称</th><th>数量</th><th>单位</th></tr>%s</table>
                <p>%s</p>
                <div class="sign">%s（盖章）<br/>经办人：%s　　%s</div>
                </body></html>
                """.formatted(FACE_ALIAS, esc(m.receiptNumber()), esc(m.donor()), esc(m.placeName()), rows,
                m.note() == null ? "" : "备注：" + esc(m.note()), esc(communityName), esc(m.actor()), DAY.format(m.at()));
    }
}
