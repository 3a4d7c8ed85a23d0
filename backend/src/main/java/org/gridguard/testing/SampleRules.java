package org.gridguard.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gridguard.common.ApiProblem;
import org.gridguard.testing.TestingViews.NewSample;
import org.gridguard.testing.TestingViews.SampleKind;

/**
 * The pure rules of sampling registration (no database, no Quarkus): barcodes, the sampling time, how a person is
 * named, a pool's room and state, and when a sample is flagged. Unit-tested in {@code SampleRulesTest}.
 */
final class SampleRules {

    static final Pattern BARCODE = Pattern.compile("[A-Za-z0-9-]{4,64}");
    static final String FLAG_SECOND_SAMPLE = "SECOND_ORDINARY_SAMPLE";

    private SampleRules() {
    }

    static String barcode(String raw) {
        String b = raw == null ? "" : raw.strip();
        if (!BARCODE.matcher(b).matches()) {
            throw ApiProblem.invalid("barcode", "must be 4 to 64 letters, digits or dashes");
        }
        return b;
    }

    /** A new pool's capacity: the round's pool size unless given, never above it. */
    static int capacity(Integer asked, int poolSize) {
        int capacity = asked == null ? poolSize : asked;
        if (capacity < 1 || capacity > poolSize) {
            throw ApiProblem.invalid("capacity", "must be between 1 and the round's pool size " + poolSize);
        }
        return capacity;
    }

    /**
     * When the sample was taken (now unless given), stored with microseconds: the answer built from what is written
     * equals what a replay reads back. Not more than 10 minutes ahead, not before the day before sampling began.
     */
    static Instant sampledAt(Instant asked, Instant now, Instant samplingFrom) {
        Instant at = (asked == null ? now : asked).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(Duration.ofMinutes(10)))) {
            throw ApiProblem.invalid("sampledAt", "is in the future");
        }
        if (at.isBefore(samplingFrom.minus(Duration.ofDays(1)))) {
            throw ApiProblem.invalid("sampledAt", "is before the round's sampling window");
        }
        return at;
    }

    /** The person is named exactly one way: residentId, idNumber or visitor. */
    static void namedOnce(NewSample req) {
        int ways = (req.residentId() != null ? 1 : 0) + (req.idNumber() != null && !req.idNumber().isBlank() ? 1 : 0)
                + (req.visitor() != null ? 1 : 0);
        if (ways != 1) {
            throw ApiProblem.invalid("residentId", "name the person exactly one way: residentId, idNumber or visitor");
        }
    }

    /**
     * A client id seen before: true if it is the same registration (answer it again), else 422 (the id was used for
     * another one).
     */
    static boolean isReplay(UUID priorRound, String priorBarcode, UUID priorResident, UUID roundId, String barcode,
            UUID residentId) {
        if (priorRound.equals(roundId) && priorBarcode.equals(barcode)
                && (residentId == null || residentId.equals(priorResident))) {
            return true;
        }
        throw ApiProblem.unprocessable("id-reused", "This sample id was already used for another registration");
    }

    /** A visitor's name, stripped: 1 to 50 characters. */
    static String visitorName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 50) {
            throw ApiProblem.invalid("visitor.name", "must be 1 to 50 characters");
        }
        return name;
    }

    /** An existing pool takes one more person while it has room and is open. */
    static void poolTakesOneMore(UUID tubeId, String status, int capacity, int members) {
        if (members >= capacity) {
            throw poolFull(tubeId, capacity);
        }
        if ("CLOSED".equals(status)) {
            throw poolClosed(tubeId);
        }
    }

    /**
     * One earlier sample of the person in the round: 409 if it is in this pool; the flag for a second ordinary
     * sample, else null.
     */
    static String earlier(UUID earlierTube, String earlierKind, UUID poolId, SampleKind kind) {
        if (poolId != null && poolId.equals(earlierTube)) {
            throw new ApiProblem(409, "already-in-pool", "Already in this pool", "This person is already in this pool",
                    null, Map.of("tubeId", poolId), null);
        }
        return kind == SampleKind.ORDINARY && "ORDINARY".equals(earlierKind) ? FLAG_SECOND_SAMPLE : null;
    }

    /**
     * The barcode names a pool of this round that this request may not use: a duplicate when opening a pool, or a pool
     * that may not take this person (ADR 0028). The same answer whether the caller can see that pool or not: nothing
     * about it (no id, no members) beyond its barcode being used.
     */
    static ApiProblem barcodeTaken() {
        return new ApiProblem(409, "duplicate-barcode", "Duplicate barcode", "This barcode is already used in this round");
    }

    static ApiProblem poolFull(UUID tubeId, int capacity) {
        return new ApiProblem(409, "pool-full", "Pool full", "This pool already holds " + capacity + " people", null,
                Map.of("tubeId", tubeId), null);
    }

    static ApiProblem poolClosed(UUID tubeId) {
        return new ApiProblem(409, "pool-closed", "Pool closed", "This pool is closed: scan a new tube", null,
                Map.of("tubeId", tubeId), null);
    }
}
