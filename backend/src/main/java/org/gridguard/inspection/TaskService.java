package org.gridguard.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.TaskKind;
import org.gridguard.inspection.InspectionViews.TaskStatus;
import org.gridguard.inspection.InspectionViews.TaskView;
import org.gridguard.security.Caller;

/** The rectification and first-check tasks: in reach for the reading roles, a responsible user's own for anyone else. */
@ApplicationScoped
public class TaskService {

    @Inject
    TaskRepository repo;
    @Inject
    InspectionService inspections;
    @Inject
    Caller caller;

    /** A list's filters. */
    public record Query(TaskStatus status, PlaceKind placeKind, UUID placeId, UUID areaId, TaskKind kind) {
    }

    @Transactional
    public Page<TaskView> list(Query q, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decodeAtAndId(cursor);
        boolean reader = caller.roles().stream().anyMatch(InspectionService.READERS::contains);
        TaskRepository.Filter f = new TaskRepository.Filter(q.status(), q.placeKind(), q.placeId(),
                inspections.areaPath(q.areaId()), q.kind(), reader ? null : caller.name());
        Instant at = Cursor.at(c);
        return Page.of(repo.page(f, at, Cursor.id(c), lim + 1), lim,
                t -> Cursor.encode(t.dueAt().toString(), t.id().toString()));
    }
}
