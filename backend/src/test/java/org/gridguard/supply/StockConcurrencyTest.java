package org.gridguard.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** 32 devices issue the same item at the same moment: exactly floor(stock / q) succeed, the rest get 409. */
@QuarkusTest
class StockConcurrencyTest {

    @Inject
    DataSource ds;

    @Test
    void thirtyTwoConcurrentIssuesNeverDriveStockBelowZero() throws Exception {
        UUID masks = Supplies.item("COUNT");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        Supplies.purchase(office, masks, 50);
        int q = 3;
        String token = Tokens.leader1();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return Api.as(token).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Supplies.issueToPerson(office, masks, q)).post("/api/v1/supplies/movements/issues")
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(50 / q);
        assertThat(codes.stream().filter(c -> c == 409).count()).isEqualTo(32 - 50 / q);
        BigDecimal balance = Supplies.onHand(Tokens.supervisor(), office, masks);
        assertThat(balance).isEqualByComparingTo(BigDecimal.valueOf(50 % q));
        assertThat(ledgerSum(office, masks)).isEqualByComparingTo(balance);
    }

    @Test
    void theLedgerIsAppendOnly() throws Exception {
        UUID masks = Supplies.item("COUNT");
        UUID office = Supplies.place("COMMUNITY_OFFICE", Demo.COMMUNITY, null);
        String id = Supplies.purchase(office, masks, 5);
        for (String sql : List.of("update supply_movement set actor = 'someone' where id = ?",
                "delete from supply_movement_line where movement_id = ?", "delete from supply_movement where id = ?")) {
            try (var c = ds.getConnection(); var ps = c.prepareStatement(sql)) {
                ps.setObject(1, UUID.fromString(id));
                org.assertj.core.api.Assertions.assertThatThrownBy(ps::executeUpdate)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(ledgerSum(office, masks)).isEqualByComparingTo("5");
    }

    BigDecimal ledgerSum(UUID place, UUID item) throws Exception {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(
                "select coalesce(sum(delta), 0) from supply_movement_line where place_id = ? and item_id = ?")) {
            ps.setObject(1, place);
            ps.setObject(2, item);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
