package org.gridguard.care;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.care.CareViews.CarePlanChange;
import org.gridguard.care.CareViews.CarePlanEnd;
import org.gridguard.care.CareViews.CarePlanView;
import org.gridguard.care.CareViews.NewCarePlan;
import org.gridguard.care.CareViews.UncoveredResident;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;

@Path("/api/v1/care-plans")
@Tag(name = "Care")
@Produces(MediaType.APPLICATION_JSON)
public class CarePlanResource {

    @Inject
    CarePlanService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Start a one-to-one care plan (一对一)", description = "For a living resident of a vulnerable category "
            + "(ELDERLY_ALONE, CHRONIC_ILLNESS, DISABLED, BED_RIDDEN, NEEDS_DELIVERY) in your reach, with the person responsible "
            + "(a grid worker or leader assigned to the resident's cell or zone) and the cadences. One active plan per resident. "
            + "Send an Idempotency-Key: a retry never starts it twice.")
    @APIResponse(responseCode = "201", description = "Started (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CarePlanView.class)))
    @APIResponse(responseCode = "400", description = "Bad input (a cadence outside 1–90 days, a missing field)")
    @APIResponse(responseCode = "404", description = "The resident is not in your reach")
    @APIResponse(responseCode = "409", description = "The resident already has an active plan (planId names it)")
    @APIResponse(responseCode = "422", description = "The resident is not vulnerable or not living here, the responsible person "
            + "is not assigned around the resident's cell, or the Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewCarePlan body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created("/api/v1/care-plans", service.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Care plans in your reach", description = "Most urgent first (the day the next visit is due), with the "
            + "last visit, next visit and delivery due and missed flags. mine: the plans you are responsible for; due: only "
            + "those due today or earlier.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or status")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<CarePlanView> list(@QueryParam("status") CareViews.PlanStatus status, @QueryParam("areaId") UUID areaId,
            @QueryParam("mine") boolean mine, @QueryParam("due") boolean due, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(status, areaId, mine, due, cursor, limit);
    }

    @GET
    @Path("/uncovered")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Vulnerable residents without a care plan", description = "Every living resident of a vulnerable "
            + "category in your reach without an active plan, with category, building and door and a masked phone.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<UncoveredResident> uncovered(@QueryParam("areaId") UUID areaId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.uncovered(areaId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "One care plan, with its history")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "No such plan in your reach")
    public CarePlanView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Change an active plan", description = "The responsible person, the cadences, the note. Needs the "
            + "version you saw (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Bad input")
    @APIResponse(responseCode = "404", description = "No such plan in your reach")
    @APIResponse(responseCode = "409", description = "The plan has ended")
    @APIResponse(responseCode = "412", description = "The plan changed since the version you saw")
    @APIResponse(responseCode = "422", description = "The responsible person is not assigned around the resident's cell")
    @APIResponse(responseCode = "428", description = "No version sent")
    public CarePlanView change(@PathParam("id") UUID id, @Valid @NotNull CarePlanChange body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.change(id, body, ifMatch);
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "End a plan, with a reason", description = "E.g. moved away, in hospital, passed away. Needs the "
            + "version you saw (If-Match or body). The resident may then get a new plan.")
    @APIResponse(responseCode = "200", description = "Ended")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No such plan in your reach")
    @APIResponse(responseCode = "409", description = "The plan has already ended")
    @APIResponse(responseCode = "412", description = "The plan changed since the version you saw")
    @APIResponse(responseCode = "428", description = "No version sent")
    public CarePlanView end(@PathParam("id") UUID id, @Valid @NotNull CarePlanEnd body, @HeaderParam("If-Match") String ifMatch) {
        return service.end(id, body, ifMatch);
    }
}
