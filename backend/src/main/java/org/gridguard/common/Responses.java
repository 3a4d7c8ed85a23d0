package org.gridguard.common;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** The shared shapes of success answers. */
public final class Responses {
    private Responses() {
    }

    /** 201 with Location; a replayed create answers the same, marked with Idempotent-Replayed. */
    public static Response created(String basePath, Idempotency.Outcome<?> outcome) {
        Response.ResponseBuilder rb = Response.status(201).entity(outcome.view());
        if (outcome.id() != null) {
            rb.location(URI.create(basePath + "/" + outcome.id()));
        }
        if (outcome.replayed()) {
            rb.header(Idempotency.REPLAYED_HEADER, "true");
        }
        return rb.build();
    }

    /** A CSV download (UTF-8) named {@code filename}. */
    public static Response csv(String body, String filename) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    public static Response withVersion(Object view, long version) {
        return Response.ok(view).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(version))).build();
    }
}
