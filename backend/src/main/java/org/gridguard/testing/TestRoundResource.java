package org.gridguard.testing;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.security.Caller;
import org.gridguard.testing.TestingViews.ExemptionKind;
import org.gridguard.testing.TestingViews.ExemptionView;
import org.gridguard.testing.TestingViews.NewExemption;
import org.gridguard.testing.TestingViews.NewRound;
import org.gridguard.testing.TestingViews.NewSite;
import org.gridguard.testing.TestingViews.NewTask;
import org.gridguard.testing.TestingViews.RoundPatch;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.RoundView;
import org.gridguard.testing.TestingViews.SiteView;
import org.gridguard.testing.TestingViews.TaskKind;
import org.gridguard.testing.TestingViews.TaskOutcome;
import org.gridguard.testing.TestingViews.TaskStatus;
import org.gridguard.testing.TestingViews.TaskView;
import org.gridguard.testing.TestingViews.Transition;

@Path("/api/v1/test-rounds")
@Tag(name = "Test rounds", description = "Nucleic-acid rounds: scope, exemptions, sampling sites, door-to-door and re-test tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TestRoundResource {

    static final String BASE = "/api/v1/test-rounds";

    @Inject
    RoundService service;
    @Inject
    ExemptionService exemptions;
    @Inject
    SiteService sites;
    @Inject
    TaskService tasks;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency" })
    @Operation(summary = "Rounds you can see", description = "Rounds whose scope overlaps your jurisdiction; a lab sees the rounds assigned to it. Newest date first.")
    public Page<RoundView> list(@QueryParam("status") RoundStatus status, @QueryParam("areaId") UUID areaId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(status, areaId, cursor, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "Open a round (planned)", description = "Scope nodes must all be in your supervision. Safe to retry with a client id or an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    public Response create(@Valid @NotNull NewRound body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, idempotency.once(caller.name(), key, "TEST_ROUND", body, RoundView.class,
                () -> service.create(body)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency" })
    @Operation(summary = "One round", description = "ETag carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    public Response get(@PathParam("id") UUID id) {
        RoundView v = service.get(id);
        return Responses.withVersion(v, v.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "Edit a planned round", description = "If-Match or version required (412 when stale).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    public Response patch(@PathParam("id") UUID id, @Valid @NotNull RoundPatch body, @HeaderParam("If-Match") String ifMatch) {
        RoundView v = service.patch(id, body, ifMatch);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor" })
    @Operation(summary = "Start sampling or close the round", description = "PLANNED → SAMPLING → CLOSED; anything else is 409. "
            + "Starting lists bed-ridden and quarantined residents for door-to-door sampling. If-Match or version required.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    public Response transition(@PathParam("id") UUID id, @Valid @NotNull Transition body,
            @HeaderParam("If-Match") String ifMatch) {
        RoundView v = service.transition(id, body, ifMatch);
        return Responses.withVersion(v, v.version());
    }

    // ---------- exemptions ----------

    @GET
    @Path("/{id}/exemptions")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Exemptions of the round in your cells")
    public Page<ExemptionView> exemptions(@PathParam("id") UUID id, @QueryParam("residentId") UUID residentId,
            @QueryParam("kind") ExemptionKind kind, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return exemptions.exemptions(id, residentId, kind, cursor, limit);
    }

    @POST
    @Path("/{id}/exemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Exempt a resident from the round", description = "Away, in hospital, infant or other, with a reason; the granter and time are recorded. One per resident and round (409).")
    @APIResponse(responseCode = "201", description = "Created (or the first result again)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExemptionView.class)))
    public Response exempt(@PathParam("id") UUID id, @Valid @NotNull NewExemption body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE + "/" + id + "/exemptions", idempotency.once(caller.name(), key,
                "TEST_EXEMPTION", body, ExemptionView.class, () -> exemptions.exempt(id, body)));
    }

    @DELETE
    @Path("/{id}/exemptions/{exemptionId}")
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Revoke an exemption")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") UUID id, @PathParam("exemptionId") UUID exemptionId) {
        exemptions.revokeExemption(id, exemptionId);
        return Response.noContent().build();
    }

    // ---------- sites ----------

    @GET
    @Path("/{id}/sites")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Central sampling sites of the round")
    public List<SiteView> sites(@PathParam("id") UUID id) {
        return sites.sites(id);
    }

    @POST
    @Path("/{id}/sites")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Add a central sampling site", description = "A place in the round's scope with its opening hours.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SiteView.class)))
    public Response addSite(@PathParam("id") UUID id, @Valid @NotNull NewSite body) {
        return Responses.created(BASE + "/" + id + "/sites", sites.addSite(id, body));
    }

    // ---------- tasks ----------

    @GET
    @Path("/{id}/tasks")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Door-to-door and re-test tasks in your cells", description = "Urgent first, then by building and door number.")
    public Page<TaskView> tasks(@PathParam("id") UUID id, @QueryParam("kind") TaskKind kind,
            @QueryParam("status") TaskStatus status, @QueryParam("gridCellId") UUID cellId,
            @QueryParam("householdId") UUID householdId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return tasks.tasks(id, kind, status, cellId, householdId, null, cursor, limit);
    }

    @POST
    @Path("/{id}/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Ask for a door-to-door visit of a household", description = "One visit task per household and round; asking again returns it.")
    @APIResponse(responseCode = "201", description = "Created (or the existing task)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    public Response addVisit(@PathParam("id") UUID id, @Valid @NotNull NewTask body) {
        return Responses.created(BASE + "/" + id + "/tasks", tasks.addVisit(id, body));
    }

    @POST
    @Path("/{id}/tasks/{taskId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Mark a task done or failed", description = "FAILED needs a reason. If-Match or version required.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    public Response outcome(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId, @Valid @NotNull TaskOutcome body,
            @HeaderParam("If-Match") String ifMatch) {
        TaskView v = tasks.outcome(id, taskId, body, ifMatch);
        return Responses.withVersion(v, v.version());
    }
}
