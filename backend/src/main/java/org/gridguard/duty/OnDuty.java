package org.gridguard.duty;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.common.Jdbc.Db;
import org.gridguard.common.Port;

/**
 * Who stands a shift where and when, for other features: temperature lets a worker record at a checkpoint where
 * they are on shift. The statement runs through the caller's {@link Db}, on the connection of the caller's unit of
 * work (a transaction, or the autocommitted connection of a single registration, ADR 0017): no extra connection.
 */
@Port
@ApplicationScoped
public class OnDuty {

    /** One shift's time span. */
    public record Shift(Instant startsAt, Instant endsAt) {
        /** Does the shift overlap [{@code from}, {@code to})? */
        public boolean overlaps(Instant from, Instant to) {
            return startsAt.isBefore(to) && endsAt.isAfter(from);
        }
    }

    /** The shifts of {@code username} at these checkpoints overlapping [{@code from}, {@code to}), by checkpoint: one query. */
    public Map<UUID, List<Shift>> shiftsOf(Db db, String username, Collection<UUID> checkpointIds, Instant from, Instant to) {
        Map<UUID, List<Shift>> out = new HashMap<>();
        if (checkpointIds.isEmpty()) {
            return out;
        }
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.checkpoint_id, s.starts_at, s.ends_at from duty_shift s
                    join duty_assignee a on a.shift_id = s.id join duty_person p on p.id = a.person_id
                    where p.username = ? and s.checkpoint_id = any(?) and s.ends_at > ? and s.starts_at < ?""")) {
                ps.setString(1, username);
                ps.setArray(2, c.createArrayOf("uuid", checkpointIds.toArray()));
                ps.setObject(3, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                ps.setObject(4, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Shift(
                                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return null;
        });
        return out;
    }
}
