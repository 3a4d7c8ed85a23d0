package org.gridguard.duty.shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaNode;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.DutySettings;
import org.gridguard.duty.pattern.DutyPattern;
import org.gridguard.duty.pattern.PatternRepository;
import org.gridguard.duty.person.DutyPerson;
import org.gridguard.duty.person.PersonRepository;
import org.gridguard.duty.shift.ShiftViews.AssigneeView;
import org.gridguard.duty.shift.ShiftViews.GenerateShifts;
import org.gridguard.duty.shift.ShiftViews.Generated;
import org.gridguard.duty.shift.ShiftViews.ShiftView;

/** Shifts: generated from the patterns, listed and read with their assignees, check-ins and lateness. */
@ApplicationScoped
public class ShiftService {

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutySettings settings;
    @Inject
    ShiftRepository shifts;
    @Inject
    PatternRepository patterns;
    @Inject
    PersonRepository people;
    @Inject
    CheckInRepository checkIns;

    /** Creates the shifts of every patterned checkpoint in the area for the dates; existing ones are kept. */
    @Transactional
    public Generated generate(GenerateShifts req) {
        AreaNode area = scope.area(req.areaId());
        scope.requireManage(area.path, "duty shifts");
        DutySettings.checkRange(req.from(), req.to());
        List<DutyScope.Post> posts = scope.postsInside(area.path);
        Map<UUID, DutyPattern> byPost = patterns.byCheckpoint(posts.stream().map(DutyScope.Post::id).toList());
        int created = 0;
        int total = 0;
        for (DutyScope.Post post : posts) {
            DutyPattern p = byPost.get(post.id());
            if (p == null) {
                continue;
            }
            for (LocalDate d = req.from(); !d.isAfter(req.to()); d = d.plusDays(1)) {
                for (Object[] s : slotsOf(p, d)) {
                    total++;
                    created += shifts.insertIfAbsent(post.communityId(), post.id(), d, (DutyShift.Kind) s[0],
                            (Instant) s[1], (Instant) s[2], (Integer) s[3], DutySettings.json(p.requiredSkills));
                }
            }
        }
        return new Generated(created, total - created, byPost.size());
    }

    /** [kind, start, end, needed] of the shifts of a pattern on a business date. */
    List<Object[]> slotsOf(DutyPattern p, LocalDate d) {
        ZoneId z = settings.zone();
        List<Object[]> out = new ArrayList<>();
        switch (p.kind) {
            case THREE_SHIFTS -> {
                int night = p.nightNeeded == null ? p.peopleNeeded : p.nightNeeded;
                out.add(new Object[] { DutyShift.Kind.NIGHT, d.atStartOfDay(z).toInstant(), d.atTime(8, 0).atZone(z).toInstant(), night });
                out.add(dayShift(p, d, z));
                out.add(new Object[] { DutyShift.Kind.EVENING, d.atTime(16, 0).atZone(z).toInstant(), d.plusDays(1).atStartOfDay(z).toInstant(), p.peopleNeeded });
            }
            case DAY_ONLY -> out.add(dayShift(p, d, z));
            case CUSTOM -> {
                LocalDate endDay = p.customEnd.isAfter(p.customStart) ? d : d.plusDays(1);
                out.add(new Object[] { DutyShift.Kind.CUSTOM, d.atTime(p.customStart).atZone(z).toInstant(),
                        endDay.atTime(p.customEnd).atZone(z).toInstant(), p.peopleNeeded });
            }
        }
        return out;
    }

    /** The day shift, 8:00 to 16:00, of both the three-shift and the day-only patterns. */
    private static Object[] dayShift(DutyPattern p, LocalDate d, ZoneId z) {
        return new Object[] { DutyShift.Kind.DAY, d.atTime(8, 0).atZone(z).toInstant(),
                d.atTime(16, 0).atZone(z).toInstant(), p.peopleNeeded };
    }

    @Transactional
    public Page<ShiftView> shifts(UUID areaId, UUID checkpointId, LocalDate from, LocalDate to, boolean mine,
            String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        LocalDate f = from != null ? from : LocalDate.now(clock.withZone(settings.zone()));
        LocalDate t = to != null ? to : f.plusDays(6);
        DutySettings.checkRange(f, t);
        String areaPath = areaId == null ? null : scope.area(areaId).path;
        List<ShiftView> views = views(shifts.page(f, t, areaPath, checkpointId, mine, cursor, lim + 1));
        return Page.of(views, lim, v -> Cursor.encode(v.startsAt().toInstant().toString(), v.id().toString()));
    }

    @Transactional
    public ShiftView shift(UUID id) {
        return views(List.of(shifts.visible(id))).get(0);
    }

    List<ShiftView> views(List<DutyShift> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, DutyScope.Post> posts = scope.posts(list.stream().map(s -> s.checkpointId).collect(Collectors.toSet()));
        Map<UUID, List<AssigneeView>> byShift = assignees(list);
        return list.stream().map(s -> {
            DutyScope.Post post = posts.get(s.checkpointId);
            return new ShiftView(s.id, s.checkpointId, post.code(), post.name(), s.businessDate, s.kind,
                    settings.odt(s.startsAt), settings.odt(s.endsAt), s.peopleNeeded, s.requiredSkills,
                    byShift.getOrDefault(s.id, List.of()), s.gapAlertId != null, s.gapAlertId, s.version);
        }).toList();
    }

    /** The assignees of each shift, oldest first, with their check-ins, lateness and missing check-outs. */
    private Map<UUID, List<AssigneeView>> assignees(List<DutyShift> list) {
        List<UUID> ids = list.stream().map(s -> s.id).toList();
        List<DutyAssignee> assignees = shifts.assignees(ids);
        Map<UUID, DutyPerson> byId = new HashMap<>();
        if (!assignees.isEmpty()) {
            for (DutyPerson p : people.unfiltered(assignees.stream().map(a -> a.personId).collect(Collectors.toSet()))) {
                byId.put(p.id, p);
            }
        }
        Map<String, DutyCheckIn> cis = new HashMap<>();
        for (DutyCheckIn ci : checkIns.ofShifts(ids)) {
            cis.put(ci.shiftId + ":" + ci.personId, ci);
        }
        Instant now = clock.instant();
        Map<UUID, DutyShift> shiftById = list.stream().collect(Collectors.toMap(s -> s.id, s -> s));
        Map<UUID, List<AssigneeView>> byShift = new HashMap<>();
        for (DutyAssignee a : assignees) {
            byShift.computeIfAbsent(a.shiftId, k -> new ArrayList<>()).add(assignee(shiftById.get(a.shiftId),
                    byId.get(a.personId), a, cis.get(a.shiftId + ":" + a.personId), now));
        }
        return byShift;
    }

    private AssigneeView assignee(DutyShift s, DutyPerson p, DutyAssignee a, DutyCheckIn ci, Instant now) {
        Integer late = null;
        if (ci != null && ci.checkInAt.isAfter(s.startsAt)) {
            late = (int) Duration.between(s.startsAt, ci.checkInAt).toMinutes();
        } else if (ci == null && now.isAfter(s.startsAt)) {
            late = (int) Duration.between(s.startsAt, now.isBefore(s.endsAt) ? now : s.endsAt).toMinutes();
        }
        boolean missingOut = ci != null && ci.checkOutAt == null && now.isAfter(s.endsAt);
        return new AssigneeView(p.id, p.name, p.unit, a.source, ci == null ? null : ci.id, ci == null ? null : ci.version,
                ci == null ? null : settings.odt(ci.checkInAt), ci == null ? null : settings.odt(ci.checkOutAt),
                late != null && late > 0 ? late : null, missingOut);
    }
}
