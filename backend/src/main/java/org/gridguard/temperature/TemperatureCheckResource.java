package org.gridguard.temperature;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.BatchResult;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.Page;
import org.gridguard.temperature.TemperatureViews.BatchInput;
import org.gridguard.temperature.TemperatureViews.CheckInput;
import org.gridguard.temperature.TemperatureViews.CheckView;

@Path("/api/v1/temperature-checks")
@Tag(name = "Temperature checks", description = "Gate registrations, watch reports, fever alerts")
@Produces(MediaType.APPLICATION_JSON)
public class TemperatureCheckResource {

    static final String BASE = "/api/v1/temperature-checks";

    @Inject
    TemperatureService service;

    @Inject
    TemperatureReads reads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Register a temperature reading", description = "At a checkpoint (GATE) or as a watch report (DOOR, PHONE, PHOTO). "
            + "The client's id is the idempotency key: the same id and body again answers 200 with the first result, the same id with "
            + "another body 409. A temperature outside " + TemperatureRules.PLAUSIBLE_MIN_TEXT + "–" + TemperatureRules.PLAUSIBLE_MAX_TEXT + " °C or a measuredAt more than 5 minutes ahead or more than 30 days ago is 422. "
            + "37.3 °C or more opens (or joins) the person's FEVER alert of the day: alertId.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckView.class)))
    @APIResponse(responseCode = "200", description = "A retry of a registration already made", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckView.class)))
    public Response create(@NotNull CheckInput body) {
        TemperatureService.Created c = service.createOne(body);
        if (c.created()) {
            return Response.created(URI.create(BASE + "/" + c.view().id())).entity(c.view()).build();
        }
        return Response.ok(c.view()).header("Idempotent-Replayed", "true").build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(4 * 1024 * 1024)
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Register up to 1,000 readings (offline queues, gate devices)", description = "Per item CREATED, DUPLICATE "
            + "(the same id and body was registered before: nothing is written twice) or REJECTED with the reasons; a bad item "
            + "never loses the good ones. alertId is the FEVER alert a fever reading opened or joined.")
    public BatchResult batch(@Valid @NotNull BatchInput body) {
        return service.batch(body.items());
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Registrations in your jurisdiction, newest first", description = "Those of your area, and those you recorded. "
            + "Visitors' documents and phones masked.")
    public Page<CheckView> list(@QueryParam("checkpointId") UUID checkpointId,
            @QueryParam("areaId") @Parameter(description = "Any area node: registrations below it") UUID areaId,
            @QueryParam("residentId") UUID residentId,
            @QueryParam("from") @Parameter(description = "First business day (measured-at, local)") LocalDate from,
            @QueryParam("to") @Parameter(description = "Last business day") LocalDate to, @QueryParam("fever") Boolean fever,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return reads.list(checkpointId, areaId, residentId, from, to, fever, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One registration")
    public CheckView get(@PathParam("id") UUID id) {
        return reads.get(id);
    }
}
