package org.gridguard.common;

import java.io.IOException;
import java.io.StringWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV downloads, written once: UTF-8 with a byte order mark (so Excel reads it as UTF-8), a header, then rows. */
public final class Csv {
    private Csv() {
    }

    /** Prints the rows under the header. */
    @FunctionalInterface
    public interface Body {
        void print(CSVPrinter csv) throws IOException;
    }

    /** The CSV text: byte order mark, header, and what {@code body} prints. */
    public static String excel(String[] header, Body body) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            body.print(csv);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
