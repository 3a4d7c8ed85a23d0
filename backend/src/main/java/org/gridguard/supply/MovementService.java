package org.gridguard.supply;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.supply.LedgerRepository.Change;
import org.gridguard.supply.SupplyRepository.Place;
import org.gridguard.supply.SupplyViews.DonationIn;
import org.gridguard.supply.SupplyViews.IssueOut;
import org.gridguard.supply.SupplyViews.IssuedTo;
import org.gridguard.supply.SupplyViews.ItemView;
import org.gridguard.supply.SupplyViews.LineIn;
import org.gridguard.supply.SupplyViews.MovementKind;
import org.gridguard.supply.SupplyViews.MovementView;
import org.gridguard.supply.SupplyViews.PurchaseIn;
import org.gridguard.supply.SupplyViews.StocktakeIn;
import org.gridguard.supply.SupplyViews.TransferIn;
import org.gridguard.supply.SupplyViews.WriteOffIn;

/**
 * Movements of stock: donations and purchases in, issues out, transfers between places, write-offs with a reason
 * and stocktakes, each at places in the caller's reach, each once per Idempotency-Key, each appended to the ledger
 * with who and when while the balances move in the same transaction.
 */
@ApplicationScoped
public class MovementService {

    static final String MOVEMENT = "Supply movement";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    SupplyRepository supply;
    @Inject
    LedgerRepository ledger;
    @Inject
    StockLedger stock;
    @Inject
    CensusPeople census;

    @Transactional
    public Idempotency.Outcome<MovementView> donation(DonationIn in, String key) {
        return once(key, "SUPPLY_DONATION", in, () -> into(MovementKind.DONATION_IN, in.placeId(), in.lines(), d -> {
            d.donor = in.donor().trim();
            d.receiptNumber = SupplyRules.receiptNumber(d.at.atZone(CHINA).getYear(), ledger.nextReceipt());
            d.note = Draft.text(in.note());
        }));
    }

    @Transactional
    public Idempotency.Outcome<MovementView> purchase(PurchaseIn in, String key) {
        return once(key, "SUPPLY_PURCHASE", in, () -> into(MovementKind.PURCHASE_IN, in.placeId(), in.lines(), d -> {
            d.supplier = Draft.text(in.supplier());
            d.reference = Draft.text(in.reference());
            d.note = Draft.text(in.note());
        }));
    }

    /** Stock into one place of reach: the draft filled in by the kind, the lines added to the place. */
    private Idempotency.Outcome<MovementView> into(MovementKind kind, UUID placeId, List<LineIn> lines,
            java.util.function.Consumer<Draft> fill) {
        Place p = supply.visiblePlace(placeId);
        Draft d = draft(kind, p);
        fill.accept(d);
        return record(d, p, StockLedger.at(p.id(), lines, 1), stock.checkLines(lines, false));
    }

    @Transactional
    public Idempotency.Outcome<MovementView> issue(IssueOut in, String key) {
        return once(key, "SUPPLY_ISSUE", in, () -> {
            Place p = supply.visiblePlace(in.placeId());
            Draft d = draft(MovementKind.ISSUE_OUT, p);
            d.issuedTo = in.issuedTo();
            d.note = Draft.text(in.note());
            recipient(d, in);
            return record(d, p, StockLedger.at(p.id(), in.lines(), -1), stock.checkLines(in.lines(), false));
        });
    }

    /** Who receives an issue: a checkpoint or a household in reach, or a named person. */
    private void recipient(Draft d, IssueOut in) {
        switch (in.issuedTo()) {
            case CHECKPOINT -> {
                if (in.toCheckpointId() == null) {
                    throw ApiProblem.invalid("toCheckpointId", "name the checkpoint the items go to");
                }
                SupplyRepository.Node n = supply.checkpointNode(in.toCheckpointId());
                if (n == null || !jurisdiction.overlaps(n.path())) {
                    throw ApiProblem.notFound("Checkpoint");
                }
                d.toCheckpointId = in.toCheckpointId();
            }
            case HOUSEHOLD -> {
                if (in.householdId() == null) {
                    throw ApiProblem.invalid("householdId", "name the household the items go to");
                }
                d.householdId = census.household(in.householdId()).orElseThrow(() -> ApiProblem.notFound("Household")).id();
            }
            case PERSON -> {
                d.toPerson = Draft.text(in.toPerson());
                if (d.toPerson == null) {
                    throw ApiProblem.invalid("toPerson", "name the person who receives the items");
                }
            }
            case DELIVERY_RUN -> throw ApiProblem.invalid("issuedTo", "a delivery run takes its items itself, at its drops");
        }
    }

    @Transactional
    public Idempotency.Outcome<MovementView> transfer(TransferIn in, String key) {
        return once(key, "SUPPLY_TRANSFER", in, () -> {
            if (in.toPlaceId().equals(in.placeId())) {
                throw ApiProblem.invalid("toPlaceId", "must be another place than placeId");
            }
            Place from = supply.visiblePlace(in.placeId());
            Place to = supply.visiblePlace(in.toPlaceId());
            Draft d = draft(MovementKind.TRANSFER, from);
            d.toPlaceId = to.id();
            d.note = Draft.text(in.note());
            List<Change> changes = new java.util.ArrayList<>(StockLedger.at(from.id(), in.lines(), -1));
            changes.addAll(StockLedger.at(to.id(), in.lines(), 1));
            return record(d, from, changes, stock.checkLines(in.lines(), false));
        });
    }

    @Transactional
    public Idempotency.Outcome<MovementView> writeOff(WriteOffIn in, String key) {
        return once(key, "SUPPLY_WRITE_OFF", in, () -> {
            Place p = supply.visiblePlace(in.placeId());
            Draft d = draft(MovementKind.WRITE_OFF, p);
            d.reason = in.reason().trim();
            if (in.correctsId() != null) {
                if (ledger.one(in.correctsId(), visiblePlaces()) == null) {
                    throw ApiProblem.notFound(MOVEMENT);
                }
                d.correctsId = in.correctsId();
            }
            return record(d, p, StockLedger.at(p.id(), in.lines(), -1), stock.checkLines(in.lines(), false));
        });
    }

    @Transactional
    public Idempotency.Outcome<MovementView> stocktake(StocktakeIn in, String key) {
        return once(key, "SUPPLY_STOCKTAKE", in, () -> {
            Place p = supply.visiblePlace(in.placeId());
            Map<UUID, ItemView> items = stock.checkLines(in.lines(), true);
            Draft d = draft(MovementKind.STOCKTAKE, p);
            d.note = Draft.text(in.note());
            List<LineIn> sorted = in.lines().stream().sorted(java.util.Comparator.comparing(l -> l.itemId().toString()))
                    .toList();
            List<Change> changes = sorted.stream().map(l -> new Change(p.id(), l.itemId(),
                    l.quantity().subtract(supply.lockOnHand(p.id(), l.itemId(), d.at)), l.quantity())).toList();
            return record(d, p, changes, items);
        });
    }

    /** The port's issue to one drop of a delivery run, in the caller's transaction, without an Idempotency-Key. */
    UUID issueForDelivery(UUID placeId, List<LineIn> lines, UUID runId, UUID needId, UUID householdId, String actor) {
        Place p = supply.visiblePlace(placeId);
        Map<UUID, ItemView> items = stock.checkLines(lines, false);
        Draft d = new Draft(MovementKind.ISSUE_OUT, p.id(), actor, clock.instant());
        d.issuedTo = IssuedTo.DELIVERY_RUN;
        d.runId = runId;
        d.needId = needId;
        d.householdId = householdId;
        stock.record(d.view(), p.view().communityId(), StockLedger.at(p.id(), lines, -1), items);
        return d.id;
    }

    /** The ids of the places the caller reaches; null for an admin (every place). */
    UUID[] visiblePlaces() {
        return jurisdiction.isGlobal() ? null
                : supply.places(null).stream().map(SupplyViews.PlaceView::id).toArray(UUID[]::new);
    }

    private Draft draft(MovementKind kind, Place p) {
        return new Draft(kind, p.id(), caller.name(), clock.instant());
    }

    private Idempotency.Outcome<MovementView> record(Draft d, Place p, List<Change> changes, Map<UUID, ItemView> items) {
        stock.record(d.view(), p.view().communityId(), changes, items);
        return new Idempotency.Outcome<>(ledger.one(d.id, null), d.id, false);
    }

    private Idempotency.Outcome<MovementView> once(String key, String type, Object in,
            java.util.function.Supplier<Idempotency.Outcome<MovementView>> create) {
        return idempotency.once(caller.name(), key, type, in, MovementView.class, create);
    }
}
