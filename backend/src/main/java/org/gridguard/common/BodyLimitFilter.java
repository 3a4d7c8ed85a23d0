package org.gridguard.common;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;

/** Per-route body limits: 413 problem+json before the body is parsed, or as soon as a chunked body passes it. */
public class BodyLimitFilter {

    @ConfigProperty(name = "gridguard.body-limit.json")
    MemorySize jsonLimit;

    public static final class BodyTooLargeException extends IOException {
        public final long limit;

        BodyTooLargeException(long limit) {
            super("body too large", null);
            this.limit = limit;
        }
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext ctx, ResourceInfo info) {
        if (!ctx.hasEntity()) {
            return;
        }
        long limit = limitFor(info);
        String len = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (len != null) {
            try {
                if (Long.parseLong(len.trim()) > limit) {
                    throw ApiProblem.tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("Invalid Content-Length");
            }
        }
        InputStream in = ctx.getEntityStream();
        if (in != null) {
            ctx.setEntityStream(new Bounded(in, limit));
        }
    }

    long limitFor(ResourceInfo info) {
        if (info != null && info.getResourceMethod() != null) {
            BodyLimit m = info.getResourceMethod().getAnnotation(BodyLimit.class);
            if (m != null) {
                return m.value();
            }
            BodyLimit c = info.getResourceClass().getAnnotation(BodyLimit.class);
            if (c != null) {
                return c.value();
            }
        }
        return jsonLimit.asLongValue();
    }

    static final class Bounded extends CountingInputStream {
        private final long limit;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        protected void counted(long n, long count) throws IOException {
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
