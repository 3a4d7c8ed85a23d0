package org.gridguard.delivery;

import java.time.LocalDate;
import java.util.List;
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
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.delivery.DeliveryRules.RunStatus;
import org.gridguard.delivery.DeliveryViews.CandidateGroup;
import org.gridguard.delivery.DeliveryViews.DropView;
import org.gridguard.delivery.DeliveryViews.NewDrop;
import org.gridguard.delivery.DeliveryViews.NewRun;
import org.gridguard.delivery.DeliveryViews.RunView;
import org.gridguard.delivery.DeliveryViews.Sheet;
import org.gridguard.delivery.DeliveryViews.Transition;

@Path("/api/v1/delivery-runs")
@Tag(name = "Delivery runs")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryRunResource {

    static final String BASE = "/api/v1/delivery-runs";

    @Inject
    DeliveryRunService runs;
    @Inject
    DeliverySheetService sheets;
    @Inject
    DropService drops;

    @GET
    @Path("/candidates")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Open needs to put on a run", description = "The open needs of your reach (within the area if "
            + "given), grouped by compound and building, doors in natural order; at most 500, newest first.")
    @APIResponse(responseCode = "200", description = "The groups")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public List<CandidateGroup> candidates(@QueryParam("areaId") UUID areaId) {
        return sheets.candidates(areaId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Make a run of open needs", description = "The needs become ASSIGNED to the run. Carriers are "
            + "grid workers or leaders assigned to every stop's area. Send an Idempotency-Key: a retry never makes two runs.")
    @APIResponse(responseCode = "201", description = "Planned (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "Bad input, a carrier not assigned to the stops, or needs beyond your area")
    @APIResponse(responseCode = "404", description = "A need is not in your reach")
    @APIResponse(responseCode = "409", description = "A need is no longer open")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewRun body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, runs.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Runs you manage or carry", description = "Newest first; leaders and supervisors the runs of "
            + "their area, workers the runs they carry.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit, date or status")
    public Page<RunView> list(@QueryParam("date") LocalDate date, @QueryParam("status") RunStatus status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return runs.list(date, status, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One run")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run in your reach (or you do not carry it)")
    public RunView get(@PathParam("id") UUID id) {
        return runs.get(id);
    }

    @GET
    @Path("/{id}/sheet")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "The run sheet", description = "Doors ordered by compound, building and door (natural order), "
            + "with the household's contact (phone masked), what was asked and what happened.")
    @APIResponse(responseCode = "200", description = "The sheet")
    @APIResponse(responseCode = "404", description = "No such run in your reach (or you do not carry it)")
    public Sheet sheet(@PathParam("id") UUID id) {
        return sheets.sheet(id);
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Start a planned run", description = "Its needs go out for delivery. Needs the version you saw "
            + "(If-Match or body).")
    @APIResponse(responseCode = "200", description = "Started")
    @APIResponse(responseCode = "403", description = "You carry the run but do not lead its area")
    @APIResponse(responseCode = "404", description = "No such run in your reach")
    @APIResponse(responseCode = "409", description = "The run is not planned")
    @APIResponse(responseCode = "412", description = "The run changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public RunView start(@PathParam("id") UUID id, @Valid Transition body, @HeaderParam("If-Match") String ifMatch) {
        return runs.start(id, body == null ? null : body.version(), ifMatch);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Close a run", description = "Needs still on it without a drop go back to the board (OPEN). "
            + "Needs the version you saw (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Closed")
    @APIResponse(responseCode = "403", description = "You carry the run but do not lead its area")
    @APIResponse(responseCode = "404", description = "No such run in your reach")
    @APIResponse(responseCode = "409", description = "The run is already closed")
    @APIResponse(responseCode = "412", description = "The run changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public RunView close(@PathParam("id") UUID id, @Valid Transition body, @HeaderParam("If-Match") String ifMatch) {
        return runs.close(id, body == null ? null : body.version(), ifMatch);
    }

    @POST
    @Path("/{id}/drops")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Record what happened at a door", description = "On a started run, once per need. DELIVERED "
            + "issues the items from the run's storage place and marks the need delivered; NOBODY_HOME puts it back on the "
            + "board; REFUSED cancels it. Send an Idempotency-Key: a retry never issues stock twice.")
    @APIResponse(responseCode = "201", description = "Recorded (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DropView.class)))
    @APIResponse(responseCode = "400", description = "Bad input (receivedBy for a delivery, items only with a delivery, "
            + "a quantity that is not positive or fractional for a unit item)")
    @APIResponse(responseCode = "404", description = "No such run you carry or lead, need on it, item or storage place")
    @APIResponse(responseCode = "409", description = "Not enough stock (naming the shortfall), the run is not started, or "
            + "the need is already delivered, cancelled or recorded")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request")
    public Response drop(@PathParam("id") UUID id, @Valid @NotNull NewDrop body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE + "/" + id + "/drops", drops.record(id, body, key));
    }
}
