package org.gridguard.alert;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.alert.AlertViews.AlertDetail;
import org.gridguard.alert.AlertViews.AlertView;
import org.gridguard.alert.AlertViews.Transition;
import org.gridguard.common.Page;

@Path("/api/v1/alerts")
@Tag(name = "Alerts", description = "One inbox for every kind of alert the features raise (GET /api/v1/alert-kinds)")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertService service;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "agency" })
    @Operation(summary = "The alert inbox of your jurisdiction", description = "Newest first, or the most overdue first (sort=MOST_OVERDUE); filter by state, kind, age, overdue and escalated. "
            + "With updatedSince it is a delta read for partners: alerts changed at or after that instant, oldest change first, "
            + "paged with the cursor (for a feed that never skips a late commit, use /api/v1/changes).")
    public Page<AlertView> inbox(@QueryParam("state") List<AlertState> state, @QueryParam("kind") @Parameter(description = "One kind of GET /api/v1/alert-kinds; unknown kinds are 400") String kind,
            @QueryParam("olderThanMinutes") @Parameter(description = "Only alerts raised at least this long ago") Integer olderThanMinutes,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("escalated") @Parameter(description = "true: escalated one level up or more and not closed; false: never escalated") Boolean escalated,
            @QueryParam("areaId") UUID areaId,
            @QueryParam("updatedSince") @Parameter(description = "ISO-8601 instant with offset: only alerts changed since, ordered by change") String updatedSince,
            @QueryParam("sort") AlertOrder sort,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.inbox(state, kind, olderThanMinutes, overdue, escalated, areaId, since(updatedSince), sort, cursor, limit);
    }

    static java.time.Instant since(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw org.gridguard.common.ApiProblem.invalid("updatedSince",
                    "must be an ISO-8601 timestamp with offset, e.g. 2022-04-05T08:00:00+08:00");
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "agency" })
    @Operation(summary = "One alert with its history")
    public AlertDetail get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Move an alert to its next state", description = "Allowed steps depend on the kind (see nextStates); others are 409.")
    public AlertView transition(@PathParam("id") UUID id, @Valid @NotNull Transition body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.transition(id, body, ifMatch);
    }
}
