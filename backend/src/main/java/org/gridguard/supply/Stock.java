package org.gridguard.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Port;

/**
 * The stock's port: what the delivery runs call to take a drop's items out of a storage place, the names a run sheet
 * prints, and the figures of the care metrics.
 */
@Port
@ApplicationScoped
public class Stock {

    /** One item and how much of it. */
    public record Line(@NotNull UUID itemId, @NotNull BigDecimal quantity) {
    }

    /** How an item is called and counted. */
    public record ItemName(String name, String unit) {
    }

    /** Per category: on hand now and issued in the period. */
    public record CategoryFigures(String category, BigDecimal onHand, BigDecimal issued) {
    }

    @Inject
    MovementService movements;
    @Inject
    SupplyRepository supply;
    @Inject
    LedgerRepository ledger;

    /**
     * Issues the lines out of the storage place to one drop of a delivery run, in the caller's transaction, as one
     * ISSUE_OUT movement whose destination is the run, with the need and household as references. The caller must
     * reach the place (else 404 "Storage place"); 400 naming the field for a quantity that is not above zero or is
     * fractional for a counted item; 404 for an unknown item; 409 naming the shortfall ("口罩: 3 on hand, 5 asked")
     * when stock would go below zero, also under concurrency.
     *
     * @return the movement's id
     */
    @Transactional
    public UUID issueForDelivery(UUID placeId, List<Line> lines, UUID runId, UUID needId, UUID householdId,
            String actor) {
        if (placeId == null) {
            throw ApiProblem.invalid("placeId", "name the storage place the items come from");
        }
        if (lines == null || lines.isEmpty()) {
            throw ApiProblem.invalid("lines", "must not be empty");
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l == null || l.itemId() == null || l.quantity() == null) {
                throw ApiProblem.invalid("lines[" + i + "]", "needs an itemId and a quantity");
            }
        }
        return movements.issueForDelivery(placeId,
                lines.stream().map(l -> new SupplyViews.LineIn(l.itemId(), l.quantity())).toList(), runId, needId,
                householdId, actor);
    }

    /** Names for a run sheet: item id → (name, unit). Unknown ids are absent. */
    @Transactional
    public Map<UUID, ItemName> names(Collection<UUID> itemIds) {
        Map<UUID, ItemName> out = new LinkedHashMap<>();
        supply.items(List.copyOf(itemIds)).forEach((id, v) -> out.put(id, new ItemName(v.name(), v.unit())));
        return out;
    }

    /**
     * Metrics: per category, stock on hand now and issued in [from, to), over the places within {@code areaPath} (an
     * area node path prefix; null = everything). Every category is present, with zeros when nothing moved.
     */
    @Transactional
    public List<CategoryFigures> figures(String areaPath, Instant from, Instant to) {
        return ledger.figures(areaPath, from, to).entrySet().stream()
                .map(e -> new CategoryFigures(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
