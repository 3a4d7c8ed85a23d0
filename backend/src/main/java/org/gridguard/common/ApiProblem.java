package org.gridguard.common;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An error the API answers on purpose, rendered as application/problem+json by {@link ProblemMappers}.
 * Services throw these; they never carry personal data in their messages.
 */
public class ApiProblem extends RuntimeException {

    public final int status;
    public final String type;
    public final String title;
    public final List<Problem.FieldError> errors;
    public final Map<String, Object> extensions;
    public final Map<String, String> headers;

    public ApiProblem(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, null, null);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail);
    }

    public static ApiProblem invalid(String detail, List<Problem.FieldError> errors) {
        return new ApiProblem(400, "validation", "Invalid input", detail, errors, null, null);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(message, List.of(new Problem.FieldError(field, message)));
    }

    /** Not found, or outside the caller's jurisdiction: the answer never confirms that the thing exists. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what + " not found");
    }

    /**
     * The reach check of {@code what}, found by its id, through something it belongs to (its shift, its post, its
     * person): a 404 of that check becomes {@code what}'s own, so an object out of reach answers exactly like a missing
     * one, text included (ADR 0028).
     */
    public static <T> T outOfReachIsMissing(String what, Supplier<T> reach) {
        try {
            return reach.get();
        } catch (ApiProblem p) {
            throw p.status == 404 ? notFound(what) : p;
        }
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail);
    }

    public static ApiProblem conflict(String detail, Map<String, Object> extensions) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null, extensions, null);
    }

    public static ApiProblem stale(long current) {
        return new ApiProblem(412, "stale-version", "Precondition failed",
                "The resource was changed by someone else; reload it and retry (current version " + current + ")",
                null, Map.of("currentVersion", current), null);
    }

    public static ApiProblem versionRequired() {
        return new ApiProblem(428, "version-required", "Precondition required",
                "Send the version you edited, as \"version\" in the body or an If-Match header");
    }

    public static ApiProblem unprocessable(String type, String detail) {
        return new ApiProblem(422, type, "Unprocessable request", detail);
    }

    public static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "payload-too-large", "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes for this route");
    }

    public static ApiProblem tooMany(long retryAfterSeconds) {
        return new ApiProblem(429, "rate-limited", "Too many requests",
                "Too many requests for this operation; retry after " + retryAfterSeconds + " s", null, null,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 429 for a limit on work in progress (not on a rate): what is busy, and when to look again. */
    public static ApiProblem busy(String detail, long retryAfterSeconds) {
        return new ApiProblem(429, "too-many-running", "Too many requests", detail, null, null,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "unavailable", "Service unavailable", detail, null, null,
                Map.of("Retry-After", "5"));
    }
}
