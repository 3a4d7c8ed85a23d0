package org.gridguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.common.Versions;
import org.gridguard.security.Caller;
import org.gridguard.testing.TestingViews.NewTask;
import org.gridguard.testing.TestingViews.RoundStatus;
import org.gridguard.testing.TestingViews.TaskKind;
import org.gridguard.testing.TestingViews.TaskOutcome;
import org.gridguard.testing.TestingViews.TaskPerson;
import org.gridguard.testing.TestingViews.TaskStatus;
import org.gridguard.testing.TestingViews.TaskView;

/**
 * The worklist of a round: door-to-door visits (listed when the round opens, or added by hand) and re-tests,
 * with their outcomes. Lists are in the caller's cells ({@link TaskRepository}).
 */
@ApplicationScoped
public class TaskService {

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    RoundRepository rounds;
    @Inject
    TaskRepository tasks;
    @Inject
    CensusPeople census;

    @Transactional
    public Idempotency.Outcome<TaskView> addVisit(UUID roundId, NewTask req) {
        Round r = rounds.visible(roundId);
        if (r.status() == RoundStatus.CLOSED) {
            throw ApiProblem.conflict("The round is closed");
        }
        CensusPeople.HouseholdPlace h = census.household(req.householdId())
                .orElseThrow(() -> ApiProblem.notFound("Household"));
        if (!r.inScope(rounds.area(h.areaId()).path())) {
            throw ApiProblem.unprocessable("not-in-scope", "This household is not in the round's scope");
        }
        UUID id = req.id() == null ? UUID.randomUUID() : req.id();
        Instant now = clock.instant();
        int n = tasks.addVisit(id, roundId, h.id(), caller.name(), now);
        TaskView v = tasks(roundId, TaskKind.DOOR_TO_DOOR, null, null, h.id(), null, null, 1).items().get(0);
        return new Idempotency.Outcome<>(v, v.id(), n == 0);
    }

    @Transactional
    public TaskView outcome(UUID roundId, UUID taskId, TaskOutcome o, String ifMatch) {
        rounds.visible(roundId);
        TaskView t = task(roundId, taskId);
        Versions.check(t.version(), ifMatch, o.version());
        if (o.status() != TaskStatus.DONE && o.status() != TaskStatus.FAILED) {
            throw ApiProblem.invalid("status", "must be DONE or FAILED");
        }
        String reason = o.reason() == null ? null : o.reason().trim();
        if (o.status() == TaskStatus.FAILED && (reason == null || reason.isEmpty())) {
            throw ApiProblem.invalid("reason", "say why the visit failed");
        }
        if (t.status() != TaskStatus.OPEN) {
            throw ApiProblem.conflict("The task is already " + t.status());
        }
        tasks.outcome(taskId, o.status(), reason, caller.name(), clock.instant());
        return task(roundId, taskId);
    }

    TaskView task(UUID roundId, UUID taskId) {
        return tasks(roundId, null, null, null, null, taskId, null, 1).items().stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Task"));
    }

    @Transactional
    public Page<TaskView> tasks(UUID roundId, TaskKind kind, TaskStatus status, UUID cellId, UUID householdId,
            UUID taskId, String cursor, Integer limit) {
        rounds.visible(roundId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 4);
        List<Object[]> rows = tasks.page(roundId, new TaskRepository.Filter(kind, status, cellId, householdId, taskId),
                c, lim);
        Map<UUID, TaskPerson> names = tasks.people(people(rows));
        Map<UUID, String> codes = new HashMap<>();
        List<TaskView> out = new ArrayList<>();
        for (Object[] x : rows) {
            TaskView v = view(x, names);
            codes.put(v.id(), (String) x[18]);
            out.add(v);
        }
        return Page.of(out, lim, v -> Cursor.encode(v.urgent() ? "0" : "1", codes.get(v.id()), v.doorNumber(),
                v.id().toString()));
    }

    /** The residents a page of tasks names (column 7). */
    private static Set<UUID> people(List<Object[]> rows) {
        Set<UUID> people = new TreeSet<>();
        for (Object[] x : rows) {
            for (String s : (String[]) x[7]) {
                if (s != null) {
                    people.add(UUID.fromString(s));
                }
            }
        }
        return people;
    }

    private static TaskView view(Object[] x, Map<UUID, TaskPerson> names) {
        List<TaskPerson> members = new ArrayList<>();
        for (String s : (String[]) x[7]) {
            if (s != null && names.containsKey(UUID.fromString(s))) {
                members.add(names.get(UUID.fromString(s)));
            }
        }
        return new TaskView((UUID) x[0], (UUID) x[1], TaskKind.valueOf((String) x[2]), (UUID) x[3],
                (String) x[4], (String) x[5], (UUID) x[6], members, (UUID) x[8], (Boolean) x[9],
                TaskStatus.valueOf((String) x[10]), (String) x[11], Round.strings(x[12]), (String) x[13],
                (String) x[14], Rows.instant(x[15]), ((Number) x[16]).longValue(), Rows.instant(x[17]));
    }
}
