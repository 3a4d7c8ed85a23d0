package org.gridguard.temperature;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.temperature.TemperatureViews.PeopleSearch;
import org.gridguard.common.RateLimited;
import org.gridguard.temperature.TemperatureViews.PersonHit;

@Path("/api/v1/checkpoints/{id}/people")
@Tag(name = "Temperature checks")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointPeopleResource {

    @Inject
    TemperatureReads reads;

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(group = "search")
    @RolesAllowed({ "supervisor", "grid-leader", "grid-worker" })
    @Operation(summary = "Find residents at a checkpoint", description = "The residents of the area the checkpoint guards, for whoever "
            + "records there (their area, or a shift there today), even outside their own cells: by exact ID number (in the body, "
            + "matched by keyed hash), by household, or by name (prefix). At most 50, masked.")
    public List<PersonHit> search(@PathParam("id") UUID id, @Valid @NotNull PeopleSearch body) {
        return reads.people(id, body);
    }
}
