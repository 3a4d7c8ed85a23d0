package org.gridguard.common;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses control characters, lone surrogates and out-of-range dates ({@link InputRules}) once, at the edge (ADR
 * 0025), before anything reaches a service or PostgreSQL:
 * <ul>
 * <li>JSON: every String and java.time value the application's ObjectMapper reads is checked as it is read, so the
 * error names the field ({@code items[2].labRef}); a batch that converts its items one by one ({@link BatchItems})
 * rejects the bad item alone.</li>
 * <li>Query, path and header parameters: checked by a request filter, whatever their Java type (an
 * {@code updatedSince} read as a String is checked like a LocalDate).</li>
 * </ul>
 * Both answer 400 application/problem+json, type validation, with the field or parameter named.
 */
@Singleton
public class InputGuard implements ObjectMapperCustomizer {

    /** The types whose values are checked as they are read. */
    static final Set<Class<?>> CHECKED = Set.of(String.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    /**
     * A value the API refuses. A JsonMappingException, so Jackson adds the field's path on its way out; a
     * MismatchedInputException, because Quarkus REST rethrows those as they are (other mapping errors reach the
     * mappers wrapped in a WebApplicationException).
     */
    public static final class RefusedValueException extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        RefusedValueException(JsonParser p, String message) {
            super(p, message, (Class<?>) null);
        }

        /** The reason alone, without Jackson's location and path. */
        public String reason() {
            return getOriginalMessage();
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The Jackson module: wraps the deserializers of {@link #CHECKED} types, whichever module made them. */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("gridguard-input-guard");
        m.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
                    JsonDeserializer<?> deserializer) {
                return CHECKED.contains(desc.getBeanClass()) ? new Checked(deserializer) : deserializer;
            }
        });
        return m;
    }

    static final class Checked extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // the text as sent: a date deserializer trims controls away ("\u0000" would become an empty, null date)
            String sent = p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
            String refused = InputRules.textProblem(sent);
            if (refused != null) {
                throw new RefusedValueException(p, refused);
            }
            Object v = super.deserialize(p, ctxt);
            String problem = v instanceof String s ? InputRules.textProblem(s) : InputRules.dateProblem(v);
            if (problem != null) {
                throw new RefusedValueException(p, problem);
            }
            return v;
        }
    }

    @ServerExceptionMapper
    public Response refused(RefusedValueException e, UriInfo uri) {
        String field = ProblemMappers.jsonPath(e);
        return ProblemMappers.respond(uri, 400, "validation", "Invalid input", field + ": " + e.reason(),
                List.of(new Problem.FieldError(field, e.reason())), null, null);
    }

    /** Query, path and header parameters: refused before the resource method, named in the answer. */
    @ServerRequestFilter
    public Response parameters(ContainerRequestContext ctx) {
        UriInfo uri = ctx.getUriInfo();
        String bad = firstBad(uri.getQueryParameters(), "");
        if (bad == null) {
            bad = firstBad(uri.getPathParameters(), "");
        }
        if (bad == null) {
            bad = firstBad(ctx.getHeaders(), "header ");
        }
        if (bad == null) {
            return null;
        }
        int cut = bad.indexOf('\n');
        String field = bad.substring(0, cut);
        String reason = bad.substring(cut + 1);
        return ProblemMappers.respond(uri, 400, "validation", "Invalid input", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)), null, null);
    }

    /** "name\nreason" of the first refused parameter, or null. */
    private static String firstBad(Map<String, List<String>> params, String prefix) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String nameProblem = InputRules.textProblem(e.getKey());
            if (nameProblem != null) {
                return prefix + "(parameter name)\n" + nameProblem;
            }
            for (String v : e.getValue()) {
                String p = InputRules.parameterProblem(v);
                if (p != null) {
                    return prefix + e.getKey() + "\n" + p;
                }
            }
        }
        return null;
    }
}
