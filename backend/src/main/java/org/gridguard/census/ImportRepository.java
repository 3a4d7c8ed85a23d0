package org.gridguard.census;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridguard.census.ImportRows.Areas;
import org.gridguard.census.ImportRows.RowError;
import org.gridguard.census.ImportRows.Staged;
import org.gridguard.common.ApiProblem;

/**
 * The import job's reads (the upload, the import area's places, who is registered already) and its error file, each
 * on a connection of its own (the job runs outside any request). The chunks are written by {@link ImportChunkWriter}.
 */
@ApplicationScoped
public class ImportRepository {

    @Inject
    DataSource ds;

    record Upload(UUID id, UUID communityId, UUID areaId, String areaPath, byte[] content) {
    }

    Upload load(UUID uploadId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select u.community_id, u.area_id, a.path, u.content from import_upload u
                join area_node a on a.id = u.area_id where u.id = ?""")) {
            ps.setObject(1, uploadId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiProblem.notFound("Upload");
                }
                return new Upload(uploadId, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBytes(4));
            }
        }
    }

    /** hex(hmac) of residents already registered in the community, true when inside the import area. */
    Map<String, Boolean> existing(Upload up, List<Staged> rows) throws SQLException {
        Map<String, Boolean> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select r.id_hmac, a.path like ? from resident r join area_node a on a.id = r.area_id
                where r.community_id = ? and r.id_hmac in (select decode(x, 'hex') from unnest(cast(? as text[])) x)""")) {
            for (int from = 0; from < rows.size(); from += 10_000) {
                List<Staged> part = rows.subList(from, Math.min(rows.size(), from + 10_000));
                ps.setString(1, up.areaPath() + "%");
                ps.setObject(2, up.communityId());
                ps.setArray(3, c.createArrayOf("text",
                        part.stream().map(s -> HexFormat.of().formatHex(s.idHmac())).toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getBoolean(2));
                    }
                }
            }
        }
        return out;
    }

    void saveErrors(UUID uploadId, List<RowError> errors) throws SQLException, IOException {
        StringWriter w = new StringWriter();
        w.write('\uFEFF');
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("行号", "姓名", "列", "原因", "级别").get())) {
            for (RowError e : errors) {
                p.printRecord(e.line(), e.name(), e.field(), e.message(), e.severity());
            }
        }
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("update import_upload set errors_csv = ? where id = ?")) {
            ps.setString(1, w.toString());
            ps.setObject(2, uploadId);
            ps.executeUpdate();
        }
    }

    /** Resolving places: compounds (by name and code) and buildings (by compound and name) below the import area. */
    Areas places(Upload up) throws SQLException {
        return places(up.areaPath());
    }

    /** The compounds and buildings below the area node at {@code areaPath}. */
    Areas places(String areaPath) throws SQLException {
        Map<String, UUID[]> compounds = new HashMap<>();
        Map<String, UUID> buildings = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select n.id, n.kind, n.code, n.name, n.parent_id, p.parent_id from area_node n
                join area_node p on p.id = n.parent_id
                where n.kind in ('COMPOUND','BUILDING') and n.path like ?""")) {
            ps.setString(1, areaPath + "%");
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> bs = new ArrayList<>();
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (rs.getString(2).equals("COMPOUND")) {
                        UUID[] v = { id, rs.getObject(5, UUID.class) };
                        compounds.put(rs.getString(4), v);
                        compounds.put(rs.getString(3), v);
                    } else {
                        bs.add(new Object[] { id, rs.getString(4), rs.getObject(5, UUID.class), rs.getString(3) });
                    }
                }
                for (Object[] b : bs) {
                    buildings.put(b[2] + "|" + b[1], (UUID) b[0]);
                    buildings.put(b[2] + "|" + b[3], (UUID) b[0]);
                    String digits = ((String) b[1]).replaceAll("\\D", "");
                    if (!digits.isEmpty()) {
                        buildings.putIfAbsent(b[2] + "|#" + Integer.parseInt(digits), (UUID) b[0]);
                    }
                }
            }
        }
        return new Areas(compounds, buildings);
    }
}
