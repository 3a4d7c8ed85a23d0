package org.gridguard.quarantine;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem;
import org.gridguard.common.ReportFormat;
import org.gridguard.common.Responses;
import org.gridguard.quarantine.SiteViews.GuestView;
import org.gridguard.quarantine.SiteViews.NewArrival;
import org.gridguard.quarantine.SiteViews.NewRoom;
import org.gridguard.quarantine.SiteViews.Occupancy;
import org.gridguard.quarantine.SiteViews.RoomChange;
import org.gridguard.quarantine.SiteViews.RoomView;
import org.gridguard.quarantine.SiteViews.SiteView;

@Path(QuarantineSiteResource.BASE)
@Tag(name = "Quarantine sites", description = "Central isolation sites (集中隔离点): rooms, guests, occupancy")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineSiteResource {

    static final String BASE = "/api/v1/quarantine-sites";
    static final String PROBLEM = "application/problem+json";

    @Inject
    SiteService sites;
    @Inject
    StayService stays;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "site-staff" })
    @Operation(summary = "The central isolation sites you see, with capacity and guests now", description = "Site staff: the sites they work at; the other roles: the sites guarding a node of their area or above it.")
    @APIResponse(responseCode = "200", description = "A page of sites")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<SiteView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return sites.sites(cursor, limit);
    }

    @GET
    @Path("/{siteId}/rooms")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "site-staff" })
    @Operation(summary = "The site's rooms, by number, with their beds and guests now")
    @APIResponse(responseCode = "200", description = "A page of rooms")
    @APIResponse(responseCode = "404", description = "No such site, or not yours", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<RoomView> rooms(@PathParam("siteId") UUID siteId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return sites.rooms(siteId, cursor, limit);
    }

    @POST
    @Path("/{siteId}/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "site-staff" })
    @Operation(summary = "Add a room to the site", description = "Its staff, or a supervisor or leader whose area covers the site. Safe to retry with an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created (or the first result again, with Idempotent-Replayed: true)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "404", description = "No such site, or not yours", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The site already has a room of that number", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another request", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response createRoom(@PathParam("siteId") UUID siteId, @Valid @NotNull NewRoom body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes the create safe to retry") String key) {
        return Responses.created(BASE + "/" + siteId + "/rooms", sites.createRoom(siteId, body, key));
    }

    @PATCH
    @Path("/{siteId}/rooms/{roomId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "site-staff" })
    @Operation(summary = "Change a room's beds", description = "Needs the version you edited (body or If-Match). A room never has fewer beds than guests (409).")
    @APIResponse(responseCode = "404", description = "No such site or room, or not yours", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Fewer beds than the room's guests", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "A stale version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "428", description = "No version given", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RoomView changeRoom(@PathParam("siteId") UUID siteId, @PathParam("roomId") UUID roomId,
            @Valid @NotNull RoomChange body, @HeaderParam("If-Match") String ifMatch) {
        return sites.changeRoom(siteId, roomId, body, ifMatch);
    }

    @GET
    @Path("/{siteId}/guests")
    @RolesAllowed({ "supervisor", "grid-leader", "site-staff" })
    @Operation(summary = "The site's guests now, by room", description = "With room, arrival and order number; the person masked. Site staff see every guest of their site; supervisors and leaders the guests whose home is in their area.")
    @APIResponse(responseCode = "200", description = "A page of guests")
    @APIResponse(responseCode = "404", description = "No such site, or not yours", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<GuestView> guests(@PathParam("siteId") UUID siteId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return stays.guests(siteId, cursor, limit);
    }

    @POST
    @Path("/{siteId}/guests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "site-staff" })
    @Operation(summary = "A guest arrives", description = "The order is an active CENTRAL_ISOLATION order whose site is this one; the room has a free bed. Safe to retry with an Idempotency-Key. Answers the stay.")
    @APIResponse(responseCode = "201", description = "Arrived (or the first result again, with Idempotent-Replayed: true)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SiteViews.StayView.class)))
    @APIResponse(responseCode = "404", description = "No such site, or not yours", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The room is full, the order is not active, sends its person to another site, or its person stays already", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a CENTRAL_ISOLATION order, or the Idempotency-Key was used with another request", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response arrive(@PathParam("siteId") UUID siteId, @Valid @NotNull NewArrival body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes the arrival safe to retry") String key) {
        return Responses.created(StayResource.BASE, stays.arrive(siteId, body, key));
    }

    @GET
    @Path("/{siteId}/occupancy")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "agency", "site-staff" })
    @Operation(summary = "Occupancy of a site per day", description = "Per day (the deployment's zone, Asia/Shanghai): guests present, guests staying the night, arrivals, departures; the beds today. Default the last 7 days, at most 92. CSV with Accept: text/csv or format=csv.")
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Occupancy.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "No such site, or not yours", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response occupancy(@PathParam("siteId") UUID siteId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @BeanParam ReportFormat format) {
        return format.answer(sites.occupancy(siteId, from, to), "quarantine-site-occupancy.csv", SiteRules::csv);
    }
}
