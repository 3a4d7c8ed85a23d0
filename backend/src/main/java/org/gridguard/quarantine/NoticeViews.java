package org.gridguard.quarantine;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The release notice's answers (ADR 0033). The notice itself is a PDF. */
public final class NoticeViews {

    private NoticeViews() {
    }

    @Schema(name = "NoticeVerification", description = "Whether a release notice is genuine. A wrong check code answers "
            + "exactly like an unknown number: genuine false and nothing else. Never anything personal.")
    public record NoticeVerification(
            @Schema(required = true, description = "True when the number and check code are those of a released quarantine order") boolean genuine,
            @Schema(description = "The community that released the person (only when genuine)") String communityName,
            @Schema(description = "The order's first day (only when genuine)") LocalDate startsOn,
            @Schema(description = "The day of release, Asia/Shanghai (only when genuine)") LocalDate releasedOn) {

        static final NoticeVerification NOT_GENUINE = new NoticeVerification(false, null, null, null);
    }
}
