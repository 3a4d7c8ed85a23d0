package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.gridguard.census.ImportFile;
import org.gridguard.quarantine.ListItemRules.Checked;
import org.gridguard.quarantine.ListItemRules.Rejected;
import org.gridguard.quarantine.ListItemRules.Result;
import org.gridguard.quarantine.QuarantineListViews.ListItemInput;
import org.gridguard.security.pii.IdentityRules;
import org.junit.jupiter.api.Test;

class ListItemRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    /** The core's default durations (ADR 0031), secondary contacts configured to 7 days. */
    static final ListItemRules.Checking K = new ListItemRules.Checking(TODAY,
            (kind, reason, start) -> QuarantineRules.defaultEnd(QuarantineViews.Kind.valueOf(kind),
                    QuarantineViews.Reason.valueOf(reason), start,
                    key -> java.util.Optional.ofNullable(key.endsWith("HOME_ISOLATION.SECONDARY_CONTACT") ? 7 : null)),
            (kind, v) -> (kind + ":" + v).getBytes(StandardCharsets.UTF_8));
    static final String ID = id("44030519800101001");

    static String id(String first17) {
        return first17 + IdentityRules.checkCharacter(first17);
    }

    static ListItemInput in(String name, String doc, String phone, String door, String kind, String reason, String start,
            String end) {
        return new ListItemInput(name, null, doc, phone, door == null ? null : "一区", null, door, kind, reason, null, null,
                null, start, end);
    }

    static Result check(ListItemInput i) {
        return ListItemRules.check(7, i, K);
    }

    @Test
    void aGoodItemWithTheDefaults() {
        Checked c = (Checked) check(in("张三", ID.toLowerCase(), "138 1234 5678", null, null, "密接", null, null));
        assertThat(c.kind()).isEqualTo("HOME_ISOLATION");
        assertThat(c.reason()).isEqualTo("CLOSE_CONTACT");
        assertThat(c.startsOn()).isEqualTo(TODAY);
        assertThat(c.endsOn()).isEqualTo(TODAY.plusDays(13));
        Checked secondary = (Checked) check(in("张三", ID, null, null, null, "次密接", null, null));
        assertThat(secondary.endsOn()).as("the core's duration of the kind and reason").isEqualTo(TODAY.plusDays(6));
        assertThat(c.phone()).isEqualTo("13812345678");
        assertThat(c.key()).startsWith("D:");
    }

    @Test
    void theWordsOfTheSheets() {
        assertThat(((Checked) check(in("李", null, "13812345678", null, "居家健康监测", "次密接", "2026/12/8", "2026年12月20日")))
                .reason()).isEqualTo("SECONDARY_CONTACT");
        Checked c = (Checked) check(in("李", null, "13812345678", null, "居家健康监测", "中高风险地区返乡", "46363", null));
        assertThat(c.kind()).isEqualTo("HOME_MONITORING");
        assertThat(c.reason()).isEqualTo("RETURNEE");
        assertThat(c.startsOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(c.key()).isEqualTo("P:李|13812345678");
    }

    @Test
    void eachProblemRefusesTheItemWithItsField() {
        String bad = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        assertThat(field(in("张", bad, null, null, null, "OTHER", null, null))).isEqualTo("docNumber");
        assertThat(field(in("张", null, null, null, null, "OTHER", null, null))).isEqualTo("docNumber");
        assertThat(((Rejected) check(in("张", null, null, null, null, "OTHER", null, null))).problem())
                .contains("nothing to identify");
        assertThat(field(in("张", ID, "12345", null, null, "OTHER", null, null))).isEqualTo("phone");
        assertThat(field(in("张", ID, null, null, "HOTEL", "OTHER", null, null))).isEqualTo("kind");
        assertThat(field(in("张", ID, null, null, "集中隔离", "OTHER", null, null))).isEqualTo("kind");
        assertThat(field(in("张", ID, null, null, null, null, null, null))).isEqualTo("reason");
        assertThat(field(in("张", ID, null, null, null, "OTHER", "2026-12-10", "2026-12-09"))).isEqualTo("endsOn");
        assertThat(field(in("张", ID, null, null, null, "OTHER", "soon", null))).isEqualTo("startsOn");
        assertThat(field(in("张", ID, null, null, null, "OTHER", "2026-11-01", "2026-11-14"))).isEqualTo("endsOn");
        assertThat(field(in("张\u0000", ID, null, null, null, "OTHER", null, null))).isEqualTo("name");
        assertThat(field(in("张".repeat(51), ID, null, null, null, "OTHER", null, null))).isEqualTo("name");
        assertThat(check(in("张", null, null, "3-201", null, "OTHER", null, null))).isInstanceOf(Checked.class);
        assertThat(((Rejected) check(null)).field()).isEqualTo("item");
    }

    static String field(ListItemInput i) {
        Result r = check(i);
        assertThat(r).as(i.toString()).isInstanceOf(Rejected.class);
        return ((Rejected) r).field();
    }

    @Test
    void theSheetsColumnsAndSynonyms() {
        ListItemColumns cols = ListItemColumns.of(List.of("序号", "人员姓名", "证件号码", "联系方式", "所在小区", "楼号", "房号",
                "管控措施", "类别", "返回地", "病例编号", "关联人身份证号", "隔离开始日期", "解除日期（含）"));
        ListItemInput i = cols.item(new ImportFile.Row(2, List.of("1", "王五", ID, "13812345678", "一区", "3栋", "201",
                "居家隔离", "返乡", "武汉", "C-1", "", "2026-12-07", "2026-12-20")));
        assertThat(i).isEqualTo(new ListItemInput("王五", null, ID, "13812345678", "一区", "3栋", "201", "居家隔离", "返乡",
                "武汉", "C-1", "", "2026-12-07", "2026-12-20"));
        // the integration guide's short headers: 类型 is the kind (证件类型 stays the document's), 原因 the reason
        ListItemColumns guide = ListItemColumns.of(List.of("姓名", "证件类型", "证件号码", "手机号", "小区", "楼栋", "门牌号", "类型",
                "原因"));
        assertThat(guide.item(new ImportFile.Row(2, List.of("王五", "居民身份证", ID, "", "一区", "3栋", "201", "居家隔离", "密接"))))
                .isEqualTo(new ListItemInput("王五", "居民身份证", ID, "", "一区", "3栋", "201", "居家隔离", "密接", null, null, null,
                        null, null));
    }
}
