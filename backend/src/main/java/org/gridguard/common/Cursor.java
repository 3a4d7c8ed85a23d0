package org.gridguard.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded. */
public final class Cursor {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Cursor() {
    }

    public static String encode(String... parts) {
        String joined = String.join("\u001f", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor into exactly {@code n} parts, or answers 400. Null or blank means "first page". */
    public static List<String> decode(String cursor, int n) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(s.split("\u001f", -1));
            if (parts.size() != n) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
        }
    }

    /** A cursor of an instant and a UUID (a "newest first" list), both checked, or 400; null for the first page. */
    public static List<String> decodeAtAndId(String cursor) {
        List<String> c = decode(cursor, 2);
        if (c != null) {
            instant(c.get(0));
            uuid(c.get(1));
        }
        return c;
    }

    /** A cursor part that holds a UUID, or 400. */
    /** The time of a decoded (time, id) cursor, or null for the first page. */
    public static Instant at(List<String> atAndId) {
        return atAndId == null ? null : instant(atAndId.get(0));
    }

    /** The id of a decoded (time, id) cursor, or null for the first page. */
    public static UUID id(List<String> atAndId) {
        return atAndId == null ? null : uuid(atAndId.get(1));
    }

    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
        }
    }

    /** A cursor part that holds an instant, or 400. */
    public static Instant instant(String part) {
        try {
            Instant at = Instant.parse(part);
            if (InputRules.dateProblem(at) != null) {
                throw new IllegalArgumentException();
            }
            return at;
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
        }
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
