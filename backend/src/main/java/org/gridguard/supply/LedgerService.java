package org.gridguard.supply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.supply.SupplyViews.MovementKind;
import org.gridguard.supply.SupplyViews.MovementView;

/** Reading the ledger within reach: one movement, a page of them, an export. */
@ApplicationScoped
public class LedgerService {

    /** The filters of the ledger screen and its export. */
    public record Query(UUID placeId, UUID itemId, MovementKind kind, Instant from, Instant to) {
    }

    @Inject
    SupplyRepository supply;
    @Inject
    LedgerRepository ledger;
    @Inject
    MovementService movements;

    @Transactional
    public MovementView get(UUID id) {
        MovementView v = ledger.one(id, movements.visiblePlaces());
        if (v == null) {
            throw ApiProblem.notFound(MovementService.MOVEMENT);
        }
        return v;
    }

    @Transactional
    public Page<MovementView> list(Query q, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        return Page.of(ledger.page(filter(q), Cursor.at(c), Cursor.id(c), lim + 1), lim,
                v -> Cursor.encode(v.at().toString(), v.id().toString()));
    }

    /** The filter of a query within reach: a place named must be in reach (else 404), a period must run forward. */
    LedgerRepository.Filter filter(Query q) {
        if (q.placeId() != null) {
            supply.visiblePlace(q.placeId());
        }
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        return new LedgerRepository.Filter(movements.visiblePlaces(), q.placeId(), q.itemId(), q.kind(), q.from(), q.to());
    }
}
