package org.gridguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gridguard.security.pii.IdentityRules;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * Issue 17's journey against the real system (Keycloak tokens, the packaged API, its webhook dispatcher): the health
 * bureau (agency-demo) subscribes a webhook and sends a list of two residents of G01 → worker1 sees both in today's
 * visits → records a fever for one → leader1 has the FEVER alert → releases the other → the bureau gets
 * quarantine.released by webhook and the order in the delta feed, and the release notice opens as a PDF.
 */
class QuarantineJourneyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A valid mainland ID that no demo resident has (region 440306, a birth day from the clock). */
    static String newId() {
        long n = System.nanoTime();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(n, 20_000));
        String first17 = "440306" + birth.toString().replace("-", "") + String.format("%03d", Math.floorMod(n / 20_000, 1000));
        return first17 + IdentityRules.checkCharacter(first17);
    }

    static UUID nodeId(String code) throws Exception {
        try (Connection c = RealSystem.db(); PreparedStatement ps = c.prepareStatement("select id from area_node where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(code).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** A new resident of G01 (its first compound's first building), in a household of their own: {name, id, door}. */
    static String[] resident(String leader, UUID building, String name) {
        String door = "J-" + UUID.randomUUID().toString().substring(0, 6);
        String hh = RealSystem.as(leader).body(Map.of("areaId", building.toString(), "doorNumber", door))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        String id = newId();
        RealSystem.as(leader).body(Map.of("householdId", hh, "name", name, "idNumber", id)).post("/api/v1/residents").then()
                .statusCode(201);
        return new String[] { name, id, door };
    }

    static void await(String what, Supplier<Boolean> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!done.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(300);
        }
    }

    @Test
    void fromTheBureausListToTheReleaseNotice() throws Exception {
        List<JsonPath> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        receiver.createContext("/", ex -> {
            received.add(JsonPath.from(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        String agency = RealSystem.client("agency-demo", "agency-demo-secret");
        String worker = RealSystem.password("worker1");
        String leader = RealSystem.password("leader1");
        String hook = RealSystem.as(agency).body(Map.of("url", "http://127.0.0.2:" + receiver.getAddress().getPort() + "/journey",
                "events", List.of("quarantine.started", "quarantine.fever", "quarantine.released"))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        try {
            // the bureau sends a list of two residents of G01
            UUID building = nodeId("BH-C001-XQ01-B01");
            String caseRef = "E2E-CASE-" + UUID.randomUUID().toString().substring(0, 8);
            List<Map<String, Object>> items = new ArrayList<>();
            for (String[] r : List.of(resident(leader, building, "旅程甲"), resident(leader, building, "旅程乙"))) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", r[0]);
                item.put("docNumber", r[1]);
                item.put("compound", "BH-C001-XQ01");
                item.put("building", "BH-C001-XQ01-B01");
                item.put("door", r[2]);
                item.put("kind", "HOME_ISOLATION");
                item.put("reason", "CLOSE_CONTACT");
                item.put("sourceCaseRef", caseRef);
                items.add(item);
            }
            String list = RealSystem.as(agency).header("Idempotency-Key", "journey-" + caseRef)
                    .body(Map.of("reference", caseRef, "items", items)).post("/api/v1/quarantine-lists").then().statusCode(202)
                    .extract().path("id");
            await("the list's job", () -> "DONE".equals(RealSystem.as(agency).get("/api/v1/quarantine-lists/" + list).then()
                    .statusCode(200).extract().path("status")));
            JsonPath outcomes = RealSystem.as(agency).get("/api/v1/quarantine-lists/" + list + "/items").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(outcomes.getList("items.outcome")).containsExactly("MATCHED", "MATCHED");
            String fevered = outcomes.getString("items.find { it.line == 1 }.orderId");
            String released = outcomes.getString("items.find { it.line == 2 }.orderId");

            // worker1 sees the two people in today's visits
            List<String> due = RealSystem.as(worker).get("/api/v1/quarantine-visits/due?limit=500").then().statusCode(200)
                    .extract().jsonPath().getList("items.orderId");
            assertThat(due).contains(fevered, released);

            // a fever at the door: leader1 has the FEVER alert
            Map<String, Object> visit = new LinkedHashMap<>();
            visit.put("clientRef", UUID.randomUUID().toString());
            visit.put("visitedAt", OffsetDateTime.now(ZONE).minusMinutes(1).withNano(0).toString());
            visit.put("mode", "DOOR");
            visit.put("temperature", 38.4);
            visit.put("symptoms", List.of("FEVER", "COUGH"));
            visit.put("sealIntact", true);
            String alert = RealSystem.as(worker).body(visit).post("/api/v1/quarantines/" + fevered + "/visits").then()
                    .statusCode(201).extract().path("feverAlertId");
            assertThat(alert).isNotNull();
            RealSystem.as(leader).get("/api/v1/alerts/" + alert).then().statusCode(200).body("alert.kind", equalTo("FEVER"));
            assertThat(RealSystem.as(leader).get("/api/v1/alerts?kind=FEVER&limit=500").then().statusCode(200).extract()
                    .jsonPath().<String>getList("items.id")).contains(alert);

            // leader1 releases the other
            int version = RealSystem.as(leader).get("/api/v1/quarantines/" + released).then().statusCode(200).extract()
                    .path("version");
            RealSystem.as(leader).body(Map.of("reason", "医学观察期满", "version", version))
                    .post("/api/v1/quarantines/" + released + "/release").then().statusCode(200);

            // the bureau: started for both, the fever, the release by webhook; the orders in its delta feed
            await("the webhooks", () -> events(received, "quarantine.released", released) == 1
                    && events(received, "quarantine.started", fevered) == 1 && events(received, "quarantine.started", released) == 1
                    && events(received, "quarantine.fever", fevered) == 1);
            for (JsonPath p : received) {
                assertThat(p.prettify()).as("nothing personal in a webhook").doesNotContain("旅程", "idNumber", "phone");
            }
            await("the orders in the feed", () -> {
                List<String> feed = feed(agency);
                return feed.contains(released) && feed.contains(fevered);
            });

            // the release notice opens
            byte[] pdf = RealSystem.as(leader).accept("application/pdf")
                    .get("/api/v1/quarantines/" + released + "/release-notice.pdf").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            String number = RealSystem.as(leader).get("/api/v1/quarantines/" + released).then().extract().path("number");
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isEqualTo(1);
                assertThat(new PDFTextStripper().getText(doc)).contains(number);
            }
        } finally {
            RealSystem.as(agency).delete("/api/v1/webhooks/" + hook).then().statusCode(204);
            receiver.stop(0);
        }
    }

    static long events(List<JsonPath> received, String type, String orderId) {
        return received.stream().filter(p -> type.equals(p.getString("type")) && orderId.equals(p.getString("data.orderId")))
                .count();
    }

    /** Every change of orders in the agency's feed, from its start. */
    static List<String> feed(String agency) {
        List<String> ids = new ArrayList<>();
        String next = null;
        boolean more = true;
        while (more) {
            JsonPath p = RealSystem.as(agency).get("/api/v1/changes?entity=QUARANTINE_ORDER&limit=500"
                    + (next == null ? "" : "&cursor=" + next)).then().statusCode(200).extract().jsonPath();
            ids.addAll(p.getList("items.id"));
            next = p.getString("next");
            more = p.getBoolean("hasMore");
        }
        return ids;
    }
}
