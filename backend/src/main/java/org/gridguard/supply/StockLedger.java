package org.gridguard.supply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.ApiProblem;
import org.gridguard.supply.LedgerRepository.Change;
import org.gridguard.supply.SupplyViews.ItemView;
import org.gridguard.supply.SupplyViews.LineIn;
import org.gridguard.supply.SupplyViews.MovementView;

/**
 * Writes one movement and moves the balances by its lines, in the caller's transaction: stock in raises the balance,
 * stock out is one conditional update per line that refuses to go below zero, so two devices taking the last items
 * at once cannot both succeed (ADR 0039). The balance rows are taken in one order (place, item), so two movements
 * over the same items never deadlock.
 */
@ApplicationScoped
class StockLedger {

    @Inject
    SupplyRepository supply;
    @Inject
    LedgerRepository ledger;

    /** The items of the lines, each known, once, with a quantity that suits its unit (400/404 naming the field). */
    Map<UUID, ItemView> checkLines(List<LineIn> lines, boolean counting) {
        int again = SupplyRules.repeated(lines.stream().map(LineIn::itemId).toList());
        if (again >= 0) {
            throw ApiProblem.invalid("lines[" + again + "].itemId", "each item once per movement");
        }
        Map<UUID, ItemView> items = supply.items(lines.stream().map(LineIn::itemId).toList());
        for (int i = 0; i < lines.size(); i++) {
            LineIn l = lines.get(i);
            ItemView item = items.get(l.itemId());
            if (item == null) {
                throw ApiProblem.notFound(SupplyRepository.ITEM);
            }
            String field = "lines[" + i + "].quantity";
            if (counting) {
                SupplyRules.counted(field, l.quantity(), item.unitKind());
            } else {
                SupplyRules.moved(field, l.quantity(), item.unitKind());
            }
        }
        return items;
    }

    /** Records the movement with its changes; 409 naming every shortfall when stock would go below zero. */
    void record(MovementView m, UUID communityId, List<Change> changes, Map<UUID, ItemView> items) {
        ledger.insert(m, communityId);
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing((Change c) -> c.placeId().toString()).thenComparing(c -> c.itemId().toString()));
        List<Map<String, Object>> short_ = new ArrayList<>();
        for (Change c : ordered) {
            if (c.delta().signum() >= 0) {
                supply.add(c.placeId(), c.itemId(), c.delta(), m.at());
            } else if (!supply.take(c.placeId(), c.itemId(), c.delta().negate(), m.at())) {
                BigDecimal onHand = supply.onHand(c.placeId(), c.itemId());
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("itemId", c.itemId().toString());
                s.put("placeId", c.placeId().toString());
                s.put("onHand", onHand);
                s.put("asked", c.delta().negate());
                s.put("text", SupplyRules.shortfall(items.get(c.itemId()).name(), onHand, c.delta().negate()));
                short_.add(s);
            }
        }
        if (!short_.isEmpty()) {
            throw ApiProblem.conflict("Not enough stock: " + String.join("; ",
                    short_.stream().map(s -> (String) s.get("text")).toList()), Map.of("shortfalls", short_));
        }
        ledger.insertLines(m.id(), changes);
    }

    /** Lines out of (sign -1) or into (sign +1) one place. */
    static List<Change> at(UUID placeId, List<LineIn> lines, int sign) {
        return lines.stream().map(l -> new Change(placeId, l.itemId(),
                sign < 0 ? l.quantity().negate() : l.quantity(), null)).toList();
    }
}
