package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gridguard.common.ApiProblem;
import org.gridguard.quarantine.SiteViews.Occupancy;
import org.gridguard.quarantine.SiteViews.OccupancyDay;
import org.junit.jupiter.api.Test;

class SiteRulesTest {

    static final LocalDate TODAY = LocalDate.of(2035, 3, 2);

    @Test
    void periodDefaultsToTheLastWeekAndRefusesBadRanges() {
        assertThat(SiteRules.period(null, null, TODAY)).containsExactly(LocalDate.of(2035, 2, 24), TODAY);
        assertThat(SiteRules.period(TODAY, TODAY, TODAY)).containsExactly(TODAY, TODAY);
        assertThatThrownBy(() -> SiteRules.period(TODAY, TODAY.minusDays(1), TODAY)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("before from");
        assertThatThrownBy(() -> SiteRules.period(TODAY.minusDays(92), TODAY, TODAY)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("92 days");
        assertThat(SiteRules.period(TODAY.minusDays(91), TODAY, TODAY)[0]).isEqualTo(TODAY.minusDays(91));
    }

    @Test
    void aTimeIsNowByDefaultAndNeverInTheFuture() {
        Instant now = Instant.parse("2035-03-02T04:00:00Z");
        assertThat(SiteRules.when(null, now, "arrivedAt")).isEqualTo(now);
        assertThat(SiteRules.when(now.minusSeconds(3600), now, "arrivedAt")).isEqualTo(now.minusSeconds(3600));
        assertThat(SiteRules.when(now.plusSeconds(30), now, "arrivedAt")).isEqualTo(now.plusSeconds(30));
        assertThatThrownBy(() -> SiteRules.when(now.plusSeconds(3600), now, "arrivedAt")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("future");
    }

    @Test
    void aRoomTakesGuestsUpToItsBeds() {
        assertThat(SiteRules.hasFreeBed(2, 1)).isTrue();
        assertThat(SiteRules.hasFreeBed(2, 2)).isFalse();
        assertThat(SiteRules.full("101", 1).status).isEqualTo(409);
        assertThat(SiteRules.full("101", 1).getMessage()).isEqualTo("Room 101 is full: its 1 bed is taken");
        assertThat(SiteRules.fewerBedsThanGuests("102", 2).getMessage()).contains("has 2 guests");
    }

    @Test
    void occupancyCsvHasOneRowADay() {
        String csv = SiteRules.csv(new Occupancy(UUID.randomUUID(), "健康驿站", TODAY, TODAY, 12,
                List.of(new OccupancyDay(TODAY, 3, 2, 1, 1))));
        assertThat(csv).startsWith("\uFEFFsite,date,beds,guests,overnight,arrivals,departures")
                .contains("健康驿站,2035-03-02,12,3,2,1,1");
    }
}
