package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridguard.census.CensusFixtures.newHousehold;
import static org.gridguard.census.CensusFixtures.newResident;
import static org.gridguard.census.CensusFixtures.validId;
import static org.gridguard.census.CensusFixtures.validMobile;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Households, residents, validation, masking in every shape, unmask and its audit, history, verification. */
@QuarkusTest
class CensusTest {

    static final String B1 = "BH-C001-XQ01-B01";
    static final String ID_MASK = "\\d{6}\\*{8}\\d{3}[\\dX]";
    static final String PHONE_MASK = "1\\d{2}\\*{4}\\d{4}";

    @Inject
    DataSource ds;

    @Test
    void registerAHouseholdAndAResident_readMaskedEverywhere() {
        String hh = newHousehold(Tokens.worker1(), B1);
        String id = validId();
        String phone = validMobile();
        // create answers masked
        var created = Api.as(Tokens.worker1()).body(Map.of("householdId", hh, "name", "王芳", "idNumber", id.toLowerCase(),
                "phone", phone, "categories", List.of("TENANT", "ELDERLY_ALONE"), "relation", "户主"))
                .post("/api/v1/residents").then().statusCode(201).header("Location", containsString("/api/v1/residents/"))
                .body("idNumber", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("birthDate", equalTo(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)))
                .body("sex", equalTo((id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE")).extract();
        String rid = created.path("id");
        assertThat(created.asString()).doesNotContain(id).doesNotContain(phone);
        // single read, list, search, patch, history: all masked
        String one = Api.as(Tokens.worker1()).get("/api/v1/residents/" + rid).then().statusCode(200)
                .header("ETag", "\"0\"").body("idNumber", matchesPattern(ID_MASK)).extract().asString();
        String list = Api.as(Tokens.worker1()).queryParam("householdId", hh).get("/api/v1/residents").then().statusCode(200)
                .body("items.idNumber", everyItem(matchesPattern(ID_MASK)))
                .body("items.phone", everyItem(matchesPattern(PHONE_MASK))).extract().asString();
        String search = Api.as(Tokens.worker1()).body(Map.of("idNumber", id)).post("/api/v1/residents/search").then()
                .statusCode(200).body("items.id", equalTo(List.of(rid))).extract().asString();
        String byPhone = Api.as(Tokens.worker1()).body(Map.of("phone", phone)).post("/api/v1/residents/search").then()
                .statusCode(200).body("items.id", hasItem(rid)).extract().asString();
        String patched = Api.as(Tokens.worker1()).header("If-Match", "\"0\"").body(Map.of("phone", validMobile()))
                .patch("/api/v1/residents/" + rid).then().statusCode(200).body("version", equalTo(1))
                .body("phone", matchesPattern(PHONE_MASK)).extract().asString();
        String history = Api.as(Tokens.worker1()).get("/api/v1/residents/" + rid + "/history").then().statusCode(200)
                .body("[0].changes.phone.changed", equalTo(true)).body("[1].action", equalTo("CREATE")).extract()
                .asString();
        for (String body : List.of(one, list, search, byPhone, patched, history)) {
            assertThat(body).doesNotContain(id).doesNotContain(phone);
        }
        // the supervisor's export: masked by default
        String csv = Api.as(Tokens.supervisor()).body(Map.of("areaId", Demo.CELL1.toString()))
                .post("/api/v1/exports/residents").then().statusCode(200).contentType(startsWith("text/csv")).extract()
                .asString();
        assertThat(csv).contains(rid).contains(id.substring(0, 6) + "********").doesNotContain(id).doesNotContain(phone);
        assertThat(csv.lines().skip(1).filter(l -> l.matches(".*\\b\\d{17}[\\dX]\\b.*"))).isEmpty();
        // and the household export
        Api.as(Tokens.supervisor()).body("{}").post("/api/v1/exports/households").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(hh));
    }

    @Test
    void validationGivesOneMessagePerProblem() {
        String hh = newHousehold(Tokens.worker1(), B1);
        Api.as(Tokens.worker1()).body(Map.of("householdId", hh, "name", "李四", "idNumber", "991005194902300021",
                "phone", "12345")).post("/api/v1/residents").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.findAll { it.field == 'idNumber' }.size()", equalTo(3))
                .body("errors.field", hasItem("phone"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("991005194902300021")));
        Api.as(Tokens.worker1()).body(Map.of("householdId", hh, "name", "Tom", "idType", "PASSPORT", "idNumber", "E1234567"))
                .post("/api/v1/residents").then().statusCode(201).body("idType", equalTo("PASSPORT"))
                .body("idNumber", equalTo("E1****67")).body("sex", equalTo(null));
        Api.as(Tokens.worker1()).body(Map.of("householdId", hh, "name", "x")).post("/api/v1/residents").then()
                .statusCode(400).body("errors.field", hasItem("idNumber"));
    }

    @Test
    void sameIdTwiceInACommunityIs409NamingTheExistingRecordOnly() {
        String hh = newHousehold(Tokens.worker1(), B1);
        String id = validId();
        String first = newResident(Tokens.worker1(), hh, id, validMobile());
        String body = Api.as(Tokens.leader1()).body(Map.of("householdId", hh, "name", "另一个", "idNumber", id))
                .post("/api/v1/residents").then().statusCode(409).body("existingId", equalTo(first)).extract().asString();
        assertThat(body).doesNotContain(id).doesNotContain("王");
    }

    @Test
    void householdsAreUniqueByDoor_lockedByVersion_retriesAreIdempotent() {
        UUID cid = UUID.randomUUID();
        Map<String, Object> req = Map.of("id", cid.toString(), "areaId", Demo.id(B1).toString(), "doorNumber",
                "IDEM-" + cid.toString().substring(0, 6));
        Api.as(Tokens.worker1()).body(req).post("/api/v1/households").then().statusCode(201);
        Api.as(Tokens.worker1()).body(req).post("/api/v1/households").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(cid.toString()));
        Api.as(Tokens.worker1()).body(Map.of("areaId", Demo.id(B1).toString(), "doorNumber", req.get("doorNumber")))
                .post("/api/v1/households").then().statusCode(409).body("existingId", equalTo(cid.toString()));
        String key = UUID.randomUUID().toString();
        Map<String, Object> other = Map.of("areaId", Demo.id(B1).toString(), "doorNumber", "KEY-" + key.substring(0, 6));
        String a = Api.as(Tokens.worker1()).header("Idempotency-Key", key).body(other).post("/api/v1/households").then()
                .statusCode(201).extract().path("id");
        Api.as(Tokens.worker1()).header("Idempotency-Key", key).body(other).post("/api/v1/households").then()
                .statusCode(201).body("id", equalTo(a));
        Api.as(Tokens.worker1()).header("If-Match", "\"0\"").body(Map.of("status", "VACANT"))
                .patch("/api/v1/households/" + a).then().statusCode(200).body("status", equalTo("VACANT"));
        Api.as(Tokens.worker1()).header("If-Match", "\"0\"").body(Map.of("status", "OCCUPIED"))
                .patch("/api/v1/households/" + a).then().statusCode(412);
        Api.as(Tokens.worker1()).body(Map.of("status", "OCCUPIED")).patch("/api/v1/households/" + a).then().statusCode(428);
        Api.as(Tokens.worker1()).get("/api/v1/households/" + a + "/history").then().statusCode(200)
                .body("[0].changes.status.old", equalTo("OCCUPIED")).body("[0].changes.status.new", equalTo("VACANT"))
                .body("[0].actor", equalTo("worker1"));
    }

    @Test
    void statusChangesAreRecorded_neverDeleted() {
        String hh = newHousehold(Tokens.worker1(), B1);
        String rid = newResident(Tokens.worker1(), hh, validId(), validMobile());
        Api.as(Tokens.worker1()).body(Map.of("status", "MOVED_OUT", "version", 0)).patch("/api/v1/residents/" + rid)
                .then().statusCode(200).body("status", equalTo("MOVED_OUT"));
        Api.as(Tokens.worker1()).get("/api/v1/residents/" + rid + "/history").then()
                .body("[0].action", equalTo("STATUS")).body("[0].changes.status.new", equalTo("MOVED_OUT"));
        Api.as(Tokens.worker1()).delete("/api/v1/residents/" + rid).then().statusCode(405);
        Api.as(Tokens.worker1()).queryParam("status", "MOVED_OUT").queryParam("householdId", hh).get("/api/v1/residents")
                .then().body("items.id", equalTo(List.of(rid)));
    }

    @Test
    void verificationRounds() {
        String hh = newHousehold(Tokens.worker1(), B1);
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", "2022-04-01", "method", "PHONE", "findings", "无人接听"))
                .post("/api/v1/households/" + hh + "/verifications").then().statusCode(201);
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", "2022-04-02", "method", "VISIT", "findings", "上门无人",
                "householdStatus", "UNREACHABLE")).post("/api/v1/households/" + hh + "/verifications").then()
                .statusCode(201).body("verifiedBy", equalTo("worker1"));
        Api.as(Tokens.worker1()).get("/api/v1/households/" + hh + "/verifications").then().statusCode(200)
                .body("method", equalTo(List.of("VISIT", "PHONE")));
        Api.as(Tokens.worker1()).get("/api/v1/households/" + hh).then().body("status", equalTo("UNREACHABLE"))
                .body("lastVerifiedOn", equalTo("2022-04-02"));
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", "2999-01-01", "method", "VISIT"))
                .post("/api/v1/households/" + hh + "/verifications").then().statusCode(400);
    }

    @Test
    void aNoticeLeftIsListedButVerifiesNothing() {
        String hh = newHousehold(Tokens.worker1(), B1);
        String path = "/api/v1/households/" + hh;
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", "2022-04-01", "method", "VISIT"))
                .post(path + "/verifications").then().statusCode(201);
        var before = Api.as(Tokens.worker1()).get(path).then().extract().jsonPath();
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", "2022-04-05", "method", "NOTICE", "findings", "门上张贴告知单"))
                .post(path + "/verifications").then().statusCode(201).body("method", equalTo("NOTICE"));
        Api.as(Tokens.worker1()).get(path + "/verifications").then().statusCode(200)
                .body("method", equalTo(List.of("NOTICE", "VISIT")))
                .body("findings", hasItem("门上张贴告知单"));
        // the household was last verified by the visit, and the notice changed nothing of it
        Api.as(Tokens.worker1()).get(path).then().body("lastVerifiedOn", equalTo("2022-04-01"))
                .body("status", equalTo(before.getString("status"))).body("version", equalTo(before.getInt("version")))
                .body("updatedAt", equalTo(before.getString("updatedAt")));
        // a notice cannot set the status: 422 naming householdStatus, nothing recorded
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", "2022-04-06", "method", "NOTICE",
                "householdStatus", "UNREACHABLE")).post(path + "/verifications").then().statusCode(422)
                .body("errors[0].field", equalTo("householdStatus"));
        Api.as(Tokens.worker1()).get(path + "/verifications").then().body("size()", equalTo(2));
        Api.as(Tokens.worker1()).get(path).then().body("status", equalTo(before.getString("status")));
        // a household with only a notice is still never verified
        String other = newHousehold(Tokens.worker1(), B1);
        Api.as(Tokens.worker1()).body(Map.of("verifiedOn", "2022-04-05", "method", "NOTICE"))
                .post("/api/v1/households/" + other + "/verifications").then().statusCode(201);
        Api.as(Tokens.worker1()).get("/api/v1/households/" + other).then().body("lastVerifiedOn", equalTo(null));
    }

    @Test
    void unmaskFollowsTheRoleTable_andWritesExactlyOneAuditRowPerRead() {
        String hh = newHousehold(Tokens.worker1(), B1);
        String id = validId();
        String phone = validMobile();
        String rid = newResident(Tokens.worker1(), hh, id, phone);
        Map<String, Object> both = Map.of("fields", List.of("ID_NUMBER", "PHONE"), "reason", "核对身份");
        Map<String, Object> phoneOnly = Map.of("fields", List.of("PHONE"), "reason", "电话随访");
        long before = auditRows(rid);
        // a worker may see phones of their own cell, not ID numbers
        Api.as(Tokens.worker1()).body(phoneOnly).post("/api/v1/residents/" + rid + "/unmask").then().statusCode(200)
                .body("phone", equalTo(phone)).body("idNumber", equalTo(null));
        Api.as(Tokens.worker1()).body(both).post("/api/v1/residents/" + rid + "/unmask").then().statusCode(403);
        // another cell's worker does not even learn the resident exists
        Api.as(Tokens.worker2()).body(phoneOnly).post("/api/v1/residents/" + rid + "/unmask").then().statusCode(404);
        // leaders and supervisors in jurisdiction see both
        Api.as(Tokens.leader1()).body(both).post("/api/v1/residents/" + rid + "/unmask").then().statusCode(200)
                .body("idNumber", equalTo(id)).body("phone", equalTo(phone));
        Api.as(Tokens.leader2()).body(both).post("/api/v1/residents/" + rid + "/unmask").then().statusCode(404);
        Api.as(Tokens.supervisor()).body(both).post("/api/v1/residents/" + rid + "/unmask").then().statusCode(200);
        // admin has no special access
        Api.as(Tokens.admin()).body(both).post("/api/v1/residents/" + rid + "/unmask").then().statusCode(403);
        // a reason is required
        Api.as(Tokens.leader1()).body(Map.of("fields", List.of("PHONE"))).post("/api/v1/residents/" + rid + "/unmask")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        // three successful unmasked reads, three rows; refused ones leave none
        assertThat(auditRows(rid) - before).isEqualTo(3);
        Api.as(Tokens.supervisor()).queryParam("subjectId", rid).get("/api/v1/audit").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items.actor", equalTo(List.of("supervisor", "leader1", "worker1")))
                .body("items[2].fields", equalTo(List.of("PHONE"))).body("items[2].reason", equalTo("电话随访"));
        Api.as(Tokens.leader1()).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void clearExportIsForSupervisorsWithAReason_andAudited() {
        long before = auditRows(null);
        String csv = Api.as(Tokens.supervisor())
                .body(Map.of("areaId", Demo.id("BH-C001-G02").toString(), "unmask", List.of("PHONE"), "reason", "配送物资"))
                .post("/api/v1/exports/residents").then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[6]).filter(p -> !p.isEmpty()).toList())
                .isNotEmpty().allMatch(p -> p.matches("1\\d{10}"));
        Api.as(Tokens.supervisor()).body(Map.of("unmask", List.of("PHONE"))).post("/api/v1/exports/residents").then()
                .statusCode(400);
        Api.as(Tokens.leader1()).body("{}").post("/api/v1/exports/residents").then().statusCode(403);
        assertThat(auditRows(null) - before).isEqualTo(1);
    }

    @Test
    void unmaskingBeyondTheRateIs429() {
        String rateUser = Tokens.user("rate-leader", "grid-leader");
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = Api.as(rateUser).body(Map.of("fields", List.of("PHONE"), "reason", "probe"))
                    .post("/api/v1/residents/" + UUID.randomUUID() + "/unmask").statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void theAuditIsAppendOnlyEvenForTheApplicationsOwnConnection() throws SQLException {
        String hh = newHousehold(Tokens.worker1(), B1);
        String rid = newResident(Tokens.worker1(), hh, validId(), validMobile());
        Api.as(Tokens.leader1()).body(Map.of("fields", List.of("PHONE"), "reason", "x1")).post("/api/v1/residents/" + rid + "/unmask")
                .then().statusCode(200);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("update pii_audit set reason = 'nothing to see' where subject_id = '" + rid + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("delete from pii_audit where subject_id = '" + rid + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("truncate pii_audit")).isInstanceOf(SQLException.class);
        }
        assertThat(auditRows(rid)).isEqualTo(1);
    }

    @Test
    void gridCellViewsCountPeople_andAreasWithPeopleCannotBeDeleted() {
        Api.as(Tokens.worker1()).get("/api/v1/grid-cells/" + Demo.CELL1).then().statusCode(200)
                .body("counts.households", greaterThan(50)).body("counts.residents", greaterThan(100));
        Api.as(Tokens.supervisor()).queryParam("level", "COMPOUND").get("/api/v1/census/counts").then().statusCode(200)
                .body("findAll { it.code.startsWith('BH-C001-XQ') }.size()", equalTo(16))
                .body("find { it.code == 'BH-C001-XQ01' }.residents", greaterThan(0))
                .body("find { it.code == 'BH-C001-XQ01' }.byCategory.TENANT", greaterThan(0));
        Api.as(Tokens.worker1()).queryParam("level", "BUILDING").get("/api/v1/census/counts").then().statusCode(200)
                .body("code", everyItem(startsWith("BH-C001-XQ01-B")));
        Api.as(Tokens.admin()).delete("/api/v1/areas/" + Demo.id("BH-C001-XQ02-B01")).then().statusCode(409)
                .body("detail", equalTo("Households or residents are still registered in this area"));
    }

    @Test
    void demoPeopleAreValidAndDistributed() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("""
                        select (select count(*) from household where created_by = 'demo' and community_id = '%1$s'),
                               count(*), count(distinct grid_cell_id), count(*) filter (where 'TENANT' = any(categories)),
                               count(*) filter (where 'ELDERLY_ALONE' = any(categories)),
                               count(*) filter (where 'CLOSE_CONTACT' = any(categories))
                        from resident where created_by = 'demo' and community_id = '%1$s'""".formatted(Demo.COMMUNITY))) {
            rs.next();
            assertThat(rs.getLong(1)).as("households").isBetween(2_400L, 3_000L);
            assertThat(rs.getLong(2)).as("residents").isBetween(6_000L, 7_600L);
            assertThat(rs.getLong(3)).as("every cell has people").isEqualTo(16);
            assertThat(rs.getLong(4)).as("tenants").isBetween(800L, 2_000L);
            assertThat(rs.getLong(5)).as("elderly living alone").isBetween(50L, 500L);
            assertThat(rs.getLong(6)).as("no close contacts outside an outbreak community").isZero();
        }
    }

    long auditRows(String subjectId) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("select count(*) from pii_audit"
                        + (subjectId == null ? "" : " where subject_id = '" + subjectId + "'"))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
