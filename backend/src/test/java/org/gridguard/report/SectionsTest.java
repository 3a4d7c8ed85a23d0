package org.gridguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The sections are checked once, at startup: no two with one key, no measure twice or outside its section. */
class SectionsTest {

    record Plain(String key, int order, List<Measure> measures) implements DailySection {
        @Override
        public String titleZh() {
            return key;
        }

        @Override
        public String titleEn() {
            return key;
        }

        @Override
        public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
            return Map.of();
        }
    }

    static Sections of(DailySection... beans) {
        Sections s = new Sections();
        s.beans = List.of(beans);
        return s;
    }

    @Test
    void sectionsAreOrderedAndTheirMeasuresListedInOrder() {
        Sections s = of(new Plain("b", 20, List.of(Measure.count("b.one", "一", "One"))),
                new Plain("a", 10, List.of(Measure.level("a.two", "二", "Two"))));
        assertThat(s.ordered()).extracting(DailySection::key).containsExactly("a", "b");
        assertThat(s.measures().keySet()).containsExactly("a.two", "b.one");
    }

    @Test
    void twoSectionsWithOneKeyFailStartup() {
        assertThatThrownBy(() -> of(new Plain("a", 10, List.of()), new Plain("a", 20, List.of())).ordered())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key a");
    }

    @Test
    void aDuplicateMeasureOrOneOutsideItsSectionFailsStartup() {
        assertThatThrownBy(() -> of(new Plain("a", 10, List.of(Measure.count("a.xx", "x", "x"), Measure.count("a.xx", "y", "y"))))
                .ordered()).isInstanceOf(IllegalStateException.class).hasMessageContaining("a.xx");
        assertThatThrownBy(() -> of(new Plain("a", 10, List.of(Measure.count("b.xx", "x", "x")))).ordered())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("b.xx");
    }

    @Test
    void aFiguresMapWithoutADayGivesZerosAndNullRatios() {
        Sections s = of(new Plain("a", 10, List.of(Measure.count("a.done", "完成", "Done"), Measure.count("a.planned", "计划", "Planned"),
                Measure.ratio("a.rate", "率", "Rate", "a.done", "a.planned"))));
        LocalDate d = LocalDate.of(2033, 1, 1);
        var values = s.values("/", d, d.plusDays(1));
        assertThat(values.keySet()).containsExactly(d, d.plusDays(1));
        assertThat(values.get(d).get("a.done")).isZero();
        assertThat(values.get(d)).containsEntry("a.rate", null);
    }
}
