package org.gridguard.quarantine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a release notice back as a printer would: its text, its fonts, its QR code. */
final class NoticePdfs {

    private NoticePdfs() {
    }

    record Read(int pages, String text, List<String> fonts, boolean allEmbedded, List<String> qrCodes) {
    }

    static Read read(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            List<String> fonts = new ArrayList<>();
            boolean embedded = true;
            List<String> codes = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont f = res.getFont(name);
                    fonts.add(f.getName());
                    PDFontDescriptor d = f instanceof PDType0Font t0 ? t0.getDescendantFont().getFontDescriptor()
                            : f.getFontDescriptor();
                    embedded &= d != null && d.getFontFile2() != null;
                }
                for (COSName name : res.getXObjectNames()) {
                    if (res.getXObject(name) instanceof PDImageXObject img) {
                        codes.add(decode(img.getImage()));
                    }
                }
            }
            return new Read(doc.getNumberOfPages(), text, fonts, embedded && !fonts.isEmpty(), codes);
        }
    }

    /**
     * The text of the QR code the notice embeds. The image is the code itself, so it is read as a pure barcode first;
     * the finder-pattern search of a photo-like read (TRY_HARDER) misses some codes without a wide white border, so
     * that read gets one added (the test failed twice in one day on notices whose code it could not find).
     */
    static String decode(BufferedImage img) throws IOException {
        try {
            return read(img, Map.of(DecodeHintType.PURE_BARCODE, true));
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException pure) {
            int border = Math.max(8, img.getWidth() / 8);
            BufferedImage padded = new BufferedImage(img.getWidth() + 2 * border, img.getHeight() + 2 * border,
                    BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = padded.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, padded.getWidth(), padded.getHeight());
            g.drawImage(img, border, border, null);
            g.dispose();
            try {
                return read(padded, Map.of(DecodeHintType.TRY_HARDER, true));
            } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
                throw new IOException("no QR code in the image", e);
            }
        }
    }

    private static String read(BufferedImage img, Map<DecodeHintType, ?> hints)
            throws NotFoundException, com.google.zxing.ChecksumException, com.google.zxing.FormatException {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), px))), hints).getText();
    }
}
