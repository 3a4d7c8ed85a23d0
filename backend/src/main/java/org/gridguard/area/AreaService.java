package org.gridguard.area;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaViews.ChangeView;
import org.gridguard.area.AreaViews.CheckpointPatch;
import org.gridguard.area.AreaViews.CheckpointView;
import org.gridguard.area.AreaViews.Counts;
import org.gridguard.area.AreaViews.GridCellView;
import org.gridguard.area.AreaViews.NewCheckpoint;
import org.gridguard.area.AreaViews.NewNode;
import org.gridguard.area.AreaViews.NodePatch;
import org.gridguard.area.AreaViews.NodeView;
import org.gridguard.area.AreaViews.TreeNode;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.ChangeHistory;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Versions;
import org.gridguard.security.AssignmentService;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The area hierarchy and its checkpoints: who may see and change which nodes, with a change history of
 * every rename, move and edit. Admins shape the whole tree; supervisors and leaders only below their nodes.
 */
@ApplicationScoped
public class AreaService {

    public static final String ENTITY_AREA = "AREA_NODE";
    public static final String ENTITY_CHECKPOINT = "CHECKPOINT";

    @Inject
    AreaRepository areas;
    @Inject
    CheckpointRepository checkpoints;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    ChangeLog changes;
    @Inject
    Idempotency idempotency;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    Instance<AreaCensus> census;
    @Inject
    Instance<AreaReferences> references;
    @Inject
    AssignmentService assignments;

    // ---------- reads ----------

    @Transactional
    public NodeView get(UUID id) {
        return NodeView.of(areas.visible(id).orElseThrow(() -> ApiProblem.notFound("Area node")));
    }

    @Transactional
    public Page<NodeView> list(AreaKind kind, UUID parentId, String q, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        List<NodeView> rows = areas.list(kind, parentId, q, c == null ? null : c.get(0), lim).stream()
                .map(NodeView::of).toList();
        return Page.of(rows, lim, v -> Cursor.encode(v.code()));
    }

    @Transactional
    public List<TreeNode> tree(UUID rootId, AreaKind maxKind) {
        String rootPath = null;
        if (rootId != null) {
            rootPath = areas.visible(rootId).orElseThrow(() -> ApiProblem.notFound("Area node")).path;
        }
        int cap = 5000;
        List<AreaNode> nodes = areas.tree(rootPath, maxKind == null ? AreaKind.BUILDING : maxKind, cap);
        if (nodes.size() > cap) {
            throw ApiProblem.unprocessable("tree-too-large",
                    "More than " + cap + " nodes: narrow the tree with rootId or maxKind");
        }
        Map<UUID, List<AreaNode>> byParent = new HashMap<>();
        Set<UUID> present = new java.util.HashSet<>();
        for (AreaNode n : nodes) {
            present.add(n.id);
        }
        List<AreaNode> roots = new ArrayList<>();
        for (AreaNode n : nodes) {
            if (n.parentId == null || !present.contains(n.parentId)) {
                roots.add(n);
            } else {
                byParent.computeIfAbsent(n.parentId, k -> new ArrayList<>()).add(n);
            }
        }
        return roots.stream().map(r -> build(r, byParent)).toList();
    }

    private TreeNode build(AreaNode n, Map<UUID, List<AreaNode>> byParent) {
        List<AreaNode> kids = byParent.getOrDefault(n.id, List.of());
        List<TreeNode> children = kids.stream()
                .sorted((a, b) -> a.code.compareTo(b.code)).map(k -> build(k, byParent)).toList();
        return new TreeNode(n.id, n.kind, n.code, n.name, n.compoundType, !jurisdiction.covers(n.path), children);
    }

    @Transactional
    public List<ChangeView> history(UUID id, String subjectType) {
        if (subjectType.equals("AREA_NODE")) {
            areas.visible(id).orElseThrow(() -> ApiProblem.notFound("Area node"));
        } else {
            checkpoints.visible(id).orElseThrow(() -> ApiProblem.notFound("Checkpoint"));
        }
        List<Object[]> rows = areas.changes(id);
        return ChangeHistory.entries(rows, json, ChangeView::new);
    }

    // ---------- writes ----------

    /** Admin anywhere; supervisors and leaders below their own nodes. */
    void requireWritableParent(AreaNode parent) {
        if (caller.isAdmin()) {
            return;
        }
        if (parent == null || !jurisdiction.coversAs(parent.path, List.of(Roles.SUPERVISOR, Roles.LEADER))) {
            throw ApiProblem.notFound("Parent area node");
        }
    }

    void requireWritable(AreaNode node) {
        if (caller.isAdmin()) {
            return;
        }
        // supervisors and leaders edit strictly below their assigned node, never the node itself
        boolean ok = jurisdiction.scopes().stream().anyMatch(s -> (s.role().equals(Roles.SUPERVISOR)
                || s.role().equals(Roles.LEADER)) && node.path.startsWith(s.path()) && !node.path.equals(s.path()));
        if (!ok) {
            if (jurisdiction.overlaps(node.path)) {
                throw ApiProblem.forbidden("You may change only the areas below your own");
            }
            throw ApiProblem.notFound("Area node");
        }
    }

    @Transactional
    public Idempotency.Outcome<NodeView> create(NewNode req, String idempotencyKey) {
        return idempotency.once(caller.name(), idempotencyKey, ENTITY_AREA, req, NodeView.class, () -> doCreate(req));
    }

    private Idempotency.Outcome<NodeView> doCreate(NewNode req) {
        if (req.id() != null) {
            AreaNode existing = areas.findById(req.id());
            if (existing != null) {
                if (jurisdiction.overlaps(existing.path) && existing.code.equals(req.code())
                        && existing.kind == req.kind()) {
                    return new Idempotency.Outcome<>(NodeView.of(existing), existing.id, true);
                }
                throw ApiProblem.conflict("An area node with this id already exists");
            }
        }
        AreaNode parent = writableParent(req);
        checkCompoundType(req.kind(), req.compoundType());
        if (areas.codeTaken(req.code(), null)) {
            throw ApiProblem.conflict("The code '" + req.code() + "' is already used by another area node");
        }
        AreaNode n = newNode(req, parent);
        areas.persist(n);
        areas.flush();
        if (n.kind == AreaKind.COMMUNITY) {
            areas.communitiesChanged();
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", n.kind.name());
        c.put("code", n.code);
        c.put("name", n.name);
        c.put("parentId", String.valueOf(n.parentId));
        history("AREA_NODE", n.id, "CREATE", c);
        changes.record(ENTITY_AREA, n.id, n.communityId, n.path, ChangeLog.Op.UPSERT);
        return new Idempotency.Outcome<>(NodeView.of(n), n.id, false);
    }

    /** The parent a new node goes under (null for a district), checked against its kind and the caller's rights. */
    private AreaNode writableParent(NewNode req) {
        AreaNode parent = null;
        if (req.kind().parentKind() != null) {
            if (req.parentId() == null) {
                throw ApiProblem.invalid("parentId", "is required for a " + req.kind());
            }
            parent = areas.findByIdOptional(req.parentId()).filter(n -> jurisdiction.overlaps(n.path))
                    .orElseThrow(() -> ApiProblem.invalid("parentId", "no such area node"));
            if (parent.kind != req.kind().parentKind()) {
                throw ApiProblem.invalid("parentId",
                        "a " + req.kind() + " belongs under a " + req.kind().parentKind() + ", not a " + parent.kind);
            }
        } else if (req.parentId() != null) {
            throw ApiProblem.invalid("parentId", "a DISTRICT has no parent");
        }
        if (parent == null) {
            if (!caller.isAdmin()) {
                throw ApiProblem.forbidden("Only admins create districts");
            }
        } else {
            requireWritableParent(parent);
        }
        return parent;
    }

    private AreaNode newNode(NewNode req, AreaNode parent) {
        AreaNode n = new AreaNode();
        n.id = req.id() != null ? req.id() : UUID.randomUUID();
        n.kind = req.kind();
        n.code = req.code().trim();
        n.name = req.name().trim();
        n.parentId = parent == null ? null : parent.id;
        n.path = (parent == null ? "/" : parent.path) + n.id + "/";
        n.communityId = n.kind == AreaKind.COMMUNITY ? n.id : parent == null ? null : parent.communityId;
        n.compoundType = req.compoundType();
        n.createdAt = clock.instant();
        n.updatedAt = n.createdAt;
        return n;
    }

    private static void checkCompoundType(AreaKind kind, CompoundType type) {
        if (kind == AreaKind.COMPOUND && type == null) {
            throw ApiProblem.invalid("compoundType", "is required for a compound (MANAGED, UNMANAGED or UNIT_COURTYARD)");
        }
        if (kind != AreaKind.COMPOUND && type != null) {
            throw ApiProblem.invalid("compoundType", "applies only to compounds");
        }
    }

    @Transactional
    public NodeView update(UUID id, NodePatch patch, String ifMatch) {
        AreaNode n = areas.findByIdOptional(id).filter(x -> jurisdiction.overlaps(x.path))
                .orElseThrow(() -> ApiProblem.notFound("Area node"));
        requireWritable(n);
        Versions.check(n.version, ifMatch, patch.version());
        Map<String, Object> diff = new LinkedHashMap<>();
        if (patch.code() != null && !patch.code().trim().equals(n.code)) {
            if (areas.codeTaken(patch.code().trim(), n.id)) {
                throw ApiProblem.conflict("The code '" + patch.code() + "' is already used by another area node");
            }
            diff.put("code", Map.of("old", n.code, "new", patch.code().trim()));
            n.code = patch.code().trim();
        }
        if (patch.name() != null && !patch.name().trim().equals(n.name)) {
            diff.put("name", Map.of("old", n.name, "new", patch.name().trim()));
            n.name = patch.name().trim();
        }
        if (patch.compoundType() != null && patch.compoundType() != n.compoundType) {
            checkCompoundType(n.kind, patch.compoundType());
            diff.put("compoundType", Map.of("old", String.valueOf(n.compoundType), "new", patch.compoundType().name()));
            n.compoundType = patch.compoundType();
        }
        if (patch.parentId() != null && !patch.parentId().equals(n.parentId)) {
            move(n, patch.parentId(), diff);
        }
        if (diff.isEmpty()) {
            return NodeView.of(n);
        }
        n.updatedAt = clock.instant();
        areas.flush();
        history("AREA_NODE", n.id, diff.containsKey("parentId") ? "MOVE" : "UPDATE", diff);
        changes.record(ENTITY_AREA, n.id, n.communityId, n.path, ChangeLog.Op.UPSERT);
        return NodeView.of(n);
    }

    /** Moves a node (and its subtree) under another parent, noting it in {@code diff}. */
    private void move(AreaNode n, UUID parentId, Map<String, Object> diff) {
        AreaNode parent = areas.findByIdOptional(parentId).filter(x -> jurisdiction.overlaps(x.path))
                .orElseThrow(() -> ApiProblem.invalid("parentId", "no such area node"));
        if (parent.kind != n.kind.parentKind()) {
            throw ApiProblem.invalid("parentId", "a " + n.kind + " belongs under a " + n.kind.parentKind());
        }
        if (parent.path.startsWith(n.path)) {
            throw ApiProblem.invalid("parentId", "a node cannot move below itself");
        }
        if (n.kind.inCommunity() && n.kind != AreaKind.COMMUNITY
                && !Objects.equals(parent.communityId, n.communityId)) {
            throw ApiProblem.conflict("Moving a node to another community is not supported: its records belong to its community");
        }
        requireWritableParent(parent);
        String oldPath = n.path;
        String newPath = parent.path + n.id + "/";
        diff.put("parentId", Map.of("old", String.valueOf(n.parentId), "new", parent.id.toString()));
        n.parentId = parent.id;
        areas.flush();
        areas.movePaths(oldPath, newPath);
        areas.reload(n);
        n.parentId = parent.id;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        AreaNode n = areas.findByIdOptional(id).filter(x -> jurisdiction.overlaps(x.path))
                .orElseThrow(() -> ApiProblem.notFound("Area node"));
        requireWritable(n);
        if (ifMatch != null) {
            Versions.check(n.version, ifMatch, null);
        }
        if (areas.countChildren(id) > 0) {
            throw ApiProblem.conflict("This area still has child areas; move or delete them first");
        }
        if (checkpoints.countGuarding(id) > 0) {
            throw ApiProblem.conflict("Checkpoints still guard this area; move or delete them first");
        }
        if (assignments.anyAssignedAt(id)) {
            throw ApiProblem.conflict("People are still assigned to this area; remove the assignments first");
        }
        for (AreaReferences r : references) {
            r.whyKept(n.id, n.path).ifPresent(why -> {
                throw ApiProblem.conflict(why);
            });
        }
        for (AreaCensus c : census) {
            if (c.hasPeople(n.path)) {
                throw ApiProblem.conflict("Households or residents are still registered in this area");
            }
        }
        history("AREA_NODE", n.id, "DELETE", Map.of("code", n.code, "name", n.name));
        changes.record(ENTITY_AREA, n.id, n.communityId, n.path, ChangeLog.Op.DELETE);
        areas.delete(n);
        if (n.kind == AreaKind.COMMUNITY) {
            areas.communitiesChanged();
        }
    }

    private void history(String subjectType, UUID id, String action, Map<String, Object> diff) {
        try {
            areas.recordChange(subjectType, id, caller.name(), clock.instant(), action, json.writeValueAsString(diff));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------- grid cells ----------

    @Transactional
    public Page<GridCellView> gridCells(UUID parentId, String q, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        List<AreaNode> rows = areas.list(AreaKind.GRID_CELL, parentId, q, c == null ? null : c.get(0), lim);
        List<GridCellView> views = gridCellViews(rows);
        return Page.of(views, lim, v -> Cursor.encode(v.code()));
    }

    @Transactional
    public GridCellView gridCell(UUID id) {
        AreaNode n = areas.covered(id).filter(x -> x.kind == AreaKind.GRID_CELL)
                .orElseThrow(() -> ApiProblem.notFound("Grid cell"));
        return gridCellViews(List.of(n)).get(0);
    }

    List<GridCellView> gridCellViews(List<AreaNode> cells) {
        List<UUID> ids = cells.stream().map(n -> n.id).toList();
        Set<UUID> parentIds = new java.util.HashSet<>();
        for (AreaNode n : cells) {
            parentIds.add(n.parentId);
            parentIds.add(n.communityId);
        }
        Map<UUID, AreaNode> parents = areas.byIds(parentIds);
        Map<UUID, long[]> structure = areas.structureCounts(ids);
        Map<UUID, Long> cps = areas.checkpointCounts(ids);
        Map<UUID, List<String>> leaders = areas.principalsByCell(ids, Roles.LEADER, true);
        Map<UUID, List<String>> workers = areas.principalsByCell(ids, Roles.WORKER, false);
        Map<UUID, AreaCensus.Counts> people = census.isResolvable() ? census.get().countsByGridCell(ids) : null;
        List<GridCellView> out = new ArrayList<>();
        for (AreaNode n : cells) {
            long[] s = structure.getOrDefault(n.id, new long[2]);
            AreaCensus.Counts pc = people == null ? null : people.getOrDefault(n.id, new AreaCensus.Counts(0, 0));
            AreaNode zone = parents.get(n.parentId);
            AreaNode community = parents.get(n.communityId);
            out.add(new GridCellView(n.id, n.code, n.name, n.parentId, zone == null ? null : zone.name, n.communityId,
                    community == null ? null : community.name, leaders.getOrDefault(n.id, List.of()),
                    workers.getOrDefault(n.id, List.of()),
                    new Counts(s[0], s[1], cps.getOrDefault(n.id, 0L), pc == null ? null : pc.households(),
                            pc == null ? null : pc.residents()),
                    n.version));
        }
        return out;
    }

    // ---------- checkpoints ----------

    @Transactional
    public Page<CheckpointView> checkpoints(UUID areaId, String cursor, Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 1);
        String areaPath = null;
        if (areaId != null) {
            areaPath = areas.visible(areaId).orElseThrow(() -> ApiProblem.notFound("Area node")).path;
        }
        List<Checkpoint> rows = checkpoints.list(areaPath, c == null ? null : c.get(0), lim);
        return Page.of(checkpointViews(rows), lim, v -> Cursor.encode(v.code()));
    }

    @Transactional
    public CheckpointView checkpoint(UUID id) {
        return checkpointViews(List.of(checkpoints.visible(id).orElseThrow(() -> ApiProblem.notFound("Checkpoint"))))
                .get(0);
    }

    List<CheckpointView> checkpointViews(List<Checkpoint> list) {
        Map<UUID, AreaNode> guarded = areas.byIds(list.stream().map(c -> c.guardsNodeId).toList());
        return list.stream().map(c -> new CheckpointView(c.id, c.code, c.name, c.kind, c.watched24h, c.guardsNodeId,
                guarded.containsKey(c.guardsNodeId) ? guarded.get(c.guardsNodeId).name : null, c.communityId,
                c.version)).toList();
    }

    private AreaNode guardable(UUID nodeId) {
        AreaNode g = areas.findByIdOptional(nodeId).filter(x -> jurisdiction.overlaps(x.path))
                .orElseThrow(() -> ApiProblem.invalid("guardsNodeId", "no such area node"));
        if (g.kind != AreaKind.COMPOUND && g.kind != AreaKind.COMMUNITY) {
            throw ApiProblem.invalid("guardsNodeId", "a checkpoint guards a compound or a community");
        }
        if (!caller.isAdmin() && !jurisdiction.coversAs(g.path, List.of(Roles.SUPERVISOR, Roles.LEADER))) {
            throw ApiProblem.forbidden("You may manage checkpoints only in your own area");
        }
        return g;
    }

    @Transactional
    public Idempotency.Outcome<CheckpointView> createCheckpoint(NewCheckpoint req, String key) {
        return idempotency.once(caller.name(), key, ENTITY_CHECKPOINT, req, CheckpointView.class, () -> {
            if (req.id() != null) {
                Checkpoint existing = checkpoints.findById(req.id());
                if (existing != null) {
                    if (existing.code.equals(req.code())) {
                        return new Idempotency.Outcome<>(checkpoint(existing.id), existing.id, true);
                    }
                    throw ApiProblem.conflict("A checkpoint with this id already exists");
                }
            }
            AreaNode g = guardable(req.guardsNodeId());
            if (checkpoints.codeTaken(req.code().trim(), null)) {
                throw ApiProblem.conflict("The code '" + req.code() + "' is already used by another checkpoint");
            }
            Checkpoint c = new Checkpoint();
            c.id = req.id() != null ? req.id() : UUID.randomUUID();
            c.code = req.code().trim();
            c.name = req.name().trim();
            c.kind = req.kind();
            c.watched24h = Boolean.TRUE.equals(req.watched24h());
            c.guardsNodeId = g.id;
            c.communityId = g.communityId;
            c.createdAt = clock.instant();
            c.updatedAt = c.createdAt;
            checkpoints.persist(c);
            checkpoints.flush();
            history("CHECKPOINT", c.id, "CREATE", Map.of("code", c.code, "name", c.name, "guardsNodeId", g.id.toString()));
            changes.record(ENTITY_CHECKPOINT, c.id, c.communityId, g.path, ChangeLog.Op.UPSERT);
            return new Idempotency.Outcome<>(checkpointViews(List.of(c)).get(0), c.id, false);
        });
    }

    @Transactional
    public CheckpointView updateCheckpoint(UUID id, CheckpointPatch patch, String ifMatch) {
        Checkpoint c = checkpoints.visible(id).orElseThrow(() -> ApiProblem.notFound("Checkpoint"));
        AreaNode current = guardable(c.guardsNodeId);
        Versions.check(c.version, ifMatch, patch.version());
        Map<String, Object> diff = new LinkedHashMap<>();
        if (patch.code() != null && !patch.code().trim().equals(c.code)) {
            if (checkpoints.codeTaken(patch.code().trim(), c.id)) {
                throw ApiProblem.conflict("The code '" + patch.code() + "' is already used by another checkpoint");
            }
            diff.put("code", Map.of("old", c.code, "new", patch.code().trim()));
            c.code = patch.code().trim();
        }
        if (patch.name() != null && !patch.name().trim().equals(c.name)) {
            diff.put("name", Map.of("old", c.name, "new", patch.name().trim()));
            c.name = patch.name().trim();
        }
        if (patch.kind() != null && patch.kind() != c.kind) {
            diff.put("kind", Map.of("old", c.kind.name(), "new", patch.kind().name()));
            c.kind = patch.kind();
        }
        if (patch.watched24h() != null && patch.watched24h() != c.watched24h) {
            diff.put("watched24h", Map.of("old", c.watched24h, "new", patch.watched24h()));
            c.watched24h = patch.watched24h();
        }
        AreaNode g = current;
        if (patch.guardsNodeId() != null && !patch.guardsNodeId().equals(c.guardsNodeId)) {
            g = guardable(patch.guardsNodeId());
            if (!Objects.equals(g.communityId, c.communityId)) {
                throw ApiProblem.conflict("A checkpoint cannot move to another community");
            }
            diff.put("guardsNodeId", Map.of("old", c.guardsNodeId.toString(), "new", g.id.toString()));
            c.guardsNodeId = g.id;
        }
        if (!diff.isEmpty()) {
            c.updatedAt = clock.instant();
            checkpoints.flush();
            history("CHECKPOINT", c.id, diff.containsKey("guardsNodeId") ? "MOVE" : "UPDATE", diff);
            changes.record(ENTITY_CHECKPOINT, c.id, c.communityId, g.path, ChangeLog.Op.UPSERT);
        }
        return checkpointViews(List.of(c)).get(0);
    }

    @Transactional
    public void deleteCheckpoint(UUID id, String ifMatch) {
        Checkpoint c = checkpoints.visible(id).orElseThrow(() -> ApiProblem.notFound("Checkpoint"));
        AreaNode g = guardable(c.guardsNodeId);
        if (ifMatch != null) {
            Versions.check(c.version, ifMatch, null);
        }
        history("CHECKPOINT", c.id, "DELETE", Map.of("code", c.code, "name", c.name));
        changes.record(ENTITY_CHECKPOINT, c.id, c.communityId, g.path, ChangeLog.Op.DELETE);
        checkpoints.delete(c);
    }
}
