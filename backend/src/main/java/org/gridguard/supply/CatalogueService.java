package org.gridguard.supply;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.supply.SupplyViews.ItemUpdate;
import org.gridguard.supply.SupplyViews.ItemView;
import org.gridguard.supply.SupplyViews.NewItem;
import org.gridguard.supply.SupplyViews.NewPlace;
import org.gridguard.supply.SupplyViews.PlaceKind;
import org.gridguard.supply.SupplyViews.PlaceStock;
import org.gridguard.supply.SupplyViews.PlaceView;
import org.gridguard.supply.SupplyViews.Threshold;
import org.gridguard.supply.SupplyViews.UnitKind;

/** The item catalogue, the storage places in reach, what a place holds and its low-stock thresholds. */
@ApplicationScoped
public class CatalogueService {

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

    @Transactional
    public List<ItemView> items(boolean all) {
        return supply.items(!all);
    }

    @Transactional
    public Idempotency.Outcome<ItemView> createItem(NewItem in, String key) {
        return idempotency.once(caller.name(), key, "SUPPLY_ITEM", in, ItemView.class, () -> {
            String name = in.name().trim();
            if (supply.nameTaken(name, new UUID(0, 0))) {
                throw ApiProblem.conflict("An item named " + name + " is already in the catalogue");
            }
            String unit = in.unitKind() == UnitKind.COUNT ? in.unit().trim() : in.unitKind() == UnitKind.KG ? "kg" : "L";
            ItemView v = new ItemView(UUID.randomUUID(), name, unit, in.unitKind(), in.category(), true, 0);
            supply.insertItem(v, caller.name(), clock.instant());
            return new Idempotency.Outcome<>(v, v.id(), false);
        });
    }

    @Transactional
    public ItemView updateItem(UUID id, ItemUpdate in, String ifMatch) {
        ItemView v = supply.item(id);
        long expected = Versions.expected(ifMatch, in.version());
        String name = in.name().trim();
        if (supply.nameTaken(name, id)) {
            throw ApiProblem.conflict("An item named " + name + " is already in the catalogue");
        }
        String unit = v.unitKind() == UnitKind.COUNT ? in.unit().trim() : v.unit();
        if (expected != v.version() || !supply.updateItem(id, expected, name, unit, in.category(), in.active())) {
            throw ApiProblem.stale(v.version());
        }
        return supply.item(id);
    }

    @Transactional
    public List<PlaceView> places(UUID areaId) {
        String path = null;
        if (areaId != null) {
            SupplyRepository.Node n = supply.node(areaId);
            if (n == null || !jurisdiction.overlaps(n.path())) {
                throw ApiProblem.notFound("Area node");
            }
            path = n.path();
        }
        return supply.places(path);
    }

    @Transactional
    public Idempotency.Outcome<PlaceView> createPlace(NewPlace in, String key) {
        return idempotency.once(caller.name(), key, "SUPPLY_PLACE", in, PlaceView.class, () -> {
            SupplyRepository.Node n = node(in);
            if (n.communityId() == null) {
                throw ApiProblem.invalid("areaId", "a storage place stands in a community (a community node or below)");
            }
            PlaceView v = new PlaceView(UUID.randomUUID(), in.kind(), in.name().trim(), n.id(), n.name(), n.communityId(),
                    in.checkpointId(), 0);
            supply.insertPlace(v, caller.name(), clock.instant());
            return new Idempotency.Outcome<>(v, v.id(), false);
        });
    }

    /** The node a new place stands on, in the caller's reach: a checkpoint's guarded node, or the area given. */
    private SupplyRepository.Node node(NewPlace in) {
        if (in.checkpointId() != null) {
            SupplyRepository.Node n = supply.checkpointNode(in.checkpointId());
            if (n == null || !jurisdiction.covers(n.path())) {
                throw ApiProblem.notFound("Checkpoint");
            }
            return supply.node(n.id());
        }
        if (in.kind() == PlaceKind.CHECKPOINT) {
            throw ApiProblem.invalid("checkpointId", "a checkpoint place names its checkpoint");
        }
        if (in.areaId() == null) {
            throw ApiProblem.invalid("areaId", "name the area node the place stands on");
        }
        SupplyRepository.Node n = supply.node(in.areaId());
        if (n == null || !jurisdiction.covers(n.path())) {
            throw ApiProblem.notFound("Area node");
        }
        return n;
    }

    @Transactional
    public PlaceStock stock(UUID placeId) {
        SupplyRepository.Place p = supply.visiblePlace(placeId);
        return new PlaceStock(p.view(), supply.stock(p.id()));
    }

    @Transactional
    public PlaceStock threshold(UUID placeId, UUID itemId, Threshold in) {
        SupplyRepository.Place p = supply.visiblePlace(placeId);
        ItemView item = supply.item(itemId);
        SupplyRules.threshold("low", in.low(), item.unitKind());
        supply.setThreshold(p.id(), item.id(), in.low(), caller.name(), clock.instant());
        return new PlaceStock(p.view(), supply.stock(p.id()));
    }
}
