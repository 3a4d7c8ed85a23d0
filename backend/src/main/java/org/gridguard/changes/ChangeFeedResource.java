package org.gridguard.changes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.changes.FeedEntities.FeedEntity;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.RateLimited;
import org.gridguard.security.Jurisdiction;

import io.quarkus.arc.All;

@Path("/api/v1/changes")
@Tag(name = "Delta feeds", description = "What changed since your cursor, deletions included, for partners that keep a copy")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    @Schema(name = "FeedEntity", description = "An entity of the delta feed", requiredProperties = { "name", "description" })
    public record EntityView(@Schema(example = "TEST_TUBE") String name, String description) {
    }

    /** The entities the features publish, by name. */
    private final Map<String, FeedEntity> published = new TreeMap<>();

    @Inject
    ChangeLog changes;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    ChangeFeedResource(@All List<FeedEntities> sources) {
        for (FeedEntities s : sources) {
            for (FeedEntity e : s.feedEntities()) {
                if (published.putIfAbsent(e.name(), e) != null) {
                    throw new IllegalStateException("feed entity " + e.name() + " is published twice");
                }
            }
        }
    }

    @GET
    @Transactional
    @RateLimited(perMinute = 600)
    @RolesAllowed({ "admin", "supervisor", "agency" })
    @Operation(summary = "Changes after a cursor", description = "Start without a cursor; keep the returned `next` and pass it back. "
            + "A transaction that commits late is delivered later, never skipped. DELETE items are tombstones.")
    public ChangeLog.ChangePage feed(
            @QueryParam("entity") @Parameter(description = "An entity of GET /api/v1/changes/entities (repeatable); default all") List<String> entity,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<String> wanted = entity == null || entity.isEmpty() ? List.copyOf(published.keySet()) : entity;
        for (String e : wanted) {
            if (!published.containsKey(e)) {
                throw ApiProblem.invalid("entity", "must be one of " + String.join(", ", published.keySet()));
            }
        }
        return changes.read(wanted, cursor, Cursor.limit(limit), jurisdiction.isGlobal() ? null : jurisdiction.pathPrefixes());
    }

    @GET
    @Path("/entities")
    @RolesAllowed({ "admin", "supervisor", "agency" })
    @Operation(summary = "The entities of the feed", description = "Every entity the features publish, sorted by name.")
    public List<EntityView> entities() {
        return published.values().stream().map(e -> new EntityView(e.name(), e.description())).toList();
    }
}
