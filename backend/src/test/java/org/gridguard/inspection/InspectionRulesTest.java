package org.gridguard.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.ApiProblem;
import org.gridguard.inspection.InspectionRules.Item;
import org.gridguard.inspection.InspectionViews.AnswerInput;
import org.gridguard.inspection.InspectionViews.AnswerResult;
import org.gridguard.inspection.InspectionViews.PlaceType;
import org.gridguard.inspection.InspectionViews.Result;
import org.gridguard.inspection.InspectionViews.Severity;
import org.gridguard.inspection.InspectionViews.TemplateChildInput;
import org.gridguard.inspection.InspectionViews.TemplateItemInput;
import org.junit.jupiter.api.Test;

class InspectionRulesTest {

    static final Item MAJOR = new Item(UUID.randomUUID(), 1, null, "出入口有人值守", Severity.MAJOR);
    static final Item MINOR = new Item(UUID.randomUUID(), 2, MAJOR.id(), "测温登记", Severity.MINOR);
    static final List<Item> ITEMS = List.of(MAJOR, MINOR);

    static String field(Runnable r) {
        try {
            r.run();
        } catch (ApiProblem p) {
            return p.status + " " + p.errors.get(0).field();
        }
        return "accepted";
    }

    static AnswerInput pass(Item i) {
        return new AnswerInput(i.id(), AnswerResult.PASS, null, null);
    }

    @Test
    void everyItemIsAnsweredOnceAndAFailureNamesItsReasonAndResponsiblePerson() {
        assertThat(field(() -> InspectionRules.checkAnswers(ITEMS, List.of(pass(MAJOR), pass(MINOR))))).isEqualTo("accepted");
        assertThat(field(() -> InspectionRules.checkAnswers(ITEMS, List.of(pass(MAJOR))))).isEqualTo("422 answers");
        assertThat(field(() -> InspectionRules.checkAnswers(ITEMS, List.of(pass(MAJOR), pass(MAJOR)))))
                .isEqualTo("422 answers[1].itemId");
        assertThat(field(() -> InspectionRules.checkAnswers(ITEMS, List.of(pass(MAJOR),
                new AnswerInput(UUID.randomUUID(), AnswerResult.NA, null, null))))).isEqualTo("422 answers[1].itemId");
        assertThat(field(() -> InspectionRules.checkAnswers(ITEMS, List.of(pass(MAJOR),
                new AnswerInput(MINOR.id(), AnswerResult.FAIL, " ", "王经理"))))).isEqualTo("422 answers[1].reason");
        assertThat(field(() -> InspectionRules.checkAnswers(ITEMS, List.of(pass(MAJOR),
                new AnswerInput(MINOR.id(), AnswerResult.FAIL, "未测温", null))))).isEqualTo("422 answers[1].responsibleName");
        assertThat(field(() -> InspectionRules.checkAnswers(ITEMS, List.of(pass(MAJOR),
                new AnswerInput(MINOR.id(), AnswerResult.NA, null, null))))).isEqualTo("accepted");
    }

    @Test
    void theResultIsPassedIffNothingFailed() {
        assertThat(InspectionRules.result(List.of(pass(MAJOR), new AnswerInput(MINOR.id(), AnswerResult.NA, null, null))))
                .isEqualTo(Result.PASSED);
        assertThat(InspectionRules.result(List.of(pass(MAJOR), new AnswerInput(MINOR.id(), AnswerResult.FAIL, "x", "y"))))
                .isEqualTo(Result.FAILED);
    }

    @Test
    void majorFailuresAreDueSoonerAndAFirstCheckByTheEndOfTheBusinessDay() {
        Instant at = Instant.parse("2035-01-01T02:00:00Z");
        assertThat(InspectionRules.due(Severity.MAJOR, at, Duration.ofHours(24), Duration.ofHours(72)))
                .isEqualTo(Instant.parse("2035-01-02T02:00:00Z"));
        assertThat(InspectionRules.due(Severity.MINOR, at, Duration.ofHours(24), Duration.ofHours(72)))
                .isEqualTo(Instant.parse("2035-01-04T02:00:00Z"));
        assertThat(InspectionRules.endOfDay(LocalDate.parse("2035-01-01"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2035-01-01T16:00:00Z"));
    }

    @Test
    void aTemplateFitsItsPlaceTypeAndAnIsolationSiteMayUseACheckpointList() {
        assertThat(InspectionRules.fits(PlaceType.COMPOUND, PlaceType.COMPOUND)).isTrue();
        assertThat(InspectionRules.fits(PlaceType.CHECKPOINT, PlaceType.ISOLATION_SITE)).isTrue();
        assertThat(InspectionRules.fits(PlaceType.ISOLATION_SITE, PlaceType.CHECKPOINT)).isFalse();
        assertThat(InspectionRules.fits(PlaceType.ENTERPRISE, PlaceType.COMPOUND)).isFalse();
    }

    @Test
    void onlyAMajorItemHoldsMinorItems() {
        TemplateChildInput child = new TemplateChildInput("测温");
        InspectionRules.checkTemplate(List.of(new TemplateItemInput("值守", Severity.MAJOR, List.of(child))));
        assertThat(field(() -> InspectionRules.checkTemplate(List.of(new TemplateItemInput("值守", Severity.MAJOR, null),
                new TemplateItemInput("公告", Severity.MINOR, List.of(child)))))).isEqualTo("422 items[1].children");
    }

    @Test
    void aSignatureIsAPngOrJpegByItsFirstBytesUnderTheLimit() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 };
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 };
        String b64 = Base64.getEncoder().encodeToString(png);
        assertThat(InspectionRules.signature(b64)).isEqualTo(png);
        assertThat(InspectionRules.signature("data:image/png;base64," + b64)).isEqualTo(png);
        assertThat(InspectionRules.sniff(jpeg)).isEqualTo("image/jpeg");
        assertThat(InspectionRules.sniff("GIF89a".getBytes())).isNull();
        assertThat(field(() -> InspectionRules.signature(Base64.getEncoder().encodeToString("<svg/>".getBytes()))))
                .isEqualTo("422 signOff.signaturePng");
        assertThat(field(() -> InspectionRules.signature("***"))).isEqualTo("422 signOff.signaturePng");
        byte[] big = new byte[InspectionRules.MAX_SIGNATURE + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        assertThatThrownBy(() -> InspectionRules.signature(Base64.getEncoder().encodeToString(big)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status).isEqualTo(413));
    }
}
