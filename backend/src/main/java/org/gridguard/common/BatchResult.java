package org.gridguard.common;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: one result per item, in the order sent, and a summary. */
@Schema(name = "BatchResult", requiredProperties = { "items", "summary" })
public record BatchResult(List<Item> items, Summary summary) {

    public enum Status {
        CREATED, DUPLICATE, UPDATED, REJECTED
    }

    @Schema(name = "BatchItemResult", requiredProperties = { "index", "status", "errors" })
    public record Item(int index, UUID id, Status status, List<Problem.FieldError> errors,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "An alert the item opened or joined (e.g. the FEVER alert of a fever reading)") UUID alertId) {

        public Item(int index, UUID id, Status status, List<Problem.FieldError> errors) {
            this(index, id, status, errors, null);
        }
    }

    @Schema(name = "BatchSummary", requiredProperties = { "created", "duplicate", "updated", "rejected" })
    public record Summary(int created, int duplicate, int updated, int rejected) {
    }

    public static BatchResult of(List<Item> items) {
        int c = 0, d = 0, u = 0, r = 0;
        for (Item i : items) {
            switch (i.status()) {
                case CREATED -> c++;
                case DUPLICATE -> d++;
                case UPDATED -> u++;
                case REJECTED -> r++;
            }
        }
        return new BatchResult(List.copyOf(items), new Summary(c, d, u, r));
    }
}
