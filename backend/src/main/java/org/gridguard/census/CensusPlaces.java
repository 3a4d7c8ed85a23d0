package org.gridguard.census;

import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.Port;

/**
 * Addresses written the way the census import's 小区 / 楼栋 / 门牌号 columns are, resolved the way the import resolves
 * them (compound by name or code, building by name, code or number), below an area node. Used by the quarantine's
 * lists from the health bureau to place a person, and to find them by name, phone and address.
 */
@Port
@ApplicationScoped
public class CensusPlaces {

    /** Where an address points: the compound, its grid cell, the building (null if none named) and the node. */
    public record Place(UUID compoundId, UUID gridCellId, UUID buildingId, UUID areaId) {
    }

    /** The compounds and buildings below one area node, read once. */
    public static final class Places {
        private final ImportRows.Areas areas;

        Places(ImportRows.Areas areas) {
            this.areas = areas;
        }

        /**
         * The place of a compound and building as written in a sheet; null when the compound is unknown, or when a
         * building is named that the compound does not have.
         */
        public Place find(String compound, String building) {
            UUID[] comp = compound == null ? null : areas.compounds().get(compound.strip());
            if (comp == null) {
                return null;
            }
            if (building == null || building.isBlank()) {
                return new Place(comp[0], comp[1], null, comp[0]);
            }
            UUID b = ImportRows.buildingOf(areas, comp[0], building.strip());
            return b == null ? null : new Place(comp[0], comp[1], b, b);
        }
    }

    @Inject
    ImportRepository imports;

    /** The places below the area node at {@code areaPath} (runs outside any request: no jurisdiction applied). */
    public Places below(String areaPath) throws SQLException {
        return new Places(imports.places(areaPath));
    }
}
