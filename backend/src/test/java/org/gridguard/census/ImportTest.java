package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridguard.census.CensusFixtures.csv;
import static org.gridguard.census.CensusFixtures.importOk;
import static org.gridguard.census.CensusFixtures.rows;
import static org.gridguard.census.CensusFixtures.upload;
import static org.gridguard.census.CensusFixtures.validId;
import static org.gridguard.census.CensusFixtures.validMobile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.job.JobHandler;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bulk import: encodings, XLSX, bad rows, re-runs, hostile files, 100k rows, an import killed halfway. */
/**
 * Runs after every other class but LogScanTest: its 100k-row import stays in the shared test database, and the
 * classes that count people in its compounds (coverage, worklists) should not page through them.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class ImportTest {

    static final Charset GBK = Charset.forName("GBK");

    @Inject
    DataSource ds;

    @Inject
    CensusImportJob job;

    String compound3;
    String compound4;

    @BeforeEach
    void names() {
        compound3 = CensusFixtures.name("BH-C001-XQ03");
        compound4 = CensusFixtures.name("BH-C001-XQ04");
    }

    @Test
    void templateHasTheChineseColumns() {
        String t = Api.as(Tokens.leader1()).accept("text/csv").get("/api/v1/imports/template").then().statusCode(200)
                .extract().asString();
        assertThat(t).contains("小区,楼栋,门牌号,姓名,证件类型,身份证号,联系电话");
    }

    @Test
    void gbkFileAsExcelSavesIt() throws Exception {
        String id = validId();
        List<List<String>> rows = List.of(CensusFixtures.header(),
                List.of(compound4, "1栋", "G-101", "张三丰", id, validMobile(), "独居老人、需送物资"));
        Map<String, Object> r = importOk(Tokens.leader1(), csv(GBK, rows), "gbk.csv", Demo.ZONE1, false);
        assertThat(r).containsEntry("created", 1).containsEntry("invalid", 0);
        Api.as(Tokens.leader1()).body(Map.of("idNumber", id)).post("/api/v1/residents/search").then()
                .body("items[0].name", equalTo("张三丰"))
                .body("items[0].categories", equalTo(List.of("ELDERLY_ALONE", "NEEDS_DELIVERY")));
    }

    @Test
    void xlsxFileReadAsAStream() throws Exception {
        String id = validId();
        String phone = validMobile();
        byte[] x = xlsx(List.of(CensusFixtures.header(), List.of(compound4, "2", "X-201", "李小龙", id, "#" + phone, "租户")));
        Map<String, Object> r = importOk(Tokens.supervisor(), x, "census.xlsx", Demo.COMMUNITY, false);
        assertThat(r).containsEntry("created", 1).containsEntry("format", "XLSX");
        Api.as(Tokens.supervisor()).body(Map.of("idNumber", id)).post("/api/v1/residents/search").then()
                .body("items[0].name", equalTo("李小龙")).body("items[0].phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
    }

    @Test
    void mixedRowsKeepTheGoodAndReportTheBad_reimportChangesNothing() throws Exception {
        List<List<String>> rows = new ArrayList<>(rows(compound4, "1栋", 5, "MIX" + System.nanoTime() % 10000));
        String dup = rows.get(1).get(4);
        rows.add(List.of(compound4, "1栋", "bad-1", "坏号码", "110105194912310021", validMobile(), ""));
        rows.add(List.of(compound4, "1栋", "bad-2", "坏电话", validId(), "12345", ""));
        rows.add(List.of("不存在小区", "1栋", "bad-3", "无小区", validId(), "", ""));
        rows.add(List.of(compound4, "1栋", "bad-4", "重复", dup, "", ""));
        rows.add(List.of(compound4, "1栋", "bad-5", "怪类别", validId(), "", "外星人"));
        byte[] file = csv(StandardCharsets.UTF_8, rows);
        long before = residents();
        Map<String, Object> dry = importOk(Tokens.leader1(), file, "mixed.csv", Demo.ZONE1, true);
        // an unknown category only warns: 怪类别 is imported without it (ADR 0055)
        assertThat(dry).containsEntry("valid", 6).containsEntry("invalid", 4).containsEntry("warnings", 1)
                .containsEntry("wouldCreate", 6);
        assertThat(residents()).as("a dry run writes nothing").isEqualTo(before);

        var res = upload(Tokens.leader1(), file, "mixed.csv", Demo.ZONE1, false);
        String jobId = res.path("jobId");
        assertThat(res.getHeader("Location")).endsWith("/api/v1/jobs/" + jobId);
        Map<String, Object> j = CensusFixtures.await(Tokens.leader1(), jobId, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) j.get("report");
        assertThat(r).containsEntry("created", 6).containsEntry("invalid", 4).containsEntry("warnings", 1);
        assertThat(residents()).isEqualTo(before + 6);
        String errors = Api.as(Tokens.leader1()).accept("text/csv").get("/api/v1/imports/" + jobId + "/errors").then()
                .statusCode(200).extract().asString();
        assertThat(errors).contains("行号,姓名,列,原因,级别").contains("7,坏号码").contains("8,坏电话").contains("9,无小区")
                .contains("10,重复").contains("line 2").contains("11,怪类别").doesNotContain("110105194912310021")
                .doesNotContain(dup);
        // the supervisor of the community may read it too; leader2 may not
        Api.as(Tokens.supervisor()).accept("text/csv").get("/api/v1/imports/" + jobId + "/errors").then().statusCode(200);

        long history = count("select count(*) from census_change");
        Map<String, Object> again = importOk(Tokens.leader1(), file, "mixed.csv", Demo.ZONE1, false);
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 6)
                .containsEntry("householdsCreated", 0);
        assertThat(residents()).isEqualTo(before + 6);
        assertThat(count("select count(*) from census_change")).as("a re-run records no change").isEqualTo(history);

        // a changed row updates the resident instead of duplicating
        rows.set(1, List.of(compound4, "1栋", rows.get(1).get(2), "改名了", dup, validMobile(), "租户"));
        Map<String, Object> changed = importOk(Tokens.leader1(), csv(StandardCharsets.UTF_8, rows), "mixed2.csv",
                Demo.ZONE1, false);
        assertThat(changed).containsEntry("created", 0).containsEntry("updated", 1);
        assertThat(residents()).isEqualTo(before + 6);
        String rid = Api.as(Tokens.leader1()).body(Map.of("idNumber", dup)).post("/api/v1/residents/search").then()
                .body("items[0].name", equalTo("改名了")).body("items[0].version", equalTo(1)).extract().path("items[0].id");
        Api.as(Tokens.leader1()).get("/api/v1/residents/" + rid + "/history").then()
                .body("[0].action", equalTo("IMPORT_UPDATE")).body("[0].changes.phone.changed", equalTo(true))
                .body("[0].changes.name.new", equalTo("改名了"));
    }

    @Test
    void badFilesGetAClearErrorAndChangeNothing() throws Exception {
        long before = residents();
        long uploads = count("select count(*) from import_upload");
        upload(Tokens.leader1(), new byte[0], "empty.csv", Demo.ZONE1, false).then().statusCode(400)
                .body("errors[0].message", equalTo("the file is empty"));
        upload(Tokens.leader1(), "a,b,c\r\n1,2,3\r\n".getBytes(StandardCharsets.UTF_8), "cols.csv", Demo.ZONE1, false)
                .then().statusCode(400).body("errors.message", hasItem("the column 身份证号 is missing"))
                .body("errors.message", hasItem("the column 姓名 is missing"));
        byte[] latin = ("小区,门牌号,姓名,身份证号\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] wrong = new byte[latin.length + 6];
        System.arraycopy(latin, 0, wrong, 0, latin.length);
        System.arraycopy(new byte[] { (byte) 0xff, (byte) 0x80, (byte) 0xff, ',', (byte) 0xfe, '\n' }, 0, wrong, latin.length, 6);
        upload(Tokens.leader1(), wrong, "enc.csv", Demo.ZONE1, false).then().statusCode(400)
                .body("errors[0].message", containsString("neither UTF-8 nor GBK"));
        byte[] garbage = new byte[50 * 1024 * 1024];
        new Random(7).nextBytes(garbage);
        upload(Tokens.leader1(), garbage, "garbage.csv", Demo.ZONE1, false).then().statusCode(400)
                .body("errors[0].message", containsString("not a text file"));
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        upload(Tokens.leader1(), garbage, "garbage.xlsx", Demo.ZONE1, false).then().statusCode(400)
                .body("errors[0].message", containsString("XLSX"));
        upload(Tokens.leader1(), zipBomb(), "bomb.xlsx", Demo.ZONE1, false).then().statusCode(400)
                .body("errors[0].message", containsString("zip bomb"));
        // header only (blank rows do not count): refused at upload, CSV and XLSX alike (issue 21 A.6, ADR 0007)
        upload(Tokens.leader1(), "小区,门牌号,姓名,身份证号\r\n,,,\r\n\r\n".getBytes(StandardCharsets.UTF_8), "h.csv",
                Demo.ZONE1, false).then().statusCode(400).body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("the file has a header but no data rows"));
        upload(Tokens.leader1(), xlsx(List.of(CensusFixtures.header(), List.of("", "", ""))), "h.xlsx", Demo.ZONE1, false)
                .then().statusCode(400).body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("the file has a header but no data rows"));
        assertThat(residents()).isEqualTo(before);
        assertThat(count("select count(*) from import_upload")).as("no upload kept, no job").isEqualTo(uploads);
    }

    @Test
    void aHundredThousandRowsWithProgress() throws Exception {
        List<List<String>> rows = rows(compound3, "1栋", 100_000, "BIG");
        byte[] file = csv(StandardCharsets.UTF_8, rows);
        long before = residents();
        long t0 = System.nanoTime();
        var r = upload(Tokens.leader1(), file, "big.csv", Demo.ZONE1, false);
        r.then().statusCode(202);
        List<Integer> progress = new ArrayList<>();
        Map<String, Object> j = CensusFixtures.await(Tokens.leader1(), r.path("jobId"), progress);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(j.get("status")).as(String.valueOf(j)).isEqualTo("SUCCEEDED");
        assertThat(((Map<?, ?>) j.get("report")).get("created")).isEqualTo(100_000);
        assertThat(progress.stream().filter(p -> p > 0 && p < 100).distinct().count())
                .as("distinct progress values seen: " + progress).isGreaterThanOrEqualTo(3);
        assertThat(residents()).isEqualTo(before + 100_000);
        System.out.println("IMPORT 100k rows in " + ms + " ms, progress seen " + progress);
    }

    @Test
    void anImportKilledHalfwayAndRunAgainLeavesNoDuplicates() throws Exception {
        String prefix = "KILL" + System.nanoTime() % 10000;
        byte[] file = csv(StandardCharsets.UTF_8, rows(compound3, "2栋", 12_000, prefix));
        String jobId = upload(Tokens.leader1(), file, "kill.csv", Demo.ZONE1, true).then().statusCode(202).extract()
                .path("jobId");
        CensusFixtures.await(Tokens.leader1(), jobId, null);
        UUID uploadId;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("select id from import_upload where job_id = '" + jobId + "'")) {
            rs.next();
            uploadId = rs.getObject(1, UUID.class);
        }
        long before = residents();
        // the instance dies right after the first chunk committed
        try (Watchdog w = new Watchdog(ds)) {
            assertThatThrownBy(() -> job.run(new Dying(uploadId))).hasMessage("killed");
        }
        long halfway = residents();
        assertThat(halfway - before).isEqualTo(5_000);
        Map<String, Object> r = importOk(Tokens.leader1(), file, "kill.csv", Demo.ZONE1, false);
        assertThat(r).containsEntry("created", 7_000).containsEntry("unchanged", 5_000);
        assertThat(residents()).isEqualTo(before + 12_000);
        assertThat(count("select count(*) from (select id_hmac from resident group by community_id, id_hmac having count(*) > 1) d"))
                .isZero();
        assertThat(count("select count(*) from household where door_number like '" + prefix + "-%'")).isEqualTo(12_000);
    }

    /**
     * While a step runs longer than 8 s, prints every 5 s what the database's sessions wait on (wait events, locks not
     * granted; the first 40 characters of each statement, no values), so a stall in CI names its cause.
     */
    static final class Watchdog implements AutoCloseable {
        final Thread thread;

        Watchdog(DataSource ds) {
            thread = new Thread(() -> {
                try {
                    Thread.sleep(8_000);
                    while (true) {
                        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                                var rs = st.executeQuery("""
                                        select a.pid, a.state, a.wait_event_type, a.wait_event,
                                          round(extract(epoch from now() - a.query_start)::numeric, 1),
                                          left(regexp_replace(a.query, '\\s+', ' ', 'g'), 40),
                                          (select string_agg(l.locktype || ':' || l.mode, ',') from pg_locks l
                                           where l.pid = a.pid and not l.granted)
                                        from pg_stat_activity a
                                        where a.state <> 'idle' and a.pid <> pg_backend_pid()""")) {
                            StringBuilder b = new StringBuilder("IMPORT WATCHDOG (step running over 8 s):");
                            while (rs.next()) {
                                b.append("\n  pid ").append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(" wait ")
                                        .append(rs.getString(3)).append('/').append(rs.getString(4)).append(' ')
                                        .append(rs.getString(5)).append(" s [").append(rs.getString(6)).append("] ungranted ")
                                        .append(rs.getString(7));
                            }
                            System.out.println(b);
                        } catch (SQLException e) {
                            System.out.println("IMPORT WATCHDOG: " + e.getSQLState());
                        }
                        Thread.sleep(5_000);
                    }
                } catch (InterruptedException e) {
                    // the step finished
                }
            }, "import-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** A job context whose instance dies at the second progress report of the writing phase. */
    static final class Dying implements JobHandler.Context {
        final UUID upload;
        int writes;

        Dying(UUID upload) {
            this.upload = upload;
        }

        public UUID id() {
            return UUID.randomUUID();
        }

        public String owner() {
            return "leader1";
        }

        public UUID communityId() {
            return Demo.COMMUNITY;
        }

        public Map<String, Object> params() {
            return Map.of("uploadId", upload.toString(), "dryRun", false);
        }

        public void progress(int percent, Map<String, Object> partial) {
            if ("writing".equals(partial.get("phase")) && ++writes == 2) {
                throw new IllegalStateException("killed");
            }
        }

        public boolean resumed() {
            return false;
        }
    }

    long residents() throws SQLException {
        return count("select count(*) from resident");
    }

    long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A minimal XLSX as Excel writes it: shared strings stored after the sheet; the phone typed as a number. */
    static byte[] xlsx(List<List<String>> rows) throws IOException {
        List<String> shared = new ArrayList<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String v = rows.get(r).get(c);
                String ref = (char) ('A' + c) + Integer.toString(r + 1);
                if (v.isEmpty()) {
                    continue;
                }
                if (v.startsWith("#")) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(Double.parseDouble(v.substring(1))).append("</v></c>");
                } else {
                    shared.add(v);
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(shared.size() - 1).append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder ss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String s : shared) {
            ss.append("<si><t>").append(s).append("</t></si>");
        }
        ss.append("</sst>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            put(z, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\"/></sheets></workbook>");
            put(z, "xl/worksheets/sheet1.xml", sheet.toString());
            put(z, "xl/sharedStrings.xml", ss.toString());
        }
        return out.toByteArray();
    }

    static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** A worksheet that inflates from a few hundred kilobytes to 256 MB. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'A');
            for (int i = 0; i < 256; i++) {
                z.write(block);
            }
            z.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }
}
