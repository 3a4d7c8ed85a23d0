package org.gridguard.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class SecurityViews {
    private SecurityViews() {
    }

    @Schema(name = "JurisdictionEntry")
    public record JurisdictionEntry(UUID assignmentId, String role, UUID nodeId, String kind, String code, String name) {
    }

    @Schema(name = "Me")
    public record Me(String username, Caller.Type principalType, Set<String> roles, List<JurisdictionEntry> jurisdiction,
            @Schema(description = "Communities you see into; empty for admins, who see all") Set<UUID> communityIds,
            boolean global,
            @Schema(description = "The central isolation sites you work at as site staff; empty for every other role") Set<UUID> siteIds) {
    }

    @Schema(name = "Assignment")
    public record AssignmentView(UUID id, String principal, Caller.Type principalType, String role, UUID nodeId,
            String nodeName, String nodeKind, String createdBy, Instant createdAt,
            @Schema(description = "The central isolation site of a site-staff assignment; null for the other roles", nullable = true) UUID siteId) {
    }

    @Schema(name = "NewAssignment")
    public record NewAssignment(
            @NotBlank @Size(max = 100) @Schema(description = "A username (preferred_username) or a partner client id") String principal,
            @NotNull Caller.Type principalType,
            @NotNull @Pattern(regexp = "supervisor|inspector|grid-leader|grid-worker|agency|site-staff", message = "must be one of supervisor, inspector, grid-leader, grid-worker, agency, site-staff") String role,
            @Schema(description = "The area node; required for every role but site-staff (whose node is its site's)", nullable = true) UUID nodeId,
            @Schema(description = "The central isolation site (a QUARANTINE_SITE checkpoint) of a site-staff assignment", nullable = true) UUID siteId) {
    }
}
