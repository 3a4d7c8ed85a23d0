package org.gridguard.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How a daily report answers. Placeholder: JSON only (the formats helper's bean replaces it). */
@ApplicationScoped
public class ReportFormats {

    public Response answer(ReportViews.DailyReport report, String format, String accept) {
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
