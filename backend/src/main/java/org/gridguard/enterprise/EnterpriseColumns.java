package org.gridguard.enterprise;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gridguard.census.ImportFile;
import org.gridguard.common.ApiProblem;

/**
 * The register sheet's Chinese columns (企业名称, 统一社会信用代码, 类型, 所属区域, 地址, 联系人, 联系电话, 员工人数, 复工日期,
 * 状态) with the spellings seen in the field. A note after a header ("企业名称（必填）") is ignored.
 */
final class EnterpriseColumns {

    enum Col {
        NAME("企业名称", "名称", "单位名称", "企业"),
        CREDIT_CODE("统一社会信用代码", "社会信用代码", "信用代码", "统一代码"),
        KIND("类型", "企业类型", "类别", "行业类型"),
        AREA("所属区域", "区域", "所属小区", "小区"),
        /** A sheet with one column for both: the text is tried as an area node, else kept as the address. */
        AREA_OR_ADDRESS("地址/所属区域", "所属区域/地址"),
        ADDRESS("地址", "详细地址", "企业地址", "经营地址"),
        CONTACT("联系人", "负责人", "联系人姓名"),
        PHONE("联系电话", "电话", "手机号", "手机号码", "联系方式"),
        EMPLOYEES("员工人数", "员工数", "人数", "职工人数", "从业人数"),
        RESUMED_ON("复工日期", "复工时间", "开工日期"),
        STATUS("状态", "复工状态");

        final List<String> names;

        Col(String... names) {
            this.names = List.of(names);
        }
    }

    /** The template's header, in order. */
    static final List<String> TEMPLATE = List.of("企业名称", "统一社会信用代码", "类型", "所属区域", "地址", "联系人", "联系电话",
            "员工人数", "复工日期", "状态");

    private final Map<Col, Integer> at;

    private EnterpriseColumns(Map<Col, Integer> at) {
        this.at = at;
    }

    /** Maps the header; 400 naming the file without 企业名称 or 统一社会信用代码. */
    static EnterpriseColumns of(List<String> header) {
        Map<Col, Integer> at = new EnumMap<>(Col.class);
        for (int i = 0; i < header.size(); i++) {
            String h = EnterpriseRules.halfWidth(header.get(i)).replace('\uFEFF', ' ').replaceAll("[\\s*（(].*$", "").strip();
            for (Col c : Col.values()) {
                if (c.names.contains(h)) {
                    at.putIfAbsent(c, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Col c : List.of(Col.NAME, Col.CREDIT_CODE)) {
            if (!at.containsKey(c)) {
                missing.add(c.names.get(0));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid("file", "the sheet has no " + String.join(" or ", missing) + " column; its columns are "
                    + String.join(", ", TEMPLATE));
        }
        return new EnterpriseColumns(at);
    }

    boolean has(Col c) {
        return at.containsKey(c);
    }

    /** The cell of the column in the row, or null. */
    String get(ImportFile.Row row, Col c) {
        Integer i = at.get(c);
        return i == null || i >= row.cells().size() ? null : row.cells().get(i);
    }
}
