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
    @Inject
    ReceiptPdf pdf;

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

    /** The most lines one export holds: a larger ledger is exported by period. */
    static final int EXPORT_LIMIT = 50_000;

    /** The ledger as CSV or XLSX, newest first; 400 when the filters hold more than {@link #EXPORT_LIMIT} movements. */
    @Transactional
    public Export export(Query q, String format) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        if (!xlsx && format != null && !"csv".equalsIgnoreCase(format)) {
            throw ApiProblem.invalid("format", "csv or xlsx");
        }
        List<MovementView> all = ledger.page(filter(q), null, null, EXPORT_LIMIT + 1);
        if (all.size() > EXPORT_LIMIT) {
            throw ApiProblem.invalid("from", "more than " + EXPORT_LIMIT + " movements: export a shorter period");
        }
        return xlsx ? new Export(LedgerExport.xlsx(all), XLSX, "supplies-ledger.xlsx")
                : new Export(LedgerExport.csv(all).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/csv; charset=UTF-8", "supplies-ledger.csv");
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A download: its bytes, media type and file name. */
    public record Export(byte[] body, String mediaType, String filename) {
    }

    /** The donor's receipt of a donation in reach, as a PDF; 409 for any other movement. */
    @Transactional
    public byte[] receipt(UUID id) {
        MovementView m = get(id);
        if (m.kind() != MovementKind.DONATION_IN) {
            throw ApiProblem.conflict("Only a donation has a donor's receipt; this movement is " + m.kind());
        }
        SupplyRepository.Place p = supply.visiblePlace(m.placeId());
        SupplyRepository.Node community = supply.node(p.view().communityId());
        return pdf.render(m, community == null ? "" : community.name());
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
