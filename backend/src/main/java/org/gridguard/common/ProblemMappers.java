package org.gridguard.common;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves the API as application/problem+json: no stack trace, no class name, no 500 for
 * bad input. Database outages become 503 so callers retry instead of hanging.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response respond(UriInfo uri, int status, String type, String title, String detail,
            List<Problem.FieldError> errors, Map<String, Object> ext, Map<String, String> headers) {
        Problem body = Problem.of(status, type, title, detail, uri == null ? null : uri.getPath(), errors, ext);
        Response.ResponseBuilder rb = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        if (headers != null) {
            headers.forEach(rb::header);
        }
        if (status == 401) {
            rb.header("WWW-Authenticate", "Bearer realm=\"gridguard\"");
        }
        return rb.build();
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return respond(uri, e.status, e.type, e.title, e.getMessage(), e.errors, e.extensions, e.headers);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(uri, 400, "validation", "Invalid input",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid",
                errors, null, null);
    }

    /** "create.body.items[2].code" becomes "items[2].code"; a query parameter keeps its own name. */
    static String fieldName(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node n : path) {
            switch (n.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                default -> {
                    String name = n.getName();
                    if (n.getIndex() != null && !parts.isEmpty()) {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + n.getIndex() + "]");
                    }
                    if (name != null && !name.startsWith("<")) {
                        parts.add(name);
                    }
                }
            }
        }
        // drop the Java parameter name of a request body ("body", "request" ...) when a field follows
        if (parts.size() > 1) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(uri, 400, "unknown-property", "Invalid input", "Unknown property '" + field + "'",
                List.of(new Problem.FieldError(field, "unknown property")), null, null);
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : friendlyType(e.getTargetType());
        return respond(uri, 400, "wrong-type", "Invalid input", "'" + field + "' must be " + expected,
                List.of(new Problem.FieldError(field, "must be " + expected)), null, null);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : friendlyType(e.getTargetType());
        if (field.isEmpty()) {
            return respond(uri, 400, "malformed-json", "Malformed JSON", "The body must be a JSON " + expected,
                    null, null, null);
        }
        return respond(uri, 400, "wrong-type", "Invalid input", "'" + field + "' must be " + expected,
                List.of(new Problem.FieldError(field, "must be " + expected)), null, null);
    }

    @ServerExceptionMapper
    public Response instantiation(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        Throwable cause = e.getCause();
        if (cause instanceof ApiProblem p && p.status != 400) {
            // a value refused for what it means, not for its shape (a watch reason that became a quarantine order)
            return respond(uri, p.status, p.type, p.title, p.getMessage(), p.errors, null, null);
        }
        String msg = cause instanceof ApiProblem p ? p.getMessage() : "invalid value";
        return respond(uri, 400, "validation", "Invalid input", msg,
                List.of(new Problem.FieldError(field, msg)), null, null);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof BodyLimitFilter.BodyTooLargeException tl) {
            return tooLarge(tl, uri);
        }
        return respond(uri, 400, "malformed-json", "Malformed JSON",
                "The body is not valid JSON" + (e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"),
                null, null, null);
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyLimitFilter.BodyTooLargeException e, UriInfo uri) {
        ApiProblem p = ApiProblem.tooLarge(e.limit);
        return respond(uri, 413, p.type, p.title, p.getMessage(), null, null, null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return respond(uri, 401, "unauthorized", "Unauthorized", "A valid bearer token is required", null, null, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(uri, 401, "unauthorized", "Unauthorized", "A valid bearer token is required", null, null, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, 403, "forbidden", "Forbidden", "Your role does not allow this operation", null, null,
                null);
    }

    @ServerExceptionMapper
    public Response optimistic(OptimisticLockException e, UriInfo uri) {
        return respond(uri, 412, "stale-version", "Precondition failed",
                "The resource was changed by someone else; reload it and retry", null, null, null);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                if (cve.getKind() == ConstraintKind.UNIQUE) {
                    return respond(uri, 409, "conflict", "Conflict",
                            "This would duplicate an existing record (" + cve.getConstraintName() + ")", null, null,
                            null);
                }
                return respond(uri, 409, "conflict", "Conflict", "The change conflicts with existing data", null, null,
                        null);
            }
            if (t instanceof JDBCConnectionException || isConnectionProblem(t)) {
                return databaseDown(uri);
            }
            if (t instanceof org.hibernate.StaleStateException) {
                return optimistic(null, uri);
            }
            t = t.getCause();
        }
        return isRolledBackToRetry(e) ? retryNow(uri) : unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response sql(SQLException e, UriInfo uri) {
        if (isConnectionProblem(e)) {
            return databaseDown(uri);
        }
        return isRolledBackToRetry(e) ? retryNow(uri) : unexpected(e, uri);
    }

    /**
     * The database rolled the transaction back because of another one running at the same time: a deadlock (40P01)
     * or a serialization failure (40001). Nothing was written; the same request sent again succeeds.
     */
    static boolean isRolledBackToRetry(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    Response retryNow(UriInfo uri) {
        return respond(uri, 503, "retry", "Service unavailable",
                "Another change to the same records ran at the same moment and nothing was saved; send the same request again",
                null, null, Map.of("Retry-After", "1"));
    }

    /**
     * The database is unreachable, stuck or refusing work for now (ADR 0030): the answer is 503 with Retry-After on
     * every path, whether the failure came through Hibernate, the pool or raw JDBC (common/Jdbc), and whatever wraps it
     * (a transaction's rollback, a suppressed exception).
     */
    static boolean isConnectionProblem(Throwable t) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(t);
        while (!todo.isEmpty()) {
            Throwable c = todo.poll();
            if (c == null || !seen.add(c)) {
                continue;
            }
            if (isDatabaseUnavailable(c)) {
                return true;
            }
            if (c.getCause() != null) {
                todo.add(c.getCause());
            }
            if (c instanceof SQLException s && s.getNextException() != null) {
                todo.add(s.getNextException());
            }
            todo.addAll(java.util.Arrays.asList(c.getSuppressed()));
        }
        return false;
    }

    /**
     * SQLState class 08 (connection), 57P (server shutting down or restarting), 57014 (a statement cancelled: the
     * statement timeout), 53300 (too many connections); the driver's and Hibernate's timeout and connection types; the
     * pool's acquisition timeout.
     */
    private static boolean isDatabaseUnavailable(Throwable c) {
        if (c instanceof SQLException s && s.getSQLState() != null) {
            String state = s.getSQLState();
            if (state.startsWith("08") || state.startsWith("57P") || state.equals("57014") || state.equals("53300")) {
                return true;
            }
        }
        if (c instanceof java.sql.SQLTransientConnectionException || c instanceof java.sql.SQLTimeoutException
                || c instanceof JDBCConnectionException || c instanceof org.hibernate.QueryTimeoutException
                || c instanceof jakarta.persistence.QueryTimeoutException) {
            return true;
        }
        if (c.getClass().getName().contains("AcquisitionTimeout") || c instanceof java.net.ConnectException
                || c instanceof java.net.SocketTimeoutException) {
            return true;
        }
        // Hibernate's wording, and Agroal's own when a connection is borrowed outside Hibernate (common/Jdbc)
        String m = c.getMessage();
        return m != null && (m.contains("Unable to acquire JDBC Connection") || m.contains("acquisition timeout")
                || m.contains("Acquisition timeout"));
    }

    /** A connection the client closed while we read its request (never a JSON or database problem). */
    static boolean isClientGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException || c instanceof SQLException) {
                return false;
            }
            if (c instanceof java.nio.channels.ClosedChannelException
                    || (c instanceof java.io.IOException || c.getClass().getName().equals("io.vertx.core.VertxException"))
                            && c.getMessage() != null && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection")
                            && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed")) {
                return true;
            }
        }
        return false;
    }

    Response databaseDown(UriInfo uri) {
        return respond(uri, 503, "unavailable", "Service unavailable",
                "The database is not reachable right now; retry shortly", null, null, Map.of("Retry-After", "5"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        // JAX-RS answers 404 when a path or query parameter does not convert. Our path parameters are
        // UUIDs; if they all parse, the culprit is a query parameter, which is bad input (400).
        if (e.getCause() != null && uri != null && !uri.getQueryParameters().isEmpty() && pathParamsParse(uri)) {
            return respond(uri, 400, "invalid-parameter", "Invalid input",
                    "A query parameter has a value of the wrong type", null, null, null);
        }
        return respond(uri, 404, "not-found", "Not found", "No such resource", null, null, null);
    }

    private static boolean pathParamsParse(UriInfo uri) {
        for (var entry : uri.getPathParameters().entrySet()) {
            for (String v : entry.getValue()) {
                try {
                    java.util.UUID.fromString(v);
                } catch (IllegalArgumentException ex) {
                    return false;
                }
            }
        }
        return true;
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(uri, 405, "method-not-allowed", "Method not allowed", "This method is not allowed here", null,
                null, Map.of("Allow", String.join(", ", e.getResponse().getAllowedMethods())));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return respond(uri, 415, "unsupported-media-type", "Unsupported media type",
                "Send the body with a supported Content-Type (application/json for JSON routes)", null, null, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Throwable c = e.getCause();
        if (c instanceof ValueInstantiationException vie) {
            return instantiation(vie, uri);
        }
        if (c instanceof JsonProcessingException jpe) {
            return malformed(jpe, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(uri, status, e instanceof ClientErrorException ? "client-error" : "error", title, title, null,
                null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isConnectionProblem(e)) {
            return databaseDown(uri);
        }
        if (isClientGone(e)) {
            // the client hung up before its body was read (a gate phone losing signal): nobody reads this answer,
            // and it is not our error
            LOG.debugf("Request body not read, the client closed the connection (%s)", e.getClass().getName());
            return respond(uri, 400, "incomplete-request", "Incomplete request",
                    "The connection closed before the request body was read; send it again", null, null, null);
        }
        // Log the class and a reference only: messages may carry request data.
        String ref = java.util.UUID.randomUUID().toString();
        LOG.errorf("Unexpected error %s (%s) at %s", ref, e.getClass().getName(), uri == null ? "" : uri.getPath());
        LOG.debug("Unexpected error " + ref, e);
        return respond(uri, 500, "internal", "Internal error", "Something went wrong on our side (reference " + ref + ")",
                null, null, null);
    }

    /** Where in the JSON body a mapping error is: {@code items[2].name}. */
    public static String jsonPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String friendlyType(Class<?> t) {
        if (t.isEnum()) {
            StringBuilder sb = new StringBuilder("one of ");
            Object[] values = t.getEnumConstants();
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(values[i]);
            }
            return sb.toString();
        }
        if (t == java.util.UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(t) || t.isPrimitive() && t != boolean.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "an ISO-8601 date/time";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
