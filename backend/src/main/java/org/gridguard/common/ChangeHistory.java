package org.gridguard.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A feature's change history (area_change, census_change, ...): rows of (id, actor, at, action, changes as JSON
 * text) read into the feature's view of one change. Each feature keeps its own view record (its own schema name).
 */
public final class ChangeHistory {
    private ChangeHistory() {
    }

    /** Builds a feature's view of one change: typically its record's constructor. */
    @FunctionalInterface
    public interface Entry<T> {
        T of(long id, String actor, Instant at, String action, Map<String, Object> changes);
    }

    /** The rows of {@code select id, actor, at, action, cast(changes as text)}, in their order. */
    public static <T> List<T> entries(List<Object[]> rows, ObjectMapper json, Entry<T> entry) {
        List<T> out = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> changes = json.readValue((String) r[4], Map.class);
                out.add(entry.of(((Number) r[0]).longValue(), (String) r[1], Rows.instant(r[2]), (String) r[3], changes));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
