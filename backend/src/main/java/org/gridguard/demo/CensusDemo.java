package org.gridguard.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.security.pii.IdentityRules;

/**
 * Fills the demo city with households and residents: realistic Chinese names, valid but fake ID numbers
 * (checksummed, real birth dates) and mobile numbers, categories in the field reports' proportions. About
 * 2,700 households and 6,800 residents per community; the second community of every ten is an outbreak
 * area (about 39% close contacts, as in one report: 1,295 of 3,342). Written with COPY in the caller's
 * transaction, so the demo stays "loaded once per seed".
 */
@ApplicationScoped
public class CensusDemo {

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强文斌海燕玉兰晓东春梅小红丹宇浩然子涵雨欣思远嘉怡梓轩诗琪俊杰欣怡佳豪一鸣婷婷";
    static final String[] REGIONS = { "431002", "431002", "431002", "431003", "431003", "431021", "431081", "431022",
            "430102", "430104", "430602", "440305", "360502", "450305", "420106", "110105" };
    static final String[] RETURN_FROM = { "武汉市", "长沙市", "广州市", "深圳市", "上海市", "东莞市" };

    @Inject
    PiiCipher pii;

    public record Summary(long households, long residents) {
    }

    public Summary load(Connection c, DemoCommunity d, long seed) throws SQLException, IOException {
        Map<UUID, List<DemoCommunity.Node>> children = new HashMap<>();
        List<DemoCommunity.Node> communities = new ArrayList<>();
        for (DemoCommunity.Node n : d.nodes) {
            if (n.parentId() != null) {
                children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
            }
            if (n.kind().equals("COMMUNITY")) {
                communities.add(n);
            }
        }
        long hh = 0, res = 0;
        for (int ci = 0; ci < communities.size(); ci++) {
            long[] r = community(c, d, communities.get(ci), children, new Random(seed * 31 + ci), ci % 10 == 1);
            hh += r[0];
            res += r[1];
        }
        return new Summary(hh, res);
    }

    private long[] community(Connection c, DemoCommunity d, DemoCommunity.Node community,
            Map<UUID, List<DemoCommunity.Node>> children, Random rnd, boolean outbreak) throws SQLException, IOException {
        StringWriter households = new StringWriter();
        StringWriter residents = new StringWriter();
        HexFormat hex = HexFormat.of();
        Set<String> ids = new HashSet<>();
        LocalDate today = LocalDate.of(2022, 4, 5);
        long hhCount = 0, resCount = 0;
        try (CSVPrinter hp = new CSVPrinter(households, CSVFormat.DEFAULT);
                CSVPrinter rp = new CSVPrinter(residents, CSVFormat.DEFAULT)) {
            for (DemoCommunity.Node zone : children.getOrDefault(community.id(), List.of())) {
                for (DemoCommunity.Node cell : children.getOrDefault(zone.id(), List.of())) {
                    for (DemoCommunity.Node compound : children.getOrDefault(cell.id(), List.of())) {
                        for (DemoCommunity.Node building : children.getOrDefault(compound.id(), List.of())) {
                            int doors = 20 + rnd.nextInt(20);
                            for (int i = 0; i < doors; i++) {
                                String door = String.format("%d-%d%02d", i / 12 + 1, (i % 12) / 2 + 1, i % 2 + 1);
                                UUID hid = d.id(building.code() + ":" + door);
                                boolean vacant = rnd.nextInt(100) < 5;
                                boolean tenants = !vacant && rnd.nextInt(100) < 20;
                                int size = vacant ? 0 : size(rnd);
                                String surname = String.valueOf(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
                                String contact = null;
                                for (int p = 0; p < size; p++) {
                                    String name = (p == 1 || tenants && rnd.nextBoolean()
                                            ? String.valueOf(SURNAMES.charAt(rnd.nextInt(SURNAMES.length()))) : surname)
                                            + given(rnd);
                                    if (p == 0) {
                                        contact = name;
                                    }
                                    int age = p == 0 ? 25 + rnd.nextInt(60) : p == 1 ? 22 + rnd.nextInt(60) : rnd.nextInt(40);
                                    if (size == 1 && rnd.nextInt(100) < 35) {
                                        age = 70 + rnd.nextInt(22);
                                    }
                                    boolean male = rnd.nextBoolean();
                                    String id;
                                    do {
                                        id = fakeId(rnd, today, age, male);
                                    } while (!ids.add(id));
                                    String phone = age >= 12 && rnd.nextInt(100) < 92 ? fakeMobile(rnd) : null;
                                    List<String> cats = new ArrayList<>();
                                    if (tenants) {
                                        cats.add("TENANT");
                                    }
                                    boolean alone = size == 1 && age >= 70;
                                    if (alone) {
                                        cats.add("ELDERLY_ALONE");
                                    }
                                    if (age >= 60 && rnd.nextInt(100) < 12) {
                                        cats.add("CHRONIC_ILLNESS");
                                    }
                                    if (rnd.nextInt(1000) < 15) {
                                        cats.add("DISABLED");
                                    }
                                    if (rnd.nextInt(1000) < 15) {
                                        cats.add("MEDICAL_FAMILY");
                                    }
                                    if ((alone && rnd.nextBoolean()) || rnd.nextInt(100) < 1) {
                                        cats.add("NEEDS_DELIVERY");
                                    }
                                    String health = "GREEN";
                                    if (outbreak) {
                                        int x = rnd.nextInt(1000);
                                        if (x < 388) {
                                            cats.add("CLOSE_CONTACT");
                                            health = "YELLOW";
                                        } else if (x < 488) {
                                            cats.add("SECONDARY_CONTACT");
                                        }
                                    }
                                    String from = null;
                                    LocalDate returned = null;
                                    if (rnd.nextInt(100) < 2) {
                                        cats.add("RETURNEE");
                                        from = RETURN_FROM[rnd.nextInt(RETURN_FROM.length)];
                                        returned = today.minusDays(1 + rnd.nextInt(20));
                                    }
                                    cats.sort(null);
                                    UUID rid = d.id(building.code() + ":" + door + ":" + p);
                                    String relation = p == 0 ? "户主" : p == 1 ? "配偶" : age < 30 ? "子女" : "父母";
                                    rp.printRecord(rid, community.id(), cell.id(), building.id(), hid, name, "MAINLAND_ID",
                                            pii.encrypt(id), "\\x" + hex.formatHex(pii.hmac("MAINLAND_ID", id)),
                                            IdentityRules.maskDocument(IdentityRules.DocType.MAINLAND_ID, id),
                                            pii.encrypt(phone),
                                            phone == null ? null : "\\x" + hex.formatHex(pii.hmac("PHONE", phone)),
                                            IdentityRules.maskPhone(phone), male ? "MALE" : "FEMALE",
                                            IdentityRules.birthDate(id), relation, "{" + String.join(",", cats) + "}", from,
                                            returned, health, "健康码", "LIVING", "demo", "demo");
                                    resCount++;
                                }
                                hp.printRecord(hid, community.id(), cell.id(), compound.id(), building.id(), building.id(),
                                        door, size, tenants ? size : 0, contact, vacant ? "VACANT" : "OCCUPIED", "demo",
                                        "demo");
                                hhCount++;
                            }
                        }
                    }
                }
            }
        }
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("""
                copy household (id, community_id, grid_cell_id, compound_id, building_id, area_id, door_number,
                  living_count, tenant_count, contact_name, status, created_by, updated_by) from stdin (format csv)""",
                new StringReader(households.toString()));
        copy.copyIn("""
                copy resident (id, community_id, grid_cell_id, area_id, household_id, name, id_type, id_cipher, id_hmac,
                  id_mask, phone_cipher, phone_hmac, phone_mask, sex, birth_date, relation, categories, returnee_from,
                  returned_on, health_code, health_code_source, status, created_by, updated_by) from stdin (format csv)""",
                new StringReader(residents.toString()));
        return new long[] { hhCount, resCount };
    }

    static int size(Random rnd) {
        int x = rnd.nextInt(100);
        return x < 22 ? 1 : x < 54 ? 2 : x < 79 ? 3 : x < 92 ? 4 : 5;
    }

    static String given(Random rnd) {
        int n = rnd.nextInt(100) < 60 ? 2 : 1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(GIVEN.charAt(rnd.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }

    /** A valid, fake mainland ID: a real region code, a real birth date, a checksum that matches. */
    static String fakeId(Random rnd, LocalDate today, int age, boolean male) {
        LocalDate birth = today.minusYears(age).minusDays(1 + rnd.nextInt(364));
        int seq = rnd.nextInt(500) * 2 + (male ? 1 : 0);
        String first17 = REGIONS[rnd.nextInt(REGIONS.length)]
                + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), seq);
        return first17 + IdentityRules.checkCharacter(first17);
    }

    static final String[] MOBILE_PREFIX = { "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152",
            "155", "157", "158", "159", "166", "173", "177", "180", "181", "182", "185", "186", "187", "188", "189",
            "191", "199" };

    static String fakeMobile(Random rnd) {
        return MOBILE_PREFIX[rnd.nextInt(MOBILE_PREFIX.length)] + String.format("%08d", rnd.nextInt(100_000_000));
    }

}
