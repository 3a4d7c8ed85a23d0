package org.gridguard.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The donor's receipt as a PDF with its Chinese text, the ledger as CSV and XLSX, and the demo's stock. */
@QuarkusTest
class ReceiptAndExportTest {

    @Test
    void aDonorGetsAReceiptWithTheItemsInChinese() throws Exception {
        UUID masks = Supplies.item("COUNT");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        Response don = Api.as(Tokens.supervisor()).body(Map.of("placeId", office.toString(), "donor", "燕泉商会 <李会长>",
                "lines", List.of(Supplies.line(masks, 1200)), "note", "请转交隔离点")).post("/api/v1/supplies/movements/donations");
        don.then().statusCode(201);
        String id = don.jsonPath().getString("id");
        byte[] pdf = Api.as(Tokens.leader1()).accept("application/pdf").get("/api/v1/supplies/movements/" + id + "/receipt.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("物资捐赠收据", "燕泉商会<李会长>", Supplies.name(masks).replaceAll("\\s+", ""), "1200",
                    don.jsonPath().getString("receiptNumber"), "请转交隔离点");
        }
        String bought = Supplies.purchase(office, masks, 1);
        Api.as(Tokens.supervisor()).get("/api/v1/supplies/movements/" + bought + "/receipt.pdf").then().statusCode(409);
        Api.as(Tokens.supervisor()).get("/api/v1/supplies/movements/" + UUID.randomUUID() + "/receipt.pdf").then()
                .statusCode(404);
    }

    @Test
    void theLedgerExportsAsCsvAndXlsxWithTheFilters() throws Exception {
        UUID rice = Supplies.item("KG");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        Supplies.purchase(office, rice, new java.math.BigDecimal("25.5"));
        Api.as(Tokens.supervisor()).body(Supplies.issueToPerson(office, rice, 2.25)).post("/api/v1/supplies/movements/issues")
                .then().statusCode(201);
        String csv = Api.as(Tokens.leader1()).get("/api/v1/supplies/movements/export?format=csv&itemId=" + rice).then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv).contains("物资 item", "PURCHASE_IN", "ISSUE_OUT", "-2.250", "卡口值守 王师傅");
        byte[] xlsx = Api.as(Tokens.leader1()).get("/api/v1/supplies/movements/export?format=xlsx&placeId=" + office).then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = book.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(2);
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("ISSUE_OUT");
            assertThat(s.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(-2.25);
            assertThat(s.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(25.5);
        }
        Api.as(Tokens.leader1()).get("/api/v1/supplies/movements/export?format=pdf").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        Api.as(Tokens.leader1()).get("/api/v1/supplies/movements/export?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then().statusCode(400);
    }

    @Test
    void theDemoCommunityHoldsStockWithALowGloveCountAtTheGate() {
        List<Map<String, Object>> places = Api.as(Tokens.leader1()).get("/api/v1/supplies/places").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.name == '4号卡口物资点' }");
        assertThat(places).hasSize(1);
        Api.as(Tokens.leader1()).get("/api/v1/supplies/places/" + places.get(0).get("id") + "/stock").then().statusCode(200)
                .body("lines.find { it.name == '一次性手套' }.onHand", equalTo(80.0f))
                .body("lines.find { it.name == '一次性手套' }.low", equalTo(true))
                .body("lines.find { it.name == '医用外科口罩' }.low", equalTo(false));
    }
}
