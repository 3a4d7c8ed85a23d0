package org.gridguard.duty.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaNode;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.duty.DutyRules;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.person.PersonViews.NewPerson;
import org.gridguard.duty.person.PersonViews.PersonPatch;
import org.gridguard.duty.person.PersonViews.PersonView;

/** People on duty: grid workers who log in, volunteers and sent-down cadres who may not. */
@ApplicationScoped
public class PersonService {

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    PersonRepository people;
    @Inject
    Idempotency idempotency;

    @Transactional
    public Page<PersonView> people(UUID areaId, String q, String unit, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        String areaPath = areaId == null ? null : scope.area(areaId).path;
        List<PersonView> rows = people.page(areaPath, q, unit, Cursor.decode(cursor, 2), lim + 1).stream()
                .map(PersonService::view).toList();
        return Page.of(rows, lim, v -> Cursor.encode(v.name(), v.id().toString()));
    }

    @Transactional
    public PersonView person(UUID id) {
        return view(people.visible(id));
    }

    @Transactional
    public Idempotency.Outcome<PersonView> createPerson(NewPerson req, String key) {
        return idempotency.once(scope.name(), key, "DUTY_PERSON", req, PersonView.class, () -> {
            if (req.id() != null) {
                DutyPerson existing = people.unfiltered(req.id());
                if (existing != null) {
                    if (people.canManage(existing) && existing.name.equals(req.name())) {
                        return new Idempotency.Outcome<>(view(existing), existing.id, true);
                    }
                    throw ApiProblem.conflict("A duty person with this id already exists");
                }
            }
            AreaNode home = scope.area(req.homeAreaId());
            scope.requireManage(home.path, "people on duty");
            if (home.communityId == null) {
                throw ApiProblem.invalid("homeAreaId", "must be a community or a node inside one");
            }
            if (req.username() != null && people.usernameTaken(req.username())) {
                throw ApiProblem.conflict("Another duty person already has the username '" + req.username() + "'");
            }
            DutyPerson p = newPerson(req, home);
            people.persist(p);
            return new Idempotency.Outcome<>(view(p), p.id, false);
        });
    }

    private DutyPerson newPerson(NewPerson req, AreaNode home) {
        DutyPerson p = new DutyPerson();
        p.id = req.id() != null ? req.id() : UUID.randomUUID();
        p.communityId = home.communityId;
        p.username = req.username() == null || req.username().isBlank() ? null : req.username().trim();
        p.name = req.name().trim();
        p.unit = req.unit().trim();
        p.skills = req.skills() == null ? List.of() : req.skills();
        p.partyMember = Boolean.TRUE.equals(req.partyMember());
        p.homeAreaId = home.id;
        p.daysOff = req.daysOff() == null ? List.of() : req.daysOff();
        p.datesOff = req.datesOff() == null ? List.of() : req.datesOff().stream().map(LocalDate::toString).toList();
        p.hoursOff = hoursOff(req.hoursOff());
        p.preferredKinds = req.preferredKinds() == null ? List.of() : req.preferredKinds().stream().map(Enum::name).toList();
        p.active = true;
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        return p;
    }

    @Transactional
    public PersonView updatePerson(UUID id, PersonPatch req, String ifMatch) {
        DutyPerson p = people.visible(id);
        if (!people.canManage(p)) {
            throw ApiProblem.forbidden("Only the leaders of this person's area may change them");
        }
        Versions.check(p.version, ifMatch, req.version());
        if (req.homeAreaId() != null) {
            AreaNode home = scope.area(req.homeAreaId());
            scope.requireManage(home.path, "people on duty");
            if (!p.communityId.equals(home.communityId)) {
                throw ApiProblem.invalid("homeAreaId", "must be in the person's community");
            }
            p.homeAreaId = home.id;
        }
        apply(p, req);
        p.updatedAt = clock.instant();
        people.flush();
        return view(p);
    }

    private static void apply(DutyPerson p, PersonPatch req) {
        if (req.name() != null) {
            p.name = req.name().trim();
        }
        if (req.unit() != null) {
            p.unit = req.unit().trim();
        }
        if (req.skills() != null) {
            p.skills = req.skills();
        }
        if (req.partyMember() != null) {
            p.partyMember = req.partyMember();
        }
        if (req.daysOff() != null) {
            p.daysOff = req.daysOff();
        }
        if (req.datesOff() != null) {
            p.datesOff = req.datesOff().stream().map(LocalDate::toString).toList();
        }
        if (req.hoursOff() != null) {
            p.hoursOff = hoursOff(req.hoursOff());
        }
        if (req.preferredKinds() != null) {
            p.preferredKinds = req.preferredKinds().stream().map(Enum::name).toList();
        }
        if (req.active() != null) {
            p.active = req.active();
        }
    }

    private static List<String> hoursOff(List<String> in) {
        if (in == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : in) {
            try {
                out.add(DutyRules.HoursOff.parse(s).toString());
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("hoursOff", "each entry must look like 22:00-06:00");
            }
        }
        return out;
    }

    static PersonView view(DutyPerson p) {
        return new PersonView(p.id, p.username, p.name, p.unit, p.skills, p.partyMember, p.homeAreaId, p.daysOff,
                p.datesOff, p.hoursOff, p.preferredKinds, p.active, p.version);
    }
}
