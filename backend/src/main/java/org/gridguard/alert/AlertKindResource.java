package org.gridguard.alert;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.alert.AlertViews.KindView;

@Path("/api/v1/alert-kinds")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertKindResource {

    @Inject
    AlertKindRegistry kinds;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader", "grid-worker", "agency" })
    @Operation(summary = "The kinds of alert", description = "Every kind the features raise, with its workflow, who handles it, "
            + "and the label and colour to show. Sorted by kind.")
    public List<KindView> list() {
        return kinds.all().stream().map(k -> new KindView(k.code(), Map.of("zh-CN", k.labelZh(), "en", k.labelEn()),
                k.color(), k.assigneeRole(), k.transitions())).toList();
    }
}
