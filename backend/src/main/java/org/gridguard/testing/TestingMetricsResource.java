package org.gridguard.testing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.testing.TestingViews.Metrics;

@Path("/api/v1/metrics/testing")
@Tag(name = "Metrics")
public class TestingMetricsResource {

    @Inject
    CoverageService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "agency" })
    @Operation(summary = "Testing metrics of your jurisdiction", description = "Rounds, rounds sampling, positive pools, open re-tests, unmatched lab results, and coverage over the rounds now sampling.")
    public Metrics metrics(@QueryParam("areaId") UUID areaId) {
        return service.metrics(areaId);
    }
}
