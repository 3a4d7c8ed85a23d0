package org.gridguard.job;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

@Path("/api/v1/jobs")
@Tag(name = "Jobs", description = "Long work: imports, exports, rostering")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    JobService jobs;

    @Inject
    Caller caller;

    @Inject
    Jurisdiction jurisdiction;

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "lab", "agency", "inspector" })
    @Operation(summary = "A job's status, progress and report", description = "Visible to the job's owner and to supervisors of its community.")
    public JobView get(@PathParam("id") UUID id) {
        return jobs.get(id, caller, jurisdiction);
    }
}
