package org.gridguard.enterprise;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.enterprise.EnterpriseViews.EnterprisePatch;
import org.gridguard.enterprise.EnterpriseViews.EnterpriseView;
import org.gridguard.enterprise.EnterpriseViews.NewEnterprise;

/** The register of enterprises resuming work: leaders read it, supervisors and the street's inspectors keep it. */
@Path("/api/v1/enterprises")
@Tag(name = "Enterprises")
@Produces(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

    static final String BASE = "/api/v1/enterprises";

    @Inject
    EnterpriseService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "inspector" })
    @Operation(summary = "Register an enterprise", description = "On an area node in your reach. Send an Idempotency-Key: "
            + "a retry never registers it twice. One enterprise per credit code.")
    @APIResponse(responseCode = "201", description = "Registered (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "400", description = "Bad input, naming the field")
    @APIResponse(responseCode = "404", description = "The area node is not in your reach")
    @APIResponse(responseCode = "409", description = "The credit code is registered already")
    @APIResponse(responseCode = "422", description = "The credit code's check character does not match (GB 32100-2015), "
            + "or the Idempotency-Key was used with another request")
    public Response create(@Valid @NotNull NewEnterprise body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes the create safe to retry") String key) {
        return Responses.created(BASE, service.create(body, key));
    }

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "Enterprises in your reach", description = "By name. q: part of the name or credit code; resumedOn: "
            + "the day they resume (today's first checks).")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or filter")
    @APIResponse(responseCode = "404", description = "The area is not in your reach")
    public Page<EnterpriseView> list(@QueryParam("q") String q, @QueryParam("status") Enterprises.Status status,
            @QueryParam("areaId") UUID areaId, @QueryParam("resumedOn") LocalDate resumedOn,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(q, status, areaId, resumedOn, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "inspector" })
    @Operation(summary = "One enterprise")
    @APIResponse(responseCode = "200", description = "The enterprise (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", description = "No such enterprise in your reach")
    public Response get(@PathParam("id") UUID id) {
        EnterpriseView v = service.get(id);
        return Responses.withVersion(v, v.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "inspector" })
    @Operation(summary = "Change an enterprise", description = "Only the fields sent change. Needs the version you saw "
            + "(If-Match or version).")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "400", description = "Bad input, naming the field")
    @APIResponse(responseCode = "404", description = "No such enterprise (or area node) in your reach")
    @APIResponse(responseCode = "409", description = "The new credit code is registered already")
    @APIResponse(responseCode = "412", description = "The enterprise changed since the version you saw")
    @APIResponse(responseCode = "422", description = "The credit code's check character does not match")
    @APIResponse(responseCode = "428", description = "No version sent")
    public EnterpriseView patch(@PathParam("id") UUID id, @Valid @NotNull EnterprisePatch body,
            @HeaderParam("If-Match") String ifMatch) {
        return service.patch(id, body, ifMatch);
    }
}
