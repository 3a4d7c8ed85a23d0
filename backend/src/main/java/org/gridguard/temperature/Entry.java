package org.gridguard.temperature;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.BatchResult;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.temperature.TemperatureViews.CheckInput;

/**
 * One item of a registration request on its way through {@link CheckIngestion}: what was sent, then the reading the
 * rules made of it, then where it belongs, and finally its outcome; or the reasons it was rejected.
 */
final class Entry {

    /** An item's outcome: created or duplicate (with the row's alert), or rejected with the HTTP status a single POST answers. */
    record Outcome(int index, UUID id, BatchResult.Status status, List<FieldError> errors, int httpStatus, UUID alertId) {
    }

    final int index;
    CheckInput in;
    /** Set once the rules passed. */
    Reading reading;
    /** Set once authorised. */
    Placement placement;
    final List<FieldError> errors = new ArrayList<>();
    int httpStatus = 422;
    Outcome outcome;
    /** An earlier item of the same request with the same id and body: this one is answered like it. */
    Entry sameAs;

    Entry(int index) {
        this.index = index;
    }

    Entry(int index, CheckInput in) {
        this.index = index;
        this.in = in;
    }

    void reject(int status, String field, String message) {
        if (errors.isEmpty()) {
            httpStatus = status;
        }
        errors.add(new FieldError(field, message));
    }

    /** Still on its way to the insert: valid, not decided, not a repeat of an earlier item. */
    boolean live() {
        return errors.isEmpty() && outcome == null && sameAs == null;
    }

    UUID id() {
        return in == null ? null : in.id();
    }

    Outcome rejected(int status, String field, String message) {
        return new Outcome(index, id(), BatchResult.Status.REJECTED, List.of(new FieldError(field, message)), status, null);
    }

    Outcome created(UUID alertId) {
        return new Outcome(index, in.id(), BatchResult.Status.CREATED, List.of(), 201, alertId);
    }

    Outcome duplicate(UUID alertId) {
        return new Outcome(index, in.id(), BatchResult.Status.DUPLICATE, List.of(), 200, alertId);
    }
}
