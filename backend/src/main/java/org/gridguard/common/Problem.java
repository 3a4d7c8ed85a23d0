package org.gridguard.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "A URI reference identifying the problem type", example = "/problems/validation") String type,
        String title,
        int status,
        String detail,
        String instance,
        @Schema(description = "Field errors, for validation problems") List<FieldError> errors,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String type, String title, String detail, String instance,
            List<FieldError> errors, Map<String, Object> extensions) {
        return new Problem("/problems/" + type, title, status, detail, instance,
                errors == null ? List.of() : errors, extensions == null ? Map.of() : new LinkedHashMap<>(extensions));
    }

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions;
    }
}
