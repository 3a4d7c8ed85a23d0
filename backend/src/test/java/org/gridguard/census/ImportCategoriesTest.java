package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.census.CensusFixtures.csv;
import static org.gridguard.census.CensusFixtures.importOk;
import static org.gridguard.census.CensusFixtures.upload;
import static org.gridguard.census.CensusFixtures.validId;
import static org.gridguard.census.CensusFixtures.validMobile;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 21 A.2: a community's own words for the categories (医务人员家属, 需配送物资) are understood, and a label
 * nobody knows keeps the person and is reported as a warning (ADR 0055). A.6: a header-only file is refused at once.
 */
@QuarkusTest
class ImportCategoriesTest {

    static final String ACCEPTED = "租户、独居老人、慢性病、残疾人、医护家属、需送物资、密接、次密接、返乡人员、卧床";

    @Inject
    DataSource ds;

    @Test
    void everyPersonIsImportedAndAnUnknownLabelOnlyWarns() throws Exception {
        String compound = CensusFixtures.name("BH-C001-XQ04");
        String prefix = "CAT" + System.nanoTime() % 100000;
        String doctorsSon = validId(), delivery = validId(), alien = validId();
        byte[] file = csv(Charset.forName("GBK"), List.of(CensusFixtures.header(),
                List.of(compound, "1栋", prefix + "-1", "医家属", doctorsSon, validMobile(), "医务人员家属"),
                List.of(compound, "1栋", prefix + "-2", "送物资", delivery, validMobile(), "需配送物资、独居"),
                List.of(compound, "1栋", prefix + "-3", "怪类别", alien, "", "外星人、租客")));
        long before = residents();

        Map<String, Object> dry = importOk(Tokens.leader1(), file, "gbk.csv", Demo.ZONE1, true);
        assertThat(dry).containsEntry("valid", 3).containsEntry("invalid", 0).containsEntry("warnings", 1)
                .containsEntry("wouldCreate", 3);
        assertWarnsOfTheAlienOnLine4(dry);
        assertThat(residents()).as("a dry run writes nothing").isEqualTo(before);

        var accepted = upload(Tokens.leader1(), file, "gbk.csv", Demo.ZONE1, false);
        Map<String, Object> job = CensusFixtures.await(Tokens.leader1(), accepted.path("jobId"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) job.get("report");
        assertThat(r).containsEntry("created", 3).containsEntry("invalid", 0).containsEntry("warnings", 1);
        assertWarnsOfTheAlienOnLine4(r);
        assertThat(residents()).as("every person imported").isEqualTo(before + 3);
        categories(doctorsSon, List.of("MEDICAL_FAMILY"));
        categories(delivery, List.of("ELDERLY_ALONE", "NEEDS_DELIVERY"));
        categories(alien, List.of("TENANT"));

        // the sheet again, the alien's categories now 独居 and an unknown 高龄老人: they keep TENANT and gain
        // ELDERLY_ALONE; the delivery person's row, all understood, replaces theirs
        byte[] again = csv(Charset.forName("GBK"), List.of(CensusFixtures.header(),
                List.of(compound, "1栋", prefix + "-2", "送物资", delivery, validMobile(), "需配送物资"),
                List.of(compound, "1栋", prefix + "-3", "怪类别", alien, "", "高龄老人、独居")));
        importOk(Tokens.leader1(), again, "again.csv", Demo.ZONE1, false);
        categories(alien, List.of("ELDERLY_ALONE", "TENANT"));
        categories(delivery, List.of("NEEDS_DELIVERY"));

        String errors = Api.as(Tokens.leader1()).accept("text/csv")
                .get("/api/v1/imports/" + accepted.path("jobId") + "/errors").then().statusCode(200).extract().asString();
        assertThat(errors).contains("行号,姓名,列,原因,级别").contains("4,怪类别,人员类别").contains("外星人")
                .contains(ACCEPTED).contains("WARNING").doesNotContain("ERROR");
    }

    @Test
    void theTemplateListsTheAcceptedLabels() {
        String t = Api.as(Tokens.supervisor()).accept("text/csv").get("/api/v1/imports/template").then().statusCode(200)
                .extract().asString();
        assertThat(t).contains("人员类别（可填：" + ACCEPTED);
        assertThat(ImportColumns.of(List.of(t.strip().replace("\uFEFF", "").split(","))).has(ImportColumns.Col.CATEGORIES))
                .as("the template's header is read back as the 人员类别 column").isTrue();
    }

    @Test
    void aHeaderOnlyFileIsRefusedAtUpload() throws Exception {
        long jobs = count("select count(*) from job where kind = 'census-import'");
        upload(Tokens.leader1(), csv(Charset.forName("GBK"), List.of(CensusFixtures.header(), List.of(" ", ""))), "h.csv",
                Demo.ZONE1, false).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("the file has a header but no data rows"));
        upload(Tokens.leader1(), ImportTest.xlsx(List.of(CensusFixtures.header())), "h.xlsx", Demo.ZONE1, false).then()
                .statusCode(400).body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("the file has a header but no data rows"));
        assertThat(count("select count(*) from job where kind = 'census-import'")).as("no job created").isEqualTo(jobs);
    }

    @SuppressWarnings("unchecked")
    private static void assertWarnsOfTheAlienOnLine4(Map<String, Object> report) {
        List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("errors");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("line", 4).containsEntry("field", "人员类别").containsEntry("severity", "WARNING");
            assertThat((String) p.get("message")).contains("外星人").contains(ACCEPTED);
        });
    }

    private static void categories(String idNumber, List<String> expected) {
        Api.as(Tokens.leader1()).body(Map.of("idNumber", idNumber)).post("/api/v1/residents/search").then()
                .body("items[0].categories", equalTo(expected));
    }

    private long residents() throws SQLException {
        return count("select count(*) from resident");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
