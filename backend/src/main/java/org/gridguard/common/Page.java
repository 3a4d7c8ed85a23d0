package org.gridguard.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. {@code next} is an opaque cursor for the following page, null on the last one. */
public record Page<T>(List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page", nullable = true) String next) {

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only says that there is more. */
    public static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> cursorOf) {
        if (rows.size() > limit) {
            List<T> items = rows.subList(0, limit);
            return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
        }
        return new Page<>(List.copyOf(rows), null);
    }
}
