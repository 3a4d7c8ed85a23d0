package org.gridguard.quarantine;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.quarantine.QuarantineViews.ChainView;
import org.gridguard.quarantine.QuarantineViews.EventView;
import org.gridguard.quarantine.QuarantineViews.Extension;
import org.gridguard.quarantine.QuarantineViews.Kind;
import org.gridguard.quarantine.QuarantineViews.NewOrder;
import org.gridguard.quarantine.QuarantineViews.OrderView;
import org.gridguard.quarantine.QuarantineViews.Reason;
import org.gridguard.quarantine.QuarantineViews.Release;
import org.gridguard.quarantine.QuarantineViews.Status;
import org.gridguard.quarantine.QuarantineViews.Transfer;

@Path(QuarantineResource.BASE)
@Tag(name = "Quarantine", description = "Quarantine orders: home isolation, home health monitoring, central isolation (issue 17)")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    static final String BASE = "/api/v1/quarantines";

    @Inject
    QuarantineOrderService orders;
    @Inject
    QuarantineMoves moves;
    @Inject
    QuarantineHistory history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Put a person under a quarantine order", description = "A resident of your jurisdiction, or a non-resident "
            + "with name, document and phone, living in a grid cell of your jurisdiction. endsOn defaults to the configured days "
            + "for the kind and reason. Safe to retry with an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again with the same Idempotency-Key)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: a field named in errors")
    @APIResponse(responseCode = "404", description = "The resident or area node is unknown or outside your jurisdiction")
    @APIResponse(responseCode = "409", description = "The person already has an active order: orderId and number name it")
    @APIResponse(responseCode = "422", description = "An end before the start, an unknown source order, a site that is not a QUARANTINE_SITE of your jurisdiction")
    public Response create(@Valid @NotNull NewOrder body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, orders.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency", "site-staff" })
    @Operation(summary = "Quarantine orders in your jurisdiction, newest first")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "areaId is unknown or outside your jurisdiction")
    @APIResponse(responseCode = "422", description = "to before from")
    public Page<OrderView> list(@QueryParam("status") Status status, @QueryParam("kind") Kind kind,
            @QueryParam("reason") Reason reason,
            @QueryParam("residentId") @Parameter(description = "Orders of this resident (the resident page shows the active one)") UUID residentId,
            @QueryParam("areaId") @Parameter(description = "Any area node: orders of people living under it") UUID areaId,
            @QueryParam("from") @Parameter(description = "Orders running on or after this day") LocalDate from,
            @QueryParam("to") @Parameter(description = "Orders running on or before this day") LocalDate to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return orders.list(new QuarantineRepository.Filter(status, kind, reason, residentId, null, from, to), areaId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency", "site-staff" })
    @Operation(summary = "One quarantine order", description = "ETag carries its version.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or outside your jurisdiction")
    public Response get(@PathParam("id") UUID id) {
        OrderView v = orders.get(id);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Path("/{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Extend an active order to a later end, with a reason", description = "Needs the version you edited (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Extended", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or outside your jurisdiction")
    @APIResponse(responseCode = "409", description = "The order is no longer active")
    @APIResponse(responseCode = "412", description = "Stale version")
    @APIResponse(responseCode = "422", description = "The new end is not after the current one")
    @APIResponse(responseCode = "428", description = "No version sent")
    public Response extend(@PathParam("id") UUID id, @Valid @NotNull Extension body, @HeaderParam("If-Match") String ifMatch) {
        OrderView v = moves.extend(id, body, ifMatch);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Release an active order, on time or early, with a reason", description = "Status RELEASED. Needs the version you edited (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Released", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "428", description = "No version sent")
    @APIResponse(responseCode = "409", description = "The order is no longer active")
    @APIResponse(responseCode = "412", description = "Stale version")
    @APIResponse(responseCode = "404", description = "Unknown or outside your jurisdiction")
    public Response release(@PathParam("id") UUID id, @Valid @NotNull Release body, @HeaderParam("If-Match") String ifMatch) {
        OrderView v = moves.release(id, body, ifMatch);
        return Responses.withVersion(v, v.version());
    }

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader" })
    @Operation(summary = "Transfer an active order: to a central isolation site, back home, or to hospital", description = "SITE needs a "
            + "checkpoint of kind QUARANTINE_SITE in your jurisdiction (kind becomes CENTRAL_ISOLATION); HOME ends central isolation; "
            + "HOSPITAL ends the order (status HOSPITAL). Needs the version you edited (If-Match or body).")
    @APIResponse(responseCode = "200", description = "Transferred", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "412", description = "Stale version")
    @APIResponse(responseCode = "409", description = "The order is no longer active")
    @APIResponse(responseCode = "404", description = "Unknown or outside your jurisdiction")
    @APIResponse(responseCode = "428", description = "No version sent")
    @APIResponse(responseCode = "422", description = "Not a QUARANTINE_SITE of your jurisdiction, or nothing to transfer")
    @APIResponse(responseCode = "400", description = "Invalid input: a field named in errors")
    public Response transfer(@PathParam("id") UUID id, @Valid @NotNull Transfer body, @HeaderParam("If-Match") String ifMatch) {
        OrderView v = moves.transfer(id, body, ifMatch);
        return Responses.withVersion(v, v.version());
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency", "site-staff" })
    @Operation(summary = "The order's history: every change of status, who, when, why; oldest first")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown or outside your jurisdiction")
    public List<EventView> events(@PathParam("id") UUID id) {
        return history.events(id);
    }

    @GET
    @Path("/{id}/chain")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "The order's chain: its sources up to the root and all its descendants", description = "Case → close contacts "
            + "→ secondary close contacts. Orders outside your jurisdiction are counted in hiddenCount, never shown.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown or outside your jurisdiction")
    public ChainView chain(@PathParam("id") UUID id) {
        return history.chain(id);
    }
}
