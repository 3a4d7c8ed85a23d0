package org.gridguard.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * One item of a batch, converted (and validated) on its own: a batch endpoint takes its items as JSON trees, so an
 * item of the wrong shape, with a refused value ({@link InputGuard}) or failing its constraints is rejected alone
 * and every good item beside it is kept (ADR 0009, ADR 0025).
 */
public final class BatchItems {
    private BatchItems() {
    }

    /** The item, or null with the reasons added to {@code errors} (fields relative to the item). */
    public static <T> T parse(ObjectMapper json, Validator validator, JsonNode node, Class<T> type,
            List<Problem.FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError("", "must be an object"));
            return null;
        }
        T value;
        try {
            value = json.treeToValue(node, type);
        } catch (InputGuard.RefusedValueException ex) {
            errors.add(new Problem.FieldError(ProblemMappers.jsonPath(ex), ex.reason()));
            return null;
        } catch (JsonMappingException ex) {
            errors.add(new Problem.FieldError(ProblemMappers.jsonPath(ex),
                    ex instanceof UnrecognizedPropertyException ? "unknown property" : "has the wrong type"));
            return null;
        } catch (JsonProcessingException ex) {
            errors.add(new Problem.FieldError("", "is not a valid item"));
            return null;
        }
        if (value == null) {
            errors.add(new Problem.FieldError("", "must be an object"));
            return null;
        }
        if (validator != null) {
            List<Problem.FieldError> found = new ArrayList<>();
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            for (ConstraintViolation<T> v : violations) {
                found.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
            }
            if (!found.isEmpty()) {
                found.sort((a, b) -> a.field().compareTo(b.field()));
                errors.addAll(found);
                return null;
            }
        }
        return value;
    }
}
