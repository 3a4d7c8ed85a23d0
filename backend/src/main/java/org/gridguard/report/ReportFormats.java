package org.gridguard.report;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Responses;
import org.gridguard.report.ReportViews.DailyReport;

/**
 * How a daily report answers: JSON, or a download as CSV, XLSX or a printable PDF. The {@code format} parameter
 * wins; without it the Accept header chooses (the most preferred of the four, by q); else JSON.
 */
@ApplicationScoped
public class ReportFormats {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    /** The four answers, by their {@code format} value and media type. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON), CSV(ReportFormats.CSV), XLSX(ReportFormats.XLSX), PDF(ReportFormats.PDF);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    ReportPdf pdf;

    /** The report in the format asked for; an unknown {@code format} is a 400 naming it. */
    public Response answer(DailyReport report, String format, String accept) {
        Format f = choose(format, accept);
        String filename = "daily-report-" + report.date() + "." + f.extension();
        return switch (f) {
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case CSV -> Responses.csv(ReportCsv.csv(report), filename);
            case XLSX -> download(ReportXlsx.xlsx(report), f, filename);
            case PDF -> download(pdf.render(report), f, filename);
        };
    }

    private static Response download(byte[] body, Format f, String filename) {
        return Response.ok(body, f.mediaType).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    static Format choose(String format, String accept) {
        if (format != null && !format.isBlank()) {
            for (Format f : Format.values()) {
                if (f.extension().equalsIgnoreCase(format.trim())) {
                    return f;
                }
            }
            throw ApiProblem.invalid("format", "must be json, csv, xlsx or pdf");
        }
        return accept == null ? Format.JSON : preferred(accept);
    }

    /** The format of the Accept header's most preferred media type we answer with (the first on a tie); else JSON. */
    static Format preferred(String accept) {
        Format best = Format.JSON;
        double bestQ = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            Format f = of(parts[0].trim().toLowerCase(Locale.ROOT));
            double q = quality(parts);
            if (f != null && q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return best;
    }

    private static Format of(String mediaType) {
        if ("*/*".equals(mediaType) || "application/*".equals(mediaType)) {
            return Format.JSON;
        }
        for (Format f : Format.values()) {
            if (f.mediaType.equals(mediaType)) {
                return f;
            }
        }
        return null;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
