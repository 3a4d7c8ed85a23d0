package org.gridguard.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.InputRules;
import org.gridguard.enterprise.Enterprises;
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.PlacePageView;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.PlaceView;
import org.gridguard.security.Jurisdiction;

/**
 * The places an inspector picks: compounds and buildings, checkpoints and isolation sites, enterprises of the register.
 * A place's reach is its area node's: out of reach answers exactly like missing ("Place not found").
 */
@ApplicationScoped
public class PlaceService {

    static final String PLACE = "Place";

    @Inject
    PlaceRepository repo;
    @Inject
    InspectionRepository inspections;
    @Inject
    TaskRepository tasks;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Enterprises enterprises;

    /** The place in the caller's reach, else 404 "Place not found". */
    PlaceRepository.Place visible(PlaceKind kind, UUID id) {
        PlaceRepository.Place p = kind == PlaceKind.ENTERPRISE ? enterprise(id) : repo.find(kind, id);
        if (p == null || !jurisdiction.isGlobal() && !jurisdiction.covers(p.areaPath())) {
            throw ApiProblem.notFound(PLACE);
        }
        return p;
    }

    /** The enterprise in the caller's reach (the register's own check), else null. */
    private PlaceRepository.Place enterprise(UUID id) {
        try {
            return places(List.of(enterprises.visible(id))).get(0);
        } catch (ApiProblem p) {
            if (p.status == 404) {
                return null;
            }
            throw p;
        }
    }

    private List<PlaceRepository.Place> places(List<Enterprises.EnterpriseRef> refs) {
        Map<UUID, String> names = repo.areaNames(refs.stream().map(Enterprises.EnterpriseRef::areaId).toList());
        return refs.stream().map(e -> new PlaceRepository.Place(PlaceKind.ENTERPRISE, e.id(), e.name(), PlaceType.ENTERPRISE,
                e.areaId(), names.get(e.areaId()), e.areaPath())).toList();
    }

    @Transactional
    public List<PlaceView> search(String q, PlaceType placeType) {
        if (q != null && (q.length() > 100 || InputRules.textProblem(q) != null)) {
            throw ApiProblem.invalid("q", "at most 100 characters of text");
        }
        List<PlaceRepository.Place> out = new ArrayList<>(repo.search(q, placeType));
        if (placeType == null || placeType == PlaceType.ENTERPRISE) {
            out.addAll(places(enterprises.search(InspectionRules.trim(q), PlaceRepository.LIMIT)));
        }
        return out.stream().sorted(Comparator.comparing(PlaceRepository.Place::name)).limit(PlaceRepository.LIMIT)
                .map(PlaceRepository.Place::view).toList();
    }

    @Transactional
    public PlacePageView page(String placeKind, UUID placeId) {
        PlaceKind kind;
        try {
            kind = PlaceKind.valueOf(placeKind);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(PLACE);
        }
        PlaceRepository.Place p = visible(kind, placeId);
        List<InspectionViews.InspectionSummary> latest = inspections
                .page(new InspectionRepository.Filter(kind, placeId, null, null, null, null), null, null, 20).stream()
                .map(InspectionRepository.Row::summary).toList();
        return new PlacePageView(p.view(), latest, tasks.openAt(kind, placeId));
    }
}
