package org.gridguard.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Rows;
import org.gridguard.inspection.InspectionRules.Item;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.Severity;
import org.gridguard.inspection.InspectionViews.TemplateItemView;
import org.gridguard.inspection.InspectionViews.TemplateView;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code inspection_template} and {@code inspection_item}. A template is shared (no area: the examples)
 * or a community's: the caller sees it when their reach overlaps its node.
 */
@ApplicationScoped
public class TemplateRepository {

    private static final String COLUMNS = "select t.id, t.template_key, t.version, t.name, t.place_type, t.example, t.retired,"
            + " t.created_at, t.area_id, an.path from inspection_template t left join area_node an on an.id = t.area_id";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** A template version with where it belongs ({@code areaPath} null: shared). */
    record Template(UUID id, UUID key, int version, String name, PlaceType placeType, boolean example, boolean retired,
            Instant createdAt, UUID areaId, String areaPath) {
    }

    /** The template if the caller sees it, else 404. */
    Template visible(UUID id) {
        List<Object[]> rows = Rows.list(em, COLUMNS + " where t.id = :id", Map.of("id", id));
        Template t = rows.isEmpty() ? null : template(rows.get(0));
        if (t == null || !sees(t)) {
            throw ApiProblem.notFound("Inspection template");
        }
        return t;
    }

    /** As {@link #visible}, its row locked (two new versions at once: one wins). */
    Template lockVisible(UUID id) {
        em.createNativeQuery("select 1 from inspection_template where id = ?1 for update").setParameter(1, id).getResultList();
        return visible(id);
    }

    private boolean sees(Template t) {
        return t.areaPath() == null || jurisdiction.isGlobal() || jurisdiction.overlaps(t.areaPath());
    }

    /** The templates the caller sees, by place type and name. */
    List<Template> list(PlaceType placeType, boolean includeRetired) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        if (placeType != null) {
            sql.append(" and t.place_type = :type");
            p.put("type", placeType.name());
        }
        if (!includeRetired) {
            sql.append(" and not t.retired");
        }
        sql.append(" order by t.place_type, t.name, t.version desc");
        return Rows.list(em, sql, p).stream().map(TemplateRepository::template).filter(this::sees).toList();
    }

    /** The items of each template, by position. */
    Map<UUID, List<Item>> items(List<UUID> templateIds) {
        Map<UUID, List<Item>> out = new HashMap<>();
        if (templateIds.isEmpty()) {
            return out;
        }
        for (Object[] r : Rows.list(em, """
                select template_id, id, position, parent_id, text, severity from inspection_item
                where template_id = any(cast(:ids as uuid[])) order by template_id, position""",
                Map.of("ids", templateIds.toArray(UUID[]::new)))) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new Item((UUID) r[1], ((Number) r[2]).intValue(),
                    (UUID) r[3], (String) r[4], Severity.valueOf((String) r[5])));
        }
        return out;
    }

    List<Item> items(UUID templateId) {
        return items(List.of(templateId)).getOrDefault(templateId, List.of());
    }

    void insert(Template t, String actor) {
        em.createNativeQuery("""
                insert into inspection_template (id, template_key, version, name, place_type, example, retired, area_id,
                created_by, created_at) values (?1, ?2, ?3, ?4, ?5, false, false, ?6, ?7, ?8)""")
                .setParameter(1, t.id()).setParameter(2, t.key()).setParameter(3, t.version()).setParameter(4, t.name())
                .setParameter(5, t.placeType().name()).setParameter(6, t.areaId()).setParameter(7, actor)
                .setParameter(8, t.createdAt()).executeUpdate();
    }

    void insertItem(UUID templateId, Item it) {
        em.createNativeQuery("""
                insert into inspection_item (id, template_id, position, parent_id, text, severity)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, it.id()).setParameter(2, templateId).setParameter(3, it.position())
                .setParameter(4, it.parentId()).setParameter(5, it.text()).setParameter(6, it.severity().name())
                .executeUpdate();
    }

    /** The path of an area node, or null. */
    String areaPath(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
    }

    void retire(UUID id) {
        em.createNativeQuery("update inspection_template set retired = true where id = ?1").setParameter(1, id).executeUpdate();
    }

    static TemplateView view(Template t, List<Item> items) {
        return new TemplateView(t.id(), t.key(), t.version(), t.name(), t.placeType(), t.example(), t.retired(), t.createdAt(),
                items.stream().map(i -> new TemplateItemView(i.id(), i.position(), i.parentId(), i.text(), i.severity()))
                        .toList());
    }

    private static Template template(Object[] r) {
        return new Template((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3],
                PlaceType.valueOf((String) r[4]), (Boolean) r[5], (Boolean) r[6], Rows.instant(r[7]), (UUID) r[8],
                (String) r[9]);
    }
}
