package org.gridguard.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AreaTest {

    @Test
    void demoCommunityLooksLikeChenzhou() {
        var json = Api.as(Tokens.admin()).get("/api/v1/areas?kind=COMPOUND&parentId=&limit=500&q=").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> compounds = json.getList("items");
        long c001 = compounds.stream().filter(c -> ((String) c.get("code")).startsWith("BH-C001-")).count();
        assertThat(c001).isEqualTo(16);
        long unmanaged = compounds.stream().filter(c -> ((String) c.get("code")).startsWith("BH-C001-")
                && "UNMANAGED".equals(c.get("compoundType"))).count();
        assertThat(unmanaged).isEqualTo(11);
        var cps = Api.as(Tokens.supervisor()).get("/api/v1/checkpoints?limit=100").then().statusCode(200).extract()
                .jsonPath().getList("items", Map.class);
        assertThat(cps).hasSizeGreaterThanOrEqualTo(8);
        assertThat(cps.stream().filter(c -> Boolean.TRUE.equals(c.get("watched24h"))).count()).isEqualTo(3);
    }

    @Test
    void renameAndMoveKeepHistory() {
        String cell = Api.as(Tokens.leader1()).body("{\"code\":\"HIST-1\",\"name\":\"旧名\",\"zoneId\":\"" + Demo.ZONE1 + "\"}")
                .post("/api/v1/grid-cells").then().statusCode(201).extract().path("id");
        String compound = Api.as(Tokens.leader1()).body("{\"kind\":\"COMPOUND\",\"code\":\"HIST-XQ\",\"name\":\"院\",\"parentId\":\""
                + cell + "\",\"compoundType\":\"UNMANAGED\"}").post("/api/v1/areas").then().statusCode(201).extract().path("id");
        Api.as(Tokens.leader1()).body("{\"name\":\"新名\",\"version\":0}").patch("/api/v1/grid-cells/" + cell).then()
                .statusCode(200).body("name", equalTo("新名"));
        // move the compound to another cell of the same zone: its subtree follows
        Api.as(Tokens.leader1()).body("{\"parentId\":\"" + Demo.CELL1 + "\",\"version\":0}").patch("/api/v1/areas/" + compound)
                .then().statusCode(200).body("parentId", equalTo(Demo.CELL1.toString()));
        Api.as(Tokens.worker1()).get("/api/v1/areas/" + compound).then().statusCode(200);
        var history = Api.as(Tokens.leader1()).get("/api/v1/areas/" + cell + "/history").then().statusCode(200).extract()
                .jsonPath();
        assertThat(history.getList("action")).containsExactly("UPDATE", "CREATE");
        assertThat(history.getString("[0].actor")).isEqualTo("leader1");
        assertThat(history.getString("[0].changes.name.old")).isEqualTo("旧名");
        assertThat(history.getString("[0].changes.name.new")).isEqualTo("新名");
        Api.as(Tokens.leader1()).get("/api/v1/areas/" + compound + "/history").then().body("action", hasItem("MOVE"));
        // moving across communities is refused
        Api.as(Tokens.admin()).body("{\"kind\":\"COMMUNITY\",\"code\":\"OTHER-C\",\"name\":\"别的社区\",\"parentId\":\""
                + Demo.id("BH-S1") + "\"}").post("/api/v1/areas").then().statusCode(201);
    }

    @Test
    void treeShowsContextAndSubtree() {
        var tree = Api.as(Tokens.worker1()).get("/api/v1/areas/tree").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getString("[0].kind")).isEqualTo("DISTRICT");
        assertThat(tree.getBoolean("[0].context")).isTrue();
        String cellPath = "[0].children[0].children[0].children[0].children[0]";
        assertThat(tree.getString(cellPath + ".code")).isEqualTo("BH-C001-G01");
        assertThat(tree.getBoolean(cellPath + ".context")).isFalse();
        assertThat(tree.getList(cellPath + ".children")).hasSize(1);
        // the zone shows only worker1's cell, no sibling cells
        assertThat(tree.getList("[0].children[0].children[0].children[0].children")).hasSize(1);
    }

    @Test
    void deletingAnEmptyNodeWorksAndIsATombstone() {
        String id = Api.as(Tokens.admin()).body("{\"code\":\"DEL-1\",\"name\":\"d\",\"zoneId\":\"" + Demo.ZONE2 + "\"}")
                .post("/api/v1/grid-cells").then().statusCode(201).extract().path("id");
        Api.as(Tokens.admin()).delete("/api/v1/grid-cells/" + id).then().statusCode(204);
        Api.as(Tokens.admin()).get("/api/v1/grid-cells/" + id).then().statusCode(404);
    }
}
