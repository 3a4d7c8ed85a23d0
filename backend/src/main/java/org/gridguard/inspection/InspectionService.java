package org.gridguard.inspection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.InputRules;
import org.gridguard.common.Page;
import org.gridguard.common.TimeConfig;
import org.gridguard.inspection.InspectionRules.Item;
import org.gridguard.inspection.InspectionViews.AnswerInput;
import org.gridguard.inspection.InspectionViews.AnswerResult;
import org.gridguard.inspection.InspectionViews.InspectionSummary;
import org.gridguard.inspection.InspectionViews.InspectionView;
import org.gridguard.inspection.InspectionViews.NewInspection;
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.SignOffInput;
import org.gridguard.inspection.InspectionViews.SignedByView;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.PiiCipher;

/**
 * Inspections: a place checked against a template version, the answers, the result (PASSED iff nothing failed), the
 * responsible person's sign-off or confirmation; every FAIL opens a RECTIFY task, a re-check that passes the item
 * closes it, an inspection of an enterprise closes its first check of the day. Nothing is kept half: one transaction.
 */
@ApplicationScoped
public class InspectionService {

    /** The roles that read inspections by reach; anyone else reads only those naming them as responsibleUser. */
    static final Set<String> READERS = Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.LEADER, Roles.INSPECTOR);
    static final String INSPECTION = "Inspection";

    @Inject
    InspectionRepository repo;
    @Inject
    TemplateRepository templates;
    @Inject
    TaskRepository tasks;
    @Inject
    PlaceService places;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    PiiCipher pii;
    @Inject
    Clock clock;
    @Inject
    TimeConfig time;
    @ConfigProperty(name = "gridguard.inspections.major-limit")
    Duration majorLimit;
    @ConfigProperty(name = "gridguard.inspections.minor-limit")
    Duration minorLimit;

    @Transactional
    public Idempotency.Outcome<InspectionView> create(NewInspection req, String key) {
        return idempotency.once(caller.name(), key, "INSPECTION", req, InspectionView.class, () -> {
            UUID id = record(req);
            return new Idempotency.Outcome<>(view(repo.find(id)), id, false);
        });
    }

    private UUID record(NewInspection req) {
        String dateProblem = InputRules.dateProblem(req.inspectedAt());
        if (dateProblem != null) {
            throw ApiProblem.invalid("inspectedAt", dateProblem);
        }
        if (req.inspectedAt().isAfter(clock.instant().plus(Duration.ofMinutes(10)))) {
            throw InspectionRules.unfit("inspectedAt", "is in the future");
        }
        PlaceRepository.Place place = places.visible(req.placeKind(), req.placeId());
        TemplateRepository.Template t = templates.visible(req.templateId());
        if (!InspectionRules.fits(t.placeType(), place.type())) {
            throw InspectionRules.unfit("templateId", "the template is for " + t.placeType() + " places; this place is "
                    + place.type());
        }
        List<Item> items = templates.items(t.id());
        InspectionRules.checkAnswers(items, req.answers());
        String responsibleUser = InspectionRules.trim(req.responsibleUser());
        if (req.signOff() == null && responsibleUser == null) {
            throw InspectionRules.unfit("signOff", "the responsible person signs (signOff) or is named to confirm from their "
                    + "own login (responsibleUser)");
        }
        UUID id = UUID.randomUUID();
        SignOffInput s = req.signOff();
        String phone = s == null ? null : IdentityRules.normalisePhone(s.phone());
        if (s != null && phone == null) {
            throw ApiProblem.invalid("signOff.phone", IdentityRules.phoneProblem(s.phone()));
        }
        byte[] signature = s == null ? null : InspectionRules.signature(s.signaturePng());
        repo.insert(new InspectionRepository.New(id, place, t.id(), caller.name(), req.inspectedAt(),
                InspectionRules.result(req.answers()), InspectionRules.trim(req.note()), s == null ? null : s.name().trim(),
                phone == null ? null : pii.encrypt(phone), IdentityRules.maskPhone(phone), responsibleUser));
        if (signature != null) {
            repo.insertSignature(id, InspectionRules.sniff(signature), signature);
        }
        req.answers().forEach(a -> repo.insertAnswer(id, a));
        Set<UUID> stillOpen = recheck(id, place, req);
        Map<UUID, Item> byId = items.stream().collect(Collectors.toMap(Item::id, Function.identity()));
        for (AnswerInput a : req.answers()) {
            if (a.result() == AnswerResult.FAIL && !stillOpen.contains(a.itemId())) {
                tasks.insertRectify(id, place, a.itemId(), a.reason().trim(), a.responsibleName().trim(), responsibleUser,
                        InspectionRules.due(byId.get(a.itemId()).severity(), req.inspectedAt(), majorLimit, minorLimit));
            }
        }
        if (place.kind() == PlaceKind.ENTERPRISE) {
            tasks.closeFirstChecks(place.id(), LocalDate.ofInstant(req.inspectedAt(), time.zone()), id, req.inspectedAt());
        }
        return id;
    }

    /**
     * The re-checked tasks: each must be this place's; a PASS of its item closes it, anything else is kept as its history.
     *
     * @return the items whose re-checked task stays open (a FAIL there opens no second task)
     */
    private Set<UUID> recheck(UUID inspectionId, PlaceRepository.Place place, NewInspection req) {
        Set<UUID> stillOpen = new java.util.HashSet<>();
        List<UUID> ids = req.recheckOf() == null ? List.of() : req.recheckOf();
        Map<UUID, AnswerResult> answered = req.answers().stream()
                .collect(Collectors.toMap(AnswerInput::itemId, AnswerInput::result));
        for (int i = 0; i < ids.size(); i++) {
            Object[] task = tasks.lock(ids.get(i));
            if (task == null || !place.kind().name().equals(task[1]) || !place.id().equals(task[2])) {
                throw InspectionRules.unfit("recheckOf[" + i + "]", "is not a task of this place");
            }
            AnswerResult r = task[3] == null ? null : answered.get((UUID) task[3]);
            tasks.recheck(ids.get(i), inspectionId, r == null ? "NOT_ANSWERED" : r.name());
            if (r == AnswerResult.PASS) {
                tasks.close(ids.get(i), inspectionId, req.inspectedAt());
            } else if (task[3] != null && !"CLOSED".equals(task[4])) {
                stillOpen.add((UUID) task[3]);
            }
        }
        return stillOpen;
    }

    @Transactional
    public InspectionView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public InspectionRepository.Image signature(UUID id) {
        InspectionRepository.Image image = repo.signature(visible(id).id());
        if (image == null) {
            throw ApiProblem.notFound("Signature");
        }
        return image;
    }

    /** The named responsible user confirms from their own login: anyone else who sees it 403, twice 409. */
    @Transactional
    public InspectionView confirm(UUID id) {
        InspectionRepository.Row row = visible(id);
        if (!caller.name().equals(row.responsibleUser())) {
            throw ApiProblem.forbidden("Only the inspection's responsible person confirms it, from their own login");
        }
        if (!repo.confirm(id, caller.name(), clock.instant())) {
            throw ApiProblem.conflict("The inspection is confirmed already");
        }
        return view(repo.find(id));
    }

    @Transactional
    public Page<InspectionSummary> list(Query q, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        InspectionRepository.Filter f = new InspectionRepository.Filter(q.placeKind(), q.placeId(), areaPath(q.areaId()),
                q.result(), q.from(), q.to());
        List<InspectionSummary> rows = repo.page(f, Cursor.at(c), Cursor.id(c), lim + 1).stream()
                .map(InspectionRepository.Row::summary).toList();
        return Page.of(rows, lim, s -> Cursor.encode(s.inspectedAt().toString(), s.id().toString()));
    }

    /** A list's filters. */
    public record Query(PlaceKind placeKind, UUID placeId, UUID areaId, InspectionViews.Result result, Instant from,
            Instant to) {
    }

    /** The path of an area the caller reaches (null for null), else 404 "Area node". */
    String areaPath(UUID areaId) {
        if (areaId == null) {
            return null;
        }
        String path = templates.areaPath(areaId);
        if (path == null || !jurisdiction.isGlobal() && !jurisdiction.overlaps(path)) {
            throw ApiProblem.notFound("Area node");
        }
        return path;
    }

    /** The inspection in the caller's reach (a reading role) or naming the caller as its responsible user, else 404. */
    private InspectionRepository.Row visible(UUID id) {
        InspectionRepository.Row row = repo.find(id);
        if (row == null || !caller.name().equals(row.responsibleUser()) && !reaches(row.areaPath())) {
            throw ApiProblem.notFound(INSPECTION);
        }
        return row;
    }

    private boolean reaches(String path) {
        return caller.roles().stream().anyMatch(READERS::contains) && (jurisdiction.isGlobal() || jurisdiction.covers(path));
    }

    private InspectionView view(InspectionRepository.Row r) {
        return new InspectionView(r.id(), r.placeKind(), r.placeId(), r.placeName(), r.placeType(), r.templateId(),
                r.templateName(), r.templateVersion(), r.inspector(), r.inspectedAt(), r.result(), repo.answers(r.id()),
                r.signerName() == null ? null : new SignedByView(r.signerName(), r.signerPhoneMasked()), r.signature(),
                r.confirmedBy(), r.confirmedAt(), r.responsibleUser(), r.note(), tasks.openedBy(r.id()),
                tasks.closedBy(r.id()), r.version());
    }
}
