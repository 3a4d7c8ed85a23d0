package org.gridguard.census;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.census.CensusViews.ChangeView;
import org.gridguard.census.CensusViews.HouseholdPatch;
import org.gridguard.census.CensusViews.HouseholdView;
import org.gridguard.census.CensusViews.NewHousehold;
import org.gridguard.census.CensusViews.NewVerification;
import org.gridguard.census.CensusViews.VerificationView;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.RateLimitFilter;
import org.gridguard.common.Responses;

@Path("/api/v1/households")
@Tag(name = "Census", description = "户 and 居民: households, residents, verification rounds, imports, exports, counts")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    static final String BASE = "/api/v1/households";

    @Inject
    RateLimitFilter rateLimits;
    @Inject
    HouseholdService service;
    @Inject
    VerificationService verifications;
    @Inject
    CensusHistory changes;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Households in your jurisdiction", description = "Keyset-paged. category: households with a living resident of that category.")
    public Page<HouseholdView> list(@QueryParam("areaId") @Parameter(description = "Any area node: the households below it") UUID areaId,
            @QueryParam("status") Household.Status status, @QueryParam("category") Resident.Category category,
            @QueryParam("updatedSince") @Parameter(description = "ISO-8601 instant") String updatedSince,
            @QueryParam("door") @Parameter(description = "Part of a door number (门牌号), case-insensitive") String door,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        if (door != null && !door.isBlank()) {
            rateLimits.take("search"); // a search by door number shares the lookups' per-caller limit (ADR 0029)
        }
        return service.households(areaId, status, category, ResidentResource.instant(updatedSince), door, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One household", description = "ETag carries its version.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdView.class)))
    public Response get(@PathParam("id") UUID id) {
        HouseholdView v = service.household(id);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Register a household", description = "Safe to retry with a client id or an Idempotency-Key. The door number is unique within its building.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdView.class)))
    public Response create(@Valid @NotNull NewHousehold body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.createHousehold(body, key));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Change a household", description = "Needs the version you edited (body or If-Match).")
    public HouseholdView update(@PathParam("id") UUID id, @Valid @NotNull HouseholdPatch body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.updateHousehold(id, body, ifMatch);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Every change to the household: who, when, old and new values")
    public List<ChangeView> history(@PathParam("id") UUID id) {
        return changes.history(CensusHistory.HOUSEHOLD, id);
    }

    @GET
    @Path("/{id}/verifications")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Verification rounds (摸排核查) of the household, newest first")
    public List<VerificationView> verifications(@PathParam("id") UUID id) {
        return verifications.verifications(id);
    }

    @POST
    @Path("/{id}/verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Record a verification round: date, phone, visit or notice left, findings",
            description = "PHONE and VISIT verify the household (lastVerifiedOn, optionally its status). NOTICE records "
                    + "a notice or message left when nobody was reached: listed and counted in the daily report, but "
                    + "lastVerifiedOn and the status stay as they were.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such household, or out of reach")
    @APIResponse(responseCode = "422", description = "householdStatus sent with NOTICE: a notice left verifies nothing")
    public Response verify(@PathParam("id") UUID id, @Valid @NotNull NewVerification body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE + "/" + id + "/verifications", verifications.verify(id, body, key));
    }

}
