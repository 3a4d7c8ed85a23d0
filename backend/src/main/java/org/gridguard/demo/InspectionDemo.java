package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.PiiCipher;

/**
 * A few past inspections of the first community with the shared example templates (V26), so that the place pages and
 * the findings board show something: 燕泉 compound passed three days ago and failed one minor item yesterday (its
 * rectification task is open), 燕泉科技园 checked the day it resumed.
 */
final class InspectionDemo {

    private static final String COMPOUND_TEMPLATE = "19000000-0000-4000-8000-001000000000";
    private static final String ENTERPRISE_TEMPLATE = "19000000-0000-4000-8000-003000000000";
    /** A 1×1 PNG: the drawn signature of the demo. */
    private static final byte[] SIGNATURE = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** One demo inspection: where, with which template, when (days ago), and which item position fails (0: none). */
    private record Row(String key, String placeKind, UUID placeId, String placeName, String placeType, UUID areaId,
            String template, int daysAgo, int failing) {
    }

    private InspectionDemo() {
    }

    static void load(Connection c, DemoCommunity d, PiiCipher pii, LocalDate today, ZoneId zone) throws SQLException {
        UUID compound = d.id("BH-C001-XQ01");
        UUID park = d.id("ENTERPRISE-91330106MA2CDE003" + org.gridguard.enterprise.EnterpriseRules.checkCharacter("91330106MA2CDE003"));
        Row[] rows = { new Row("INSPECTION-1", "AREA", compound, "燕泉小区", "COMPOUND", compound, COMPOUND_TEMPLATE, 3, 0),
                new Row("INSPECTION-2", "AREA", compound, "燕泉小区", "COMPOUND", compound, COMPOUND_TEMPLATE, 1, 4),
                new Row("INSPECTION-3", "ENTERPRISE", park, "燕泉科技园", "ENTERPRISE", d.id("BH-C001-XQ03"), ENTERPRISE_TEMPLATE,
                        3, 0) };
        for (Row r : rows) {
            Instant at = today.minusDays(r.daysAgo()).atTime(10, 0).atZone(zone).toInstant();
            inspection(c, d.id(r.key()), r, at, pii);
        }
    }

    private static void inspection(Connection c, UUID id, Row r, Instant at, PiiCipher pii) throws SQLException {
        String phone = "13900139001";
        exec(c, """
                insert into inspection (id, place_kind, place_id, place_name, place_type, area_id, template_id, inspector,
                inspected_at, result, signer_name, signer_phone_enc, signer_phone_masked) select ?, ?, ?,
                coalesce((select name from area_node where id = ?), ?), ?, ?, ?, 'inspector1', ?, ?, '王建国', ?, ?
                on conflict do nothing""", id, r.placeKind(), r.placeId(), r.placeId(), r.placeName(), r.placeType(), r.areaId(),
                UUID.fromString(r.template()), Timestamp.from(at), r.failing() == 0 ? "PASSED" : "FAILED",
                pii.encrypt(phone), IdentityRules.maskPhone(phone));
        exec(c, "insert into inspection_signature (inspection_id, content_type, bytes) values (?, 'image/png', ?)"
                + " on conflict do nothing", id, SIGNATURE);
        exec(c, """
                insert into inspection_answer (inspection_id, item_id, result, reason, responsible_name)
                select ?, it.id, case when it.position = ? then 'FAIL' else 'PASS' end,
                       case when it.position = ? then '消毒记录未及时填写' end, case when it.position = ? then '物业 王建国' end
                from inspection_item it where it.template_id = ? on conflict do nothing""", id, r.failing(), r.failing(),
                r.failing(), UUID.fromString(r.template()));
        if (r.failing() > 0) {
            exec(c, """
                    insert into inspection_task (id, kind, place_kind, place_id, place_name, area_id, item_id, reason,
                    responsible_name, due_at, status, opened_by)
                    select ?, 'RECTIFY', i.place_kind, i.place_id, i.place_name, i.area_id, a.item_id, a.reason,
                           a.responsible_name, ?, 'OPEN', i.id
                    from inspection i join inspection_answer a on a.inspection_id = i.id
                    where i.id = ? and a.result = 'FAIL' on conflict do nothing""",
                    UUID.nameUUIDFromBytes(("task-" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    Timestamp.from(at.plus(Duration.ofHours(72))), id);
        }
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
