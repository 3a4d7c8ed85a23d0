package org.gridguard.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.census.PiiAudits;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.TimeConfig;
import org.gridguard.quarantine.NoticeRepository.NoticeRow;
import org.gridguard.quarantine.NoticeRepository.VerifyRow;
import org.gridguard.quarantine.NoticeViews.NoticeVerification;

/**
 * The release notice of a quarantine order (ADR 0033): the PDF for the workers, leaders and supervisors who reach the
 * order, audited like an unmask; and the public check of a notice's number and check code.
 */
@ApplicationScoped
public class NoticeService {

    /** The pii_audit action of a printed notice (V18). */
    static final String AUDIT_ACTION = "RELEASE_NOTICE";
    /** Compared against when the number is unknown, so an unknown number costs what a wrong code does. */
    private static final String NO_CODE = "\u0000no-such-order";

    @Inject
    NoticeRepository orders;
    @Inject
    NoticePdf pdf;
    @Inject
    PiiAudits audits;
    @Inject
    Clock clock;
    @Inject
    TimeConfig time;

    @ConfigProperty(name = "gridguard.quarantine.notice-verify-url")
    String verifyUrl;

    /** The PDF of a released order in the caller's reach: 404 out of reach or missing, 409 not released. */
    public byte[] releaseNotice(UUID id) {
        NoticeRow o = orders.notice(id).orElseThrow(() -> ApiProblem.notFound("Quarantine order"));
        if (!NoticeRules.RELEASED.equals(o.status())) {
            throw ApiProblem.conflict("Quarantine order " + o.number() + " is " + o.status()
                    + ": its release notice exists once it is released", Map.of("orderStatus", o.status()));
        }
        LocalDate released = o.releasedAt().atZone(time.zone()).toLocalDate();
        byte[] out = pdf.render(new NoticePdf.Notice(o.kind(), o.number(), o.checkCode(), o.communityName(),
                o.cellName(), o.siteName(), o.personName(), o.documentMask(), o.startsOn(), o.endsOn(), released,
                LocalDate.now(clock.withZone(time.zone())), verifyUrl));
        audits.record(AUDIT_ACTION, "QUARANTINE_ORDER", o.id(), o.communityId(), List.of("NAME", "ID_NUMBER_MASKED"),
                "release notice printed", Map.of("number", o.number()));
        return out;
    }

    /** Genuine only for a released order's number with its check code; anything else answers the same. */
    public NoticeVerification verify(String number, String code) {
        VerifyRow row = orders.byNumber(number.strip()).orElse(null);
        boolean match = NoticeRules.sameCode(row == null ? NO_CODE : row.checkCode(), code);
        if (row == null || !match || !NoticeRules.RELEASED.equals(row.status())) {
            return NoticeVerification.NOT_GENUINE;
        }
        return new NoticeVerification(true, row.communityName(), row.startsOn(),
                row.releasedAt().atZone(time.zone()).toLocalDate());
    }
}
