package org.gridguard.census;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.gridguard.census.CensusViews.NewResident;
import org.gridguard.census.CensusViews.ResidentPatch;
import org.gridguard.census.CensusViews.ResidentSearch;
import org.gridguard.census.CensusViews.ResidentView;
import org.gridguard.census.CensusViews.UnmaskRequest;
import org.gridguard.census.CensusViews.UnmaskedView;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.RateLimited;
import org.gridguard.common.Responses;

@Path("/api/v1/residents")
@Tag(name = "Census")
@Produces(MediaType.APPLICATION_JSON)
public class ResidentResource {

    static final String BASE = "/api/v1/residents";

    @Inject
    ResidentService service;
    @Inject
    CensusHistory changes;

    @Inject
    PiiService pii;

    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("updatedSince", "must be an ISO-8601 timestamp with offset, e.g. 2022-04-05T08:00:00+08:00");
        }
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Residents in your jurisdiction", description = "ID numbers and phones masked. Keyset-paged.")
    public Page<ResidentView> list(@QueryParam("areaId") @Parameter(description = "Any area node: the residents below it") UUID areaId,
            @QueryParam("householdId") UUID householdId, @QueryParam("status") Resident.Status status,
            @QueryParam("category") Resident.Category category,
            @QueryParam("updatedSince") @Parameter(description = "ISO-8601 instant") String updatedSince,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.residents(areaId, householdId, status, category, instant(updatedSince), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One resident (masked)", description = "ETag carries its version.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResidentView.class)))
    public Response get(@PathParam("id") UUID id) {
        ResidentView v = service.resident(id);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Register a resident", description = "The identity document is validated; the same one twice in a community is 409 naming the existing record's id.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResidentView.class)))
    public Response create(@Valid @NotNull NewResident body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.createResident(body, key));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Change a resident, including status (moved out, deceased)", description = "Needs the version you edited. Residents are never deleted.")
    public ResidentView update(@PathParam("id") UUID id, @Valid @NotNull ResidentPatch body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.updateResident(id, body, ifMatch);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Every change to the resident (ID number and phone only as \"changed\")")
    public List<ChangeView> history(@PathParam("id") UUID id) {
        return changes.history(CensusHistory.RESIDENT, id);
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(group = "search")
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Exact lookup by ID number or phone", description = "The number travels in the body, never in a URL. Answers masked residents in your jurisdiction.")
    public Page<ResidentView> search(@Valid @NotNull ResidentSearch body) {
        return pii.search(body);
    }

    @POST
    @Path("/{id}/unmask")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "See a resident's ID number or phone in clear, with a reason", description = "Leaders and supervisors in their jurisdiction; workers only phones of their own cells. Each call writes one audit row; beyond the configured rate, 429.")
    public UnmaskedView unmask(@PathParam("id") UUID id, @Valid @NotNull UnmaskRequest body) {
        return pii.unmask(id, body);
    }
}
