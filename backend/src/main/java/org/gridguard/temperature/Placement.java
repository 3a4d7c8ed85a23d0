package org.gridguard.temperature;

import java.util.UUID;

/**
 * Where an authorised reading belongs: the resident's (or, for a visitor, the checkpoint's) community and area, the
 * resident's grid cell, the area its FEVER alert goes to, and the names shown with it.
 */
record Placement(UUID communityId, UUID areaId, UUID gridCellId, UUID alertArea, String personName, String checkpointName) {
}
