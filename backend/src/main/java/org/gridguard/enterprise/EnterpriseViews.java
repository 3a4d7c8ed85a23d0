package org.gridguard.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The register's requests and answers. The contact's phone leaves only masked. */
public final class EnterpriseViews {
    private EnterpriseViews() {
    }

    @Schema(name = "NewEnterprise", description = "A new enterprise of the register; status PENDING when not given, "
            + "RESUMED needs resumedOn")
    public record NewEnterprise(@NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) @Schema(description = "统一社会信用代码: 18 characters, the last a GB 32100-2015 check "
                    + "character; full-width characters, spaces and dashes are cleaned", example = "91440300708461136T")
            String creditCode,
            @NotNull Enterprises.Kind kind,
            @NotNull @Schema(description = "Where it is: an area node in your reach (a compound or building, or any node "
                    + "from community level down)") UUID areaId,
            @Size(max = 300) @Schema(description = "The street address as written") String address,
            @Size(max = 100) String contactName,
            @Size(max = 40) @Schema(description = "A mainland mobile or a landline with its area code; kept encrypted")
            String contactPhone,
            @Min(0) @Max(1_000_000) Integer employees,
            @Schema(description = "The day it resumed or is to resume (Asia/Shanghai)") LocalDate resumedOn,
            Enterprises.Status status) {
    }

    @Schema(name = "EnterprisePatch", description = "Only the fields sent change; an empty text clears address, contact "
            + "name or phone. Send the version you saw (If-Match or version).")
    public record EnterprisePatch(@Size(min = 1, max = 200) String name, @Size(max = 40) String creditCode,
            Enterprises.Kind kind, UUID areaId, @Size(max = 300) String address, @Size(max = 100) String contactName,
            @Size(max = 40) String contactPhone, @Min(0) @Max(1_000_000) Integer employees, LocalDate resumedOn,
            Enterprises.Status status, @Schema(description = "The version you saw; or send If-Match") Long version) {
    }

    @Schema(name = "Enterprise", requiredProperties = { "id", "name", "creditCode", "kind", "areaId", "areaName",
            "employees", "status", "resumingToday", "createdBy", "createdAt", "updatedBy", "updatedAt", "version" })
    public record EnterpriseView(UUID id, String name, String creditCode, Enterprises.Kind kind, UUID areaId,
            @Schema(description = "The area node's name") String areaName, String address, String contactName,
            @Schema(description = "The contact's phone, masked (138****0001)") String contactPhoneMasked, int employees,
            LocalDate resumedOn, Enterprises.Status status,
            @Schema(description = "RESUMED with resumedOn today (Asia/Shanghai): due its first check") boolean resumingToday,
            String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {
    }

    @Schema(name = "EnterpriseImportAccepted", requiredProperties = { "jobId", "importId", "dryRun" })
    public record ImportAccepted(UUID jobId, UUID importId, boolean dryRun) {
    }
}
