package org.gridguard.supply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridguard.supply.SupplyViews.IssuedTo;
import org.gridguard.supply.SupplyViews.MovementKind;
import org.gridguard.supply.SupplyViews.MovementView;

/** A movement being put together by a service before the ledger records it. */
final class Draft {
    final UUID id = UUID.randomUUID();
    final MovementKind kind;
    final UUID placeId;
    final String actor;
    final Instant at;
    UUID toPlaceId;
    IssuedTo issuedTo;
    UUID toCheckpointId;
    String toPerson;
    UUID runId;
    UUID needId;
    UUID householdId;
    String donor;
    String receiptNumber;
    String supplier;
    String reference;
    String reason;
    String note;
    UUID correctsId;

    Draft(MovementKind kind, UUID placeId, String actor, Instant at) {
        this.kind = kind;
        this.placeId = placeId;
        this.actor = actor;
        this.at = at;
    }

    /** Blank text is no text. */
    static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    MovementView view() {
        return new MovementView(id, kind, placeId, null, toPlaceId, null, issuedTo, toCheckpointId, toPerson, runId,
                needId, householdId, donor, receiptNumber, supplier, reference, reason, note, correctsId, actor, at,
                List.of());
    }
}
