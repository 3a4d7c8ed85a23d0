package org.gridguard.supply;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridguard.common.ApiProblem;
import org.gridguard.supply.SupplyViews.UnitKind;

/** The rules of quantities, lines and shortfalls: pure functions, no database. */
final class SupplyRules {

    /** The largest quantity one line may carry (numeric(14,3) holds 11 digits before the point). */
    static final BigDecimal MAX = new BigDecimal("99999999999.999");

    private SupplyRules() {
    }

    /** A quantity moved: above zero, whole for a counted item, at most 3 decimals for kg and litres. */
    static void moved(String field, BigDecimal q, UnitKind kind) {
        if (q.signum() <= 0) {
            throw ApiProblem.invalid(field, "must be more than 0");
        }
        exact(field, q, kind);
    }

    /** A quantity counted at a stocktake: zero or more, with the same precision as a movement. */
    static void counted(String field, BigDecimal q, UnitKind kind) {
        if (q.signum() < 0) {
            throw ApiProblem.invalid(field, "must be 0 or more");
        }
        exact(field, q, kind);
    }

    /** A low-stock threshold: zero or more, with the item's precision. */
    static void threshold(String field, BigDecimal q, UnitKind kind) {
        counted(field, q, kind);
    }

    private static void exact(String field, BigDecimal q, UnitKind kind) {
        if (q.compareTo(MAX) > 0) {
            throw ApiProblem.invalid(field, "must be at most " + MAX.toPlainString());
        }
        int scale = Math.max(q.stripTrailingZeros().scale(), 0);
        if (kind == UnitKind.COUNT && scale > 0) {
            throw ApiProblem.invalid(field, "must be a whole number: this item is counted in units");
        }
        if (scale > 3) {
            throw ApiProblem.invalid(field, "must have at most 3 decimals");
        }
    }

    /** Each item once per movement: the index of the first repeated line, or -1. */
    static int repeated(List<UUID> itemIds) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < itemIds.size(); i++) {
            if (!seen.add(itemIds.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** "口罩: 3 on hand, 5 asked" */
    static String shortfall(String itemName, BigDecimal onHand, BigDecimal asked) {
        return itemName + ": " + plain(onHand) + " on hand, " + plain(asked) + " asked";
    }

    /** A quantity without trailing zeros or exponent: 5, 2.5, 0.125. */
    static String plain(BigDecimal q) {
        return q.signum() == 0 ? "0" : q.stripTrailingZeros().toPlainString();
    }

    /** The receipt number of a donation: JZ-2026-000042 (捐赠). */
    static String receiptNumber(int year, long sequence) {
        return String.format("JZ-%d-%06d", year, sequence);
    }

    /** Below the threshold (a threshold of 0 or none never is). */
    static boolean low(BigDecimal onHand, BigDecimal threshold) {
        return threshold != null && threshold.signum() > 0 && onHand.compareTo(threshold) < 0;
    }
}
