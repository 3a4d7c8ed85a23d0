package org.gridguard.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Register sheets as the street sends them: BOM, GBK, full-width digits, blank lines, bad rows; dry run; re-import. */
@QuarkusTest
class EnterpriseImportTest {

    static final String HEADER = "企业名称,统一社会信用代码,类型,所属区域,地址,联系人,联系电话,员工人数,复工日期,状态";

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    static Response upload(String token, byte[] content, String name, UUID area, boolean dryRun) {
        return RestAssured.given().auth().oauth2(token).multiPart("file", name, content)
                .multiPart("dryRun", Boolean.toString(dryRun)).multiPart("areaId", area.toString())
                .post("/api/v1/enterprise-imports");
    }

    /** Uploads, waits for the job, answers its report. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> importOk(String token, byte[] content, String name, UUID area, boolean dryRun)
            throws InterruptedException {
        Response r = upload(token, content, name, area, dryRun);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        assertThat(r.header("Location")).endsWith("/api/v1/jobs/" + r.path("jobId"));
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> job = Api.as(token).get("/api/v1/jobs/" + r.path("jobId")).then().statusCode(200)
                    .extract().jsonPath().getMap("");
            if (job.get("status").equals("SUCCEEDED")) {
                Map<String, Object> report = (Map<String, Object>) job.get("report");
                report.put("jobId", r.path("jobId"));
                return report;
            }
            assertThat(job.get("status")).as(String.valueOf(job)).isNotEqualTo("FAILED");
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    static long version(String code) {
        List<Integer> v = Api.as(Tokens.supervisor()).get("/api/v1/enterprises?q=" + code).then().statusCode(200).extract()
                .jsonPath().getList("items.version");
        assertThat(v).hasSize(1);
        return v.get(0);
    }

    @Test
    void aMessySheetKeepsItsGoodRowsListsItsBadOnesAndAgainChangesNothing() throws Exception {
        String a = EnterpriseTest.code();
        String b = EnterpriseTest.code();
        String c = EnterpriseTest.code();
        String bad = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        String compound = Api.as(Tokens.supervisor()).get("/api/v1/areas/" + Demo.COMPOUND1).path("name");
        List<String> lines = List.of(HEADER,
                "惠民便利店," + fullWidth(a) + ",商铺," + compound + ",燕泉路5号,张三,１３９１２３４５６７８,１２人,2022年4月5日,已复工",
                "",
                "宏图物流," + b.toLowerCase() + ",工厂,,工业路2号,李四,0731-88776655,40,2022/4/6,待复工",
                "坏代码公司," + bad + ",办公,,,,,3,,待复工",
                "错电话公司," + EnterpriseTest.code() + ",办公,,,,12345,3,,",
                "无名区域," + EnterpriseTest.code() + ",市场,火星小区,,,,,,",
                "重复行," + fullWidth(b) + ",工厂,,,,,,,",
                " , , , , , , , , , ",
                "日期错," + c + ",其他,,,,,abc,2022-13-40,复工");
        byte[] csv = ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);

        Map<String, Object> dry = importOk(EnterpriseTest.inspector(), csv, "企业.csv", Demo.COMMUNITY, true);
        assertThat(dry).containsEntry("dryRun", true).containsEntry("created", 2).containsEntry("rejected", 5);
        assertThat(Api.as(Tokens.supervisor()).get("/api/v1/enterprises?q=" + a).then().extract().jsonPath()
                .getList("items")).isEmpty();

        Map<String, Object> real = importOk(EnterpriseTest.inspector(), csv, "企业.csv", Demo.COMMUNITY, false);
        assertThat(real).containsEntry("created", 2).containsEntry("updated", 0).containsEntry("rejected", 5);
        var shop = Api.as(Tokens.leader1()).get("/api/v1/enterprises?q=" + a).then().statusCode(200).extract().jsonPath();
        assertThat(shop.getString("items[0].areaId")).isEqualTo(Demo.COMPOUND1.toString());
        assertThat(shop.getInt("items[0].employees")).isEqualTo(12);
        assertThat(shop.getString("items[0].resumedOn")).isEqualTo("2022-04-05");
        assertThat(shop.getString("items[0].status")).isEqualTo("RESUMED");
        assertThat(shop.getString("items[0].contactPhoneMasked")).isEqualTo("139****5678");
        assertThat(Api.as(Tokens.supervisor()).get("/api/v1/enterprises?q=" + b).path("items[0].areaId").toString())
                .isEqualTo(Demo.COMMUNITY.toString());

        String errors = Api.as(EnterpriseTest.inspector()).get("/api/v1/enterprise-imports/" + real.get("jobId") + "/errors")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(errors).contains("行号,列,原因").contains("4,统一社会信用代码").contains("5,联系电话")
                .contains("6,所属区域").contains("7,统一社会信用代码,the same credit code as line 3")
                .contains("9,员工人数").contains("9,复工日期").doesNotContain("\n2,").doesNotContain("\n3,");
        Api.as(Tokens.leader1()).get("/api/v1/enterprise-imports/" + real.get("jobId") + "/errors").then().statusCode(403);
        Api.as(Tokens.user("supervisor2", "supervisor")).get("/api/v1/enterprise-imports/" + real.get("jobId") + "/errors")
                .then().statusCode(404);

        long before = version(a);
        Map<String, Object> again = importOk(Tokens.supervisor(), csv, "企业.csv", Demo.COMMUNITY, false);
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2);
        assertThat(version(a)).isEqualTo(before);
    }

    @Test
    void gbkCsvAndXlsxSheetsAreReadAndARowChangedUpdatesTheEnterprise() throws Exception {
        String code = EnterpriseTest.code();
        Charset gbk = Charset.forName("GBK");
        byte[] csv = (HEADER + "\r\n星辰超市," + code + ",商铺,,,,,8,,待复工\r\n").getBytes(gbk);
        Map<String, Object> r = importOk(Tokens.supervisor(), csv, "gbk.csv", Demo.COMPOUND1, false);
        assertThat(r).containsEntry("created", 1).containsEntry("charset", "GBK");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("企业");
            List<String> head = new ArrayList<>(List.of(HEADER.split(",")));
            XSSFRow h = s.createRow(0);
            for (int i = 0; i < head.size(); i++) {
                h.createCell(i).setCellValue(head.get(i));
            }
            XSSFRow row = s.createRow(1);
            row.createCell(0).setCellValue("星辰超市");
            row.createCell(1).setCellValue(code);
            row.createCell(2).setCellValue("商铺");
            row.createCell(7).setCellValue(15);
            row.createCell(8).setCellValue(44656); // 2022-04-05 as Excel counts days
            row.createCell(9).setCellValue("已复工");
            wb.write(out);
        }
        Map<String, Object> x = importOk(Tokens.supervisor(), out.toByteArray(), "企业.xlsx", Demo.COMPOUND1, false);
        assertThat(x).containsEntry("format", "XLSX").containsEntry("updated", 1).containsEntry("rejected", 0);
        var e = Api.as(Tokens.supervisor()).get("/api/v1/enterprises?q=" + code).then().extract().jsonPath();
        assertThat(e.getInt("items[0].employees")).isEqualTo(15);
        assertThat(e.getString("items[0].resumedOn")).isEqualTo("2022-04-05");
        assertThat(e.getInt("items[0].version")).isEqualTo(1);
    }

    @Test
    void anUnreadableSheetOrAWrongAreaIsRefusedAtOnce() {
        upload(Tokens.supervisor(), "名字,电话\r\n张三,1\r\n".getBytes(StandardCharsets.UTF_8), "x.csv", Demo.COMMUNITY,
                false).then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("file"))
                .body("detail", containsString("企业名称"));
        upload(Tokens.supervisor(), new byte[0], "x.csv", Demo.COMMUNITY, false).then().statusCode(400);
        upload(Tokens.supervisor(), (HEADER + "\r\nA,B\r\n").getBytes(StandardCharsets.UTF_8), "x.csv", UUID.randomUUID(),
                false).then().statusCode(404);
        upload(Tokens.leader1(), (HEADER + "\r\nA,B\r\n").getBytes(StandardCharsets.UTF_8), "x.csv", Demo.ZONE1, false)
                .then().statusCode(403);
        String template = Api.as(EnterpriseTest.inspector()).get("/api/v1/enterprise-imports/template").then()
                .statusCode(200).extract().asString();
        assertThat(template).startsWith("\uFEFF企业名称,统一社会信用代码");
    }
}
