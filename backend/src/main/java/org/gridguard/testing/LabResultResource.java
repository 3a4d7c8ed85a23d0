package org.gridguard.testing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.BatchResult;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.Page;
import org.gridguard.testing.TestingViews.TubeResultBatch;
import org.gridguard.testing.TestingViews.UnmatchedView;

@Path("/api/v1/test-rounds")
@Tag(name = "Lab results", description = "Partner labs post results per tube (client credentials, role lab)")
@Produces(MediaType.APPLICATION_JSON)
public class LabResultResource {

    @Inject
    LabResultService service;

    @POST
    @Path("/{id}/tube-results/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(1024 * 1024)
    @RolesAllowed({ "lab" })
    @Operation(summary = "Post results of up to 1,000 tubes", description = "Per item: CREATED (first result), UPDATED (a correction, history kept), "
            + "DUPLICATE (a replay: nothing changes) or REJECTED (bad item, or an unknown barcode, which is kept in the unmatched list). "
            + "Only rounds assigned to your lab; others are 404.")
    public BatchResult post(@PathParam("id") UUID id, @NotNull TubeResultBatch body) {
        return service.post(id, body.items());
    }

    @GET
    @Path("/{id}/unmatched-results")
    @RolesAllowed({ "admin", "supervisor", "lab" })
    @Operation(summary = "Lab results whose barcode the round did not know", description = "For reconciliation; a lab sees its own. resolved=false lists the open ones.")
    public Page<UnmatchedView> unmatched(@PathParam("id") UUID id, @QueryParam("resolved") Boolean resolved,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.unmatched(id, resolved, cursor, limit);
    }
}
