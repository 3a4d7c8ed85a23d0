package org.gridguard.need;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.Port;

/**
 * The needs register's board as another feature reads it: the open needs in the caller's reach (the delivery runs
 * offer them to a leader to group into a run).
 */
@Port
@ApplicationScoped
public class OpenNeeds {

    @Inject
    NeedRepository repo;

    /** The open needs in the caller's reach, within the area at {@code areaPath} if given, newest first, at most limit. */
    public List<Needs.NeedRef> inReach(String areaPath, int limit) {
        return repo.page(new NeedRepository.Filter(Needs.Status.OPEN, null, null, areaPath), null, null, limit).stream()
                .map(Needs::ref).toList();
    }
}
