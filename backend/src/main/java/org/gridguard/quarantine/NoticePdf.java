package org.gridguard.quarantine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a release notice: A4 XHTML laid out by openhtmltopdf on PDFBox, its Chinese text set in WenQuanYi Micro Hei
 * (one face of a TrueType collection, embedded as a subset so it prints anywhere), a QR code drawn by zxing (ADR 0033).
 */
@ApplicationScoped
public class NoticePdf {

    /** What a notice says. {@code documentMask} is the masked ID number, never the clear one. */
    record Notice(String kind, String number, String checkCode, String communityName, String cellName, String siteName,
            String personName, String documentMask, LocalDate startsOn, LocalDate endsOn, LocalDate releasedOn,
            LocalDate issuedOn, String verifyUrl) {
    }

    static final String FAMILY = "NoticeFont";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** Pixels per QR module: crisp when the printer scales it. */
    static final int QR_MODULE = 8;

    final String fontFile;
    final String fontFace;

    NoticePdf(@ConfigProperty(name = "gridguard.quarantine.notice-font") String fontFile,
            @ConfigProperty(name = "gridguard.quarantine.notice-font-face") String fontFace) {
        this.fontFile = fontFile;
        this.fontFace = fontFace;
    }

    /** The notice as a PDF; 503 problem when the font is not installed (never a PDF of empty boxes). */
    byte[] render(Notice n) {
        File file = new File(fontFile);
        if (!file.canRead()) {
            throw fontMissing("the font file " + fontFile + " is not installed");
        }
        try (TrueTypeCollection ttc = new TrueTypeCollection(file); PDDocument doc = new PDDocument()) {
            TrueTypeFont face = ttc.getFontByName(fontFace);
            if (face == null) {
                throw fontMissing(fontFile + " holds no face named " + fontFace);
            }
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, face, true)), FAMILY);
            builder.withHtmlContent(html(n), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw fontMissing("the font file " + fontFile + " could not be read");
        }
    }

    static ApiProblem fontMissing(String why) {
        return new ApiProblem(503, "notice-font-missing", "Service unavailable", "Release notices cannot be printed on"
                + " this server: " + why + " (install the Debian package fonts-wqy-microhei, or set"
                + " gridguard.quarantine.notice-font)", null, Map.of(), null);
    }

    String html(Notice n) {
        String place = n.siteName() != null ? "在" + NoticeRules.xml(n.siteName()) : "";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>%1$s</title>
                <style>
                  @page { size: A4; margin: 22mm 20mm; }
                  body { font-family: '%2$s'; font-size: 13pt; line-height: 1.8; color: #000; }
                  h1 { text-align: center; font-size: 22pt; letter-spacing: 2pt; margin: 0 0 4mm 0; }
                  .no { text-align: right; font-size: 10.5pt; margin-bottom: 8mm; }
                  p { text-indent: 2em; margin: 0 0 3mm 0; }
                  p.to { text-indent: 0; }
                  table.facts { border-collapse: collapse; width: 100%%; margin: 6mm 0; font-size: 11.5pt; }
                  table.facts td { border: 0.6pt solid #000; padding: 2mm 3mm; }
                  table.facts td.k { width: 28%%; background: #f2f2f2; }
                  .foot { margin-top: 12mm; }
                  .qr { float: left; width: 36mm; text-align: center; font-size: 8.5pt; line-height: 1.3; }
                  .qr img { width: 34mm; height: 34mm; }
                  .sign { float: right; width: 70mm; text-align: center; }
                  .stamp { width: 40mm; height: 40mm; border: 1pt dashed #b00; border-radius: 20mm; margin: 0 auto 3mm auto;
                           color: #b00; font-size: 9pt; line-height: 40mm; }
                </style></head><body>
                <h1>%1$s</h1>
                <div class="no">编号：%3$s　校验码：%4$s</div>
                <p class="to">%5$s（证件号码：%6$s）：</p>
                <p>您自%7$s起%8$s接受%9$s，已于%10$s解除。经评估，您已符合解除条件，特此告知。</p>
                <p>解除后请继续做好个人防护，配合社区做好健康监测；如出现发热、咳嗽等不适，请及时就医并主动告知。</p>
                <table class="facts">
                  <tr><td class="k">所属社区</td><td>%11$s</td></tr>
                  <tr><td class="k">所属网格</td><td>%12$s</td></tr>
                  <tr><td class="k">开始日期</td><td>%7$s</td></tr>
                  <tr><td class="k">计划结束日期</td><td>%13$s</td></tr>
                  <tr><td class="k">解除日期</td><td>%10$s</td></tr>
                </table>
                <div class="foot">
                  <div class="qr"><img src="%14$s" alt="QR"/><br/>扫码核验真伪<br/>%15$s</div>
                  <div class="sign"><div class="stamp">社区盖章处</div>%11$s<br/>%16$s</div>
                </div>
                </body></html>
                """.formatted(NoticeRules.xml(NoticeRules.title(n.kind())), FAMILY, NoticeRules.xml(n.number()),
                NoticeRules.xml(n.checkCode()), NoticeRules.xml(n.personName()), NoticeRules.xml(n.documentMask()),
                DATE.format(n.startsOn()), place, NoticeRules.measure(n.kind()), DATE.format(n.releasedOn()),
                NoticeRules.xml(n.communityName()), NoticeRules.xml(n.cellName()), DATE.format(n.endsOn()),
                qrDataUri(NoticeRules.qrText(n.verifyUrl(), n.number(), n.checkCode())),
                NoticeRules.xml(n.verifyUrl()), DATE.format(n.issuedOn()));
    }

    /** The QR code as a PNG data URI (error correction M, a quiet zone of 2 modules). */
    static String qrDataUri(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage img = new BufferedImage(m.getWidth() * QR_MODULE, m.getHeight() * QR_MODULE,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x / QR_MODULE, y / QR_MODULE) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code", e);
        }
    }
}
