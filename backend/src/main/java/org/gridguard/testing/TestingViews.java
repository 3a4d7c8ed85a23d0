package org.gridguard.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.gridguard.security.pii.IdentityRules;

import com.fasterxml.jackson.databind.JsonNode;

/** Requests and answers of the nucleic-acid rounds API. */
public final class TestingViews {

    private TestingViews() {
    }

    public enum RoundStatus {
        PLANNED, SAMPLING, CLOSED
    }

    public enum Mode {
        CENTRAL, DOOR_TO_DOOR
    }

    public enum ExemptionKind {
        AWAY, IN_HOSPITAL, INFANT, OTHER
    }

    public enum SampleKind {
        @Schema(description = "The person's sample of the round") ORDINARY,
        /** 单采: an individual re-test after a positive or invalid pool */
        RETEST,
        /** 补检: make-up sampling of someone missed */
        MAKEUP
    }

    public enum Result {
        NEGATIVE, POSITIVE, INVALID
    }

    public enum TaskKind {
        DOOR_TO_DOOR, RETEST
    }

    public enum TaskStatus {
        OPEN, DONE, FAILED, CANCELLED
    }

    public enum Level {
        COMMUNITY, ZONE, GRID_CELL, COMPOUND, BUILDING, HOUSEHOLD
    }

    // ---------- rounds ----------

    @Schema(name = "NewTestRound")
    public record NewRound(UUID id, @NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 200) List<@NotNull UUID> scope,
            @NotNull LocalDate roundDate, @NotNull Instant samplingFrom, @NotNull Instant samplingTo,
            @NotEmpty List<@NotNull Mode> modes,
            @NotNull @Schema(description = "People per tube: 1, 5, 10 or 20") Integer poolSize,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> labs) {
    }

    @Schema(name = "TestRoundPatch", description = "Only a planned round can be edited; send the fields to change")
    public record RoundPatch(@Size(min = 1, max = 200) String name, LocalDate roundDate, Instant samplingFrom,
            Instant samplingTo, List<@NotNull Mode> modes, Integer poolSize,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> labs, Long version) {
    }

    @Schema(name = "TestRoundTransition")
    public record Transition(@NotNull RoundStatus to, Long version) {
    }

    @Schema(name = "ScopeNode")
    public record ScopeNode(@Schema(required = true) UUID id, @Schema(required = true) String kind,
            @Schema(required = true) String name) {
    }

    @Schema(name = "TestRound", requiredProperties = { "id", "name", "scope", "roundDate", "samplingFrom", "samplingTo",
            "modes", "poolSize", "labs", "status", "version", "createdBy", "createdAt" })
    public record RoundView(UUID id, String name, List<ScopeNode> scope, LocalDate roundDate, Instant samplingFrom,
            Instant samplingTo, List<Mode> modes, int poolSize, List<String> labs, RoundStatus status,
            Instant startedAt, Instant closedAt,
            @Schema(description = "The round before this one over the same scope, if any") UUID previousRoundId,
            long version, String createdBy, Instant createdAt) {
    }

    // ---------- exemptions ----------

    @Schema(name = "NewExemption")
    public record NewExemption(UUID id, @NotNull UUID residentId, @NotNull ExemptionKind kind,
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Exemption", requiredProperties = { "id", "roundId", "residentId", "residentName", "householdId",
            "gridCellId", "kind", "reason", "grantedBy", "grantedAt" })
    public record ExemptionView(UUID id, UUID roundId, UUID residentId, String residentName, UUID householdId,
            UUID gridCellId, ExemptionKind kind, String reason, String grantedBy, Instant grantedAt) {
    }

    // ---------- sites and tasks ----------

    @Schema(name = "NewSamplingSite")
    public record NewSite(UUID id, @NotBlank @Size(max = 200) String name, @NotNull UUID areaId,
            @Size(max = 300) String address, @NotNull @Schema(example = "07:00") LocalTime opensAt,
            @NotNull @Schema(example = "19:00") LocalTime closesAt) {
    }

    @Schema(name = "SamplingSite", requiredProperties = { "id", "roundId", "areaId", "name", "opensAt", "closesAt" })
    public record SiteView(UUID id, UUID roundId, UUID areaId, String name, String address, LocalTime opensAt,
            LocalTime closesAt) {
    }

    @Schema(name = "NewDoorToDoorTask")
    public record NewTask(UUID id, @NotNull UUID householdId) {
    }

    @Schema(name = "TaskOutcome")
    public record TaskOutcome(@NotNull TaskStatus status,
            @Size(max = 500) @Schema(description = "Required when FAILED: why the visit failed") String reason,
            Long version) {
    }

    @Schema(name = "TaskPerson", requiredProperties = { "residentId", "name" })
    public record TaskPerson(UUID residentId, String name, List<String> categories) {
    }

    @Schema(name = "TestTask", requiredProperties = { "id", "roundId", "kind", "householdId", "doorNumber",
            "gridCellId", "people", "urgent", "status", "assignees", "source", "version", "createdAt" })
    public record TaskView(UUID id, UUID roundId, TaskKind kind, UUID householdId, String doorNumber,
            String buildingName, UUID gridCellId, List<TaskPerson> people, UUID tubeId, boolean urgent,
            TaskStatus status, String failureReason, List<String> assignees, String source, String doneBy,
            Instant doneAt, long version, Instant createdAt) {
    }

    // ---------- tubes and samples ----------

    @Schema(name = "NewTube")
    public record NewTube(@Schema(description = "Client-chosen id; sending it again replays") UUID id,
            @NotBlank @Size(max = 64) String barcode, UUID siteId,
            @Schema(description = "Where the pool is taken (a grid cell or below); defaults to the site's area") UUID areaId,
            @Schema(description = "Defaults to the round's pool size") Integer capacity) {
    }

    @Schema(name = "Visitor", description = "Someone not in the census: minimal data")
    public record Visitor(@NotBlank @Size(max = 50) String name, @Size(max = 30) String phone) {
    }

    @Schema(name = "NewSample", description = "One person into a pool: exactly one of residentId, idNumber, visitor")
    public record NewSample(@Schema(description = "Client-chosen id (offline queues); sending it again replays") UUID id,
            @NotBlank @Size(max = 64) String barcode, UUID residentId, DocType idType,
            @Size(max = 40) @Schema(description = "Looked up by keyed hash, never stored or logged") String idNumber,
            @Valid Visitor visitor, SampleKind kind, Instant sampledAt, UUID siteId,
            @Schema(description = "For a visitor: where the sample is taken, if the pool has no place yet") UUID areaId) {
    }

    @Schema(name = "SampleBatch")
    public record SampleBatch(@NotNull @Size(min = 1, max = 1000) @Schema(implementation = NewSample[].class,
            description = "An item of the wrong shape or with a refused value is rejected alone") List<JsonNode> items) {
    }

    @Schema(name = "Sample", requiredProperties = { "id", "roundId", "tubeId", "barcode", "kind", "flagged",
            "sampledAt", "sampledBy", "poolMembers", "poolCapacity", "poolStatus" })
    public record SampleView(UUID id, UUID roundId, UUID tubeId, String barcode, UUID residentId, String name,
            UUID householdId, SampleKind kind, boolean flagged,
            @Schema(description = "Why the sample is flagged, e.g. SECOND_ORDINARY_SAMPLE") String flagReason,
            Instant sampledAt, String sampledBy, int poolMembers, int poolCapacity, String poolStatus) {
    }

    @Schema(name = "TubeMember", requiredProperties = { "sampleId", "name", "kind", "flagged" })
    public record TubeMember(UUID sampleId, UUID residentId, String name, UUID householdId, boolean visitor,
            SampleKind kind, boolean flagged, String flagReason, Instant sampledAt) {
    }

    @Schema(name = "TubeResultHistory", requiredProperties = { "result", "testedAt", "lab", "receivedAt" })
    public record ResultHistory(Result result, Result previousResult, Instant testedAt, String lab, String labRef,
            Instant receivedAt) {
    }

    @Schema(name = "Tube", requiredProperties = { "id", "roundId", "barcode", "capacity", "members",
            "membersOutOfReach", "status", "openedBy", "openedAt", "version" })
    public record TubeView(UUID id, UUID roundId, String barcode, UUID areaId, UUID gridCellId, UUID siteId,
            int capacity, int members,
            @Schema(description = "How many of the members are outside your reach: counted in members, not listed in people (ADR 0028)") int membersOutOfReach,
            String status, Result result, Instant testedAt, String labRef,
            String openedBy, Instant openedAt, Instant closedAt, long version, List<TubeMember> people,
            List<ResultHistory> history) {
    }

    // ---------- lab results ----------

    @Schema(name = "TubeResult")
    public record TubeResult(@Schema(description = "The tube's barcode") String barcode,
            @Schema(description = "NEGATIVE, POSITIVE or INVALID") String result, Instant testedAt,
            @Schema(description = "The lab's own reference of this test") String labRef) {
    }

    @Schema(name = "TubeResultBatch")
    public record TubeResultBatch(@Schema(implementation = TubeResult[].class,
            description = "An item of the wrong shape or with a refused value is rejected alone") List<JsonNode> items) {
    }

    @Schema(name = "UnmatchedResult", requiredProperties = { "id", "roundId", "lab", "barcode", "result", "testedAt",
            "receivedAt" })
    public record UnmatchedView(UUID id, UUID roundId, String lab, String barcode, Result result, Instant testedAt,
            String labRef, Instant receivedAt, Instant resolvedAt) {
    }

    @Schema(name = "PositivePool", description = "Listed when at least one member is in your reach (a central site's pool may hold people of several cells)",
            requiredProperties = { "tubeId", "roundId", "barcode", "result", "members", "membersOutOfReach",
                    "retestTasks", "retestsDone", "updatedAt" })
    public record PositivePool(UUID tubeId, UUID roundId, String barcode, Result result, Instant testedAt,
            UUID gridCellId, int members, int retestTasks, int retestsDone, Instant updatedAt,
            @Schema(description = "The flagged households in your reach") List<UUID> flaggedHouseholds,
            @Schema(description = "The flagged buildings in your reach") List<UUID> flaggedBuildings,
            @Schema(description = "How many of the members are outside your reach: counted in members, their households and buildings not listed (ADR 0028)") int membersOutOfReach) {
    }

    // ---------- coverage ----------

    @Schema(name = "CoverageFigures", requiredProperties = { "residents", "exempt", "expected", "sampled", "makeup",
            "missing", "pending", "negative", "positive", "coveragePct" })
    public record Figures(long residents, long exempt, long expected,
            @Schema(description = "Expected people with at least one sample (make-up included)") long sampled,
            @Schema(description = "Of the sampled, those sampled in a make-up sweep (补检)") long makeup,
            long missing, @Schema(description = "Sampled, result not in yet (or invalid)") long pending, long negative,
            @Schema(description = "In a positive pool, not yet cleared") long positive, double coveragePct) {

        static Figures of(long residents, long exempt, long sampled, long makeup, long pending, long negative,
                long positive) {
            long expected = residents - exempt;
            double pct = expected == 0 ? 0 : Math.round(1000.0 * sampled / expected) / 10.0;
            return new Figures(residents, exempt, expected, sampled, makeup, Math.max(0, expected - sampled), pending,
                    negative, positive, pct);
        }

        Figures plus(Figures o) {
            return of(residents + o.residents, exempt + o.exempt, sampled + o.sampled, makeup + o.makeup,
                    pending + o.pending, negative + o.negative, positive + o.positive);
        }

        static final Figures ZERO = of(0, 0, 0, 0, 0, 0, 0);
    }

    @Schema(name = "CoverageRow", requiredProperties = { "areaId", "level", "name", "figures" })
    public record CoverageRow(@Schema(description = "An area node, or a household at HOUSEHOLD level") UUID areaId,
            Level level, String name, Figures figures,
            @Schema(description = "Coverage % of the previous round over the same scope, if any") Double previousCoveragePct) {
    }

    @Schema(name = "PreviousRound", requiredProperties = { "roundId", "name", "roundDate", "figures" })
    public record PreviousRound(UUID roundId, String name, LocalDate roundDate, Figures figures) {
    }

    @Schema(name = "Coverage", requiredProperties = { "roundId", "areaId", "level", "total", "rows", "asOf", "stale",
            "lagSeconds" })
    public record Coverage(UUID roundId, UUID areaId, Level level, Figures total, List<CoverageRow> rows,
            @Schema(description = "Every change of the round committed before this time is counted in the figures: the"
                    + " oldest change still waiting to be counted, or the time of the read when none is") Instant asOf,
            @Schema(description = "True when the figures are older than the freshness budget (5 s by default): they are"
                    + " still being counted and must not be presented as current") boolean stale,
            @Schema(description = "How far behind the figures are, in whole seconds (the read's time minus asOf)",
                    minimum = "0") long lagSeconds,
            PreviousRound previous) {
    }

    @Schema(name = "MissingPerson", requiredProperties = { "residentId", "name", "householdId", "doorNumber",
            "gridCellId" })
    public record MissingPerson(UUID residentId, String name, @Schema(description = "Masked") String phone,
            UUID householdId, String doorNumber, UUID buildingId, String buildingName, UUID gridCellId,
            List<String> categories) {
    }

    @Schema(name = "TestingMetrics", requiredProperties = { "rounds", "sampling", "positivePools", "openRetests",
            "unmatchedResults", "figures", "asOf", "stale", "lagSeconds" })
    public record Metrics(long rounds, long sampling, long positivePools, long openRetests, long unmatchedResults,
            @Schema(description = "Coverage over every round in sampling, in your jurisdiction") Figures figures,
            @Schema(description = "Every change committed before this time is counted in the coverage figures") Instant asOf,
            @Schema(description = "True when the coverage figures are older than the freshness budget") boolean stale,
            @Schema(description = "How far behind the coverage figures are, in whole seconds", minimum = "0") long lagSeconds) {
    }
}
