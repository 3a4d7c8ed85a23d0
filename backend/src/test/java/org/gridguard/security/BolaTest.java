package org.gridguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gridguard.testsupport.Api;
import org.gridguard.testsupport.Demo;
import org.gridguard.testsupport.Tokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Broken object-level authorisation attempts: one grid's people reaching into another's. */
@QuarkusTest
class BolaTest {

    @Inject
    DataSource ds;

    /**
     * One existing object for every route with path parameters, keyed by the route's path up to its last parameter:
     * a query whose columns are the parameters, in order. Any row will do: the callers of
     * {@link #anObjectOutOfReachAnswersLikeAMissingOne} have no area at all, so every object is out of their reach.
     * A new route with a parameter fails that test until it has a row here.
     */
    static final Map<String, String> OBJECTS = Map.ofEntries(
            Map.entry("/api/v1/areas/{id}", "select id from area_node where kind = 'GRID_CELL'"),
            Map.entry("/api/v1/grid-cells/{id}", "select id from area_node where kind = 'GRID_CELL'"),
            Map.entry("/api/v1/checkpoints/{id}", "select id from checkpoint"),
            Map.entry("/api/v1/assignments/{id}", "select id from assignment"),
            Map.entry("/api/v1/jobs/{id}", "select id from job"),
            Map.entry("/api/v1/alerts/{id}", "select id from alert"),
            Map.entry("/api/v1/households/{id}", "select id from household"),
            Map.entry("/api/v1/residents/{id}", "select id from resident"),
            Map.entry("/api/v1/census/export-requests/{id}", "select id from census_export_request"),
            Map.entry("/api/v1/imports/{jobId}", "select job_id from import_upload where job_id is not null"),
            Map.entry("/api/v1/duty-patterns/{id}", "select id from duty_pattern"),
            Map.entry("/api/v1/duty-shifts/{id}", "select id from duty_shift"),
            Map.entry("/api/v1/duty-shifts/{id}/assignees/{personId}", "select shift_id, person_id from duty_assignee"),
            Map.entry("/api/v1/duty-people/{id}", "select id from duty_person"),
            Map.entry("/api/v1/duty-check-ins/{id}", "select id from duty_check_in"),
            Map.entry("/api/v1/duty-swaps/{id}", "select id from duty_swap"),
            Map.entry("/api/v1/rosters/{id}", "select id from duty_roster"),
            Map.entry("/api/v1/work-logs/{id}", "select id from duty_work_log"),
            Map.entry("/api/v1/temperature-checks/{id}", "select id from temperature_check"),
            Map.entry("/api/v1/watches/{id}", "select id from watch"),
            Map.entry("/api/v1/quarantines/{id}", "select id from quarantine_order where grid_cell_id = '" + Demo.CELL1 + "'"),
            Map.entry("/api/v1/needs/{id}", "select id from need"),
            Map.entry("/api/v1/care-plans/{id}", "select id from care_plan where grid_cell_id = '" + Demo.CELL1 + "'"),
            Map.entry("/api/v1/disinfection-schedules/{id}", "select id from disinfection_schedule where area_id = '" + Demo.COMPOUND1
                    + "'"),
            Map.entry("/api/v1/disinfection-rounds/{id}", "select id from disinfection_round where area_id = '" + Demo.COMPOUND1 + "'"),
            Map.entry("/api/v1/delivery-runs/{id}", "select id from delivery_run"),
            Map.entry("/api/v1/quarantine-lists/{id}", "select id from quarantine_list"),
            Map.entry("/api/v1/quarantine-worklist/{itemId}", "select id from quarantine_list_item where worklist_status is not null"),
            Map.entry("/api/v1/webhooks/{id}", "select id from webhook_subscription"),
            Map.entry("/api/v1/test-rounds/{id}", "select id from test_round"),
            Map.entry("/api/v1/test-rounds/{id}/exemptions/{exemptionId}", "select round_id, id from test_exemption"),
            Map.entry("/api/v1/test-rounds/{id}/tasks/{taskId}", "select round_id, id from test_task"),
            Map.entry("/api/v1/test-rounds/{id}/tubes/{tubeId}", "select round_id, id from test_tube"),
            Map.entry("/api/v1/quarantine-sites/{siteId}", "select id from checkpoint where kind = 'QUARANTINE_SITE'"),
            Map.entry("/api/v1/quarantine-sites/{siteId}/rooms/{roomId}", "select site_id, id from quarantine_site_room"),
            Map.entry("/api/v1/quarantine-stays/{id}", "select id from quarantine_stay"),
            Map.entry("/api/v1/supplies/items/{id}", "select id from supply_item"),
            Map.entry("/api/v1/supplies/places/{id}", "select id from supply_place"),
            Map.entry("/api/v1/supplies/places/{id}/thresholds/{itemId}", "select place_id, item_id from supply_balance"),
            Map.entry("/api/v1/inspection-templates/{id}", "select id from inspection_template where area_id is not null"),
            Map.entry("/api/v1/inspection-places/{placeKind}/{placeId}",
                    "select 'AREA', id from area_node where kind = 'COMPOUND'"),
            Map.entry("/api/v1/inspections/{id}", "select id from inspection"),
            Map.entry("/api/v1/supplies/movements/{id}", "select id from supply_movement where kind = 'DONATION_IN'"),
            Map.entry("/api/v1/enterprises/{id}", "select id from enterprise"),
            Map.entry("/api/v1/enterprise-imports/{jobId}", "select job_id from enterprise_import where job_id is not null"),
            Map.entry("/api/v1/daily-reports/submissions/{id}", "select id from report_submission"));

    /** The demo round, over the whole community: worker2 and leader2 see it. */
    static final UUID ROUND = Demo.id("ROUND-4");

    /**
     * For routes under a parent that a neighbour (worker2, leader2: zone 2) sees: an object of worker1's cell G01 under
     * that parent. The answer for it must equal the answer for a random id under the same parent.
     */
    static final Map<String, String> NESTED = Map.of(
            "/api/v1/test-rounds/{id}/exemptions/{exemptionId}",
            "select round_id, id from test_exemption where round_id = '" + ROUND + "' and grid_cell_id = '" + Demo.CELL1 + "'",
            "/api/v1/test-rounds/{id}/tasks/{taskId}",
            "select round_id, id from test_task where round_id = '" + ROUND + "' and grid_cell_id = '" + Demo.CELL1 + "'",
            "/api/v1/test-rounds/{id}/tubes/{tubeId}",
            "select round_id, id from test_tube where round_id = '" + ROUND + "' and grid_cell_id = '" + Demo.CELL1 + "'");

    static final Map<String, String> NEIGHBOURS = Map.of("grid-worker", "worker2", "grid-leader", "leader2");

    /**
     * A body that passes validation, for routes whose lookup comes after it ({@code {}} otherwise): a missing object
     * must be reached, else comparing the two answers proves nothing (the test checks that it is 404).
     */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/duty-check-ins/{id}/corrections",
                    "{\"checkInAt\":\"2035-01-01T08:00:00Z\",\"reason\":\"补录\",\"version\":0}"),
            Map.entry("PATCH /api/v1/duty-patterns/{id}", "{\"version\":0}"),
            Map.entry("POST /api/v1/work-logs/{id}/decision", "{\"approve\":true,\"version\":0}"),
            Map.entry("POST /api/v1/inspection-templates/{id}/versions",
                    "{\"name\":\"x\",\"placeType\":\"COMPOUND\",\"items\":[{\"text\":\"y\",\"severity\":\"MAJOR\"}]}"),
            Map.entry("POST /api/v1/alerts/{id}/transitions", "{\"to\":\"ACKNOWLEDGED\",\"version\":0}"),
            Map.entry("POST /api/v1/checkpoints/{id}/people/search", "{\"name\":\"张\"}"),
            Map.entry("POST /api/v1/duty-shifts/{id}/assignees", "{\"personId\":\"" + Demo.id("BH-C001-P01") + "\"}"),
            Map.entry("POST /api/v1/needs/{id}/cancel", "{\"reason\":\"已解决\",\"version\":0}"),
            Map.entry("POST /api/v1/delivery-runs/{id}/start", "{\"version\":0}"),
            Map.entry("POST /api/v1/delivery-runs/{id}/close", "{\"version\":0}"),
            Map.entry("POST /api/v1/delivery-runs/{id}/drops", "{\"needId\":\"" + UUID.randomUUID()
                    + "\",\"outcome\":\"NOBODY_HOME\"}"),
            Map.entry("POST /api/v1/needs/{id}/reopen", "{\"reason\":\"家中无人\",\"version\":0}"),
            Map.entry("POST /api/v1/needs/{id}/deliver", "{\"receivedBy\":\"本人\",\"version\":0}"),
            Map.entry("PATCH /api/v1/care-plans/{id}", "{\"visitEveryDays\":2,\"version\":0}"),
            Map.entry("PATCH /api/v1/disinfection-schedules/{id}", "{\"toleranceMinutes\":30,\"version\":0}"),
            Map.entry("POST /api/v1/care-plans/{id}/end", "{\"reason\":\"搬走了\",\"version\":0}"),
            Map.entry("POST /api/v1/care-plans/{id}/visits", "{\"mode\":\"PHONE\",\"condition\":\"WELL\"}"),
            Map.entry("POST /api/v1/quarantines/{id}/breaches", "{\"checkpointId\":\"" + Demo.id("BH-C001-KK4") + "\"}"),
            Map.entry("POST /api/v1/households/{id}/verifications", "{\"verifiedOn\":\"2022-04-05\",\"method\":\"PHONE\"}"),
            Map.entry("POST /api/v1/quarantine-worklist/{itemId}/resolve", "{\"status\":\"NOT_FOUND\",\"note\":\"查无此人\"}"),
            Map.entry("POST /api/v1/residents/{id}/unmask", "{\"fields\":[\"PHONE\"],\"reason\":\"核对\"}"),
            Map.entry("POST /api/v1/quarantines/{id}/extend", "{\"endsOn\":\"2035-01-01\",\"reason\":\"延长\",\"version\":0}"),
            Map.entry("POST /api/v1/quarantines/{id}/release", "{\"reason\":\"解除\",\"version\":0}"),
            Map.entry("POST /api/v1/quarantines/{id}/transfer", "{\"to\":\"HOSPITAL\",\"reason\":\"送医\",\"version\":0}"),
            Map.entry("POST /api/v1/test-rounds/{id}/exemptions",
                    "{\"residentId\":\"" + UUID.randomUUID() + "\",\"kind\":\"AWAY\",\"reason\":\"外出\"}"),
            Map.entry("POST /api/v1/test-rounds/{id}/samples", "{\"barcode\":\"BOLA-1\",\"visitor\":{\"name\":\"访客\"}}"),
            Map.entry("POST /api/v1/test-rounds/{id}/samples/batch",
                    "{\"items\":[{\"barcode\":\"BOLA-1\",\"visitor\":{\"name\":\"访客\"}}]}"),
            Map.entry("POST /api/v1/test-rounds/{id}/sites", "{\"name\":\"点\",\"areaId\":\"" + Demo.CELL1
                    + "\",\"opensAt\":\"07:00\",\"closesAt\":\"19:00\"}"),
            Map.entry("POST /api/v1/test-rounds/{id}/tasks", "{\"householdId\":\"" + UUID.randomUUID() + "\"}"),
            Map.entry("POST /api/v1/test-rounds/{id}/tasks/{taskId}/outcome", "{\"status\":\"DONE\",\"version\":0}"),
            Map.entry("POST /api/v1/test-rounds/{id}/transitions", "{\"to\":\"SAMPLING\",\"version\":0}"),
            Map.entry("POST /api/v1/test-rounds/{id}/tubes", "{\"barcode\":\"BOLA-1\"}"),
            Map.entry("POST /api/v1/quarantine-sites/{siteId}/rooms", "{\"number\":\"B1\",\"beds\":1}"),
            Map.entry("PATCH /api/v1/quarantine-sites/{siteId}/rooms/{roomId}", "{\"beds\":1,\"version\":0}"),
            Map.entry("POST /api/v1/quarantine-sites/{siteId}/guests",
                    "{\"orderId\":\"" + UUID.randomUUID() + "\",\"roomId\":\"" + UUID.randomUUID() + "\"}"),
            Map.entry("POST /api/v1/quarantine-stays/{id}/departure", "{\"reason\":\"RELEASED\"}"),
            Map.entry("PUT /api/v1/supplies/places/{id}/thresholds/{itemId}", "{\"low\":1}"),
            Map.entry("POST /api/v1/quarantines/{id}/visits", "{\"clientRef\":\"" + UUID.randomUUID()
                    + "\",\"visitedAt\":\"2035-01-01T08:00:00Z\",\"mode\":\"PHONE\",\"symptoms\":[\"NONE\"]}"));

    /** Seeds, in zone 1, the kinds of objects the demo does not hold, so that every route has one to ask for. */
    void seed() throws SQLException {
        UUID shift = seedId("shift");
        UUID person = Demo.id("BH-C001-P01");
        UUID job = seedId("job");
        String community = "'" + Demo.COMMUNITY + "'";
        List<String> sql = List.of(
                "insert into duty_shift (id, community_id, checkpoint_id, business_date, kind, starts_at, ends_at, people_needed)"
                        + " values ('" + shift + "', " + community + ", '" + Demo.id("BH-C001-KK4")
                        + "', '2035-01-01', 'DAY', '2035-01-01T00:00:00Z', '2035-01-01T08:00:00Z', 1) on conflict do nothing",
                "insert into duty_assignee (id, community_id, shift_id, person_id, source, created_by) values ('"
                        + seedId("assignee") + "', " + community + ", '" + shift + "', '" + person
                        + "', 'TEST', 'leader1') on conflict do nothing",
                "insert into duty_check_in (id, community_id, shift_id, person_id, check_in_at, recorded_by) values ('"
                        + seedId("check-in") + "', " + community + ", '" + shift + "', '" + person
                        + "', '2035-01-01T00:05:00Z', 'worker1') on conflict do nothing",
                "insert into duty_swap (id, community_id, shift_id, person_id, other_person_id, state, requested_by) values ('"
                        + seedId("swap") + "', " + community + ", '" + shift + "', '" + person + "', '"
                        + Demo.id("BH-C001-P05") + "', 'REQUESTED', 'worker1') on conflict do nothing",
                "insert into duty_work_log (id, community_id, person_id, work_date, description, hours, status, created_by)"
                        + " values ('" + seedId("work-log") + "', " + community + ", '" + person
                        + "', '2035-01-01', '入户', 2, 'SUBMITTED', 'worker1') on conflict do nothing",
                "insert into delivery_run (id, community_id, area_id, name, run_date, place_id, status, created_by, created_at,"
                        + " updated_by, updated_at) values ('" + seedId("delivery-run") + "', " + community + ", '" + Demo.ZONE1
                        + "', 'BOLA', '2035-01-01', '" + seedId("supply-place") + "', 'STARTED', 'leader1', now(), 'leader1',"
                        + " now()) on conflict do nothing",
                "insert into delivery_carrier (run_id, username) values ('" + seedId("delivery-run")
                        + "', 'worker1') on conflict do nothing",
                "insert into job (id, kind, status, owner, community_id) values ('" + job + "', 'CENSUS_IMPORT', 'SUCCEEDED',"
                        + " 'leader1', " + community + ") on conflict do nothing",
                "insert into duty_roster (id, community_id, area_id, from_date, to_date, job_id, status, created_by) values ('"
                        + seedId("roster") + "', " + community + ", '" + Demo.ZONE1 + "', '2035-01-01', '2035-01-07', '" + job
                        + "', 'PROPOSED', 'leader1') on conflict do nothing",
                "insert into import_upload (id, job_id, owner, community_id, area_id, filename, format, content, errors_csv)"
                        + " values ('" + seedId("upload") + "', '" + job + "', 'leader1', " + community + ", '" + Demo.ZONE1
                        + "', 'a.csv', 'CSV', 'x'::bytea, 'row,error') on conflict do nothing",
                "insert into census_export_request (id, community_id, area_id, fields, reason, people, status, requested_by,"
                        + " requested_at) values ('" + seedId("export-request") + "', " + community + ", " + community
                        + ", '{PHONE}', '核对', 1200, 'PENDING', 'supervisor2', now()) on conflict do nothing",
                "insert into webhook_subscription (id, owner, global, url, events, secret, created_at) values ('"
                        + seedId("webhook") + "', 'agency-demo', false, 'https://example.com/hook', '{}', 'x', now())"
                        + " on conflict do nothing",
                "insert into test_exemption (id, round_id, resident_id, community_id, grid_cell_id, household_id, kind, reason,"
                        + " granted_by, granted_at) select '" + seedId("exemption") + "', (select id from test_round where id = '" + ROUND + "'),"
                        + " r.id, r.community_id, r.grid_cell_id, r.household_id, 'AWAY', '外出', 'leader1', now()"
                        + " from resident r where r.grid_cell_id = '" + Demo.CELL1 + "' limit 1 on conflict do nothing",
                "insert into test_task (id, round_id, community_id, grid_cell_id, household_id, kind, status, source, created_at,"
                        + " updated_at) select '" + seedId("task") + "', (select id from test_round where id = '" + ROUND + "'), h.community_id,"
                        + " h.grid_cell_id, h.id, 'DOOR_TO_DOOR', 'OPEN', 'TEST', now(), now()"
                        + " from household h where h.grid_cell_id = '" + Demo.CELL1 + "' limit 1 on conflict do nothing",
                // a guest of the demo's central isolation site (a non-resident under a CENTRAL_ISOLATION order)
                "insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, person_name,"
                        + " doc_type, doc_hmac, doc_mask, person_key, kind, reason, status, starts_on, ends_on, site_id,"
                        + " created_by, updated_by) values ('" + seedId("order") + "', 'QBOLA-1', 'BOLA', " + community + ", '"
                        + Demo.CELL1 + "', '" + Demo.CELL1 + "', '访客', 'PASSPORT', '\\x0b0a'::bytea, 'E1****89', 'BOLA:guest',"
                        + " 'CENTRAL_ISOLATION', 'CLOSE_CONTACT', 'ACTIVE', '2035-01-01', '2035-01-14', (select id from"
                        + " checkpoint where code = 'BH-C001-GL1')," + " 'leader1', 'leader1') on conflict do nothing",
                "insert into quarantine_stay (id, community_id, site_id, room_id, order_id, arrived_at, arrived_by)"
                        + " select '" + seedId("stay") + "', r.community_id, r.site_id, r.id, '" + seedId("order")
                        + "', '2035-01-01T10:00:00Z', 'site1' from quarantine_site_room r join checkpoint c on c.id = r.site_id"
                        + " where c.code = 'BH-C001-GL1' and r.number = '110' on conflict do nothing",
                "insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id,"
                        + " person_key, kind, reason, status, starts_on, ends_on, released_at, created_by, updated_by)"
                        + " select '" + seedId("quarantine") + "', 'QBOLA-2', 'B01A0000', r.community_id, r.grid_cell_id,"
                        + " r.area_id, r.id, 'BOLA:' || r.id, 'HOME_ISOLATION', 'CLOSE_CONTACT', 'RELEASED', '2035-01-01',"
                        + " '2035-01-14', '2035-01-15T00:00:00Z', 'leader1', 'leader1' from resident r where r.grid_cell_id = '"
                        + Demo.CELL1 + "' limit 1 on conflict do nothing",
                "insert into need (id, community_id, grid_cell_id, area_id, household_id, kind, urgency, source, status,"
                        + " created_by, created_at, updated_by, updated_at) select '" + seedId("need") + "', h.community_id,"
                        + " h.grid_cell_id, h.area_id, h.id, 'FOOD', 'ROUTINE', 'PHONE_CALL', 'OPEN', 'worker1', now(), 'worker1',"
                        + " now() from household h where h.grid_cell_id = '" + Demo.CELL1 + "' limit 1 on conflict do nothing",
                "insert into inspection_template (id, template_key, version, name, place_type, area_id, created_by) values ('"
                        + seedId("inspection-template") + "', '" + seedId("inspection-template") + "', 1, 'BOLA', 'COMPOUND', "
                        + community + ", 'supervisor') on conflict do nothing",
                "insert into inspection (id, place_kind, place_id, place_name, place_type, area_id, template_id, inspector,"
                        + " inspected_at, result) values ('" + seedId("inspection") + "', 'AREA', '" + Demo.COMPOUND1 + "', 'BOLA',"
                        + " 'COMPOUND', '" + Demo.COMPOUND1 + "', '19000000-0000-4000-8000-001000000000', 'leader1',"
                        + " '2035-01-01T00:00:00Z', 'PASSED') on conflict do nothing",
                "insert into quarantine_list (id, owner, community_id, area_id, content_hash, format, item_count, status)"
                        + " values ('" + seedId("quarantine-list") + "', 'agency-demo', " + community + ", " + community
                        + ", 'bola', 'JSON', 1, 'DONE') on conflict do nothing",
                "insert into quarantine_list_item (id, list_id, line, community_id, area_id, grid_cell_id, outcome,"
                        + " person_name, kind, reason, starts_on, ends_on, worklist_status) values ('"
                        + seedId("quarantine-list-item") + "', '" + seedId("quarantine-list") + "', 1, " + community + ", '"
                        + Demo.COMPOUND1 + "', '" + Demo.CELL1 + "', 'UNMATCHED', '访客', 'HOME_ISOLATION', 'CLOSE_CONTACT',"
                        + " '2035-01-01', '2035-01-14', 'OPEN') on conflict do nothing",
                "insert into enterprise_import (id, job_id, owner, community_id, area_id, filename, content, dry_run, errors_csv,"
                        + " created_at) values ('" + seedId("enterprise-import") + "', '" + job + "', 'supervisor', " + community
                        + ", " + community + ", 'a.csv', 'x'::bytea, false, 'row,error', now()) on conflict do nothing",
                "insert into report_submission (id, area_id, community_id, day, version, figures, highlights, submitted_by,"
                        + " submitted_at, late) values ('" + seedId("report-submission") + "', '" + Demo.ZONE1 + "', " + community
                        + ", '2035-01-01', 1, '{\"sections\":[],\"children\":[]}', '正常', 'leader1', now(), false)"
                        + " on conflict do nothing");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String q : sql) {
                st.executeUpdate(q);
            }
        }
    }

    static UUID seedId(String what) {
        return UUID.nameUUIDFromBytes(("bola-seed-" + what).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The path parameters of one existing object for the route, or null if there is none. */
    List<String> objectFor(String key) throws SQLException {
        return firstRow(OBJECTS.get(key));
    }

    List<String> firstRow(String query) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(query + " limit 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                ids.add(rs.getString(i));
            }
            return ids;
        }
    }

    /** The route's path up to its last parameter: the key of {@link #OBJECTS}. */
    static String objectKey(String path) {
        return path.substring(0, path.lastIndexOf('}') + 1);
    }

    static String fill(String path, List<String> ids) {
        String out = path;
        for (String id : ids) {
            out = out.replaceFirst("\\{[^}]+}", id);
        }
        return out;
    }

    /** A principal with the role and no area at all: every object is out of their reach. */
    static String stranger(String role) {
        return switch (role) {
            case "lab", "agency" -> Tokens.client("bola-" + role, role);
            default -> Tokens.user("bola-" + role, role);
        };
    }

    static Response call(String token, String method, String path, String body) {
        RequestSpecification spec = Api.as(token);
        if (body != null) {
            spec = spec.body(body);
        } else if (path.endsWith("/prescription") && "PUT".equals(method)) {
            spec = spec.contentType("image/png").body(EndpointSecurityTest.PNG);
        }
        return spec.request(method, path);
    }

    /** What an answer says: its status and problem fields, without the per-request ones. */
    static Map<String, Object> said(Response r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("httpStatus", r.statusCode());
        String text = r.asString();
        if (text != null && text.startsWith("{")) {
            Map<String, Object> body = new HashMap<>(JsonPath.from(text).getMap(""));
            body.keySet().removeAll(Set.of("instance", "traceId", "requestId"));
            out.putAll(new java.util.TreeMap<>(body));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> anObjectOutOfReachAnswersLikeAMissingOne() throws IOException, SQLException {
        seed();
        Map<String, Map<String, Boolean>> matrix = EndpointSecurityTest.matrix();
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> unmapped = new TreeSet<>();
        for (EndpointInventory.Endpoint e : EndpointInventory.all()) {
            if (!e.path().contains("{")) {
                continue;
            }
            String key = objectKey(e.path());
            if (!OBJECTS.containsKey(key)) {
                unmapped.add(key);
                continue;
            }
            String body = e.consumes() != null && e.consumes().contains("json") ? BODIES.getOrDefault(e.key(), "{}") : null;
            for (String role : EndpointSecurityTest.ROLES) {
                Map<String, Boolean> row = matrix.get(e.key());
                if ("admin".equals(role) || row == null || !row.get(role)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(e.key() + " as " + role, () -> {
                    List<String> object = objectFor(key);
                    assertThat(object).as("an object for " + key + " (seed one)").isNotNull();
                    List<String> missing = object.stream().map(x -> UUID.randomUUID().toString()).toList();
                    Map<String, Object> none = said(call(stranger(role), e.method(), fill(e.path(), missing), body));
                    assertThat(none.get("httpStatus")).as(e.key() + " for a missing object: give it a valid body in BODIES")
                            .isEqualTo(404);
                    Map<String, Object> hidden = said(call(stranger(role), e.method(), fill(e.path(), object), body));
                    assertThat(hidden).as(e.key() + " for an object out of reach").isEqualTo(none);
                    if (NESTED.containsKey(key) && NEIGHBOURS.containsKey(role)) {
                        String neighbour = Tokens.user(NEIGHBOURS.get(role), role);
                        List<String> theirs = firstRow(NESTED.get(key));
                        assertThat(theirs).as("an object of G01 for " + key).isNotNull();
                        List<String> random = new ArrayList<>(theirs.subList(0, theirs.size() - 1));
                        random.add(UUID.randomUUID().toString());
                        Map<String, Object> absent = said(call(neighbour, e.method(), fill(e.path(), random), body));
                        assertThat(absent.get("detail")).as("the neighbour sees the parent, so the child is looked up")
                                .isNotEqualTo("Test round not found");
                        assertThat(said(call(neighbour, e.method(), fill(e.path(), theirs), body)))
                                .as(e.key() + " as " + NEIGHBOURS.get(role) + " for an object of G01").isEqualTo(absent);
                    }
                }));
            }
        }
        assertThat(unmapped).as("routes with a parameter need an object in BolaTest.OBJECTS").isEmpty();
        return tests.stream();
    }

    @Test
    void workersListOnlyTheirOwnCell() {
        Api.as(Tokens.worker1()).get("/api/v1/grid-cells").then().statusCode(200)
                .body("items.code", contains("BH-C001-G01")).body("items[0].workers", hasItem("worker1"))
                .body("items[0].leaders", hasItem("leader1"));
        Api.as(Tokens.worker2()).get("/api/v1/grid-cells").then().statusCode(200)
                .body("items.code", contains("BH-C001-G05"));
    }

    @Test
    void anotherWorkersCellIsNotFoundNotForbidden() {
        String body = Api.as(Tokens.worker1()).get("/api/v1/grid-cells/" + Demo.CELL5).then().statusCode(404)
                .extract().asString();
        String unknown = Api.as(Tokens.worker1()).get("/api/v1/grid-cells/" + UUID.randomUUID()).then()
                .statusCode(404).extract().asString();
        // the answer for an existing cell elsewhere is indistinguishable from a cell that does not exist
        assertThat(body.replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
        Api.as(Tokens.worker1()).get("/api/v1/areas/" + Demo.CELL5).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/areas/" + Demo.COMPOUND5).then().statusCode(404);
        Api.as(Tokens.worker1()).get("/api/v1/areas/" + Demo.CELL5 + "/history").then().statusCode(404);
    }

    @Test
    void workersCannotChangeCellsAtAll_leadersOnlyInTheirZone() {
        Api.as(Tokens.worker1()).body("{\"name\":\"x\",\"version\":0}").patch("/api/v1/grid-cells/" + Demo.CELL5)
                .then().statusCode(403);
        Api.as(Tokens.leader1()).body("{\"name\":\"hijacked\",\"version\":0}").patch("/api/v1/grid-cells/" + Demo.CELL5)
                .then().statusCode(404);
        Api.as(Tokens.leader1()).delete("/api/v1/grid-cells/" + Demo.CELL5).then().statusCode(404);
        Api.as(Tokens.leader1())
                .body("{\"code\":\"BOLA-1\",\"name\":\"x\",\"zoneId\":\"" + Demo.ZONE2 + "\"}")
                .post("/api/v1/grid-cells").then().statusCode(400);
        Api.as(Tokens.admin()).get("/api/v1/grid-cells/" + Demo.CELL5).then().statusCode(200)
                .body("name", not(equalTo("hijacked")));
    }

    @Test
    void leadersSeeTheirZoneOnly() {
        List<String> codes = Api.as(Tokens.leader1()).get("/api/v1/grid-cells").then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        assertThat(codes.stream().filter(c -> c.startsWith("BH-C001-G")).toList())
                .containsExactly("BH-C001-G01", "BH-C001-G02", "BH-C001-G03", "BH-C001-G04");
        Api.as(Tokens.supervisor()).get("/api/v1/grid-cells?limit=100").then().statusCode(200)
                .body("items.code.findAll { it.startsWith('BH-C001-G') }.size()", equalTo(16));
    }

    @Test
    void checkpointsFollowJurisdiction() {
        List<String> w1 = Api.as(Tokens.worker1()).get("/api/v1/checkpoints").then().statusCode(200).extract()
                .jsonPath().getList("items.code");
        List<String> w2 = Api.as(Tokens.worker2()).get("/api/v1/checkpoints").then().statusCode(200).extract()
                .jsonPath().getList("items.code");
        // both see the community's road checkpoints; each sees only gates of their own compounds
        assertThat(w1).contains("BH-C001-KK1", "BH-C001-KK2", "BH-C001-KK3");
        assertThat(w2).contains("BH-C001-KK1");
        // the gate of worker1's compound is theirs alone
        assertThat(w1).contains("BH-C001-KK4");
        assertThat(w2).doesNotContain("BH-C001-KK4");
        Api.as(Tokens.worker2()).get("/api/v1/checkpoints/" + org.gridguard.testsupport.Demo.id("BH-C001-KK4")).then()
                .statusCode(404);
    }

    @Test
    void assignmentsAreManagedOnlyWithinOnesArea() {
        // leader2 cannot put a worker into leader1's zone
        Api.as(Tokens.leader2()).body("{\"principal\":\"intruder\",\"principalType\":\"USER\",\"role\":\"grid-worker\",\"nodeId\":\""
                + Demo.CELL1 + "\"}").post("/api/v1/assignments").then().statusCode(400)
                .body("errors[0].message", equalTo("no such area node"));
        // nor make someone a leader
        Api.as(Tokens.leader2()).body("{\"principal\":\"x\",\"principalType\":\"USER\",\"role\":\"grid-leader\",\"nodeId\":\""
                + Demo.CELL5 + "\"}").post("/api/v1/assignments").then().statusCode(403);
        // leader2 lists only assignments in their zone
        List<String> principals = Api.as(Tokens.leader2()).get("/api/v1/assignments").then().statusCode(200).extract()
                .jsonPath().getList("items.principal");
        assertThat(principals).contains("worker2", "leader2").doesNotContain("worker1", "leader1");
    }

    @Test
    void jobsOfOthersAreNotFound() {
        Api.as(Tokens.worker1()).get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }
}
