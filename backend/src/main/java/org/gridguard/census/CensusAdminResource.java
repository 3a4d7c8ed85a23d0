package org.gridguard.census;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.census.CensusViews.AuditView;
import org.gridguard.census.CensusViews.CountLevel;
import org.gridguard.census.CensusViews.CountView;
import org.gridguard.census.CensusViews.ExportRequest;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;

/** The census seen from above: counts, exports and the personal-data audit. */
@Path("/api/v1")
@Tag(name = "Census")
public class CensusAdminResource {

    @Inject
    CensusCounts counts;
    @Inject
    PiiService pii;

    @GET
    @Path("/census/counts")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "Households and living residents per grid cell, compound or building, by category")
    public List<CountView> counts(@QueryParam("areaId") UUID areaId, @QueryParam("level") CountLevel level) {
        return counts.counts(areaId, level);
    }

    @GET
    @Path("/audit")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "Personal-data audit of your communities: every unmasked read and export, newest first")
    public Page<AuditView> audit(@QueryParam("subjectId") UUID subjectId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return pii.auditLog(subjectId, cursor, limit);
    }

    @POST
    @Path("/exports/residents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "CSV of residents (UTF-8); masked unless unmask is asked with a reason", description = "Audited.")
    public Response exportResidents(ExportRequest body) {
        return Responses.csv(pii.exportResidents(body), "residents.csv");
    }

    @POST
    @Path("/exports/households")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "CSV of households (UTF-8)", description = "Audited.")
    public Response exportHouseholds(ExportRequest body) {
        return Responses.csv(pii.exportHouseholds(body), "households.csv");
    }
}
