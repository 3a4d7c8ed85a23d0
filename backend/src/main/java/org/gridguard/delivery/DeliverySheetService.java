package org.gridguard.delivery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.delivery.DeliveryRules.Door;
import org.gridguard.delivery.DeliveryViews.CandidateGroup;
import org.gridguard.delivery.DeliveryViews.CandidateNeed;
import org.gridguard.delivery.DeliveryViews.DropItem;
import org.gridguard.delivery.DeliveryViews.DropView;
import org.gridguard.delivery.DeliveryViews.Sheet;
import org.gridguard.delivery.DeliveryViews.Stop;
import org.gridguard.need.Needs;
import org.gridguard.need.OpenNeeds;
import org.gridguard.security.Jurisdiction;
import org.gridguard.supply.Stock;

/**
 * What a run looks like on paper and on a phone: the run sheet (doors in natural order of compound, building and door,
 * with masked contact, what was asked and what happened), and the open needs a leader can put on a run, grouped by
 * building.
 */
@ApplicationScoped
public class DeliverySheetService {

    /** At most this many open needs are offered at once (the newest first). */
    static final int CANDIDATES = 500;

    @Inject
    Jurisdiction jurisdiction;
    @Inject
    DeliveryRepository repo;
    @Inject
    DeliveryRunService runs;
    @Inject
    CensusPeople census;
    @Inject
    OpenNeeds openNeeds;
    @Inject
    Stock stock;

    @Transactional
    public Sheet sheet(UUID runId) {
        DeliveryRun r = repo.visible(runId);
        List<DeliveryRepository.StopRow> stops = repo.stops(r.id);
        Map<UUID, CensusPeople.Door> doors = census.doors(householdIds(stops.stream().map(s -> s.householdId())));
        Map<UUID, DeliveryRepository.DropRow> drops = repo.drops(r.id);
        Map<UUID, Map<UUID, BigDecimal>> items = repo.dropItems(r.id);
        Map<UUID, Stock.ItemName> names = stock.names(items.values().stream().flatMap(m -> m.keySet().stream()).toList());
        List<Stop> out = new ArrayList<>();
        for (DeliveryRepository.StopRow s : stops) {
            CensusPeople.Door d = doors.get(s.householdId());
            DeliveryRepository.DropRow drop = drops.get(s.needId());
            out.add(new Stop(s.needId(), s.householdId(), d == null ? null : d.compound(), d == null ? null : d.building(),
                    d == null ? null : d.door(), d == null ? null : d.contactName(), d == null ? null : d.phoneMasked(),
                    s.kind(), s.detail(), s.medicineName(), s.medicineQuantity(), s.urgency(),
                    drop == null ? null : dropView(drop, items.get(drop.id()), names, r.id)));
        }
        out.sort(Comparator.comparing(DeliverySheetService::door, DeliveryRules.DOOR_ORDER));
        return new Sheet(runs.view(r), out);
    }

    private static Door door(Stop s) {
        return new Door(s.compound(), s.building(), s.door());
    }

    private static Set<UUID> householdIds(java.util.stream.Stream<UUID> ids) {
        Set<UUID> out = new HashSet<>();
        ids.filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    /** A drop as answered, its items named. */
    DropView dropView(DeliveryRepository.DropRow d, Map<UUID, BigDecimal> items, UUID runId) {
        Map<UUID, BigDecimal> lines = items == null ? Map.of() : items;
        return dropView(d, lines, stock.names(lines.keySet()), runId);
    }

    private static DropView dropView(DeliveryRepository.DropRow d, Map<UUID, BigDecimal> items,
            Map<UUID, Stock.ItemName> names, UUID runId) {
        List<DropItem> lines = new ArrayList<>();
        if (items != null) {
            items.forEach((item, qty) -> {
                Stock.ItemName n = names.get(item);
                lines.add(new DropItem(item, n == null ? null : n.name(), n == null ? null : n.unit(), qty));
            });
        }
        return new DropView(d.id(), runId, d.needId(), d.outcome(), d.receivedBy(), d.note(), lines, d.movementId(),
                d.recordedBy(), d.recordedAt());
    }

    /** The open needs in the caller's reach (within the area if given), grouped by compound and building. */
    @Transactional
    public List<CandidateGroup> candidates(UUID areaId) {
        String path = null;
        if (areaId != null) {
            path = repo.areaPath(areaId);
            if (path == null || !jurisdiction.overlaps(path)) {
                throw ApiProblem.notFound("Area node");
            }
        }
        List<Needs.NeedRef> open = openNeeds.inReach(path, CANDIDATES);
        Map<UUID, CensusPeople.Door> doors = census.doors(householdIds(open.stream().map(Needs.NeedRef::householdId)));
        Map<Door, List<CandidateNeed>> groups = new java.util.TreeMap<>(DeliveryRules.DOOR_ORDER);
        for (Needs.NeedRef n : open) {
            CensusPeople.Door d = doors.get(n.householdId());
            Door building = d == null ? new Door(null, null, null) : new Door(d.compound(), d.building(), null);
            groups.computeIfAbsent(building, k -> new ArrayList<>()).add(new CandidateNeed(n.id(), n.householdId(),
                    d == null ? null : d.door(), d == null ? null : d.contactName(), n.kind(), n.detail(), n.medicineName(),
                    n.medicineQuantity(), n.urgency()));
        }
        return groups.entrySet().stream().map(e -> new CandidateGroup(e.getKey().compound(), e.getKey().building(),
                e.getValue().stream().sorted(Comparator.comparing(CandidateNeed::door, DeliveryRules::natural)).toList()))
                .toList();
    }
}
