package org.gridguard.duty.pattern;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Versions;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.pattern.PatternViews.NewPattern;
import org.gridguard.duty.pattern.PatternViews.PatternPatch;
import org.gridguard.duty.pattern.PatternViews.PatternView;

/** How each checkpoint is watched: three 8-hour shifts, day only, or one custom shift a day. */
@ApplicationScoped
public class PatternService {

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    PatternRepository patterns;

    @Transactional
    public List<PatternView> patterns(UUID areaId) {
        String path = areaId == null ? null : scope.area(areaId).path;
        return patterns.visible(path).stream().map(v -> view(v.pattern(), v.post())).toList();
    }

    @Transactional
    public PatternView createPattern(NewPattern req) {
        DutyScope.Post post = scope.post(req.checkpointId());
        scope.requireManage(post.guardPath(), "duty patterns");
        if (patterns.existsFor(req.checkpointId())) {
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
        patterns.persist(p);
        return view(p, post);
    }

    @Transactional
    public PatternView updatePattern(UUID id, PatternPatch req, String ifMatch) {
        PatternRepository.Visible v = patterns.visible(id);
        DutyPattern p = v.pattern();
        scope.requireManage(v.post().guardPath(), "duty patterns");
        Versions.check(p.version, ifMatch, req.version());
        apply(p, req.kind() != null ? req.kind() : p.kind, req.peopleNeeded() != null ? req.peopleNeeded() : p.peopleNeeded,
                req.nightNeeded() != null ? req.nightNeeded() : p.nightNeeded,
                req.requiredSkills() != null ? req.requiredSkills() : p.requiredSkills,
                req.customStart() != null ? req.customStart() : p.customStart == null ? null : p.customStart.toString(),
                req.customEnd() != null ? req.customEnd() : p.customEnd == null ? null : p.customEnd.toString());
        p.updatedAt = clock.instant();
        patterns.flush();
        return view(p, v.post());
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
}
