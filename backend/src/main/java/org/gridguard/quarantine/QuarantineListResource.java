package org.gridguard.quarantine;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.BodyLimit;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.RateLimited;
import org.gridguard.quarantine.QuarantineListViews.ItemView;
import org.gridguard.quarantine.QuarantineListViews.ListAccepted;
import org.gridguard.quarantine.QuarantineListViews.ListRequest;
import org.gridguard.quarantine.QuarantineListViews.ListView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/quarantine-lists")
@Tag(name = "Quarantine lists", description = "The health bureau's lists of close contacts, secondary contacts and returnees")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineListResource {

    static final String BASE = "/api/v1/quarantine-lists";

    @Inject
    QuarantineListService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(8L * 1024 * 1024)
    @RateLimited(group = "import")
    @RolesAllowed("agency")
    @Operation(summary = "Send a list of people to put under quarantine orders (JSON, at most 5,000)", description = "Runs"
            + " as a job within the area node the client is assigned to, or the node within it that areaId names: 202 with Location of the list; its items'"
            + " outcomes follow (MATCHED with the order, UNMATCHED on the community's worklist, DUPLICATE, REJECTED with"
            + " the reason). The same list again (by content or reference, with or without Idempotency-Key) is the first"
            + " list: 200, nothing new. The same file can be sent as multipart/form-data (field 'file', CSV or XLSX).")
    @APIResponse(responseCode = "202", description = "Accepted: follow the list", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ListAccepted.class)))
    @APIResponse(responseCode = "200", description = "This list was sent before: the first one", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ListAccepted.class)))
    @APIResponse(responseCode = "400", description = "Not a list, or no area to send it for")
    @APIResponse(responseCode = "404", description = "The areaId named is neither one of this client's nodes nor within one")
    @APIResponse(responseCode = "409", description = "The reference was sent already with other content")
    @APIResponse(responseCode = "413", description = "More than 5,000 people")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another list")
    @APIResponse(responseCode = "429", description = "Too many lists at once")
    public Response send(@Valid @NotNull ListRequest body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes the send safe to retry") String key) {
        return accepted(service.submit(body, key));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(20L * 1024 * 1024)
    @RateLimited(group = "import")
    @RolesAllowed("agency")
    @Operation(summary = "Send a list as a CSV (UTF-8 or GBK) or XLSX file with the Chinese columns of the template")
    // the contract merges this operation with send's: one POST, two request types, send's statuses
    public Response sendFile(@RestForm("file") FileUpload file, @RestForm("reference") String reference,
            @RestForm("areaId") UUID areaId, @HeaderParam(Idempotency.HEADER) String key) {
        return accepted(service.submit(file, reference, areaId, key));
    }

    private static Response accepted(Idempotency.Outcome<ListAccepted> o) {
        Response.ResponseBuilder rb = Response.status(o.view().replayed() ? 200 : 202).entity(o.view())
                .location(URI.create(BASE + "/" + o.id()));
        if (o.replayed()) {
            rb.header(Idempotency.REPLAYED_HEADER, "true");
        }
        return rb.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "agency" })
    @Operation(summary = "A list the client sent: its status, progress and items per outcome")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ListView.class)))
    @APIResponse(responseCode = "404", description = "No such list sent by this client")
    public ListView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/items")
    @RolesAllowed({ "admin", "agency" })
    @Operation(summary = "The outcome of each person of the list, in the list's order")
    @APIResponse(responseCode = "200", description = "A page of outcomes")
    @APIResponse(responseCode = "400", description = "A bad outcome, cursor or limit")
    @APIResponse(responseCode = "404", description = "No such list sent by this client")
    public Page<ItemView> items(@PathParam("id") UUID id,
            @QueryParam("outcome") @Parameter(description = "MATCHED, UNMATCHED, DUPLICATE or REJECTED") String outcome,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.items(id, outcome, cursor, limit);
    }
}
