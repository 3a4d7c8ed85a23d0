package org.gridguard.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.common.RateLimitFilter;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The release notice of a quarantine order through the API (issue 17 part 6, ADR 0033): the PDF for whoever reaches a
 * released order, audited; 409 before release, 404 out of reach; the public verification tells genuine from not
 * without telling a wrong code from an unknown number, nothing personal, at most 30 a minute per address.
 * Orders are inserted with SQL until the core's order API is merged.
 */
@QuarkusTest
class NoticeTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource ds;
    @Inject
    PiiCipher pii;
    @Inject
    RateLimitFilter rateLimits;

    record Order(UUID id, String number, String code, UUID residentId) {
    }

    /** An order of a resident of the cell, inserted as the core would leave it. */
    Order order(UUID cell, String kind, boolean released) throws Exception {
        UUID id = UUID.randomUUID();
        String number = "QT" + id.toString().substring(0, 8);
        String code = id.toString().substring(24, 32).toUpperCase();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id,
                  person_key, kind, reason, status, starts_on, ends_on, released_at, release_reason, created_by, updated_by)
                select ?, ?, ?, r.community_id, r.grid_cell_id, r.area_id, r.id, 'T:' || ?, ?, 'CLOSE_CONTACT', ?,
                  date '2022-04-05', date '2022-04-18', ?, ?, 'leader1', 'leader1'
                from resident r where r.grid_cell_id = ? order by r.id limit 1
                returning resident_id""")) {
            ps.setObject(1, id);
            ps.setString(2, number);
            ps.setString(3, code);
            ps.setString(4, id.toString());
            ps.setString(5, kind);
            ps.setString(6, released ? "RELEASED" : "ACTIVE");
            ps.setObject(7, released ? java.time.OffsetDateTime.parse("2022-04-19T02:00:00Z") : null);
            ps.setString(8, released ? "期满" : null);
            ps.setObject(9, cell);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a resident in the cell").isTrue();
                return new Order(id, number, code, (UUID) rs.getObject(1));
            }
        }
    }

    List<String> resident(UUID id) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select name, id_mask, id_cipher from resident where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2), pii.decrypt(rs.getString(3)));
            }
        }
    }

    int audits(UUID order) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from pii_audit where action = 'RELEASE_NOTICE' and subject_type = 'QUARANTINE_ORDER'"
                        + " and subject_id = ? and actor = 'worker1'")) {
            ps.setObject(1, order);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Response pdf(String token, UUID id) {
        return Api.as(token).accept("application/pdf, application/json").get("/api/v1/quarantines/" + id + "/release-notice.pdf");
    }

    @Test
    void aWorkerPrintsTheNoticeOfAReleasedOrderOfTheirCell_audited() throws Exception {
        Order o = order(Demo.CELL1, "HOME_ISOLATION", true);
        List<String> person = resident(o.residentId());
        byte[] body = pdf(Tokens.worker1(), o.id()).then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        NoticePdfs.Read r = NoticePdfs.read(body);
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.text()).contains("解除居家医学观察告知书", o.number(), o.code(), person.get(0), person.get(1),
                "2022年4月5日", "2022年4月19日");
        assertThat(r.text()).as("the ID number never in clear").doesNotContain(person.get(2));
        assertThat(r.allEmbedded()).isTrue();
        assertThat(r.qrCodes()).hasSize(1);
        assertThat(r.qrCodes().get(0)).contains("/verify?number=" + o.number() + "&code=" + o.code());
        assertThat(audits(o.id())).isEqualTo(1);
        pdf(Tokens.leader1(), o.id()).then().statusCode(200);
        pdf(Tokens.supervisor(), o.id()).then().statusCode(200);
    }

    @Test
    void theOrderViewShowsTheCheckCodeToThoseWhoMayPrintTheNotice() throws Exception {
        Order released = order(Demo.CELL1, "HOME_ISOLATION", true);
        for (String token : List.of(Tokens.worker1(), Tokens.leader1(), Tokens.supervisor())) {
            Api.as(token).get("/api/v1/quarantines/" + released.id()).then().statusCode(200)
                    .body("noticeCode", equalTo(released.code()));
        }
        Api.as(Tokens.admin()).get("/api/v1/quarantines/" + released.id()).then().statusCode(200)
                .body("noticeCode", org.hamcrest.Matchers.nullValue());
        Order active = order(Demo.CELL1, "HOME_MONITORING", false);
        Api.as(Tokens.leader1()).get("/api/v1/quarantines/" + active.id()).then().statusCode(200)
                .body("noticeCode", org.hamcrest.Matchers.nullValue());
        // the resident page finds a resident's orders by residentId
        Api.as(Tokens.leader1()).queryParam("residentId", released.residentId().toString()).get("/api/v1/quarantines").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(released.id().toString()))
                .body("items.person.residentId", org.hamcrest.Matchers.everyItem(equalTo(released.residentId().toString())));
    }

    @Test
    void aCentralIsolationNoticeHasItsTitle() throws Exception {
        Order o = order(Demo.CELL1, "CENTRAL_ISOLATION", true);
        assertThat(NoticePdfs.read(pdf(Tokens.leader1(), o.id()).then().statusCode(200).extract().asByteArray()).text())
                .contains("解除集中隔离医学观察告知书");
    }

    @Test
    void anActiveOrderHasNoNoticeYet() throws Exception {
        Order o = order(Demo.CELL1, "HOME_MONITORING", false);
        pdf(Tokens.worker1(), o.id()).then().statusCode(409).contentType(PROBLEM).body("type", endsWith("conflict"))
                .body("status", equalTo(409)).body("orderStatus", equalTo("ACTIVE"));
        assertThat(audits(o.id())).isZero();
    }

    @Test
    void anOrderOfAnotherGridAnswersLikeAMissingOne() throws Exception {
        Order o = order(Demo.CELL1, "HOME_ISOLATION", true);
        for (String token : List.of(Tokens.worker2(), Tokens.leader2())) {
            String hidden = pdf(token, o.id()).then().statusCode(404).contentType(PROBLEM).extract().asString();
            String missing = pdf(token, UUID.randomUUID()).then().statusCode(404).extract().asString();
            assertThat(strip(hidden)).isEqualTo(strip(missing));
        }
        pdf(Tokens.admin(), o.id()).then().statusCode(403);
        pdf(Tokens.agency(), o.id()).then().statusCode(403);
    }

    static String strip(String problem) {
        return problem.replaceAll("\"(instance|traceId|requestId)\":\"[^\"]*\",?", "");
    }

    static Response verify(String number, String code) {
        return Api.anonymous().queryParam("number", number).queryParam("code", code).get("/api/v1/quarantine-notices/verify");
    }

    @Test
    void theVerificationTellsGenuineFromNotAndNothingMore() throws Exception {
        rateLimits.reset();
        Order released = order(Demo.CELL1, "HOME_ISOLATION", true);
        Order active = order(Demo.CELL1, "HOME_ISOLATION", false);
        List<String> person = resident(released.residentId());
        String genuine = verify(released.number(), released.code().toLowerCase()).then().statusCode(200)
                .contentType("application/json").extract().asString();
        JsonPath g = JsonPath.from(genuine);
        assertThat(g.getBoolean("genuine")).isTrue();
        assertThat(g.getString("communityName")).isNotBlank();
        assertThat(g.getString("startsOn")).isEqualTo("2022-04-05");
        assertThat(g.getString("releasedOn")).isEqualTo("2022-04-19");
        assertThat(g.getMap("").keySet()).containsExactlyInAnyOrder("genuine", "communityName", "startsOn", "releasedOn");
        assertThat(genuine).doesNotContain(person.get(0), person.get(1), person.get(2), released.id().toString(),
                released.residentId().toString());

        String wrongCode = verify(released.number(), "00000000").then().statusCode(200).extract().asString();
        String unknown = verify("Q19990101-1", released.code()).then().statusCode(200).extract().asString();
        String notReleased = verify(active.number(), active.code()).then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(wrongCode).getBoolean("genuine")).isFalse();
        assertThat(wrongCode).isEqualTo(unknown).isEqualTo(notReleased);

        verify(released.number(), "").then().statusCode(400).contentType(PROBLEM);
        Api.anonymous().queryParam("number", released.number()).get("/api/v1/quarantine-notices/verify").then()
                .statusCode(400).contentType(PROBLEM);
        verify(released.number(), "x".repeat(65)).then().statusCode(400).contentType(PROBLEM);
        rateLimits.reset();
    }

    @Test
    void theVerificationAllows30AMinutePerAddress() {
        rateLimits.reset();
        try {
            // greedy refill (one token every 2 s): a slow machine may see a few more pass, never fewer
            int passed = 0;
            Response r = verify("Q19990101-0", "ABCDEF12");
            while (r.statusCode() == 200 && passed < 50) {
                passed++;
                r = verify("Q19990101-" + passed, "ABCDEF12");
            }
            assertThat(passed).isBetween(30, 49);
            r.then().statusCode(429).contentType(PROBLEM).body("status", equalTo(429));
            assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
            // a logged-in caller has a bucket of their own
            Api.as(Tokens.worker1()).queryParam("number", "Q1").queryParam("code", "A")
                    .get("/api/v1/quarantine-notices/verify").then().statusCode(200);
        } finally {
            rateLimits.reset();
        }
    }

    @Test
    void everyDownloadIsAudited() throws Exception {
        Order o = order(Demo.CELL1, "HOME_ISOLATION", true);
        pdf(Tokens.worker1(), o.id()).then().statusCode(200);
        pdf(Tokens.worker1(), o.id()).then().statusCode(200);
        assertThat(audits(o.id())).isEqualTo(2);
        // the community's supervisor reads them in the PII audit, with the order's number
        Api.as(Tokens.supervisor()).queryParam("subjectId", o.id().toString()).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("RELEASE_NOTICE", "RELEASE_NOTICE"))
                .body("items[0].actor", equalTo("worker1")).body("items[0].details.number", equalTo(o.number()));
    }
}
