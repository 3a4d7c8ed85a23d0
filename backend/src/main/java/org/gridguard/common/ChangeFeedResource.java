package org.gridguard.common;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.security.Jurisdiction;

@Path("/api/v1/changes")
@Tag(name = "Delta feeds", description = "What changed since your cursor, deletions included, for partners that keep a copy")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    /** The entities published in the feed. */
    static final Set<String> ENTITIES = Set.of("AREA_NODE", "CHECKPOINT", "ALERT", "TEST_ROUND", "TEST_TUBE");

    @Inject
    ChangeLog changes;

    @Inject
    Jurisdiction jurisdiction;

    @GET
    @Transactional
    @RateLimited(perMinute = 600)
    @RolesAllowed({ "admin", "supervisor", "agency" })
    @Operation(summary = "Changes after a cursor", description = "Start without a cursor; keep the returned `next` and pass it back. "
            + "A transaction that commits late is delivered later, never skipped. DELETE items are tombstones.")
    public ChangeLog.ChangePage feed(
            @QueryParam("entity") @Parameter(description = "AREA_NODE, CHECKPOINT, ALERT, TEST_ROUND, TEST_TUBE (a pool whose result turned positive/invalid or was corrected) (repeatable); default all") List<String> entity,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<String> wanted = entity == null || entity.isEmpty() ? List.copyOf(ENTITIES) : entity;
        for (String e : wanted) {
            if (!ENTITIES.contains(e)) {
                throw ApiProblem.invalid("entity", "must be one of " + String.join(", ", ENTITIES.stream().sorted().toList()));
            }
        }
        return changes.read(wanted, cursor, Cursor.limit(limit), jurisdiction.isGlobal() ? null : jurisdiction.pathPrefixes());
    }
}
