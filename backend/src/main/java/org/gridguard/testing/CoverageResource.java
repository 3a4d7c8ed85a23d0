package org.gridguard.testing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Page;
import org.gridguard.common.ReportFormat;
import org.gridguard.testing.TestingViews.Coverage;
import org.gridguard.testing.TestingViews.Level;
import org.gridguard.testing.TestingViews.MissingPerson;

@Path("/api/v1/test-rounds")
@Tag(name = "Coverage", description = "Miss no one: who in each area has been sampled, exempted, or not yet")
public class CoverageResource {

    @Inject
    CoverageService service;

    @GET
    @Path("/{id}/coverage")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "Coverage of a round at any level", description = "Rows at `level` under `areaId` (community → zone → grid cell → compound → building → household; "
            + "below grid cells areaId must be a cell or below), with the previous round over the same scope for comparison. "
            + "Cell-level figures and above are at most a few seconds old (asOf). CSV with format=csv or Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Coverage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)) })
    public Response coverage(@PathParam("id") UUID id, @QueryParam("areaId") UUID areaId, @QueryParam("level") Level level,
            @BeanParam ReportFormat format) {
        Coverage c = service.coverage(id, areaId, level);
        return format.answer(c, "coverage.csv", service::csv);
    }

    @GET
    @Path("/{id}/missing")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Missing in my cells: the make-up worklist", description = "Expected residents of your cells (or under areaId) with no sample yet, by building and door number.")
    public Page<MissingPerson> missing(@PathParam("id") UUID id, @QueryParam("areaId") UUID areaId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.missing(id, areaId, cursor, limit);
    }
}
