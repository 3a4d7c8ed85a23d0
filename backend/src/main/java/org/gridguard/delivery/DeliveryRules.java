package org.gridguard.delivery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.common.Problem;

/**
 * The rules of delivery runs, pure: the door order of a run sheet (natural order, so 2-101 comes before 10-101 and
 * 1-401 before 1-1201), the run's area (the deepest node holding every stop), the transitions of a run and the checks
 * of a drop that need more than an annotation.
 */
public final class DeliveryRules {
    private DeliveryRules() {
    }

    /** A run's lifecycle. */
    @Schema(name = "DeliveryRunStatus")
    public enum RunStatus {
        PLANNED, STARTED, CLOSED
    }

    /** What happened at the door. */
    @Schema(name = "DeliveryOutcome")
    public enum Outcome {
        DELIVERED, NOBODY_HOME, REFUSED
    }

    /** Where a stop is: compound, building and door labels (any may be null). */
    public record Door(String compound, String building, String door) {
    }

    /** Compares two labels naturally: runs of digits by their value, the rest as text; null last. */
    public static int natural(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = new BigDecimal(a.substring(i, ei)).compareTo(new BigDecimal(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** The order of a run sheet: by compound, then building, then door, each in natural order. */
    public static final Comparator<Door> DOOR_ORDER = Comparator.comparing(Door::compound, DeliveryRules::natural)
            .thenComparing(Door::building, DeliveryRules::natural).thenComparing(Door::door, DeliveryRules::natural);

    /** The deepest path holding every one of the area paths ('/a/b/c/' and '/a/b/d/' give '/a/b/'); null for none. */
    public static String commonPath(List<String> paths) {
        if (paths.isEmpty()) {
            return null;
        }
        String common = paths.get(0);
        for (String p : paths) {
            while (!p.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        return common.equals("/") ? null : common;
    }

    /** The node a path ends with ('/a/b/' gives b). */
    public static UUID lastNode(String path) {
        String[] parts = path.split("/");
        return UUID.fromString(parts[parts.length - 1]);
    }

    /** Whether a run in {@code from} may move to {@code to}: planned to started, planned or started to closed. */
    public static boolean canMove(RunStatus from, RunStatus to) {
        return switch (to) {
            case STARTED -> from == RunStatus.PLANNED;
            case CLOSED -> from != RunStatus.CLOSED;
            case PLANNED -> false;
        };
    }

    /** A drop's problems, field by field: who received a delivery, items only with a delivery, each item once. */
    public static List<Problem.FieldError> dropProblems(Outcome outcome, String receivedBy, List<UUID> itemIds) {
        List<Problem.FieldError> out = new ArrayList<>();
        boolean delivered = outcome == Outcome.DELIVERED;
        boolean named = receivedBy != null && !receivedBy.isBlank();
        if (delivered && !named) {
            out.add(new Problem.FieldError("receivedBy", "say who received the delivery"));
        }
        if (!delivered && named) {
            out.add(new Problem.FieldError("receivedBy", "only a delivery is received"));
        }
        if (!delivered && !itemIds.isEmpty()) {
            out.add(new Problem.FieldError("items", "only a delivery issues items"));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < itemIds.size(); i++) {
            if (!seen.add(itemIds.get(i))) {
                out.add(new Problem.FieldError("items[" + i + "].itemId", "appears twice"));
            }
        }
        return out;
    }

    /** Whether every stop's area path lies under one of a carrier's assigned paths (so the carrier reaches it). */
    public static boolean coversAll(List<String> assignedPaths, List<String> stopPaths) {
        return stopPaths.stream().allMatch(p -> assignedPaths.stream().anyMatch(p::startsWith));
    }

    /** The carriers, trimmed, each once, in the order given; a blank name is a problem of its field. */
    public static List<String> carriers(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String t = n == null ? "" : n.trim();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
