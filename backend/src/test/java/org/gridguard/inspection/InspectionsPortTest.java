package org.gridguard.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.TestClock;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The Inspections port the metrics read: figures, item rates per template version, first-inspection days. */
@QuarkusTest
class InspectionsPortTest {

    @Inject
    Inspections port;
    @Inject
    DataSource ds;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    String path(UUID area) throws Exception {
        try (var c = ds.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("select path from area_node where id = '" + area + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void inspectCompound(Instant at, int... failing) {
        TestClock.set(at);
        InspectionTest.post(Tokens.leader1(), InspectionTest.body(Demo.COMPOUND1, InspectionTest.COMPOUND_TEMPLATE,
                InspectionTest.answers(InspectionTest.COMPOUND_TEMPLATE, failing))).statusCode(201);
    }

    @Test
    void figuresCountTheInspectionsOfThePeriodWithinTheAreaAndTheTasksOpenNow() throws Exception {
        inspectCompound(Instant.parse("2035-06-01T02:00:00Z"));
        inspectCompound(Instant.parse("2035-06-01T03:00:00Z"), 1, 2);
        inspectCompound(Instant.parse("2035-06-03T03:00:00Z"));
        Instant from = Instant.parse("2035-06-01T00:00:00Z");
        Instant to = Instant.parse("2035-06-02T00:00:00Z");
        Inspections.Figures zone1 = port.figures(path(Demo.ZONE1), from, to);
        assertThat(List.of(zone1.inspections(), zone1.passed(), zone1.failed())).containsExactly(2L, 1L, 1L);
        assertThat(zone1.openTasks()).isGreaterThanOrEqualTo(2);
        assertThat(zone1.overdueTasks()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(zone1.openTasks());
        Inspections.Figures zone2 = port.figures(path(Demo.ZONE2), from, to);
        assertThat(List.of(zone2.inspections(), zone2.passed(), zone2.failed())).containsExactly(0L, 0L, 0L);
    }

    @Test
    void itemRatesCountEachItemOfATemplateVersionByPosition() {
        inspectCompound(Instant.parse("2035-07-01T02:00:00Z"), 2);
        inspectCompound(Instant.parse("2035-07-01T04:00:00Z"), 2, 3);
        List<Inspections.ItemRate> rates = port.itemRates(null, Instant.parse("2035-07-01T00:00:00Z"),
                Instant.parse("2035-07-02T00:00:00Z"));
        assertThat(rates).hasSize(8).allSatisfy(r -> {
            assertThat(r.templateId().toString()).isEqualTo(InspectionTest.COMPOUND_TEMPLATE);
            assertThat(r.answered()).isEqualTo(2);
        });
        assertThat(rates).extracting(Inspections.ItemRate::failed).containsExactly(0L, 2L, 1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(rates.get(0).severity()).isEqualTo("MAJOR");
        assertThat(rates.get(1).severity()).isEqualTo("MINOR");
    }

    @Test
    void theFirstInspectionDayIsTheBusinessDayInShanghai() {
        TestClock.set(Instant.parse("2035-08-01T01:00:00Z"));
        String ent = FirstCheckTest.enterprise("首检测试厂", 801001, LocalDate.parse("2035-08-01"));
        String never = FirstCheckTest.enterprise("未检测试厂", 801002, LocalDate.parse("2035-08-01"));
        TestClock.set(Instant.parse("2035-08-01T17:00:00Z"));
        InspectionTest.post(Tokens.leader1(), FirstCheckTest.inspect(ent)).statusCode(201);
        TestClock.set(Instant.parse("2035-08-03T02:00:00Z"));
        InspectionTest.post(Tokens.leader1(), FirstCheckTest.inspect(ent)).statusCode(201);
        Map<UUID, LocalDate> days = port.firstInspectionDay(List.of(UUID.fromString(ent), UUID.fromString(never)));
        assertThat(days).containsExactly(Map.entry(UUID.fromString(ent), LocalDate.parse("2035-08-02")));
        assertThat(port.firstInspectionDay(List.of())).isEmpty();
    }
}
