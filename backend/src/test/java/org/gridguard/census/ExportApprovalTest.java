package org.gridguard.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
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

/**
 * A clear export of more than 1,000 people needs a second supervisor's approval (issue 26 point 6, ADR 0029): refused
 * without it, never approved by its requester or by a supervisor of another community, downloaded once by the
 * requester after another supervisor of the community approved it; every step audited. The demo community holds
 * about 6,800 residents (zone 2 about 3,400, a grid cell under 1,000), so the production threshold is tested as is.
 */
@QuarkusTest
class ExportApprovalTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource ds;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String supervisorOf(UUID node, String prefix) {
        String name = unique(prefix);
        Api.as(Tokens.admin()).body(Map.of("principal", name, "principalType", "USER", "role", "supervisor", "nodeId", node))
                .post("/api/v1/assignments").then().statusCode(201);
        return Tokens.user(name, "supervisor");
    }

    @Test
    void aClearExportOfMoreThan1000PeopleNeedsASecondSupervisor() throws Exception {
        String requester = supervisorOf(Demo.COMMUNITY, "sup-a");
        String approver = supervisorOf(Demo.COMMUNITY, "sup-b");
        String street = Api.as(Tokens.admin()).get("/api/v1/areas/" + Demo.COMMUNITY).then().statusCode(200).extract()
                .path("parentId");
        String otherCommunity = Api.as(Tokens.admin()).body(Map.of("kind", "COMMUNITY", "code", unique("EXP"), "name",
                "别的社区", "parentId", street)).post("/api/v1/areas").then().statusCode(201).extract().path("id");
        String stranger = supervisorOf(UUID.fromString(otherCommunity), "sup-x");
        Map<String, Object> zone2Clear = Map.of("areaId", Demo.ZONE2.toString(), "unmask", List.of("PHONE"),
                "reason", "疫苗接种电话通知");

        // in clear, more than 1,000 people: refused without approval
        Api.as(requester).body(zone2Clear).post("/api/v1/exports/residents").then().statusCode(403)
                .contentType(PROBLEM).body("type", endsWith("export-approval-required"))
                .body("people", greaterThan(1000));
        // a grid cell (under 1,000) in clear, and the zone masked, are exported as before
        Api.as(requester).body(Map.of("areaId", Demo.CELL5.toString(), "unmask", List.of("PHONE"), "reason", "配送物资"))
                .post("/api/v1/exports/residents").then().statusCode(200);
        Api.as(requester).body(Map.of("areaId", Demo.ZONE2.toString())).post("/api/v1/exports/residents").then()
                .statusCode(200);
        // asking: only what needs it
        Api.as(requester).body(Map.of("areaId", Demo.CELL5.toString(), "unmask", List.of("PHONE"), "reason", "配送物资"))
                .post("/api/v1/census/export-requests").then().statusCode(422).contentType(PROBLEM);
        Api.as(requester).body(Map.of("areaId", Demo.ZONE2.toString())).post("/api/v1/census/export-requests").then()
                .statusCode(400);
        Api.as(requester).body(Map.of("areaId", Demo.ZONE2.toString(), "unmask", List.of("PHONE")))
                .post("/api/v1/census/export-requests").then().statusCode(400); // no reason
        String id = Api.as(requester).body(zone2Clear).post("/api/v1/census/export-requests").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/census/export-requests/")).extract().path("id");
        int people = Api.as(requester).get("/api/v1/census/export-requests/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("fields", equalTo(List.of("PHONE")))
                .extract().path("people");
        assertThat(people).isGreaterThan(1000);

        // not yet approved: nothing to download
        Api.as(requester).post("/api/v1/census/export-requests/" + id + "/download").then().statusCode(409);
        // the requester cannot approve their own request
        Api.as(requester).body("{}").post("/api/v1/census/export-requests/" + id + "/approve").then().statusCode(403)
                .contentType(PROBLEM);
        // a supervisor of another community neither sees, approves nor downloads it
        Api.as(stranger).get("/api/v1/census/export-requests/" + id).then().statusCode(404);
        Api.as(stranger).body("{}").post("/api/v1/census/export-requests/" + id + "/approve").then().statusCode(404);
        Api.as(stranger).post("/api/v1/census/export-requests/" + id + "/download").then().statusCode(404);
        assertThat(Api.as(stranger).get("/api/v1/census/export-requests").then().statusCode(200).extract()
                .jsonPath().getList("id")).doesNotContain(id);
        // a leader is not a supervisor
        Api.as(Tokens.leader2()).body("{}").post("/api/v1/census/export-requests/" + id + "/approve").then()
                .statusCode(403);

        // another supervisor of the community sees it pending and approves it
        Api.as(approver).get("/api/v1/census/export-requests?status=PENDING").then().statusCode(200)
                .body("id", hasItem(id));
        Api.as(approver).body(Map.of("note", "同意，24小时内下载")).post("/api/v1/census/export-requests/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("expiresAt", notNullValue());
        Api.as(approver).body("{}").post("/api/v1/census/export-requests/" + id + "/reject").then().statusCode(409);
        // only the requester downloads it
        Api.as(approver).post("/api/v1/census/export-requests/" + id + "/download").then().statusCode(403);
        String csv = Api.as(requester).accept("text/csv").post("/api/v1/census/export-requests/" + id + "/download")
                .then().statusCode(200).extract().asString();
        List<String> phones = csv.lines().skip(1).map(l -> l.split(",")[6]).filter(p -> !p.isEmpty()).toList();
        assertThat(phones).isNotEmpty().allMatch(p -> p.matches("1\\d{10}"));
        assertThat(csv.lines().count() - 1).isGreaterThan(1000);
        // once
        Api.as(requester).post("/api/v1/census/export-requests/" + id + "/download").then().statusCode(409)
                .contentType(PROBLEM);
        Api.as(requester).get("/api/v1/census/export-requests/" + id).then().body("status", equalTo("DOWNLOADED"))
                .body("downloadedAt", notNullValue());

        // audited: the request, the approval and the export, tied by the request's id
        assertThat(auditActions(id)).containsExactly("EXPORT_REQUEST", "EXPORT_DECISION", "EXPORT");
    }

    @Test
    void aRejectedRequestIsNeverDownloaded() {
        String requester = supervisorOf(Demo.COMMUNITY, "sup-r");
        String id = Api.as(requester).body(Map.of("areaId", Demo.COMMUNITY.toString(), "unmask",
                List.of("ID_NUMBER", "PHONE"), "reason", "上报区防控办")).post("/api/v1/census/export-requests").then()
                .statusCode(202).body("status", equalTo("PENDING")).extract().path("id");
        // an admin may decide too
        Api.as(Tokens.admin()).body(Map.of("note", "范围过大")).post("/api/v1/census/export-requests/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("decisionNote", equalTo("范围过大"));
        Api.as(requester).post("/api/v1/census/export-requests/" + id + "/download").then().statusCode(409);
        Api.as(Tokens.supervisor()).body("{}").post("/api/v1/census/export-requests/" + id + "/approve").then()
                .statusCode(409);
    }

    List<String> auditActions(String requestId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select action from pii_audit where details->>'requestId' = '"
                        + requestId + "' order by id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
