package org.gridguard.quarantine;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Problem;
import org.gridguard.quarantine.SiteViews.Departure;
import org.gridguard.quarantine.SiteViews.StayView;

@Path(StayResource.BASE)
@Tag(name = "Quarantine sites")
@Produces(MediaType.APPLICATION_JSON)
public class StayResource {

    static final String BASE = "/api/v1/quarantine-stays";

    @Inject
    StayService stays;

    @POST
    @Path("/{id}/departure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "supervisor", "grid-leader", "site-staff" })
    @Operation(summary = "A guest leaves the site", description = "Released, transferred or taken to hospital; frees the bed. The order's own status changes through the order.")
    @APIResponse(responseCode = "200", description = "Departed")
    @APIResponse(responseCode = "404", description = "No such stay, or not yours", content = @Content(mediaType = QuarantineSiteResource.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The guest left already", content = @Content(mediaType = QuarantineSiteResource.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public StayView depart(@PathParam("id") UUID id, @Valid @NotNull Departure body) {
        return stays.depart(id, body);
    }
}
