package org.gridguard.area;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Port;
import org.gridguard.security.Jurisdiction;

/**
 * The area and days a metrics request is about: the node (default the caller's own top node), its path for the
 * ports' area filters, and the days in the business zone (default the last 7 including today) as instants.
 */
@Port
@ApplicationScoped
public class AreaPeriod {

    /** The longest range a metrics request may ask for. */
    public static final int MAX_RANGE_DAYS = 92;

    /** areaId null and path null: the whole tree (an admin without nodes yet). start inclusive, end exclusive. */
    public record Window(UUID areaId, String path, LocalDate first, LocalDate last, Instant start, Instant end) {
    }

    @Inject
    Clock clock;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    AreaRepository areas;

    /** 404 "Area node" out of reach (or none given and the caller has none); 400 on {@code to} before {@code from}; 422 when longer than MAX_RANGE_DAYS. */
    public Window resolve(UUID areaId, LocalDate from, LocalDate to) {
        UUID area = areaId != null ? areaId : ownTopNode();
        if (area == null && !jurisdiction.isGlobal()) {
            throw ApiProblem.notFound("Area node"); // no node of one's own: nothing in reach, never the whole tree
        }
        String path = area == null ? null : areas.covered(area).map(a -> a.path).orElseThrow(() -> ApiProblem.notFound("Area node"));
        LocalDate last = to != null ? to : LocalDate.now(clock);
        LocalDate first = from != null ? from : last.minusDays(6);
        if (first.isAfter(last)) {
            throw ApiProblem.invalid("to", "must not be before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
            throw ApiProblem.unprocessable("range-too-long", "Ask for at most " + MAX_RANGE_DAYS + " days at a time ("
                    + first + " to " + last + " is longer)");
        }
        return new Window(area, path, first, last, first.atStartOfDay(clock.getZone()).toInstant(),
                last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** The caller's highest node (admins: the tree's root). */
    private UUID ownTopNode() {
        if (jurisdiction.isGlobal()) {
            return AreaNode.<AreaNode>find("parentId is null order by path").firstResultOptional().map(a -> a.id).orElse(null);
        }
        return jurisdiction.scopes().stream().min(Comparator.comparingInt(s -> s.path().length()))
                .map(Jurisdiction.Scope::nodeId).orElse(null);
    }
}
