package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.gridguard.common.ApiProblem;
import org.junit.jupiter.api.Test;

/** The notice as a printer gets it, without the server: plain JUnit (ADR 0033). */
class NoticePdfTest {

    static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    static final String URL = "https://gridguard.example/api/v1/quarantine-notices/verify";

    static NoticePdf.Notice notice(String kind, String site) {
        return new NoticePdf.Notice(kind, "Q20220405-7", "A1B2C3D4", "百花社区", "第一网格", site, "张<三>&",
                "1101**********123X", LocalDate.of(2022, 4, 5), LocalDate.of(2022, 4, 18), LocalDate.of(2022, 4, 19),
                LocalDate.of(2022, 4, 19), URL);
    }

    @Test
    void aHomeNoticeIsOneA4PageInChineseWithTheFontEmbeddedAndAQrCode() throws Exception {
        byte[] pdf = new NoticePdf(FONT, "WenQuanYiMicroHei").render(notice("HOME_ISOLATION", null));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        NoticePdfs.Read r = NoticePdfs.read(pdf);
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.text()).contains("解除居家医学观察告知书", "Q20220405-7", "A1B2C3D4", "1101**********123X",
                "张<三>&", "百花社区", "2022年4月5日", "2022年4月19日", "居家隔离医学观察", "社区盖章处");
        assertThat(r.fonts()).allMatch(f -> f.contains("WenQuanYi"));
        assertThat(r.allEmbedded()).as("every font embedded (FontFile2)").isTrue();
        assertThat(r.qrCodes()).containsExactly(URL + "?number=Q20220405-7&code=A1B2C3D4");
    }

    @Test
    void aCentralIsolationNoticeHasItsOwnTitleAndTheSite() throws Exception {
        byte[] pdf = new NoticePdf(FONT, "WenQuanYiMicroHei").render(notice("CENTRAL_ISOLATION", "健康驿站一号"));
        assertThat(NoticePdfs.read(pdf).text()).contains("解除集中隔离医学观察告知书", "健康驿站一号", "集中隔离医学观察");
    }

    @Test
    void aMissingFontIsA503ProblemNotABlankNotice() {
        assertThatThrownBy(() -> new NoticePdf("/nonexistent/wqy.ttc", "WenQuanYiMicroHei").render(notice("HOME_ISOLATION", null)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status).isEqualTo(503);
                    assertThat(p.getMessage()).contains("fonts-wqy-microhei");
                });
        assertThatThrownBy(() -> new NoticePdf(FONT, "NoSuchFace").render(notice("HOME_ISOLATION", null)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status).isEqualTo(503));
    }

    @Test
    void checkCodesCompareWhateverTheirCaseAndBlanks() {
        assertThat(NoticeRules.sameCode("A1B2C3D4", " a1b2c3d4 ")).isTrue();
        assertThat(NoticeRules.sameCode("A1B2C3D4", "A1B2C3D5")).isFalse();
        assertThat(NoticeRules.sameCode("A1B2C3D4", "")).isFalse();
        assertThat(NoticeRules.sameCode("A1B2C3D4", null)).isFalse();
        assertThat(NoticeRules.qrText("https://x/v?lang=zh", "Q1 2", "AB")).isEqualTo("https://x/v?lang=zh&number=Q1+2&code=AB");
    }
}
