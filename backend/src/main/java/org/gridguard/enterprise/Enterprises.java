package org.gridguard.enterprise;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gridguard.common.Port;

/**
 * The enterprise register's port: what the inspections (the place picker, the first-check sweep) and the metrics read
 * of the enterprises resuming work. Reach of an enterprise = reach of its area node.
 */
@Port
@ApplicationScoped
public class Enterprises {

    @Schema(name = "EnterpriseKind")
    public enum Kind {
        INDUSTRIAL_PARK, MARKET, SHOP, FACTORY, OFFICE, OTHER
    }

    @Schema(name = "EnterpriseStatus", description = "PENDING (not resumed yet), RESUMED, SUSPENDED")
    public enum Status {
        PENDING, RESUMED, SUSPENDED
    }

    /** An enterprise as another feature sees it. kind and status are the names of {@link Kind} and {@link Status}. */
    public record EnterpriseRef(UUID id, String name, String creditCode, String kind, UUID areaId, String areaPath,
            LocalDate resumedOn, String status) {
    }

    @Inject
    EnterpriseRepository repo;

    /** In the caller's reach (Jurisdiction), else 404 problem "Enterprise" (same as missing). */
    @Transactional
    public EnterpriseRef visible(UUID id) {
        return repo.ref(repo.visible(id).id);
    }

    /** Place picker: enterprises in the caller's reach whose name or credit code contains q (null = all), by name, at most limit. */
    @Transactional
    public List<EnterpriseRef> search(String q, int limit) {
        return repo.search(q, limit);
    }

    /** No reach check (sweeps): RESUMED enterprises whose resumedOn is day. */
    @Transactional
    public List<EnterpriseRef> resumingOn(LocalDate day) {
        return repo.resumedBetween(null, day, day);
    }

    /** Metrics: RESUMED enterprises within areaPath (area_node path prefix; null = all) with resumedOn in [from, to]. */
    @Transactional
    public List<EnterpriseRef> resumedBetween(String areaPath, LocalDate from, LocalDate to) {
        return repo.resumedBetween(areaPath, from, to);
    }
}
