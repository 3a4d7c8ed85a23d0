package org.gridguard.testing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.gridguard.common.BatchResult;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.security.Caller;
import org.gridguard.testing.TestingViews.NewSample;
import org.gridguard.testing.TestingViews.NewTube;
import org.gridguard.testing.TestingViews.PositivePool;
import org.gridguard.testing.TestingViews.SampleBatch;
import org.gridguard.testing.TestingViews.SampleView;
import org.gridguard.testing.TestingViews.TubeView;

@Path("/api/v1/test-rounds")
@Tag(name = "Sampling", description = "Pooled tubes and the people sampled into them; positive pools")
@Produces(MediaType.APPLICATION_JSON)
public class SamplingResource {

    @Inject
    SamplingService service;
    @Inject
    TubeService tubes;
    @Inject
    PoolFollowUp pools;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;

    @POST
    @Path("/{id}/tubes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Open a pool for a scanned barcode", description = "The barcode is unique in the round (409 duplicate-barcode). "
            + "Sending the same client id again replays. Samples may also open their pool implicitly.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TubeView.class)))
    public Response open(@PathParam("id") UUID id, @Valid @NotNull NewTube body) {
        return Responses.created(TestRoundResource.BASE + "/" + id + "/tubes", tubes.open(id, body));
    }

    @GET
    @Path("/{id}/tubes/{tubeId}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "A pool with its people and result history")
    public TubeView tube(@PathParam("id") UUID id, @PathParam("tubeId") UUID tubeId) {
        return tubes.get(id, tubeId);
    }

    @GET
    @Path("/{id}/tubes")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Find a pool by barcode", description = "What a scanner typed; 404 if the round has no such pool in your reach.")
    public TubeView byBarcode(@PathParam("id") UUID id, @QueryParam("barcode") String barcode) {
        return tubes.byBarcode(id, barcode);
    }

    @POST
    @Path("/{id}/tubes/{tubeId}/close")
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Close a pool by hand", description = "A pool closes by itself when full; closing it again is a no-op.")
    public TubeView close(@PathParam("id") UUID id, @PathParam("tubeId") UUID tubeId) {
        return tubes.close(id, tubeId);
    }

    @POST
    @Path("/{id}/samples")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Add a person to a pool", description = "By residentId (a household member), by ID number (keyed-hash lookup) or as a visitor. "
            + "Only residents of your cells. A second ORDINARY sample of a person is stored flagged (SECOND_ORDINARY_SAMPLE); "
            + "RETEST and MAKEUP are legitimate. Full pools are 409 pool-full; the pool closes when it reaches its size. "
            + "Safe to retry with a client id or an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SampleView.class)))
    public Response sample(@PathParam("id") UUID id, @Valid @NotNull NewSample body,
            @HeaderParam(Idempotency.HEADER) String key) {
        // without a key no transaction is opened: a registration is one atomic write (ADR 0020)
        return Responses.created(TestRoundResource.BASE + "/" + id + "/samples", key == null ? service.register(id, body)
                : idempotency.once(caller.name(), key, "TEST_SAMPLE", body, SampleView.class, () -> service.register(id, body)));
    }

    @POST
    @Path("/{id}/samples/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(2 * 1024 * 1024)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Send an offline queue of samples", description = "Up to 1,000 items, each with its client id: CREATED, DUPLICATE (already sent) or REJECTED with why, in order.")
    public BatchResult batch(@PathParam("id") UUID id, @Valid @NotNull SampleBatch body) {
        return service.batch(id, body.items());
    }

    @GET
    @Path("/{id}/positive-pools")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "Positive and invalid pools: the follow-up list", description = "With re-test progress and the flagged households and buildings; newest result first.")
    public Page<PositivePool> positivePools(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return pools.pools(id, cursor, limit);
    }
}
