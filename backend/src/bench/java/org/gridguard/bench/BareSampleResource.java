package org.gridguard.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * BENCH BUILD ONLY (backend/src/bench, Maven profile {@code bench}; never in the product jar).
 * <p>
 * The raw floor for the sampling benchmark (bench/testing): the same JSON body as
 * {@code POST /api/v1/test-rounds/{id}/samples} (id, barcode, residentId, kind, sampledAt), read by the same Jackson,
 * written with one autocommitted JDBC statement: the tube of the barcode is opened or gets one more member (an
 * {@code insert … on conflict do update} in a data-modifying CTE) and the sample row is inserted with the resident's
 * community, cell and household, so it writes the rows the real endpoint writes. No authentication, no validation,
 * no round state or jurisdiction check, no idempotency or duplicate-person check, no coverage mark.
 */
@Path("/bench/raw/test-rounds/{id}/samples")
@PermitAll
public class BareSampleResource {

    static final String SQL = """
            with t as (
              insert into test_tube (id, round_id, barcode, community_id, grid_cell_id, area_id, capacity, members, status,
                opened_by, opened_at)
              select gen_random_uuid(), ?, ?, r.community_id, r.grid_cell_id, r.grid_cell_id,
                (select pool_size from test_round where id = ?), 1, 'OPEN', 'bench', now()
              from resident r where r.id = ?
              on conflict (round_id, barcode) do update set members = test_tube.members + 1, version = test_tube.version + 1,
                status = case when test_tube.members + 1 >= test_tube.capacity then 'CLOSED' else test_tube.status end
              returning id)
            insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, household_id, resident_id, kind,
              flagged, sampled_at, sampled_by, created_at)
            select ?, ?, t.id, r.community_id, r.grid_cell_id, r.household_id, r.id, ?, false, ?, 'bench', now()
            from t, resident r where r.id = ?""";

    @Inject
    DataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response insert(@PathParam("id") UUID round, JsonNode in) throws SQLException {
        UUID id = UUID.fromString(in.get("id").asText());
        UUID resident = UUID.fromString(in.get("residentId").asText());
        String barcode = in.get("barcode").asText();
        OffsetDateTime at = in.hasNonNull("sampledAt") ? OffsetDateTime.parse(in.get("sampledAt").asText())
                : OffsetDateTime.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setObject(1, round);
            ps.setString(2, barcode);
            ps.setObject(3, round);
            ps.setObject(4, resident);
            ps.setObject(5, id);
            ps.setObject(6, round);
            ps.setString(7, in.path("kind").asText("ORDINARY"));
            ps.setObject(8, at);
            ps.setObject(9, resident);
            ps.executeUpdate();
        }
        return Response.status(201).entity("{\"id\":\"" + id + "\"}").build();
    }
}
