package org.gridguard.inspection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Versions;
import org.gridguard.inspection.InspectionRules.Item;
import org.gridguard.inspection.InspectionViews.NewTemplate;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.Severity;
import org.gridguard.inspection.InspectionViews.TemplateChildInput;
import org.gridguard.inspection.InspectionViews.TemplateItemInput;
import org.gridguard.inspection.InspectionViews.TemplateView;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

/**
 * Checklist templates (ADR 0044): versioned rows, never changed in place. A new version retires the current one; an
 * inspection keeps the version it used. An admin's templates are shared, a supervisor's belong to their community.
 */
@ApplicationScoped
public class TemplateService {

    @Inject
    TemplateRepository repo;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;

    @Transactional
    public List<TemplateView> list(PlaceType placeType, boolean includeRetired) {
        List<TemplateRepository.Template> list = repo.list(placeType, includeRetired);
        Map<UUID, List<Item>> items = repo.items(list.stream().map(TemplateRepository.Template::id).toList());
        return list.stream().map(t -> TemplateRepository.view(t, items.getOrDefault(t.id(), List.of()))).toList();
    }

    @Transactional
    public TemplateView get(UUID id) {
        TemplateRepository.Template t = repo.visible(id);
        return TemplateRepository.view(t, repo.items(id));
    }

    @Transactional
    public Idempotency.Outcome<TemplateView> create(NewTemplate body, String key) {
        return idempotency.once(caller.name(), key, "INSPECTION_TEMPLATE", body, TemplateView.class, () -> {
            UUID id = UUID.randomUUID();
            TemplateView v = write(new TemplateRepository.Template(id, id, 1, body.name().trim(), body.placeType(), false,
                    false, clock.instant(), ownArea(), null), body);
            return new Idempotency.Outcome<>(v, id, false);
        });
    }

    @Transactional
    public Idempotency.Outcome<TemplateView> newVersion(UUID id, NewTemplate body, String ifMatch) {
        TemplateRepository.Template old = repo.lockVisible(id);
        if (old.areaId() == null && !caller.isAdmin()) {
            throw ApiProblem.forbidden("A shared example template is changed by an admin only; create your community's own "
                    + "from it (POST /api/v1/inspection-templates)");
        }
        if (old.areaPath() != null && !jurisdiction.isGlobal() && !jurisdiction.covers(old.areaPath())) {
            throw ApiProblem.forbidden("This template belongs to another area");
        }
        if (old.retired()) {
            throw ApiProblem.conflict("Version " + old.version() + " is retired: a newer version exists; start from that one");
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.versionRequired();
        }
        Versions.check(old.version(), ifMatch, null);
        if (body.placeType() != old.placeType()) {
            throw InspectionRules.unfit("placeType", "a new version keeps the place type " + old.placeType()
                    + "; create a new template for another");
        }
        repo.retire(old.id());
        UUID newId = UUID.randomUUID();
        TemplateView v = write(new TemplateRepository.Template(newId, old.key(), old.version() + 1, body.name().trim(),
                old.placeType(), false, false, clock.instant(), old.areaId(), null), body);
        return new Idempotency.Outcome<>(v, newId, false);
    }

    private TemplateView write(TemplateRepository.Template t, NewTemplate body) {
        InspectionRules.checkTemplate(body.items());
        repo.insert(t, caller.name());
        List<Item> items = new ArrayList<>();
        for (TemplateItemInput in : body.items()) {
            Item major = new Item(UUID.randomUUID(), items.size() + 1, null, in.text().trim(), in.severity());
            items.add(major);
            for (TemplateChildInput c : in.children() == null ? List.<TemplateChildInput>of() : in.children()) {
                items.add(new Item(UUID.randomUUID(), items.size() + 1, major.id(), c.text().trim(), Severity.MINOR));
            }
        }
        items.forEach(i -> repo.insertItem(t.id(), i));
        return TemplateRepository.view(t, items);
    }

    /** Where a new template belongs: nowhere for an admin (shared), else the caller's supervisor node. */
    private UUID ownArea() {
        if (caller.isAdmin()) {
            return null;
        }
        return jurisdiction.scopes().stream().filter(s -> Roles.SUPERVISOR.equals(s.role())).findFirst()
                .or(() -> jurisdiction.scopes().stream().findFirst()).map(Jurisdiction.Scope::nodeId)
                .orElseThrow(() -> ApiProblem.forbidden("You have no area assigned"));
    }
}
