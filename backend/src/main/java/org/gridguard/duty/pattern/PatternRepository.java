package org.gridguard.duty.pattern;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.duty.DutyScope;

/**
 * Every query of duty patterns. A pattern belongs to its checkpoint's guarded node: the caller sees the patterns
 * of the posts they see (else 404).
 */
@ApplicationScoped
public class PatternRepository {

    /** A pattern with its post. */
    public record Visible(DutyPattern pattern, DutyScope.Post post) {
    }

    @Inject
    EntityManager em;
    @Inject
    DutyScope scope;

    /** The patterns the caller sees, by checkpoint code; with an area path, those guarding it, inside or above it. */
    List<Visible> visible(String path) {
        List<DutyPattern> all = DutyPattern.listAll();
        Map<UUID, DutyScope.Post> posts = scope.posts(all.stream().map(p -> p.checkpointId).toList());
        return all.stream().filter(p -> {
            DutyScope.Post post = posts.get(p.checkpointId);
            return post != null && scope.canSee(post.guardPath())
                    && (path == null || post.guardPath().startsWith(path) || path.startsWith(post.guardPath()));
        }).sorted((a, b) -> posts.get(a.checkpointId).code().compareTo(posts.get(b.checkpointId).code()))
                .limit(Cursor.MAX_LIMIT).map(p -> new Visible(p, posts.get(p.checkpointId))).toList();
    }

    /** The pattern and its post if the caller sees them, else 404. */
    Visible visible(UUID id) {
        DutyPattern p = DutyPattern.findById(id);
        if (p == null) {
            throw ApiProblem.notFound("Duty pattern");
        }
        return new Visible(p, ApiProblem.outOfReachIsMissing("Duty pattern", () -> scope.post(p.checkpointId)));
    }

    boolean existsFor(UUID checkpointId) {
        return DutyPattern.count("checkpointId", checkpointId) > 0;
    }

    void persist(DutyPattern p) {
        p.persist();
    }

    void flush() {
        em.flush();
    }

    /** Unfiltered (the posts were reached through a visible area): the patterns of these checkpoints, by checkpoint. */
    public Map<UUID, DutyPattern> byCheckpoint(Collection<UUID> checkpointIds) {
        Map<UUID, DutyPattern> patterns = new HashMap<>();
        if (!checkpointIds.isEmpty()) {
            for (DutyPattern p : DutyPattern.<DutyPattern>list("checkpointId in ?1", checkpointIds)) {
                patterns.put(p.checkpointId, p);
            }
        }
        return patterns;
    }
}
