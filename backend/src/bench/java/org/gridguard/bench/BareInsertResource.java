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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * BENCH BUILD ONLY (backend/src/bench, Maven profile {@code bench}; never in the product jar).
 * <p>
 * The raw floor for P2: the same JSON body as {@code POST /api/v1/temperature-checks}, read by the same Jackson,
 * written into the same {@code temperature_check} table with one autocommitted JDBC statement. No authentication, no
 * validation, no jurisdiction, no idempotency check, no alert. The resident's community, area and grid cell are filled
 * in by the same statement ({@code insert … select from resident}), so the row is the one the real endpoint writes.
 */
@Path("/bench/raw/temperature-checks")
@PermitAll
public class BareInsertResource {

    static final String SQL = """
            insert into temperature_check (id, community_id, area_id, grid_cell_id, checkpoint_id, source, direction,
                measured_at, received_at, late, business_date, report_window, temperature, fever, health_code,
                resident_id, recorded_by, request_hash)
            select ?, r.community_id, r.area_id, r.grid_cell_id, ?, ?, ?, ?, now(), false,
                   (cast(? as timestamptz) at time zone 'Asia/Shanghai')::date, null, ?, ? >= 37.3, ?, r.id, 'bench', 'bench'
            from resident r where r.id = ?""";

    @Inject
    DataSource dataSource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response insert(JsonNode in) throws SQLException {
        UUID id = UUID.fromString(in.get("id").asText());
        OffsetDateTime measuredAt = OffsetDateTime.parse(in.get("measuredAt").asText());
        double t = in.get("temperature").asDouble();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setObject(1, id);
            ps.setObject(2, UUID.fromString(in.get("checkpointId").asText()));
            ps.setString(3, in.get("source").asText());
            ps.setString(4, in.path("direction").asText(null));
            ps.setObject(5, measuredAt);
            ps.setObject(6, measuredAt);
            ps.setDouble(7, t);
            ps.setDouble(8, t);
            ps.setString(9, in.path("healthCode").asText(null));
            ps.setObject(10, UUID.fromString(in.get("residentId").asText()));
            ps.executeUpdate();
        }
        return Response.status(201).entity("{\"id\":\"" + id + "\"}").build();
    }
}
