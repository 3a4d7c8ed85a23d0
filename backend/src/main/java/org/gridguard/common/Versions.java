package org.gridguard.common;

/** Optimistic locking for updates: the client sends the version it edited (body or If-Match). */
public final class Versions {

    private Versions() {
    }

    /** The version the client claims to have edited, from If-Match ("3", W/"3") or the body. */
    public static long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.trim();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("If-Match", "must be a version number such as \"3\"");
            }
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw ApiProblem.versionRequired();
    }

    public static void check(long current, String ifMatch, Long bodyVersion) {
        if (expected(ifMatch, bodyVersion) != current) {
            throw ApiProblem.stale(current);
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
