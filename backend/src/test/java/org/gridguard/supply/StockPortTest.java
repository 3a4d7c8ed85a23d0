package org.gridguard.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.gridguard.common.ApiProblem;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The port the delivery runs call: issue a drop's items as worker1 from the community office, names, figures. */
@QuarkusTest
class StockPortTest {

    @Inject
    Stock stock;

    static UUID office;
    static UUID masks;
    static UUID rice;

    static synchronized void setUp() {
        if (office == null) {
            masks = Supplies.item("COUNT");
            rice = Supplies.item("KG");
            office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
            Supplies.purchase(office, masks, 10);
            Supplies.purchase(office, rice, new BigDecimal("5.5"));
        }
    }

    static int status(Runnable r) {
        try {
            r.run();
            return 0;
        } catch (ApiProblem p) {
            return p.status;
        }
    }

    @Test
    @TestSecurity(user = "worker1", roles = "grid-worker")
    void aWorkerIssuesADropFromTheOfficeAndTheLedgerKnowsTheRun() {
        setUp();
        UUID run = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        UUID id = stock.issueForDelivery(office, List.of(new Stock.Line(masks, new BigDecimal("4")),
                new Stock.Line(rice, new BigDecimal("2.5"))), run, need, household, "worker1");
        assertThat(id).isNotNull();
        var m = Api.as(Tokens.supervisor()).get("/api/v1/supplies/movements/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(m.getString("issuedTo")).isEqualTo("DELIVERY_RUN");
        assertThat(m.getString("runId")).isEqualTo(run.toString());
        assertThat(m.getString("needId")).isEqualTo(need.toString());
        assertThat(m.getString("householdId")).isEqualTo(household.toString());
        assertThat(m.getString("actor")).isEqualTo("worker1");
        assertThat(m.getList("lines")).hasSize(2);
        assertThat(Supplies.onHand(Tokens.supervisor(), office, rice)).isEqualByComparingTo("3");
    }

    @Test
    @TestSecurity(user = "worker1", roles = "grid-worker")
    void shortfallsBadQuantitiesAndUnknownThingsAreProblems() {
        setUp();
        BigDecimal before = Supplies.onHand(Tokens.supervisor(), office, masks);
        ApiProblem p = (ApiProblem) org.assertj.core.api.Assertions.catchThrowable(() -> stock.issueForDelivery(office,
                List.of(new Stock.Line(masks, before.add(BigDecimal.ONE))), UUID.randomUUID(), null, null, "worker1"));
        assertThat(p.status).isEqualTo(409);
        assertThat(p.getMessage()).contains(Supplies.name(masks) + ": " + before.stripTrailingZeros().toPlainString()
                + " on hand, " + before.add(BigDecimal.ONE).stripTrailingZeros().toPlainString() + " asked");
        assertThat(status(() -> stock.issueForDelivery(office, List.of(new Stock.Line(masks, new BigDecimal("0.5"))),
                null, null, null, "worker1"))).isEqualTo(400);
        assertThat(status(() -> stock.issueForDelivery(office, List.of(new Stock.Line(masks, BigDecimal.ZERO)),
                null, null, null, "worker1"))).isEqualTo(400);
        assertThat(status(() -> stock.issueForDelivery(office, List.of(new Stock.Line(UUID.randomUUID(), BigDecimal.ONE)),
                null, null, null, "worker1"))).isEqualTo(404);
        assertThat(status(() -> stock.issueForDelivery(UUID.randomUUID(), List.of(new Stock.Line(masks, BigDecimal.ONE)),
                null, null, null, "worker1"))).isEqualTo(404);
        assertThat(Supplies.onHand(Tokens.supervisor(), office, masks)).isEqualByComparingTo(before);
    }

    @Test
    @TestSecurity(user = "worker2", roles = "grid-worker")
    void aPlaceOutsideTheWorkersCellsIsMissing() {
        setUp();
        UUID gate = Supplies.place("CHECKPOINT", null, Demo.id("BH-C001-KK4"));
        Supplies.purchase(gate, masks, 3);
        assertThatThrownBy(() -> stock.issueForDelivery(gate, List.of(new Stock.Line(masks, BigDecimal.ONE)), null, null,
                null, "worker2")).isInstanceOf(ApiProblem.class).hasMessage("Storage place not found");
        assertThat(Supplies.onHand(Tokens.supervisor(), gate, masks)).isEqualByComparingTo("3");
    }

    @Test
    void namesAndFigures() {
        setUp();
        assertThat(stock.names(List.of(masks, UUID.randomUUID()))).containsOnlyKeys(masks)
                .extractingByKey(masks).extracting(Stock.ItemName::unit).isEqualTo("只");
        Instant now = Instant.now();
        List<Stock.CategoryFigures> all = stock.figures(null, now.minusSeconds(3600), now.plusSeconds(60));
        assertThat(all).extracting(Stock.CategoryFigures::category).contains("PROTECTIVE_EQUIPMENT", "FOOD", "OTHER");
        Stock.CategoryFigures pe = all.stream().filter(f -> f.category().equals("PROTECTIVE_EQUIPMENT")).findFirst().get();
        assertThat(pe.onHand()).isGreaterThan(BigDecimal.ZERO);
        List<Stock.CategoryFigures> nowhere = stock.figures("/nowhere/", now.minusSeconds(3600), now);
        assertThat(nowhere).allSatisfy(f -> assertThat(f.onHand()).isEqualByComparingTo("0"));
    }
}
