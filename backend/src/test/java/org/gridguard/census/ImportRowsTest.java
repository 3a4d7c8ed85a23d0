package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.census.ImportRows.RowError;
import org.gridguard.census.ImportRows.Staged;
import org.gridguard.security.pii.IdentityRules.DocType;
import org.junit.jupiter.api.Test;

/** The rules of an import row, without Quarkus or a database. */
class ImportRowsTest {

    static final UUID COMMUNITY = UUID.randomUUID(), CELL = UUID.randomUUID(), COMPOUND = UUID.randomUUID(),
            BUILDING = UUID.randomUUID();
    static final String ID = "11010519491231002X";
    static final ImportColumns COLS = ImportColumns.of(ImportColumns.TEMPLATE);
    static final ImportRows.Areas AREAS = new ImportRows.Areas(
            Map.of("阳光小区", new UUID[] { COMPOUND, CELL }, "YG", new UUID[] { COMPOUND, CELL }),
            Map.of(COMPOUND + "|3号楼", BUILDING, COMPOUND + "|#3", BUILDING));
    static final ImportRows.Checking CHECKING = new ImportRows.Checking(COLS, AREAS, LocalDate.of(2026, 3, 1),
            COMMUNITY, (kind, n) -> (kind + ":" + n).getBytes(StandardCharsets.UTF_8));

    /** 小区, 楼栋, 门牌号, 姓名, 证件类型, 身份证号, 联系电话, 与户主关系, 人员类别, 返乡来源地 */
    static ImportFile.Row row(int line, String... cells) {
        return new ImportFile.Row(line, Arrays.asList(cells));
    }

    final List<RowError> errors = new ArrayList<>();
    final Map<String, Integer> seen = new HashMap<>();

    @Test
    void aGoodRowIsStagedInItsBuilding() {
        Staged s = ImportRows.check(row(2, "阳光小区", "3栋", "301", "张三", "", ID, "13800138000", "户主", "卧床，租户", ""),
                CHECKING, errors, seen);
        assertThat(errors).isEmpty();
        assertThat(s.communityId()).isEqualTo(COMMUNITY);
        assertThat(s.gridCellId()).isEqualTo(CELL);
        assertThat(s.buildingId()).isEqualTo(BUILDING);
        assertThat(s.areaId()).isEqualTo(BUILDING);
        assertThat(s.idType()).isEqualTo(DocType.MAINLAND_ID);
        assertThat(s.categories()).containsExactly("BED_RIDDEN", "TENANT");
        assertThat(s.returneeFrom()).isNull();
    }

    /** Issue 26: a NUL (or another control character) in a cell rejects its row, naming the column (ADR 0025). */
    @Test
    void aControlCharacterInACellRejectsTheRow() {
        Staged s = ImportRows.check(row(7, "阳光小区", "3栋", "301", "张\u0000三", "", ID, "", "", "", "返\u0007乡"), CHECKING,
                errors, seen);
        assertThat(s).isNull();
        assertThat(errors).extracting(RowError::line, RowError::field).containsExactly(org.assertj.core.groups.Tuple.tuple(7, "姓名"));
        assertThat(errors.get(0).message()).contains("control characters");
        assertThat(ImportRows.check(row(8, "阳光小区", "3栋", "302", "李四", "", ID, "", "", "", "远\tSeattle"), CHECKING, errors,
                seen)).isNotNull();
    }

    @Test
    void withoutABuildingTheRowIsAtItsCompound() {
        Staged s = ImportRows.check(row(2, "YG", "", "301", "张三", "", ID, "", "", "", ""), CHECKING, errors, seen);
        assertThat(s.buildingId()).isNull();
        assertThat(s.areaId()).isEqualTo(COMPOUND);
    }

    @Test
    void everyProblemOfARowIsNamed() {
        Staged s = ImportRows.check(row(7, "别的小区", "", "", "", "驾照", "123", "12", "", "外星人", ""), CHECKING,
                errors, seen);
        assertThat(s).isNull();
        assertThat(errors).extracting(RowError::field, RowError::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("姓名", ImportRows.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("证件类型", ImportRows.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("联系电话", ImportRows.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("小区", ImportRows.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("门牌号", ImportRows.Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("人员类别", ImportRows.Severity.WARNING));
        assertThat(errors).allMatch(e -> e.line() == 7);
    }

    /** Issue 21 A.2: the synonyms of every category are accepted; an unknown label keeps the person (ADR 0055). */
    @Test
    void synonymsAreAcceptedAndAnUnknownCategoryOnlyWarns() {
        Staged s = ImportRows.check(row(4, "阳光小区", "3栋", "301", "张三", "", ID, "", "",
                "医务人员家属、需配送物资；外星人, 空巢老人 基础病/残障、 承租人，外地返回、长期卧床、次密切接触者、ＭＥＤＩＣＡＬ_ＦＡＭＩＬＹ", ""),
                CHECKING, errors, seen);
        assertThat(s).as("an unknown category does not refuse the row").isNotNull();
        // the known ones, after the mark that one label was not understood (a registered person keeps theirs too)
        assertThat(s.categories()).containsExactly(ImportRows.MERGE, "BED_RIDDEN", "CHRONIC_ILLNESS", "DISABLED",
                "ELDERLY_ALONE", "MEDICAL_FAMILY", "NEEDS_DELIVERY", "RETURNEE", "SECONDARY_CONTACT", "TENANT");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(ImportRows.Severity.WARNING);
            assertThat(e.field()).isEqualTo("人员类别");
            assertThat(e.message()).contains("外星人").contains("租户、独居老人、慢性病、残疾人、医护家属、需送物资、密接、次密接、返乡人员、卧床");
        });
    }

    @Test
    void everyCategoryHasItsLabelsInOneTable() {
        assertThat(Resident.Category.parse(" 医护 人员家属 ")).isEqualTo(Resident.Category.MEDICAL_FAMILY);
        assertThat(Resident.Category.parse("需要配送")).isEqualTo(Resident.Category.NEEDS_DELIVERY);
        assertThat(Resident.Category.parse("密切接触者")).isEqualTo(Resident.Category.CLOSE_CONTACT);
        assertThat(Resident.Category.parse("tenant")).isEqualTo(Resident.Category.TENANT);
        assertThat(Resident.Category.parse("外星人")).isNull();
        for (Resident.Category c : Resident.Category.values()) {
            assertThat(c.labels()).first().isEqualTo(c.zh);
            c.labels().forEach(l -> assertThat(Resident.Category.parse(l)).as(l).isEqualTo(c));
        }
    }

    @Test
    void aBuildingNotInTheCompoundIsRefused() {
        ImportRows.check(row(2, "阳光小区", "9号楼", "301", "张三", "", ID, "", "", "", ""), CHECKING, errors, seen);
        assertThat(errors).extracting(RowError::field).containsExactly("楼栋");
    }

    @Test
    void theSameIdNumberTwiceIsRefusedTheSecondTime() {
        assertThat(ImportRows.check(row(2, "YG", "", "301", "张三", "", ID, "", "", "", ""), CHECKING, errors, seen))
                .isNotNull();
        assertThat(ImportRows.check(row(5, "YG", "", "302", "李四", "", ID, "", "", "", ""), CHECKING, errors, seen))
                .isNull();
        assertThat(errors).extracting(RowError::message).containsExactly("the same ID number is already on line 2");
    }

    @Test
    void longCellsAreCutOrRefused() {
        Staged s = ImportRows.check(row(2, "YG", "", "301", "张三", "", ID, "", "r".repeat(40), "", "x".repeat(300)),
                CHECKING, errors, seen);
        assertThat(s.relation()).hasSize(30);
        assertThat(s.returneeFrom()).hasSize(200);
        ImportRows.check(row(3, "YG", "", "d".repeat(51), "n".repeat(51), "", ID, "", "", "", ""), CHECKING, errors,
                seen);
        assertThat(errors).extracting(RowError::field).containsExactly("姓名", "门牌号");
        assertThat(errors.get(0).name()).isNull();
    }

    @Test
    void documentTypesAreReadInChineseOrByName() {
        assertThat(ImportRows.docType("居民身份证")).isEqualTo(DocType.MAINLAND_ID);
        assertThat(ImportRows.docType("护照")).isEqualTo(DocType.PASSPORT);
        assertThat(ImportRows.docType("港澳居民来往内地通行证")).isEqualTo(DocType.HK_MACAU_PERMIT);
        assertThat(ImportRows.docType("台湾居民来往大陆通行证")).isEqualTo(DocType.TAIWAN_PERMIT);
        assertThat(ImportRows.docType("passport")).isEqualTo(DocType.PASSPORT);
        assertThat(ImportRows.docType("驾照")).isNull();
    }

    @Test
    void aResidentRegisteredOutsideTheImportAreaIsNotWritten() {
        Staged inside = ImportRows.check(row(2, "YG", "", "301", "张三", "", ID, "", "", "", ""), CHECKING, errors, seen);
        Staged outside = ImportRows.check(row(3, "YG", "", "302", "李四", "", "110105198001010024", "", "", "", ""),
                CHECKING, errors, seen);
        Map<String, Boolean> existing = Map.of(java.util.HexFormat.of().formatHex(outside.idHmac()), false,
                java.util.HexFormat.of().formatHex(inside.idHmac()), true);
        assertThat(ImportRows.writable(List.of(inside, outside), existing, errors)).containsExactly(inside);
        assertThat(errors).extracting(RowError::line).containsExactly(3);
    }
}
