package org.gridguard.quarantine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridguard.census.CensusPeople;
import org.gridguard.census.CensusPlaces.Place;
import org.gridguard.quarantine.ListItemRules.Checked;

/**
 * Finds the people of one chunk of a list in the census, two statements for the whole chunk (never one per item): by
 * the ID number's keyed hash ({@code census_resident.id_hmac}), then the rest by name, phone and address (the
 * household at the door of the building or compound, its living resident of that name and phone). Only residents below
 * the list's area are found; a person found twice by address is left for a worker (ambiguous).
 */
final class ListItemMatcher {

    /** A census resident an item is matched to; {@code personKey} is the order's one-active-order key. */
    record Match(UUID residentId, UUID communityId, UUID gridCellId, UUID areaId, String personKey) {
    }

    /** An item to find, and where its address points (null when it names no known place). */
    record Wanted(Checked item, Place place) {
    }

    static final String BY_ID = """
            select x.line, r.id, r.community_id, r.grid_cell_id, r.area_id, r.id_hmac
            from unnest(cast(? as int[]), cast(? as text[])) as x(line, doc)
            join census_resident r on r.community_id = ? and r.id_hmac = decode(x.doc, 'hex')
            join area_node a on a.id = r.area_id
            where r.status = ? and a.path like ?""";

    static final String BY_ADDRESS = """
            select line, id, community_id, grid_cell_id, area_id, id_hmac from (
              select x.line, r.id, r.community_id, r.grid_cell_id, r.area_id, r.id_hmac,
                     count(*) over (partition by x.line) as found
              from unnest(cast(? as int[]), cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                          cast(? as text[])) as x(line, area_id, door, name, phone, doc)
              join census_household h on h.area_id = x.area_id and h.door_number = x.door
              join census_resident r on r.household_id = h.id and r.name = x.name
               and (x.phone is null or r.phone_hmac = decode(x.phone, 'hex'))
               and (x.doc is null or r.id_hmac is null or r.id_hmac = decode(x.doc, 'hex'))
              where r.status = ?) m
            where found = 1""";

    private ListItemMatcher() {
    }

    /** The matches of the chunk, by line. */
    static Map<Integer, Match> match(Connection c, UUID communityId, String areaPath, List<Wanted> chunk)
            throws SQLException {
        HexFormat hex = HexFormat.of();
        Map<Integer, Match> found = new HashMap<>();
        List<Wanted> byId = chunk.stream().filter(w -> w.item().docHmac() != null).toList();
        if (!byId.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(BY_ID)) {
                ps.setArray(1, c.createArrayOf("integer", byId.stream().map(w -> w.item().line()).toArray()));
                ps.setArray(2, c.createArrayOf("text", byId.stream().map(w -> hex.formatHex(w.item().docHmac())).toArray()));
                ps.setObject(3, communityId);
                ps.setString(4, CensusPeople.LIVING);
                ps.setString(5, areaPath + "%");
                read(ps, found);
            }
        }
        List<Wanted> byAddress = chunk.stream().filter(w -> !found.containsKey(w.item().line()) && w.place() != null
                && w.item().name() != null && w.item().door() != null).toList();
        if (!byAddress.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(BY_ADDRESS)) {
                ps.setArray(1, c.createArrayOf("integer", byAddress.stream().map(w -> w.item().line()).toArray()));
                ps.setArray(2, c.createArrayOf("uuid", byAddress.stream().map(w -> w.place().areaId()).toArray()));
                ps.setArray(3, c.createArrayOf("text", byAddress.stream().map(w -> w.item().door()).toArray()));
                ps.setArray(4, c.createArrayOf("text", byAddress.stream().map(w -> w.item().name()).toArray()));
                ps.setArray(5, c.createArrayOf("text", byAddress.stream()
                        .map(w -> w.item().phoneHmac() == null ? null : hex.formatHex(w.item().phoneHmac())).toArray()));
                ps.setArray(6, c.createArrayOf("text", byAddress.stream()
                        .map(w -> w.item().docHmac() == null ? null : hex.formatHex(w.item().docHmac())).toArray()));
                ps.setString(7, CensusPeople.LIVING);
                read(ps, found);
            }
        }
        return found;
    }

    private static void read(PreparedStatement ps, Map<Integer, Match> found) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(2, UUID.class);
                byte[] idHmac = rs.getBytes(6);
                found.putIfAbsent(rs.getInt(1), new Match(id, rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class), personKey(id, idHmac)));
            }
        }
    }

    /** The key of V14's one-active-order rule: the ID number's hash when known, else the resident. */
    static String personKey(UUID residentId, byte[] idHmac) {
        return idHmac != null ? "D:" + HexFormat.of().formatHex(idHmac) : "R:" + residentId;
    }
}
