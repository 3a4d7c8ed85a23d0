package org.gridguard.quarantine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Versions;
import org.gridguard.quarantine.QuarantineViews.Action;
import org.gridguard.quarantine.QuarantineViews.Extension;
import org.gridguard.quarantine.QuarantineViews.Kind;
import org.gridguard.quarantine.QuarantineViews.OrderView;
import org.gridguard.quarantine.QuarantineViews.Release;
import org.gridguard.quarantine.QuarantineViews.Status;
import org.gridguard.quarantine.QuarantineViews.Transfer;
import org.gridguard.security.Caller;

/**
 * The status machine of an order (ADR 0031): an ACTIVE order is extended, transferred (home → site, site → site,
 * site → home) or ends — RELEASED, early or on time, or HOSPITAL. Each move needs the version the caller edited
 * and leaves an event: who, when, why.
 */
@ApplicationScoped
public class QuarantineMoves {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    QuarantineRepository repo;
    @Inject
    QuarantineOrderService orders;
    @Inject
    StayService stays;

    /** The visible, active order at the version the caller edited. */
    private QuarantineOrder editable(UUID id, String ifMatch, Long version, String what) {
        QuarantineOrder o = repo.visible(id);
        Versions.check(o.version, ifMatch, version);
        QuarantineRules.requireActive(o.status, what);
        return o;
    }

    @Transactional
    public OrderView extend(UUID id, Extension req, String ifMatch) {
        QuarantineOrder o = editable(id, ifMatch, req.version(), "extended");
        if (!req.endsOn().isAfter(o.endsOn)) {
            throw QuarantineRules.unprocessable("endsOn", "must be after the current end, " + o.endsOn + " (release the order to end it early)");
        }
        QuarantineRules.checkPeriod(o.startsOn, req.endsOn());
        Map<String, Object> data = Map.of("endsOn", Map.of("from", o.endsOn.toString(), "to", req.endsOn().toString()));
        o.endsOn = req.endsOn();
        return moved(o, Action.EXTENDED, Status.ACTIVE, req.reason(), data, null);
    }

    @Transactional
    public OrderView release(UUID id, Release req, String ifMatch) {
        QuarantineOrder o = editable(id, ifMatch, req.version(), "released");
        o.status = Status.RELEASED;
        o.releasedAt = orders.now();
        o.releaseReason = req.reason();
        boolean early = orders.today().isBefore(o.endsOn);
        OrderView released = moved(o, Action.RELEASED, Status.ACTIVE, req.reason(), Map.of("early", early), QuarantineEvents.RELEASED);
        // after the order's flush, so the stay's statement does not flush the order a second time (one version step)
        stays.orderLeft(o.id, SiteViews.DepartureReason.RELEASED);
        return released;
    }

    @Transactional
    public OrderView transfer(UUID id, Transfer req, String ifMatch) {
        QuarantineOrder o = editable(id, ifMatch, req.version(), "transferred");
        Map<String, Object> data = new HashMap<>();
        data.put("fromKind", o.kind.name());
        data.put("fromSiteId", o.siteId);
        switch (req.to()) {
            case SITE -> {
                if (req.siteId() == null) {
                    throw ApiProblem.invalid("siteId", "is required to transfer to a site");
                }
                if (req.siteId().equals(o.siteId)) {
                    throw QuarantineRules.unprocessable("siteId", "the person is already at this site");
                }
                orders.site(req.siteId(), true);
                o.kind = Kind.CENTRAL_ISOLATION;
                o.siteId = req.siteId();
            }
            case HOME -> {
                Kind kind = req.kind() == null ? Kind.HOME_ISOLATION : req.kind();
                if (kind == Kind.CENTRAL_ISOLATION) {
                    throw ApiProblem.invalid("kind", "a transfer home is to HOME_ISOLATION or HOME_MONITORING");
                }
                if (kind == o.kind) {
                    throw QuarantineRules.unprocessable("kind", "the order is already " + kind);
                }
                o.kind = kind;
                o.siteId = null;
            }
            case HOSPITAL -> {
                o.status = Status.HOSPITAL;
                o.releasedAt = orders.now();
                o.releaseReason = req.reason();
            }
        }
        data.put("toKind", o.kind.name());
        data.put("toSiteId", o.siteId);
        data.put("to", req.to().name());
        boolean hospital = o.status == Status.HOSPITAL;
        boolean leftSite = hospital || !java.util.Objects.equals(data.get("fromSiteId"), o.siteId);
        OrderView moved = moved(o, hospital ? Action.HOSPITAL : Action.TRANSFERRED, Status.ACTIVE, req.reason(), data,
                hospital ? QuarantineEvents.RELEASED : null);
        // the bed at the site the person leaves is free at once (a move inside one site keeps the stay)
        if (leftSite) {
            stays.orderLeft(o.id, hospital ? SiteViews.DepartureReason.HOSPITAL : SiteViews.DepartureReason.TRANSFERRED);
        }
        return moved;
    }

    private OrderView moved(QuarantineOrder o, Action action, Status from, String reason, Map<String, Object> data,
            String webhookEvent) {
        o.updatedBy = caller.name();
        o.updatedAt = orders.now();
        em.flush();
        repo.event(o.id, action.name(), from, o.status, caller.name(), o.updatedAt, reason, data);
        orders.published(o, repo.areaPath(o.areaId), webhookEvent);
        // the version moves on flush; read it back for the answer's ETag
        return orders.views(List.of(o)).get(0);
    }
}
