package org.gridguard.duty.person;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.duty.hours.DutyHoursService;
import org.gridguard.duty.hours.HoursViews.HoursView;
import org.gridguard.duty.person.PersonViews.*;

@Path("/api/v1/duty-people")
@Tag(name = "Duty shifts")
@Produces(MediaType.APPLICATION_JSON)
@SuppressWarnings("unused")
public class DutyPersonResource {

    static final String BASE = "/api/v1/duty-people";

    @Inject
    PersonService service;
    @Inject
    DutyHoursService hours;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "People on duty you may see", description = "Grid workers who log in, volunteers and sent-down cadres who may not.")
    public Page<PersonView> list(@QueryParam("areaId") UUID areaId, @QueryParam("q") String q, @QueryParam("unit") String unit,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.people(areaId, q, unit, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One person on duty")
    public Response get(@PathParam("id") UUID id) {
        PersonView v = service.person(id);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Add a person on duty", description = "Safe to retry: send your own id or an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@Valid @NotNull NewPerson body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.createPerson(body, key));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Change a person on duty", description = "Needs the version you edited (body or If-Match).")
    public PersonView update(@PathParam("id") UUID id, @Valid @NotNull PersonPatch body, @HeaderParam("If-Match") String ifMatch) {
        return service.updatePerson(id, body, ifMatch);
    }

    @GET
    @Path("/{id}/hours")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "A person's service hours this year", description = "Check-in to check-out (as corrected) plus approved work logs, against the 12-hour target of party members.")
    public HoursView hours(@PathParam("id") UUID id, @QueryParam("year") Integer year) {
        return hours.hoursOf(id, year);
    }
}
