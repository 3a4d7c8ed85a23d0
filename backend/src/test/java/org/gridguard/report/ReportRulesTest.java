package org.gridguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridguard.common.ApiProblem;
import org.gridguard.report.ReportViews.ChildStatus;
import org.junit.jupiter.api.Test;

class ReportRulesTest {

    static final List<Measure> MEASURES = List.of(Measure.level("x.households", "户", "Households"),
            Measure.count("x.done", "完成", "Done"), Measure.count("x.planned", "计划", "Planned"),
            Measure.ratio("x.rate", "率", "Rate", "x.done", "x.planned"));

    @Test
    void aRatioHasFourDecimalsAndIsNullOnAZeroDenominator() {
        assertThat(ReportRules.ratio(BigDecimal.ONE, BigDecimal.valueOf(3))).isEqualByComparingTo("0.3333");
        assertThat(ReportRules.ratio(BigDecimal.valueOf(2), BigDecimal.valueOf(3)).scale()).isEqualTo(4);
        assertThat(ReportRules.ratio(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(ReportRules.ratio(null, BigDecimal.ONE)).isNull();
    }

    @Test
    void completeFillsAbsentMeasuresWithZeroAndComputesRatios() {
        Map<String, BigDecimal> v = ReportRules.complete(Map.of("x.done", 3L, "x.planned", 4L), MEASURES);
        assertThat(v.get("x.households")).isEqualByComparingTo("0");
        assertThat(v.get("x.rate")).isEqualByComparingTo("0.75");
        assertThat(ReportRules.complete(Map.of(), MEASURES).get("x.rate")).isNull();
    }

    @Test
    void theRollUpSumsCountsAndLevelsAndRecomputesRatiosFromTheSums() {
        Map<String, BigDecimal> a = ReportRules.complete(Map.of("x.households", 100L, "x.done", 3L, "x.planned", 4L), MEASURES);
        Map<String, BigDecimal> b = ReportRules.complete(Map.of("x.households", 80L, "x.done", 1L, "x.planned", 6L), MEASURES);
        Map<String, BigDecimal> sum = ReportRules.sum(List.of(a, b), MEASURES);
        assertThat(sum.get("x.households")).isEqualByComparingTo("180");
        assertThat(sum.get("x.rate")).isEqualByComparingTo("0.4");
        assertThat(ReportRules.sum(List.of(), MEASURES).get("x.rate")).isNull();
    }

    @Test
    void theNodesOwnPartIsItsFiguresMinusItsChildrensAndCorrectsAThingCountedTwice() {
        Map<String, BigDecimal> z1 = ReportRules.complete(Map.of("x.households", 100L, "x.done", 3L, "x.planned", 4L), MEASURES);
        Map<String, BigDecimal> z2 = ReportRules.complete(Map.of("x.households", 80L, "x.done", 2L, "x.planned", 6L), MEASURES);
        // the community: its own gate's 1 of 1 done, and a thing both zones count (done 1) counted once
        Map<String, BigDecimal> c = ReportRules.complete(Map.of("x.households", 180L, "x.done", 5L, "x.planned", 11L), MEASURES);
        Map<String, BigDecimal> own = ReportRules.own(c, List.of(z1, z2), MEASURES);
        assertThat(own).doesNotContainKey("x.rate");
        assertThat(own.get("x.households")).isEqualByComparingTo("0");
        assertThat(own.get("x.done")).isEqualByComparingTo("0");
        assertThat(own.get("x.planned")).isEqualByComparingTo("1");
        assertThat(ReportRules.sum(List.of(z1, z2, own), MEASURES)).isEqualTo(ReportRules.sum(List.of(c), MEASURES));
    }

    @Test
    void aChildIsMissingSubmittedOrLate() {
        Instant parent = Instant.parse("2033-05-14T04:00:00Z");
        assertThat(ReportRules.status(null, false, parent)).isEqualTo(ChildStatus.MISSING);
        assertThat(ReportRules.status(parent.minusSeconds(60), false, parent)).isEqualTo(ChildStatus.SUBMITTED);
        assertThat(ReportRules.status(parent.plusSeconds(60), false, parent)).isEqualTo(ChildStatus.LATE);
        assertThat(ReportRules.status(parent.minusSeconds(60), true, parent)).isEqualTo(ChildStatus.LATE);
        assertThat(ReportRules.status(parent, false, null)).isEqualTo(ChildStatus.SUBMITTED);
    }

    @Test
    void textsAreTrimmedBlankIsNullAndLongIsRefused() {
        assertThat(ReportRules.text("problems", "  无  ")).isEqualTo("无");
        assertThat(ReportRules.text("problems", "   ")).isNull();
        assertThat(ReportRules.text("problems", " " + "长".repeat(2000) + " ")).hasSize(2000);
        assertThatThrownBy(() -> ReportRules.text("problems", "长".repeat(2001))).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aFutureDayAndACorrectionWithoutAReasonAre422() {
        LocalDate today = LocalDate.of(2033, 5, 14);
        ReportRules.notFuture(today, today);
        assertThatThrownBy(() -> ReportRules.notFuture(today.plusDays(1), today))
                .satisfies(e -> assertThat(((ApiProblem) e).status).isEqualTo(422));
        ReportRules.reasonFor(1, null);
        assertThatThrownBy(() -> ReportRules.reasonFor(2, null)).satisfies(e -> assertThat(((ApiProblem) e).errors.get(0).field())
                .isEqualTo("reason"));
    }
}
