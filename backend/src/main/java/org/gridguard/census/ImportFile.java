package org.gridguard.census;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.CountingInputStream;
import org.gridguard.common.Port;

/**
 * Reads an uploaded census file into rows of strings: CSV in UTF-8 (with or without BOM) or GBK (as Excel
 * saves it in China), or XLSX read as a stream (StAX over the sheet XML, never a whole workbook in memory)
 * with a zip-bomb guard. A file that cannot be read gives a clear 400 and nothing else happens. A port: the
 * quarantine's lists from the health bureau are read with it too.
 */
@Port
public final class ImportFile {

    public enum Format {
        CSV, XLSX
    }

    /** One data row: its line (1-based, as a spreadsheet shows it) and its cells. */
    public record Row(int line, List<String> cells) {
    }

    public record Table(Format format, String charset, List<String> header, List<Row> rows) {
    }

    static final long MAX_UNZIPPED = 300L * 1024 * 1024;
    static final int MAX_RATIO = 200;
    static final int MAX_ENTRIES = 5000;
    static final Charset GBK = Charset.forName("GB18030");

    private ImportFile() {
    }

    public static Format detect(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
                ? Format.XLSX : Format.CSV;
    }

    /**
     * Reads the file; {@code headerOnly} stops after the header and the first data row (the synchronous check at
     * upload). A file without a data row (blank rows do not count) is refused either way.
     */
    public static Table read(byte[] content, boolean headerOnly) {
        if (content == null || content.length == 0) {
            throw ApiProblem.invalid("file", "the file is empty");
        }
        Table t = detect(content) == Format.XLSX ? xlsx(content, headerOnly) : csv(content, headerOnly);
        if (t.header().isEmpty() || t.header().stream().allMatch(String::isBlank)) {
            throw ApiProblem.invalid("file", "the file has no header row");
        }
        if (t.rows().isEmpty()) {
            throw ApiProblem.invalid("file", "the file has a header but no data rows");
        }
        return t;
    }

    // ---------- CSV ----------

    static String decode(byte[] b) {
        int off = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            off = 3;
        }
        for (int i = 0; i < Math.min(b.length, 1 << 20); i++) {
            if (b[i] == 0) {
                throw ApiProblem.invalid("file", "this is not a text file: save the sheet as CSV (UTF-8 or GBK) or XLSX");
            }
        }
        try {
            return strict(StandardCharsets.UTF_8, b, off);
        } catch (CharacterCodingException e) {
            try {
                return strict(GBK, b, 0);
            } catch (CharacterCodingException e2) {
                throw ApiProblem.invalid("file",
                        "the file's encoding is neither UTF-8 nor GBK: save the sheet as CSV (UTF-8 or GBK) or XLSX");
            }
        }
    }

    private static String strict(Charset cs, byte[] b, int off) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, b.length - off))
                .toString();
    }

    static Table csv(byte[] content, boolean headerOnly) {
        String text = decode(content);
        boolean utf8;
        try {
            strict(StandardCharsets.UTF_8, content, 0);
            utf8 = true;
        } catch (CharacterCodingException e) {
            utf8 = false;
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (Reader r = new StringReader(text);
                CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                List<String> cells = rec.toList();
                if (header == null) {
                    header = cells.stream().map(ImportFile::clean).toList();
                    continue;
                }
                if (cells.stream().allMatch(s -> s == null || s.isBlank())) {
                    continue;
                }
                rows.add(new Row((int) rec.getRecordNumber(), cells.stream().map(ImportFile::clean).toList()));
                if (headerOnly) {
                    break;
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ApiProblem.invalid("file", "the CSV is malformed (unbalanced quotes?)");
        }
        return new Table(Format.CSV, utf8 ? "UTF-8" : "GBK", header == null ? List.of() : header, rows);
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\uFEFF", "").strip();
    }

    // ---------- XLSX ----------

    static Table xlsx(byte[] content, boolean headerOnly) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("gg-import", ".xlsx");
            Files.write(tmp, content);
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                return xlsx(zip, headerOnly);
            }
        } catch (ZipException e) {
            throw ApiProblem.invalid("file", "the XLSX file is damaged");
        } catch (XMLStreamException | IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApiProblem p) {
                    throw p;
                }
            }
            throw ApiProblem.invalid("file", "the XLSX file is damaged");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp files are cleaned by the OS
                }
            }
        }
    }

    /** The first worksheet of an opened XLSX, its shared strings resolved, within the inflation budget. */
    private static Table xlsx(ZipFile zip, boolean headerOnly) throws IOException, XMLStreamException {
        long[] budget = { MAX_UNZIPPED };
        ZipEntry sheet = worksheet(zip);
        List<String> shared = new ArrayList<>();
        ZipEntry ss = zip.getEntry("xl/sharedStrings.xml");
        if (ss != null) {
            try (InputStream in = guarded(zip, ss, budget)) {
                sharedStrings(in, shared);
            }
        }
        try (InputStream in = guarded(zip, sheet, budget)) {
            return sheet(in, shared, headerOnly);
        }
    }

    /** The first worksheet's entry; 400 for an archive with too many parts or no worksheet. */
    private static ZipEntry worksheet(ZipFile zip) {
        int n = 0;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); en.nextElement()) {
            if (++n > MAX_ENTRIES) {
                throw ApiProblem.invalid("file", "the XLSX has too many parts; it looks hostile");
            }
        }
        ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
        if (sheet == null) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                if (e.getName().startsWith("xl/worksheets/sheet") && e.getName().endsWith(".xml")) {
                    sheet = e;
                    break;
                }
            }
        }
        if (sheet == null) {
            throw ApiProblem.invalid("file", "the XLSX has no worksheet");
        }
        return sheet;
    }

    /** Counts what is really inflated: over the budget or the ratio, the file is refused. */
    static InputStream guarded(ZipFile zip, ZipEntry e, long[] budget) throws IOException {
        long compressed = Math.max(1, e.getCompressedSize());
        // what the archive declares is checked first; what really inflates is counted below (headers can lie)
        if (e.getSize() > budget[0] || (e.getSize() > 1_000_000 && e.getSize() / compressed > MAX_RATIO)) {
            throw bomb();
        }
        return new CountingInputStream(zip.getInputStream(e)) {
            @Override
            protected void counted(long k, long count) {
                budget[0] -= k;
                if (budget[0] < 0 || (count > 1_000_000 && count / compressed > MAX_RATIO)) {
                    // unchecked on purpose: XML parsers wrap IOExceptions and lose the message
                    throw bomb();
                }
            }
        };
    }

    static ApiProblem bomb() {
        return ApiProblem.invalid("file", "the XLSX inflates far beyond its size (a zip bomb?); it was refused");
    }

    private static XMLStreamReader stax(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(in);
    }

    static void sharedStrings(InputStream in, List<String> out) throws XMLStreamException {
        XMLStreamReader x = stax(in);
        StringBuilder sb = null;
        boolean inT = false;
        int phonetic = 0;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "si" -> sb = new StringBuilder();
                    case "t" -> inT = phonetic == 0;
                    case "rPh" -> phonetic++;
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (inT && sb != null) {
                    sb.append(x.getText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (x.getLocalName()) {
                    case "si" -> {
                        out.add(sb == null ? "" : sb.toString());
                        sb = null;
                    }
                    case "t" -> inT = false;
                    case "rPh" -> phonetic--;
                    default -> {
                    }
                }
            }
        }
    }

    static Table sheet(InputStream in, List<String> shared, boolean headerOnly) throws XMLStreamException {
        XMLStreamReader x = stax(in);
        SheetReader r = new SheetReader(shared);
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                r.start(x);
            } else if (ev == XMLStreamConstants.END_ELEMENT && r.end(x.getLocalName()) && headerOnly
                    && !r.rows.isEmpty()) {
                break;
            }
        }
        return new Table(Format.XLSX, null, r.header == null ? List.of() : r.header, r.rows);
    }

    /** The state of reading one worksheet: the row and cell being read, the header, the rows so far. */
    private static final class SheetReader {
        private final List<String> shared;
        List<String> header;
        final List<Row> rows = new ArrayList<>();
        private List<String> cells;
        private int line;
        private int col;
        private String type;
        private StringBuilder value;

        SheetReader(List<String> shared) {
            this.shared = shared;
        }

        void start(XMLStreamReader x) throws XMLStreamException {
            String n = x.getLocalName();
            if (n.equals("row")) {
                cells = new ArrayList<>();
                String r = x.getAttributeValue(null, "r");
                line = r == null ? line + 1 : Integer.parseInt(r);
                col = 0;
            } else if (n.equals("c") && cells != null) {
                String ref = x.getAttributeValue(null, "r");
                if (ref != null) {
                    col = column(ref);
                }
                type = x.getAttributeValue(null, "t");
                value = new StringBuilder();
            } else if ((n.equals("v") || n.equals("t")) && value != null) {
                value.append(x.getElementText());
            }
        }

        /** Ends an element; true when it ended a row. */
        boolean end(String n) {
            if (n.equals("c") && cells != null && value != null) {
                while (cells.size() < col) {
                    cells.add("");
                }
                cells.add(clean(cellValue(type, value.toString(), shared)));
                col = cells.size();
                value = null;
            } else if (n.equals("row") && cells != null) {
                if (header == null) {
                    header = cells;
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(new Row(line, cells));
                }
                cells = null;
                return true;
            }
            return false;
        }
    }

    static String cellValue(String type, String v, List<String> shared) {
        if ("s".equals(type)) {
            try {
                return shared.get(Integer.parseInt(v.trim()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return "";
            }
        }
        if (type == null || "n".equals(type)) {
            // numbers typed into Excel: 13812345678 may arrive as 1.3812345678E10
            if (v.contains("E") || v.contains("e") || v.endsWith(".0")) {
                try {
                    return new BigDecimal(v.trim()).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return v;
                }
            }
        }
        return v;
    }

    /** "C12" to 2 (0-based). */
    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return c - 1;
    }

}
