package org.gridguard.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Problem.FieldError;
import org.gridguard.common.Versions;
import org.gridguard.enterprise.EnterpriseRules.Clean;
import org.gridguard.enterprise.EnterpriseRules.Draft;
import org.gridguard.enterprise.EnterpriseViews.EnterprisePatch;
import org.gridguard.enterprise.EnterpriseViews.EnterpriseView;
import org.gridguard.enterprise.EnterpriseViews.NewEnterprise;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.pii.IdentityRules;
import org.gridguard.security.pii.PiiCipher;

/**
 * The register: create an enterprise within reach (once per Idempotency-Key, once per credit code), read and list
 * within reach, change it with the version seen. The import job writes through {@link #apply} too.
 */
@ApplicationScoped
public class EnterpriseService {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Idempotency idempotency;
    @Inject
    EnterpriseRepository repo;
    @Inject
    PiiCipher pii;

    @Transactional
    public Idempotency.Outcome<EnterpriseView> create(NewEnterprise req, String key) {
        return idempotency.once(caller.name(), key, "ENTERPRISE", req, EnterpriseView.class, () -> {
            EnterpriseRepository.Area area = place(req.areaId());
            Clean c = checked(new Draft(req.name(), req.creditCode(), req.kind(), req.address(), req.contactName(),
                    req.contactPhone(), req.employees(), req.resumedOn(), req.status()));
            unique(c.creditCode(), null);
            Enterprise e = new Enterprise();
            e.id = UUID.randomUUID();
            e.createdBy = caller.name();
            e.createdAt = clock.instant();
            apply(e, c, area, caller.name(), e.createdAt);
            e.persist();
            em.flush();
            return new Idempotency.Outcome<>(view(e), e.id, false);
        });
    }

    @Transactional
    public EnterpriseView get(UUID id) {
        return view(repo.visible(id));
    }

    /** Changes the fields sent; the version seen must be the current one. */
    @Transactional
    public EnterpriseView patch(UUID id, EnterprisePatch p, String ifMatch) {
        Enterprise e = repo.visible(id);
        em.lock(e, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(e);
        Versions.check(e.version, ifMatch, p.version());
        EnterpriseRepository.Area area = p.areaId() == null ? repo.area(e.areaId) : place(p.areaId());
        Clean c = checked(new Draft(or(p.name(), e.name), or(p.creditCode(), e.creditCode), or(p.kind(), e.kind),
                or(p.address(), e.address), or(p.contactName(), e.contactName),
                p.contactPhone() != null ? p.contactPhone() : pii.decrypt(e.phoneCipher), or(p.employees(), e.employees),
                or(p.resumedOn(), e.resumedOn), or(p.status(), e.status)));
        unique(c.creditCode(), e.id);
        if (!same(e, c, area.id())) {
            apply(e, c, area, caller.name(), clock.instant());
            em.flush();
        }
        return view(e);
    }

    @Transactional
    public Page<EnterpriseView> list(String q, Enterprises.Status status, UUID areaId, LocalDate resumedOn, String cursor,
            Integer limit) {
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        String area = null;
        if (areaId != null) {
            EnterpriseRepository.Area a = repo.area(areaId);
            if (a == null || !jurisdiction.overlaps(a.path())) {
                throw ApiProblem.notFound("Area node");
            }
            area = a.path();
        }
        String text = q == null || q.isBlank() ? null : EnterpriseRules.halfWidth(q).strip();
        var filter = new EnterpriseRepository.Filter(text, status, area, resumedOn);
        List<Enterprise> rows = repo.page(filter, c == null ? null : c.get(0), c == null ? null : Cursor.uuid(c.get(1)),
                lim + 1);
        return Page.of(views(rows), lim, v -> Cursor.encode(v.name(), v.id().toString()));
    }

    /** The area an enterprise is put on: in the caller's reach (else 404), from community level down (else 400). */
    EnterpriseRepository.Area place(UUID areaId) {
        EnterpriseRepository.Area a = repo.areaInReach(areaId);
        if (!EnterpriseRules.placeable(a.kind())) {
            throw ApiProblem.invalid("areaId", "an enterprise sits on a community, zone, grid cell, compound or building; "
                    + a.name() + " is a " + a.kind());
        }
        return a;
    }

    /** The draft's checked values; a bad credit code is 422 naming creditCode, any other problem 400 naming its field. */
    static Clean checked(Draft d) {
        List<FieldError> errors = new ArrayList<>();
        Clean c = EnterpriseRules.clean(d, errors);
        if (c != null) {
            return c;
        }
        if (errors.stream().anyMatch(x -> x.field().equals("creditCode"))) {
            throw new ApiProblem(422, "invalid-credit-code", "Unprocessable request", EnterpriseRules.sentence(errors),
                    errors, null, null);
        }
        throw ApiProblem.invalid(EnterpriseRules.sentence(errors), errors);
    }

    /** 409 naming creditCode when another enterprise of the register has the code. */
    void unique(String creditCode, UUID self) {
        Enterprise other = repo.byCreditCode(creditCode);
        if (other != null && !other.id.equals(self)) {
            throw new ApiProblem(409, "duplicate-credit-code", "Conflict", "An enterprise with the credit code "
                    + creditCode + " is registered already",
                    List.of(new FieldError("creditCode", "is registered already")), null, null);
        }
    }

    /** Writes checked values onto the entity. */
    void apply(Enterprise e, Clean c, EnterpriseRepository.Area area, String actor, Instant at) {
        e.name = c.name();
        e.creditCode = c.creditCode();
        e.kind = c.kind();
        e.areaId = area.id();
        e.communityId = area.communityId();
        e.address = c.address();
        e.contactName = c.contactName();
        if (!Arrays.equals(e.phoneHmac, pii.hmac("PHONE", c.phone()))) {
            e.phoneCipher = pii.encrypt(c.phone());
            e.phoneHmac = pii.hmac("PHONE", c.phone());
            e.phoneMask = IdentityRules.maskPhone(c.phone());
        }
        e.employees = c.employees();
        e.resumedOn = c.resumedOn();
        e.status = c.status();
        e.updatedBy = actor;
        e.updatedAt = at;
    }

    /** Whether the entity holds these values already (a re-imported row changes nothing). */
    boolean same(Enterprise e, Clean c, UUID areaId) {
        return e.name.equals(c.name()) && e.creditCode.equals(c.creditCode()) && e.kind == c.kind()
                && e.areaId.equals(areaId) && java.util.Objects.equals(e.address, c.address())
                && java.util.Objects.equals(e.contactName, c.contactName())
                && Arrays.equals(e.phoneHmac, pii.hmac("PHONE", c.phone())) && e.employees == c.employees()
                && java.util.Objects.equals(e.resumedOn, c.resumedOn()) && e.status == c.status();
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    EnterpriseView view(Enterprise e) {
        return views(List.of(e)).get(0);
    }

    List<EnterpriseView> views(List<Enterprise> list) {
        Map<UUID, String> names = repo.areaNames(list.stream().map(e -> e.areaId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        return list.stream().map(e -> new EnterpriseView(e.id, e.name, e.creditCode, e.kind, e.areaId,
                names.get(e.areaId), e.address, e.contactName, e.phoneMask, e.employees, e.resumedOn, e.status,
                e.status == Enterprises.Status.RESUMED && today.equals(e.resumedOn), e.createdBy, e.createdAt,
                e.updatedBy, e.updatedAt, e.version)).toList();
    }
}
