package org.gridguard.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.Rows;
import org.gridguard.testing.TestingViews.Mode;
import org.gridguard.testing.TestingViews.RoundStatus;

/** A test round as stored (read with {@link #COLUMNS}). */
record Round(UUID id, String name, List<UUID> scopeIds, List<String> scopePaths, List<UUID> communityIds,
        LocalDate roundDate, Instant samplingFrom, Instant samplingTo, List<Mode> modes, int poolSize, List<String> labs,
        RoundStatus status, Instant startedAt, Instant closedAt, long version, String createdBy, Instant createdAt,
        String scopeKey) {

    static final String COLUMNS = "r.id, r.name, cast(r.scope_ids as text[]), r.scope_paths, cast(r.community_ids as text[]),"
            + " r.round_date, r.sampling_from, r.sampling_to, r.modes, r.pool_size, r.labs, r.status, r.started_at,"
            + " r.closed_at, r.version, r.created_by, r.created_at, r.scope_key";
    /** How many columns {@link #COLUMNS} has. */
    static final int WIDTH = COLUMNS.split(",").length;

    static Round of(Object[] r) {
        return new Round((UUID) r[0], (String) r[1], uuids(r[2]), Arrays.asList((String[]) r[3]), uuids(r[4]),
                date(r[5]), Rows.instant(r[6]), Rows.instant(r[7]),
                Arrays.stream((String[]) r[8]).map(Mode::valueOf).toList(), ((Number) r[9]).intValue(),
                Arrays.asList((String[]) r[10]), RoundStatus.valueOf((String) r[11]), Rows.instant(r[12]),
                Rows.instant(r[13]), ((Number) r[14]).longValue(), (String) r[15], Rows.instant(r[16]), (String) r[17]);
    }

    /** SQL LIKE patterns of the scope subtrees. */
    String[] patterns() {
        return scopePaths.stream().map(p -> p + "%").toArray(String[]::new);
    }

    /** Is this area path inside the round's scope? */
    boolean inScope(String path) {
        return scopePaths.stream().anyMatch(path::startsWith);
    }

    UUID[] communities() {
        return communityIds.toArray(UUID[]::new);
    }

    static List<UUID> uuids(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof UUID[] u) {
            return Arrays.asList(u);
        }
        return Arrays.stream((Object[]) o).map(x -> x instanceof UUID u ? u : UUID.fromString(x.toString())).toList();
    }

    static LocalDate date(Object o) {
        if (o == null || o instanceof LocalDate) {
            return (LocalDate) o;
        }
        return ((java.sql.Date) o).toLocalDate();
    }

    static LocalTime time(Object o) {
        if (o == null || o instanceof LocalTime) {
            return (LocalTime) o;
        }
        return ((java.sql.Time) o).toLocalTime();
    }

    static List<String> strings(Object o) {
        return o == null ? List.of() : Arrays.asList((String[]) o);
    }
}
