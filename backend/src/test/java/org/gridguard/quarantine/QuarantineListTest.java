package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.security.pii.IdentityRules;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The health bureau's lists: JSON, CSV (GBK, UTF-8 with BOM), XLSX; outcomes per item; the worklist; reach. */
@QuarkusTest
class QuarantineListTest {

    static final String LISTS = "/api/v1/quarantine-lists";
    static final String WORKLIST = "/api/v1/quarantine-worklist";
    /** worker1's cell G01: compound XQ01, its first building. */
    static final String COMPOUND = "BH-C001-XQ01";
    static final String BUILDING = "BH-C001-XQ01-B01";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 100_000);

    @Inject
    DataSource ds;

    @BeforeEach
    void clock() {
        TestClock.set(Instant.parse("2026-12-07T02:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A valid mainland ID of region 440305 (the demo and the census tests use others). */
    static String validId() {
        long n = SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 15_000);
        String first17 = "440305" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", (n / 15_000) % 1000);
        return first17 + IdentityRules.checkCharacter(first17);
    }

    static String mobile() {
        return "137" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000);
    }

    /** A census resident of worker1's cell, in a household of its own: {name, id, phone, door, resident id}. */
    static String[] resident() {
        String door = "Q-" + UUID.randomUUID().toString().substring(0, 6);
        String hh = Api.as(Tokens.leader1()).body(Map.of("areaId", Demo.id(BUILDING).toString(), "doorNumber", door))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        String name = "隔离" + SEQ.incrementAndGet() % 10_000;
        String id = validId();
        String phone = mobile();
        String rid = Api.as(Tokens.leader1()).body(Map.of("householdId", hh, "name", name, "idNumber", id, "phone", phone))
                .post("/api/v1/residents").then().statusCode(201).extract().path("id");
        return new String[] { name, id, phone, door, rid };
    }

    static Map<String, Object> item(String name, String id, String phone, String door) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("docNumber", id);
        m.put("phone", phone);
        m.put("compound", COMPOUND);
        m.put("building", BUILDING);
        m.put("door", door);
        m.put("kind", "HOME_ISOLATION");
        m.put("reason", "CLOSE_CONTACT");
        m.put("sourceCaseRef", "CASE-" + SEQ.get());
        m.put("startsOn", TODAY.toString());
        m.put("endsOn", TODAY.plusDays(13).toString());
        return m;
    }

    static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> c = new LinkedHashMap<>(m);
        c.put(key, value);
        return c;
    }

    static Response send(Object body) {
        return Api.as(Tokens.agency()).body(body).post(LISTS);
    }

    /** Waits for the list's job; the list's view when done. */
    static Map<String, Object> done(String listId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> l = Api.as(Tokens.agency()).get(LISTS + "/" + listId).then().statusCode(200).extract()
                    .jsonPath().getMap("");
            if (!List.of("QUEUED", "RUNNING").contains(l.get("status"))) {
                assertThat(l.get("status")).as(String.valueOf(l)).isEqualTo("DONE");
                return l;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("list " + listId + " did not finish");
    }

    /** The list's items by line. */
    static Map<Integer, Map<String, Object>> items(String listId) {
        List<Map<String, Object>> all = Api.as(Tokens.agency()).get(LISTS + "/" + listId + "/items?limit=500").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<Integer, Map<String, Object>> m = new HashMap<>();
        all.forEach(i -> m.put((Integer) i.get("line"), i));
        return m;
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aJsonListGivesEachPersonItsOutcome_andSendingItAgainChangesNothing() throws Exception {
        String[] a = resident();
        String[] b = resident();
        String stranger = "Q-" + UUID.randomUUID().toString().substring(0, 6);
        String badId = validId();
        badId = badId.substring(0, 17) + (badId.charAt(17) == '1' ? '2' : '1');
        List<Map<String, Object>> items = List.of(
                item(a[0], a[1], null, null),                                       // 1 by ID number
                with(item(b[0], null, b[2], b[3]), "docNumber", null),              // 2 by name, phone and address
                item("王未知", validId(), mobile(), stranger),                       // 3 not in the census
                item("李错号", badId, null, stranger),                               // 4 check digit
                with(with(item("赵", null, null, null), "compound", null), "docNumber", null), // 5 nothing to identify
                with(item("钱倒序", validId(), null, stranger), "endsOn", TODAY.minusDays(1).toString()), // 6 end before start
                with(item("孙怪类", validId(), null, stranger), "kind", "HOTEL"),     // 7 unknown kind
                item(a[0], a[1], null, null));                                      // 8 the same person as 1
        Map<String, Object> body = Map.of("reference", "BUREAU-" + UUID.randomUUID(), "items", items);
        Response r = send(body);
        r.then().statusCode(202).header("Location", containsString(LISTS + "/"));
        String listId = r.path("id");
        Map<String, Object> list = done(listId);
        assertThat(list.get("outcomes")).isEqualTo(Map.of("MATCHED", 2, "UNMATCHED", 1, "DUPLICATE", 1, "REJECTED", 4));
        Map<Integer, Map<String, Object>> out = items(listId);
        assertThat(out.get(1).get("outcome")).isEqualTo("MATCHED");
        assertThat((String) out.get(1).get("orderNumber")).startsWith("Q20261207-");
        assertThat(out.get(2).get("outcome")).isEqualTo("MATCHED");
        assertThat(out.get(3).get("outcome")).isEqualTo("UNMATCHED");
        assertThat(out.get(3).get("worklistStatus")).isEqualTo("OPEN");
        assertThat(out.get(4)).containsEntry("outcome", "REJECTED").containsEntry("field", "docNumber");
        assertThat((String) out.get(4).get("problem")).contains("check");
        assertThat(out.get(5)).containsEntry("outcome", "REJECTED");
        assertThat((String) out.get(5).get("problem")).contains("nothing to identify");
        assertThat(out.get(6)).containsEntry("outcome", "REJECTED").containsEntry("field", "endsOn");
        assertThat(out.get(7)).containsEntry("outcome", "REJECTED").containsEntry("field", "kind");
        assertThat(out.get(8).get("outcome")).isEqualTo("DUPLICATE");
        assertThat(count("select count(*) from quarantine_order where resident_id in (?, ?) and status = 'ACTIVE'",
                UUID.fromString(a[4]), UUID.fromString(b[4]))).isEqualTo(2);
        long orders = count("select count(*) from quarantine_order");

        // the same list again: without a key, with a key, twice with the key: the first list, nothing new
        send(body).then().statusCode(200).body("id", equalTo(listId)).body("replayed", equalTo(true));
        Api.as(Tokens.agency()).header("Idempotency-Key", "k-" + listId).body(body).post(LISTS).then().statusCode(200)
                .body("id", equalTo(listId));
        Api.as(Tokens.agency()).header("Idempotency-Key", "k-" + listId).body(body).post(LISTS).then().statusCode(200)
                .body("id", equalTo(listId));
        // the same reference with other content is refused
        send(Map.of("reference", body.get("reference"), "items", List.of(items.get(0), items.get(1)))).then()
                .statusCode(409).contentType(containsString("problem+json"));
        assertThat(count("select count(*) from quarantine_order")).isEqualTo(orders);
        assertThat(count("select count(*) from quarantine_list where owner = 'agency-demo' and reference = ?",
                body.get("reference"))).isEqualTo(1);

        // another list naming a of the same case: DUPLICATE; b from another case, later: MATCHED, the order extended
        Map<String, Object> again = items.get(0);
        Map<String, Object> later = with(with(items.get(1), "sourceCaseRef", "CASE-OTHER-" + listId), "endsOn",
                TODAY.plusDays(20).toString());
        String second = send(Map.of("items", List.of(again, later))).then().statusCode(202).extract().path("id");
        done(second);
        Map<Integer, Map<String, Object>> o2 = items(second);
        assertThat(o2.get(1).get("outcome")).isEqualTo("DUPLICATE");
        assertThat((String) o2.get(1).get("problem")).contains("same source");
        assertThat(o2.get(2).get("outcome")).isEqualTo("MATCHED");
        assertThat(o2.get(2).get("orderId")).isEqualTo(out.get(2).get("orderId"));
        assertThat(count("select count(*) from quarantine_order where resident_id = ? and status = 'ACTIVE' and ends_on = ?",
                UUID.fromString(b[4]), TODAY.plusDays(20))).isEqualTo(1);
        assertThat(count("select count(*) from quarantine_order")).isEqualTo(orders);
    }

    @Test
    void theUnmatchedAreOnTheirCommunitysWorklist_andAWorkerResolvesThem() throws Exception {
        String door = "Q-" + UUID.randomUUID().toString().substring(0, 6);
        String name = "周待查" + SEQ.incrementAndGet() % 1000;
        String listId = send(Map.of("items", List.of(item(name, validId(), mobile(), door), item("吴搬走", validId(),
                mobile(), door + "-2")))).then().statusCode(202).extract().path("id");
        done(listId);
        Map<Integer, Map<String, Object>> out = items(listId);
        String first = (String) out.get(1).get("id");
        String second = (String) out.get(2).get("id");
        List<String> w1 = Api.as(Tokens.worker1()).get(WORKLIST + "?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
        assertThat(w1).contains(first, second);
        Api.as(Tokens.worker1()).get(WORKLIST + "?limit=500").then().body("items.find { it.id == '" + first + "' }.name",
                equalTo(name)).body("items.find { it.id == '" + first + "' }.phoneMasked", containsString("****"));
        assertThat(Api.as(Tokens.leader1()).get(WORKLIST + "?limit=500").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.id")).contains(first);
        assertThat(Api.as(Tokens.supervisor()).get(WORKLIST + "?limit=500").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.id")).contains(first);
        for (String other : List.of(Tokens.worker2(), Tokens.leader2())) {
            assertThat(Api.as(other).get(WORKLIST + "?limit=500").then().statusCode(200).extract().jsonPath()
                    .<String>getList("items.id")).doesNotContain(first, second);
            Api.as(other).body(Map.of("status", "NOT_FOUND", "note", "无")).post(WORKLIST + "/" + first + "/resolve")
                    .then().statusCode(404);
        }
        Api.as(Tokens.agency()).get(WORKLIST).then().statusCode(403);

        // found: the resident the worker found gets the order
        String[] found = resident();
        Api.as(Tokens.worker1()).body(Map.of("status", "FOUND")).post(WORKLIST + "/" + first + "/resolve").then()
                .statusCode(400).body("errors[0].field", equalTo("residentId"));
        String orderId = Api.as(Tokens.worker1()).body(Map.of("status", "FOUND", "residentId", found[4]))
                .post(WORKLIST + "/" + first + "/resolve").then().statusCode(200).body("status", equalTo("FOUND"))
                .body("resolvedBy", equalTo("worker1")).extract().path("orderId");
        assertThat(count("select count(*) from quarantine_order where id = ? and resident_id = ? and status = 'ACTIVE'",
                UUID.fromString(orderId), UUID.fromString(found[4]))).isEqualTo(1);
        Api.as(Tokens.worker1()).body(Map.of("status", "NOT_FOUND", "note", "再查")).post(WORKLIST + "/" + first + "/resolve")
                .then().statusCode(409);
        // moved away: needs a note
        Api.as(Tokens.worker1()).body(Map.of("status", "MOVED_AWAY")).post(WORKLIST + "/" + second + "/resolve").then()
                .statusCode(400).body("errors[0].field", equalTo("note"));
        Api.as(Tokens.worker1()).body(Map.of("status", "MOVED_AWAY", "note", "已搬离，房东告知"))
                .post(WORKLIST + "/" + second + "/resolve").then().statusCode(200).body("status", equalTo("MOVED_AWAY"));
        assertThat(Api.as(Tokens.worker1()).get(WORKLIST + "?limit=500").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.id")).doesNotContain(first, second);
        assertThat(Api.as(Tokens.worker1()).get(WORKLIST + "?status=MOVED_AWAY&limit=500").then().statusCode(200)
                .extract().jsonPath().<String>getList("items.id")).contains(second);
        // the agency reads the outcome
        assertThat(items(listId).get(1).get("worklistStatus")).isEqualTo("FOUND");
    }

    static final List<String> HEADER = List.of("姓名", "证件类型", "身份证号码", "手机号", "小区名称", "楼栋", "门牌号", "管控方式",
            "人员类别", "关联病例", "开始日期", "结束日期（含）");

    List<List<String>> sheet(String[] known, String caseRef) {
        String compound = Api.as(Tokens.admin()).get("/api/v1/areas/" + Demo.id(COMPOUND)).then().extract().path("name");
        String building = Api.as(Tokens.admin()).get("/api/v1/areas/" + Demo.id(BUILDING)).then().extract().path("name");
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(List.of(known[0], "居民身份证", known[1], known[2], compound, building, known[3], "居家隔离", "密接", caseRef,
                "2026/12/7", "2026年12月20日"));
        rows.add(List.of("郑不明", "", "", "", compound, building, "Q-nowhere", "居家健康监测", "次密接", caseRef, "", ""));
        rows.add(List.of("冯错", "", "123", "", compound, building, "Q-x", "居家隔离", "返乡", caseRef, "", ""));
        return rows;
    }

    static byte[] csv(Charset cs, boolean bom, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
        rows.forEach(r -> sb.append(String.join(",", r)).append("\r\n"));
        return sb.toString().getBytes(cs);
    }

    /** A minimal XLSX with inline strings (no shared strings part). */
    static byte[] xlsx(List<List<String>> rows) throws IOException {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.append("<c r=\"").append((char) ('A' + c)).append(r + 1).append("\" t=\"inlineStr\"><is><t>")
                        .append(rows.get(r).get(c)).append("</t></is></c>");
            }
            sheet.append("</row>");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(sheet.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    Map<Integer, Map<String, Object>> sendFile(byte[] content, String filename) throws InterruptedException {
        Response r = Api.as(Tokens.agency()).contentType("multipart/form-data").multiPart("file", filename, content)
                .post(LISTS);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        done(r.path("id"));
        return items(r.path("id"));
    }

    @Test
    void csvInGbkAndUtf8WithBom_andXlsx() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("gbk.csv", csv(Charset.forName("GBK"), false, sheet(resident(), "C-GBK-" + SEQ.incrementAndGet())));
        files.put("bom.csv", csv(StandardCharsets.UTF_8, true, sheet(resident(), "C-BOM-" + SEQ.incrementAndGet())));
        files.put("list.xlsx", xlsx(sheet(resident(), "C-X-" + SEQ.incrementAndGet())));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Map<Integer, Map<String, Object>> out = sendFile(f.getValue(), f.getKey());
            assertThat(out).as(f.getKey()).hasSize(3);
            assertThat(out.get(2).get("outcome")).as(f.getKey() + " " + out.get(2)).isEqualTo("MATCHED");
            assertThat(out.get(3).get("outcome")).as(f.getKey()).isEqualTo("UNMATCHED");
            assertThat(out.get(4)).as(f.getKey()).containsEntry("outcome", "REJECTED").containsEntry("field", "docNumber");
        }
        assertThat(count("select count(*) from quarantine_order o join quarantine_list_item i on i.order_id = o.id"
                + " where o.source_case_ref like 'C-GBK-%' and o.ends_on = '2026-12-20'")).isEqualTo(1);
        // a sheet without the columns is refused at once
        Api.as(Tokens.agency()).contentType("multipart/form-data")
                .multiPart("file", "x.csv", "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8)).post(LISTS).then()
                .statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void atMostFiveThousandPeopleAList() {
        Map<String, Object> one = Map.of("name", "某", "phone", "13700000000", "reason", "OTHER");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            items.add(one);
        }
        send(Map.of("items", items)).then().statusCode(413).contentType(containsString("problem+json"))
                .body("detail", containsString("at most 5000"));
        send(Map.of("items", List.of())).then().statusCode(400);
    }

    @Test
    void anAgencyReachesOnlyItsAreaAndItsLists() throws Exception {
        Map<String, Object> body = Map.of("items", List.of(item("甲", validId(), null, "Q-1")));
        // a client assigned to no area
        Api.as(Tokens.client("agency-nowhere", "agency")).body(body).post(LISTS).then().statusCode(400)
                .body("errors[0].field", equalTo("areaId"));
        // an area that is not its own, nor within it: a zone-1 bureau names zone 2, or a node that does not exist
        String zone1Agency = "agency-z1-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(Tokens.admin()).body(Map.of("principal", zone1Agency, "principalType", "CLIENT", "role", "agency",
                "nodeId", Demo.ZONE1)).post("/api/v1/assignments").then().statusCode(201);
        Api.as(Tokens.client(zone1Agency, "agency")).body(Map.of("areaId", Demo.ZONE2.toString(), "items", body.get("items")))
                .post(LISTS).then().statusCode(404);
        Api.as(Tokens.agency()).body(Map.of("areaId", UUID.randomUUID().toString(), "items", body.get("items"))).post(LISTS)
                .then().statusCode(404);
        // a node within its area (a district's bureau names the community): the list is for that node
        String within = Api.as(Tokens.agency()).body(Map.of("areaId", Demo.ZONE1.toString(), "reference", "Q-WITHIN",
                "items", List.of(item("乙", validId(), null, "Q-2")))).post(LISTS).then().statusCode(202).extract().path("id");
        done(within);
        Api.as(Tokens.agency()).get(LISTS + "/" + within).then().statusCode(200).body("areaId", equalTo(Demo.ZONE1.toString()));
        String id = send(body).then().statusCode(202).extract().path("id");
        done(id);
        // another agency's client does not see it, nor its items
        Api.as(Tokens.client("agency-other", "agency")).get(LISTS + "/" + id).then().statusCode(404);
        Api.as(Tokens.client("agency-other", "agency")).get(LISTS + "/" + id + "/items").then().statusCode(404);
        Api.as(Tokens.admin()).get(LISTS + "/" + id).then().statusCode(200);
        // other roles do not send lists
        Api.as(Tokens.supervisor()).body(body).post(LISTS).then().statusCode(403);
        Api.as(Tokens.agency()).get(LISTS + "/" + id + "/items?outcome=LOST").then().statusCode(400);
    }
}
