package org.gridguard.common;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The contract's error answers, once for every operation: each 4xx and 5xx an operation declares has the
 * {@code Problem} body as {@code application/problem+json} (what {@link ProblemMappers} answers), and 429 and 503
 * also declare {@code Retry-After}. Operations declare their statuses; this only says what the body of an error is, so
 * that a partner's generated client reads it (issue 21 B.2).
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::errors));
    }

    private void errors(Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> e : op.getResponses().getAPIResponses().entrySet()) {
            String status = e.getKey();
            APIResponse r = e.getValue();
            if (!(status.startsWith("4") || status.startsWith("5")) || r.getRef() != null) {
                continue;
            }
            if (r.getContent() == null || r.getContent().getMediaTypes() == null || r.getContent().getMediaTypes().isEmpty()) {
                r.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
            if ((status.equals("429") || status.equals("503"))
                    && (r.getHeaders() == null || !r.getHeaders().containsKey("Retry-After"))) {
                r.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
            }
        }
    }
}
