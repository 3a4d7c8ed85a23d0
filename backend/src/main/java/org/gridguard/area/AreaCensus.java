package org.gridguard.area;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.gridguard.common.Port;

/**
 * What the census knows about areas, so the area views can show live counts and deletions can refuse to
 * orphan people. Implemented by the census feature; absent, the counts are simply not shown.
 */
@Port
public interface AreaCensus {

    record Counts(long households, long residents) {
    }

    Map<UUID, Counts> countsByGridCell(Collection<UUID> gridCellIds);

    /** True if households or residents are attached to the node at {@code path} or below it. */
    boolean hasPeople(String path);
}
