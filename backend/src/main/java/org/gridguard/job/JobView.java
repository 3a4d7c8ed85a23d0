package org.gridguard.job;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Job")
public record JobView(UUID id, String kind, Job.Status status,
        @Schema(description = "0 to 100") int progress, Map<String, Object> report, String error, int attempts,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    static JobView of(Job j) {
        return new JobView(j.id, j.kind, j.status, j.progress, j.report, j.error, j.attempts, j.createdAt, j.startedAt,
                j.finishedAt);
    }
}
