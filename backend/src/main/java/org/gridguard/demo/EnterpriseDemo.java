package org.gridguard.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gridguard.enterprise.EnterpriseRules;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.PiiCipher;

/**
 * The demo's register of enterprises resuming work: ten shops, offices and workshops in the first community's
 * compounds, with valid credit codes (GB 32100-2015); two resume today (the inspectors' first checks), others resumed
 * earlier, are still pending or are suspended.
 */
final class EnterpriseDemo {

    /** One demo enterprise: the first 17 characters of its code, where it is, and when it resumes (days from today). */
    record Row(String code17, String name, String kind, String area, String address, String contact, String phone,
            int employees, Integer resumedInDays, String status) {
    }

    static final List<Row> ROWS = List.of(
            new Row("91330106MA2CDE001", "燕泉惠民超市", "SHOP", "XQ01", "燕泉路12号", "王建国", "13800138001", 8, 0, "RESUMED"),
            new Row("91330106MA2CDE002", "迎春农贸市场", "MARKET", "XQ02", "迎春路88号", "李秀英", "13800138002", 45, 0, "RESUMED"),
            new Row("91330106MA2CDE003", "燕泉科技园", "INDUSTRIAL_PARK", "XQ03", "科技路1号", "张伟", "13800138003", 320, -3,
                    "RESUMED"),
            new Row("91330106MA2CDE004", "华兴服装厂", "FACTORY", "XQ05", "工业巷6号", "刘洋", "13800138004", 120, -5, "RESUMED"),
            new Row("91330106MA2CDE005", "安居房产中介", "OFFICE", "XQ01-B02", "2栋底商", "陈静", "13800138005", 6, -1,
                    "RESUMED"),
            new Row("91330106MA2CDE006", "同仁大药房", "SHOP", "XQ06", "同仁街3号", "杨帆", "13800138006", 5, -7, "RESUMED"),
            new Row("91330106MA2CDE007", "鑫达汽修厂", "FACTORY", "XQ07", "南环路20号", "赵磊", "13800138007", 15, 2, "PENDING"),
            new Row("91330106MA2CDE008", "好运来餐馆", "SHOP", "XQ09", "美食街9号", "黄丽", "13800138008", 12, 3, "PENDING"),
            new Row("91330106MA2CDE009", "星光文化传媒", "OFFICE", "XQ10", "文化路5号", "周敏", "13800138009", 25, null,
                    "PENDING"),
            new Row("91330106MA2CDE010", "宏达建材市场", "MARKET", "XQ11", "建材路30号", "吴强", "13800138010", 60, -2,
                    "SUSPENDED"));

    private EnterpriseDemo() {
    }

    static void load(Connection c, DemoCommunity d, PiiCipher pii, LocalDate today, Instant now) throws SQLException {
        UUID community = d.id("BH-C001");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into enterprise (id, community_id, area_id, name, credit_code, kind, address, contact_name,
                  phone_cipher, phone_hmac, phone_mask, employees, resumed_on, status, created_by, created_at, updated_by,
                  updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, 'demo', ?)
                on conflict do nothing""")) {
            for (Row r : ROWS) {
                String code = r.code17() + EnterpriseRules.checkCharacter(r.code17());
                Object[] values = { d.id("ENTERPRISE-" + code), community, d.id("BH-C001-" + r.area()), r.name(), code,
                        r.kind(), r.address(), r.contact(), pii.encrypt(r.phone()), pii.hmac("PHONE", r.phone()),
                        IdentityRules.maskPhone(r.phone()), r.employees(),
                        r.resumedInDays() == null ? null : java.sql.Date.valueOf(today.plusDays(r.resumedInDays())),
                        r.status(), Timestamp.from(now), Timestamp.from(now) };
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
