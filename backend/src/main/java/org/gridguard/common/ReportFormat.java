package org.gridguard.common;

import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * How a report answers, as a bean parameter of its resource method: JSON, or a CSV download when asked for with
 * {@code format=csv}, or with no format and an Accept header asking for text/csv and not for JSON.
 */
public class ReportFormat {

    @QueryParam("format")
    @Parameter(description = "json or csv")
    String format;

    @HeaderParam("Accept")
    String accept;

    /** The report as JSON, or {@code csv} of it as a download named {@code filename}. */
    public <T> Response answer(T report, String filename, Function<T, String> csv) {
        boolean asCsv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("text/csv") && !accept.contains("json"));
        if (asCsv) {
            return Responses.csv(csv.apply(report), filename);
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
