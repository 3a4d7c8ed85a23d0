package org.gridguard.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.area.AreaNode;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem;
import org.gridguard.common.Versions;
import org.gridguard.duty.DutyViews.AssigneeView;
import org.gridguard.duty.DutyViews.GenerateShifts;
import org.gridguard.duty.DutyViews.Generated;
import org.gridguard.duty.DutyViews.NewPattern;
import org.gridguard.duty.DutyViews.NewPerson;
import org.gridguard.duty.DutyViews.NewSwap;
import org.gridguard.duty.DutyViews.PatternPatch;
import org.gridguard.duty.DutyViews.PatternView;
import org.gridguard.duty.DutyViews.PersonPatch;
import org.gridguard.duty.DutyViews.PersonView;
import org.gridguard.duty.DutyViews.ShiftView;
import org.gridguard.duty.DutyViews.SwapView;

/**
 * Patterns, shifts, people on duty, shift assignees and swaps. Every change of assignees goes through
 * {@link #checkAndAssign}, which runs {@link DutyRules} and answers each violation as problem+json.
 */
@ApplicationScoped
public class DutyService {

    public static final int MAX_RANGE_DAYS = 62;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    Idempotency idempotency;

    @ConfigProperty(name = "gridguard.duty.min-rest", defaultValue = "PT8H")
    Duration minRest;
    @ConfigProperty(name = "gridguard.duty.weekly-max", defaultValue = "PT48H")
    Duration weeklyMax;
    @ConfigProperty(name = "gridguard.zone")
    String zone;

    public DutyRules rules() {
        return new DutyRules(new DutyRules.Config(minRest, weeklyMax, ZoneId.of(zone)));
    }

    ZoneId zone() {
        return ZoneId.of(zone);
    }

    // ---------------- patterns ----------------

    @Transactional
    public List<PatternView> patterns(UUID areaId) {
        String path = areaId == null ? null : scope.area(areaId).path;
        List<DutyPattern> all = DutyPattern.listAll();
        Map<UUID, DutyScope.Post> posts = scope.posts(all.stream().map(p -> p.checkpointId).toList());
        return all.stream().filter(p -> {
            DutyScope.Post post = posts.get(p.checkpointId);
            return post != null && scope.canSee(post.guardPath())
                    && (path == null || post.guardPath().startsWith(path) || path.startsWith(post.guardPath()));
        }).sorted((a, b) -> posts.get(a.checkpointId).code().compareTo(posts.get(b.checkpointId).code()))
                .limit(Cursor.MAX_LIMIT).map(p -> view(p, posts.get(p.checkpointId))).toList();
    }

    @Transactional
    public PatternView createPattern(NewPattern req) {
        DutyScope.Post post = scope.post(req.checkpointId());
        scope.requireManage(post.guardPath(), "duty patterns");
        if (DutyPattern.count("checkpointId", req.checkpointId()) > 0) {
            throw ApiProblem.conflict("This checkpoint already has a duty pattern; change it instead");
        }
        DutyPattern p = new DutyPattern();
        p.id = UUID.randomUUID();
        p.communityId = post.communityId();
        p.checkpointId = post.id();
        apply(p, req.kind(), req.peopleNeeded(), req.nightNeeded(), req.requiredSkills(), req.customStart(),
                req.customEnd());
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        p.persist();
        return view(p, post);
    }

    @Transactional
    public PatternView updatePattern(UUID id, PatternPatch req, String ifMatch) {
        DutyPattern p = DutyPattern.findById(id);
        if (p == null) {
            throw ApiProblem.notFound("Duty pattern");
        }
        DutyScope.Post post = scope.post(p.checkpointId);
        scope.requireManage(post.guardPath(), "duty patterns");
        Versions.check(p.version, ifMatch, req.version());
        apply(p, req.kind() != null ? req.kind() : p.kind, req.peopleNeeded() != null ? req.peopleNeeded() : p.peopleNeeded,
                req.nightNeeded() != null ? req.nightNeeded() : p.nightNeeded,
                req.requiredSkills() != null ? req.requiredSkills() : p.requiredSkills,
                req.customStart() != null ? req.customStart() : p.customStart == null ? null : p.customStart.toString(),
                req.customEnd() != null ? req.customEnd() : p.customEnd == null ? null : p.customEnd.toString());
        p.updatedAt = clock.instant();
        em.flush();
        return view(p, post);
    }

    private static void apply(DutyPattern p, DutyPattern.Kind kind, int needed, Integer nightNeeded, List<String> skills,
            String start, String end) {
        p.kind = kind;
        p.peopleNeeded = needed;
        p.nightNeeded = kind == DutyPattern.Kind.THREE_SHIFTS ? nightNeeded : null;
        p.requiredSkills = skills == null ? List.of() : skills.stream().map(String::trim).distinct().toList();
        int minNeeded = Math.min(needed, nightNeeded == null ? needed : nightNeeded);
        if (p.requiredSkills.size() > minNeeded) {
            throw ApiProblem.invalid("requiredSkills", "lists more skills than people on a shift");
        }
        if (kind == DutyPattern.Kind.CUSTOM) {
            if (start == null || end == null) {
                throw ApiProblem.invalid("customStart", "customStart and customEnd are required for CUSTOM");
            }
            p.customStart = time("customStart", start);
            p.customEnd = time("customEnd", end);
            if (p.customStart.equals(p.customEnd)) {
                throw ApiProblem.invalid("customEnd", "must differ from customStart");
            }
        } else {
            p.customStart = null;
            p.customEnd = null;
        }
    }

    private static LocalTime time(String field, String s) {
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be a time such as 08:00");
        }
    }

    static PatternView view(DutyPattern p, DutyScope.Post post) {
        return new PatternView(p.id, p.checkpointId, post == null ? null : post.code(), p.kind, p.peopleNeeded,
                p.nightNeeded, p.requiredSkills, p.customStart == null ? null : p.customStart.toString(),
                p.customEnd == null ? null : p.customEnd.toString(), p.version);
    }

    // ---------------- shifts ----------------

    /** Creates the shifts of every patterned checkpoint in the area for the dates; existing ones are kept. */
    @Transactional
    public Generated generate(GenerateShifts req) {
        AreaNode area = scope.area(req.areaId());
        scope.requireManage(area.path, "duty shifts");
        checkRange(req.from(), req.to());
        List<DutyScope.Post> posts = scope.postsInside(area.path);
        Map<UUID, DutyPattern> patterns = new HashMap<>();
        if (!posts.isEmpty()) {
            for (DutyPattern p : DutyPattern.<DutyPattern>list("checkpointId in ?1",
                    posts.stream().map(DutyScope.Post::id).toList())) {
                patterns.put(p.checkpointId, p);
            }
        }
        int created = 0;
        int total = 0;
        for (DutyScope.Post post : posts) {
            DutyPattern p = patterns.get(post.id());
            if (p == null) {
                continue;
            }
            for (LocalDate d = req.from(); !d.isAfter(req.to()); d = d.plusDays(1)) {
                for (Object[] s : slotsOf(p, d)) {
                    total++;
                    created += em.createNativeQuery("""
                            insert into duty_shift (id, community_id, checkpoint_id, business_date, kind, starts_at, ends_at,
                                                    people_needed, required_skills)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb))
                            on conflict (checkpoint_id, starts_at) do nothing""")
                            .setParameter(1, UUID.randomUUID()).setParameter(2, post.communityId())
                            .setParameter(3, post.id()).setParameter(4, d).setParameter(5, ((DutyShift.Kind) s[0]).name())
                            .setParameter(6, s[1]).setParameter(7, s[2]).setParameter(8, s[3])
                            .setParameter(9, json(p.requiredSkills)).executeUpdate();
                }
            }
        }
        return new Generated(created, total - created, patterns.size());
    }

    /** [kind, start, end, needed] of the shifts of a pattern on a business date. */
    List<Object[]> slotsOf(DutyPattern p, LocalDate d) {
        ZoneId z = zone();
        List<Object[]> out = new ArrayList<>();
        switch (p.kind) {
            case THREE_SHIFTS -> {
                int night = p.nightNeeded == null ? p.peopleNeeded : p.nightNeeded;
                out.add(new Object[] { DutyShift.Kind.NIGHT, d.atStartOfDay(z).toInstant(), d.atTime(8, 0).atZone(z).toInstant(), night });
                out.add(new Object[] { DutyShift.Kind.DAY, d.atTime(8, 0).atZone(z).toInstant(), d.atTime(16, 0).atZone(z).toInstant(), p.peopleNeeded });
                out.add(new Object[] { DutyShift.Kind.EVENING, d.atTime(16, 0).atZone(z).toInstant(), d.plusDays(1).atStartOfDay(z).toInstant(), p.peopleNeeded });
            }
            case DAY_ONLY -> out.add(new Object[] { DutyShift.Kind.DAY, d.atTime(8, 0).atZone(z).toInstant(),
                    d.atTime(16, 0).atZone(z).toInstant(), p.peopleNeeded });
            case CUSTOM -> {
                LocalDate endDay = p.customEnd.isAfter(p.customStart) ? d : d.plusDays(1);
                out.add(new Object[] { DutyShift.Kind.CUSTOM, d.atTime(p.customStart).atZone(z).toInstant(),
                        endDay.atTime(p.customEnd).atZone(z).toInstant(), p.peopleNeeded });
            }
        }
        return out;
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw ApiProblem.invalid("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<ShiftView> shifts(UUID areaId, UUID checkpointId, LocalDate from, LocalDate to, boolean mine,
            String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        LocalDate f = from != null ? from : LocalDate.now(clock.withZone(zone()));
        LocalDate t = to != null ? to : f.plusDays(6);
        checkRange(f, t);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select s.* from duty_shift s join checkpoint c on c.id = s.checkpoint_id
                join area_node g on g.id = c.guards_node_id
                where s.business_date between :f and :t and\s""").append(scope.visibleShiftSql(p));
        p.put("f", f);
        p.put("t", t);
        if (areaId != null) {
            String path = scope.area(areaId).path;
            sql.append(" and (g.path like :area or :areaPath like g.path || '%')");
            p.put("area", path + "%");
            p.put("areaPath", path);
        }
        if (checkpointId != null) {
            sql.append(" and s.checkpoint_id = :cp");
            p.put("cp", checkpointId);
        }
        if (mine) {
            sql.append(" and exists (select 1 from duty_assignee ma join duty_person mp on mp.id = ma.person_id"
                    + " where ma.shift_id = s.id and mp.username = :me)");
            p.put("me", scope.name());
        }
        List<String> c = Cursor.decode(cursor, 2);
        if (c != null) {
            try {
                sql.append(" and (s.starts_at, s.id) > (:ct, :cid)");
                p.put("ct", Instant.parse(c.get(0)));
                p.put("cid", UUID.fromString(c.get(1)));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        sql.append(" order by s.starts_at, s.id limit :lim");
        p.put("lim", lim + 1);
        var q = em.createNativeQuery(sql.toString(), DutyShift.class);
        p.forEach(q::setParameter);
        List<DutyShift> rows = q.getResultList();
        List<ShiftView> views = views(rows);
        return Page.of(views, lim, v -> Cursor.encode(v.startsAt().toInstant().toString(), v.id().toString()));
    }

    @Transactional
    public ShiftView shift(UUID id) {
        return views(List.of(visibleShift(id))).get(0);
    }

    DutyShift visibleShift(UUID id) {
        DutyShift s = DutyShift.findById(id);
        if (s == null) {
            throw ApiProblem.notFound("Duty shift");
        }
        DutyScope.Post post = scope.posts(List.of(s.checkpointId)).get(s.checkpointId);
        if (!scope.canSee(post.guardPath()) && !standsShift(s.id)) {
            throw ApiProblem.notFound("Duty shift");
        }
        return s;
    }

    boolean standsShift(UUID shiftId) {
        return scope.me().map(me -> DutyAssignee.count("shiftId = ?1 and personId = ?2", shiftId, me.id) > 0)
                .orElse(false);
    }

    DutyShift manageableShift(UUID id) {
        DutyShift s = visibleShift(id);
        scope.requireManage(scope.posts(List.of(s.checkpointId)).get(s.checkpointId).guardPath(), "duty shifts");
        return s;
    }

    OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone()).toOffsetDateTime();
    }

    List<ShiftView> views(List<DutyShift> shifts) {
        if (shifts.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = shifts.stream().map(s -> s.id).toList();
        Map<UUID, DutyScope.Post> posts = scope.posts(shifts.stream().map(s -> s.checkpointId).collect(Collectors.toSet()));
        List<DutyAssignee> assignees = DutyAssignee.list("shiftId in ?1 order by createdAt", ids);
        Map<UUID, DutyPerson> people = new HashMap<>();
        if (!assignees.isEmpty()) {
            for (DutyPerson p : DutyPerson.<DutyPerson>list("id in ?1",
                    assignees.stream().map(a -> a.personId).collect(Collectors.toSet()))) {
                people.put(p.id, p);
            }
        }
        Map<String, DutyCheckIn> checkIns = new HashMap<>();
        for (DutyCheckIn ci : DutyCheckIn.<DutyCheckIn>list("shiftId in ?1", ids)) {
            checkIns.put(ci.shiftId + ":" + ci.personId, ci);
        }
        Instant now = clock.instant();
        Map<UUID, List<AssigneeView>> byShift = new HashMap<>();
        Map<UUID, DutyShift> shiftById = shifts.stream().collect(Collectors.toMap(s -> s.id, s -> s));
        for (DutyAssignee a : assignees) {
            DutyShift s = shiftById.get(a.shiftId);
            DutyPerson p = people.get(a.personId);
            DutyCheckIn ci = checkIns.get(a.shiftId + ":" + a.personId);
            Integer late = null;
            if (ci != null && ci.checkInAt.isAfter(s.startsAt)) {
                late = (int) Duration.between(s.startsAt, ci.checkInAt).toMinutes();
            } else if (ci == null && now.isAfter(s.startsAt)) {
                late = (int) Duration.between(s.startsAt, now.isBefore(s.endsAt) ? now : s.endsAt).toMinutes();
            }
            boolean missingOut = ci != null && ci.checkOutAt == null && now.isAfter(s.endsAt);
            byShift.computeIfAbsent(a.shiftId, k -> new ArrayList<>()).add(new AssigneeView(p.id, p.name, p.unit, a.source,
                    ci == null ? null : ci.id, ci == null ? null : ci.version, ci == null ? null : odt(ci.checkInAt),
                    ci == null ? null : odt(ci.checkOutAt), late != null && late > 0 ? late : null, missingOut));
        }
        return shifts.stream().map(s -> {
            DutyScope.Post post = posts.get(s.checkpointId);
            return new ShiftView(s.id, s.checkpointId, post.code(), post.name(), s.businessDate, s.kind, odt(s.startsAt),
                    odt(s.endsAt), s.peopleNeeded, s.requiredSkills, byShift.getOrDefault(s.id, List.of()),
                    s.gapAlertId != null, s.gapAlertId, s.version);
        }).toList();
    }

    // ---------------- assignees and rules ----------------

    @Transactional
    public ShiftView addAssignee(UUID shiftId, UUID personId) {
        DutyShift s = manageableShift(shiftId);
        DutyPerson p = scope.person(personId);
        checkAndAssign(s, p, "MANUAL", scope.name());
        return shift(shiftId);
    }

    /**
     * Drag and drop on the board: off one shift and onto another in one transaction. The rules see the
     * person without the old shift; a refusal (422) rolls the removal back, so neither shift changes.
     */
    @Transactional
    public ShiftView moveAssignee(UUID fromShiftId, UUID toShiftId, UUID personId) {
        if (fromShiftId.equals(toShiftId)) {
            throw ApiProblem.invalid("fromShiftId", "must be another shift");
        }
        manageableShift(fromShiftId);
        DutyShift to = manageableShift(toShiftId);
        DutyPerson p = scope.person(personId);
        if (DutyAssignee.delete("shiftId = ?1 and personId = ?2", fromShiftId, personId) == 0) {
            throw ApiProblem.conflict("The person is no longer on the shift they were moved from");
        }
        em.flush();
        checkAndAssign(to, p, "MANUAL", scope.name());
        return shift(toShiftId);
    }

    @Transactional
    public void removeAssignee(UUID shiftId, UUID personId) {
        manageableShift(shiftId);
        long n = DutyAssignee.delete("shiftId = ?1 and personId = ?2", shiftId, personId);
        if (n == 0) {
            throw ApiProblem.notFound("Shift assignee");
        }
    }

    /** Validates with the rules (serialised per person) and records the assignee, or answers 422 with every violation. */
    void checkAndAssign(DutyShift s, DutyPerson p, String source, String actor) {
        if (!p.active) {
            throw ApiProblem.unprocessable("inactive-person", p.name + " is no longer on duty");
        }
        if (!p.communityId.equals(s.communityId)) {
            throw ApiProblem.invalid("personId", "belongs to another community");
        }
        List<DutyRules.Violation> v = violations(s, p);
        if (!v.isEmpty()) {
            throw violation(v);
        }
        DutyAssignee a = new DutyAssignee();
        a.id = UUID.randomUUID();
        a.communityId = s.communityId;
        a.shiftId = s.id;
        a.personId = p.id;
        a.source = source;
        a.createdBy = actor;
        a.createdAt = clock.instant();
        a.persist();
        em.flush();
    }

    List<DutyRules.Violation> violations(DutyShift s, DutyPerson p) {
        // two concurrent changes for one person wait for each other, so neither misses the other's shift
        em.createNativeQuery("select id from duty_person where id = ?1 for update").setParameter(1, p.id).getResultList();
        em.flush();
        List<DutyShift> theirs = personShifts(p.id, s.startsAt.minus(Duration.ofDays(8)), s.endsAt.plus(Duration.ofDays(8)));
        List<DutyRules.Person> on = new ArrayList<>();
        List<UUID> onIds = DutyAssignee.<DutyAssignee>list("shiftId", s.id).stream().map(a -> a.personId).toList();
        if (!onIds.isEmpty()) {
            for (DutyPerson o : DutyPerson.<DutyPerson>list("id in ?1", onIds)) {
                on.add(o.rule());
            }
        }
        return rules().check(p.rule(), s.rule(), theirs.stream().map(DutyShift::rule).toList(), on);
    }

    @SuppressWarnings("unchecked")
    List<DutyShift> personShifts(UUID personId, Instant from, Instant to) {
        return em.createNativeQuery("""
                select s.* from duty_shift s join duty_assignee a on a.shift_id = s.id
                where a.person_id = ?1 and s.ends_at > ?2 and s.starts_at < ?3""", DutyShift.class)
                .setParameter(1, personId).setParameter(2, from).setParameter(3, to).getResultList();
    }

    static ApiProblem violation(List<DutyRules.Violation> v) {
        List<Problem.FieldError> errors = v.stream().map(x -> new Problem.FieldError(x.rule(), x.message())).toList();
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("rules", v.stream().map(DutyRules.Violation::rule).distinct().toList());
        return new ApiProblem(422, "duty-rule-violation", "Duty rule broken",
                v.size() == 1 ? v.get(0).message() : v.size() + " duty rules would be broken", errors, ext, null);
    }

    // ---------------- people on duty ----------------

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<PersonView> people(UUID areaId, String q, String unit, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(
                "select dp.* from duty_person dp join area_node h on h.id = dp.home_area_id where ")
                .append(scope.visiblePersonSql(p));
        if (areaId != null) {
            sql.append(" and h.path like :area");
            p.put("area", scope.area(areaId).path + "%");
        }
        if (q != null && !q.isBlank()) {
            sql.append(" and strpos(lower(dp.name), :q) > 0");
            p.put("q", q.toLowerCase());
        }
        if (unit != null && !unit.isBlank()) {
            sql.append(" and dp.unit = :unit");
            p.put("unit", unit);
        }
        List<String> c = Cursor.decode(cursor, 2);
        if (c != null) {
            sql.append(" and (dp.name, cast(dp.id as text)) > (:cn, :cid)");
            p.put("cn", c.get(0));
            p.put("cid", c.get(1));
        }
        sql.append(" order by dp.name, cast(dp.id as text) limit :lim");
        p.put("lim", lim + 1);
        var query = em.createNativeQuery(sql.toString(), DutyPerson.class);
        p.forEach(query::setParameter);
        List<PersonView> rows = ((List<DutyPerson>) query.getResultList()).stream().map(DutyService::view).toList();
        return Page.of(rows, lim, v -> Cursor.encode(v.name(), v.id().toString()));
    }

    @Transactional
    public PersonView person(UUID id) {
        return view(scope.person(id));
    }

    @Transactional
    public Idempotency.Outcome<PersonView> createPerson(NewPerson req, String key) {
        return idempotency.once(scope.name(), key, "DUTY_PERSON", req, PersonView.class, () -> {
            if (req.id() != null) {
                DutyPerson existing = DutyPerson.findById(req.id());
                if (existing != null) {
                    if (scope.canManagePerson(existing) && existing.name.equals(req.name())) {
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
            if (req.username() != null && DutyPerson.count("username", req.username()) > 0) {
                throw ApiProblem.conflict("Another duty person already has the username '" + req.username() + "'");
            }
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
            p.persist();
            em.flush();
            return new Idempotency.Outcome<>(view(p), p.id, false);
        });
    }

    @Transactional
    public PersonView updatePerson(UUID id, PersonPatch req, String ifMatch) {
        DutyPerson p = scope.person(id);
        if (!scope.canManagePerson(p)) {
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
        p.updatedAt = clock.instant();
        em.flush();
        return view(p);
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

    // ---------------- swaps ----------------

    @Transactional
    public SwapView requestSwap(NewSwap req) {
        DutyShift s = visibleShift(req.shiftId());
        DutyPerson giver = scope.person(req.personId());
        DutyPerson taker = scope.person(req.otherPersonId());
        boolean manager = scope.canManage(scope.posts(List.of(s.checkpointId)).get(s.checkpointId).guardPath());
        if (!scope.isMe(giver) && !manager) {
            throw ApiProblem.forbidden("Only the person on the shift or a leader may offer it for a swap");
        }
        if (giver.id.equals(taker.id)) {
            throw ApiProblem.invalid("otherPersonId", "must be someone else");
        }
        if (DutyAssignee.count("shiftId = ?1 and personId = ?2", s.id, giver.id) == 0) {
            throw ApiProblem.invalid("personId", "is not on this shift");
        }
        if (DutyAssignee.count("shiftId = ?1 and personId = ?2", s.id, taker.id) > 0) {
            throw ApiProblem.invalid("otherPersonId", "is already on this shift");
        }
        if (req.otherShiftId() != null) {
            visibleShift(req.otherShiftId());
            if (DutyAssignee.count("shiftId = ?1 and personId = ?2", req.otherShiftId(), taker.id) == 0) {
                throw ApiProblem.invalid("otherShiftId", "the other person is not on that shift");
            }
        }
        DutySwap w = new DutySwap();
        w.id = UUID.randomUUID();
        w.communityId = s.communityId;
        w.shiftId = s.id;
        w.personId = giver.id;
        w.otherPersonId = taker.id;
        w.otherShiftId = req.otherShiftId();
        w.state = DutySwap.State.REQUESTED;
        w.reason = req.reason();
        w.requestedBy = scope.name();
        w.createdAt = clock.instant();
        w.updatedAt = w.createdAt;
        w.persist();
        em.flush();
        return view(w);
    }

    @Transactional
    public List<SwapView> swaps(DutySwap.State state) {
        List<DutySwap> all = state == null ? DutySwap.list("order by createdAt desc")
                : DutySwap.list("state = ?1 order by createdAt desc", state);
        List<SwapView> out = new ArrayList<>();
        for (DutySwap w : all) {
            if (out.size() >= Cursor.MAX_LIMIT) {
                break;
            }
            if (swapVisible(w)) {
                out.add(view(w));
            }
        }
        return out;
    }

    private boolean swapVisible(DutySwap w) {
        DutyShift s = DutyShift.findById(w.shiftId);
        DutyScope.Post post = scope.posts(List.of(s.checkpointId)).get(s.checkpointId);
        return scope.canSee(post.guardPath()) || scope.me().map(me -> me.id.equals(w.personId) || me.id.equals(w.otherPersonId))
                .orElse(false);
    }

    private DutySwap swap(UUID id) {
        DutySwap w = DutySwap.findById(id);
        if (w == null || !swapVisible(w)) {
            throw ApiProblem.notFound("Swap");
        }
        return w;
    }

    /** The other person agrees (a leader may agree for someone without a login). */
    @Transactional
    public SwapView acceptSwap(UUID id) {
        DutySwap w = swap(id);
        DutyPerson taker = DutyPerson.findById(w.otherPersonId);
        DutyShift s = DutyShift.findById(w.shiftId);
        boolean manager = scope.canManage(scope.posts(List.of(s.checkpointId)).get(s.checkpointId).guardPath());
        if (!scope.isMe(taker) && !(taker.username == null && manager)) {
            throw ApiProblem.forbidden("Only the person asked may accept this swap");
        }
        requireState(w, DutySwap.State.REQUESTED);
        w.state = DutySwap.State.ACCEPTED;
        w.acceptedBy = scope.name();
        w.updatedAt = clock.instant();
        return view(w);
    }

    /** A leader approves an accepted swap: the assignees change, checked by the rules like any change. */
    @Transactional
    public SwapView approveSwap(UUID id) {
        DutySwap w = swap(id);
        DutyShift s = manageableShift(w.shiftId);
        DutyShift other = w.otherShiftId == null ? null : manageableShift(w.otherShiftId);
        requireState(w, DutySwap.State.ACCEPTED);
        DutyPerson giver = DutyPerson.findById(w.personId);
        DutyPerson taker = DutyPerson.findById(w.otherPersonId);
        if (DutyAssignee.delete("shiftId = ?1 and personId = ?2", s.id, giver.id) == 0) {
            throw ApiProblem.conflict("The person is no longer on the shift");
        }
        if (other != null && DutyAssignee.delete("shiftId = ?1 and personId = ?2", other.id, taker.id) == 0) {
            throw ApiProblem.conflict("The other person is no longer on their shift");
        }
        em.flush();
        checkAndAssign(s, taker, "SWAP", scope.name());
        if (other != null) {
            checkAndAssign(other, giver, "SWAP", scope.name());
        }
        w.state = DutySwap.State.APPROVED;
        w.decidedBy = scope.name();
        w.updatedAt = clock.instant();
        return view(w);
    }

    @Transactional
    public SwapView rejectSwap(UUID id) {
        DutySwap w = swap(id);
        DutyShift s = DutyShift.findById(w.shiftId);
        boolean manager = scope.canManage(scope.posts(List.of(s.checkpointId)).get(s.checkpointId).guardPath());
        DutyPerson taker = DutyPerson.findById(w.otherPersonId);
        if (!manager && !scope.isMe(taker)) {
            throw ApiProblem.forbidden("Only the person asked or a leader may reject this swap");
        }
        if (w.state != DutySwap.State.REQUESTED && w.state != DutySwap.State.ACCEPTED) {
            throw ApiProblem.conflict("The swap is already " + w.state);
        }
        w.state = DutySwap.State.REJECTED;
        w.decidedBy = scope.name();
        w.updatedAt = clock.instant();
        return view(w);
    }

    private static void requireState(DutySwap w, DutySwap.State s) {
        if (w.state != s) {
            throw ApiProblem.conflict("The swap is " + w.state + ", not " + s);
        }
    }

    SwapView view(DutySwap w) {
        DutyShift s = DutyShift.findById(w.shiftId);
        DutyShift other = w.otherShiftId == null ? null : DutyShift.findById(w.otherShiftId);
        DutyScope.Post post = scope.posts(List.of(s.checkpointId)).get(s.checkpointId);
        DutyPerson giver = DutyPerson.findById(w.personId);
        DutyPerson taker = DutyPerson.findById(w.otherPersonId);
        return new SwapView(w.id, w.shiftId, w.personId, w.otherPersonId, w.otherShiftId, w.state, w.reason, w.requestedBy,
                w.acceptedBy, w.decidedBy, w.version, giver.name, taker.name, post.code(), post.name(), odt(s.startsAt),
                odt(s.endsAt), other == null ? null : odt(other.startsAt));
    }

    static String json(List<String> l) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(l.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append(']').toString();
    }

    static Set<String> set(List<String> l) {
        return l == null ? Set.of() : Set.copyOf(l);
    }
}
