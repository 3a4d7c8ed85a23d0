package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridguard.census.CensusFixtures.csv;
import static org.gridguard.census.CensusFixtures.importOk;
import static org.gridguard.census.CensusFixtures.validId;
import static org.gridguard.census.CensusFixtures.validMobile;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
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

/** A household's livingCount, tenantCount and contact follow its residents, whoever writes them (ADR 0056). */
@QuarkusTest
class HouseholdPeopleTest {

    @Inject
    DataSource ds;

    static final List<String> HEADER = List.of("小区", "楼栋", "门牌号", "姓名", "身份证号", "联系电话", "与户主关系", "人员类别");

    @Test
    void anImportedHouseholdShowsItsPeopleAndEveryResidentChangeKeepsThemRight() throws Exception {
        String compound = CensusFixtures.name("BH-C001-XQ04");
        String p = "HP" + System.nanoTime() % 100000;
        List<List<String>> rows = List.of(HEADER,
                List.of(compound, "1栋", p + "-1", "王大山", validId(), validMobile(), "户主", ""),
                List.of(compound, "1栋", p + "-1", "李小花", validId(), "", "配偶", ""),
                List.of(compound, "1栋", p + "-1", "王小明", validId(), "", "子女", ""),
                List.of(compound, "1栋", p + "-2", "赵租客", validId(), validMobile(), "", "租户"),
                List.of(compound, "1栋", p + "-2", "钱租客", validId(), "", "", "租客"),
                List.of(compound, "1栋", p + "-3", "孙独居", validId(), validMobile(), "本人", "独居老人"));
        Map<String, Object> r = importOk(Tokens.leader1(), csv(StandardCharsets.UTF_8, rows), "people.csv", Demo.ZONE1,
                false);
        assertThat(r).containsEntry("created", 6).containsEntry("householdsCreated", 3);

        Map<String, Map<String, Object>> shown = listed(p);
        assertThat(shown).hasSize(3);
        for (Map<String, Object> h : shown.values()) {
            int[] counted = counted(UUID.fromString((String) h.get("id")));
            assertThat(h.get("livingCount")).as("living of %s", h.get("doorNumber")).isEqualTo(counted[0]);
            assertThat(h.get("tenantCount")).as("tenants of %s", h.get("doorNumber")).isEqualTo(counted[1]);
        }
        assertThat(shown.get(p + "-1")).containsEntry("livingCount", 3).containsEntry("tenantCount", 0)
                .containsEntry("contactName", "王大山");
        assertThat(shown.get(p + "-2")).containsEntry("livingCount", 2).containsEntry("tenantCount", 2);
        assertThat(shown.get(p + "-2").get("contactName")).as("no head of household in the file").isNull();
        assertThat(shown.get(p + "-3")).containsEntry("livingCount", 1).containsEntry("contactName", "孙独居");

        // a re-run changes nothing
        importOk(Tokens.leader1(), csv(StandardCharsets.UTF_8, rows), "people.csv", Demo.ZONE1, false);
        assertThat(listed(p).get(p + "-1")).containsEntry("livingCount", 3).containsEntry("version", 0);

        String one = (String) shown.get(p + "-1").get("id");
        String two = (String) shown.get(p + "-2").get("id");
        String child = residentNamed(one, "王小明");

        // moved out: one fewer living
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("status", "MOVED_OUT"))
                .patch("/api/v1/residents/" + child).then().statusCode(200);
        household(one).body("livingCount", equalTo(2)).body("contactName", equalTo("王大山"));

        // a tenant added: one more tenant and one more living
        Api.as(Tokens.leader1()).body(Map.of("householdId", one, "name", "周房客", "idNumber", validId(),
                "categories", List.of("TENANT"))).post("/api/v1/residents").then().statusCode(201);
        household(one).body("livingCount", equalTo(3)).body("tenantCount", equalTo(1));

        // moved to another household: one leaves, the other gains
        String tenant = residentNamed(two, "钱租客");
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("householdId", one))
                .patch("/api/v1/residents/" + tenant).then().statusCode(200);
        household(one).body("livingCount", equalTo(4)).body("tenantCount", equalTo(2));
        household(two).body("livingCount", equalTo(1)).body("tenantCount", equalTo(1));

        // a bare SQL write and a delete are counted too
        sql("update resident set status = 'DECEASED' where id = ?", UUID.fromString(tenant));
        household(one).body("livingCount", equalTo(3)).body("tenantCount", equalTo(1));
        sql("delete from resident where id = ?", UUID.fromString(child));
        household(one).body("livingCount", equalTo(3));
        assertThat(counted(UUID.fromString(one))).containsExactly(3, 1);
        // a living tenant deleted: both counts drop
        sql("delete from resident where household_id = ? and name = '周房客'", UUID.fromString(one));
        household(one).body("livingCount", equalTo(2)).body("tenantCount", equalTo(0));
        assertThat(counted(UUID.fromString(one))).containsExactly(2, 0);

        // the counts cannot be set by hand; the figure shown may be repeated
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("livingCount", 7))
                .patch("/api/v1/households/" + one).then().statusCode(400)
                .body("errors[0].field", equalTo("livingCount"));
        Api.as(Tokens.leader1()).header("If-Match", "\"0\"").body(Map.of("livingCount", 2, "notes", "两口之家"))
                .patch("/api/v1/households/" + one).then().statusCode(200).body("livingCount", equalTo(2));
    }

    @Test
    void aNewHouseholdStartsEmptyAndAContactSetByHandIsKept() {
        String h = Api.as(Tokens.leader1()).body(Map.of("areaId", Demo.id("BH-C001-XQ01-B01"), "doorNumber",
                "HP-" + UUID.randomUUID().toString().substring(0, 8), "contactName", "物业登记人"))
                .post("/api/v1/households").then().statusCode(201).body("livingCount", equalTo(0))
                .body("tenantCount", equalTo(0)).extract().path("id");
        Api.as(Tokens.leader1()).body(Map.of("householdId", h, "name", "新户主", "idNumber", validId(), "relation", "户主"))
                .post("/api/v1/residents").then().statusCode(201);
        household(h).body("livingCount", equalTo(1)).body("contactName", equalTo("物业登记人"));
        Api.as(Tokens.leader1()).body(Map.of("areaId", Demo.id("BH-C001-XQ01-B01"), "doorNumber", "HP-x", "livingCount", 2))
                .post("/api/v1/households").then().statusCode(400).body("errors[0].field", equalTo("livingCount"));
        Api.as(Tokens.leader1()).get("/api/v1/households?door=HP-x").then().body("items", empty());
    }

    static io.restassured.response.ValidatableResponse household(String id) {
        return Api.as(Tokens.leader1()).get("/api/v1/households/" + id).then().statusCode(200);
    }

    static Map<String, Map<String, Object>> listed(String doorPrefix) {
        List<Map<String, Object>> items = Api.as(Tokens.leader1()).queryParam("door", doorPrefix).queryParam("limit", 50)
                .get("/api/v1/households").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Map<String, Object>> byDoor = new HashMap<>();
        items.forEach(h -> byDoor.put((String) h.get("doorNumber"), h));
        return byDoor;
    }

    static String residentNamed(String householdId, String name) {
        List<Map<String, Object>> items = Api.as(Tokens.leader1()).queryParam("householdId", householdId)
                .get("/api/v1/residents").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(r -> name.equals(r.get("name"))).map(r -> (String) r.get("id")).findFirst()
                .orElseThrow();
    }

    /** Straight from the resident table: [living, living tenants]. */
    int[] counted(UUID household) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(*) filter (where status = 'LIVING'),
                       count(*) filter (where status = 'LIVING' and categories @> array['TENANT'])
                from resident where household_id = ?""")) {
            ps.setObject(1, household);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] { rs.getInt(1), rs.getInt(2) };
            }
        }
    }

    void sql(String statement, UUID id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
