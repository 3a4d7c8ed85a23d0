package org.gridguard.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.gridguard.common.Page;
import org.gridguard.webhook.WebhookViews.CreatedWebhook;
import org.gridguard.webhook.WebhookViews.DeliveryView;
import org.gridguard.webhook.WebhookViews.NewWebhook;
import org.gridguard.webhook.WebhookViews.PingView;
import org.gridguard.webhook.WebhookViews.WebhookView;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed event callbacks for agency clients (positive pools, result corrections)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "agency" })
public class WebhookResource {

    @Inject
    WebhookService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a callback URL", description = "The URL must be https and resolve to public addresses only"
            + " (no loopback, link-local, private or reserved targets unless the deployment allows them); it is checked"
            + " again before every delivery. The answer carries the signing secret, shown this once. An agency client"
            + " receives the events of the areas assigned to it. Sending the same client-chosen id again answers 200"
            + " with the existing subscription and no secret.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(responseCode = "200", description = "Replay of an existing id", content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
    public Response register(@Valid @NotNull NewWebhook body) {
        WebhookService.Registered r = service.register(body);
        if (!r.created()) {
            return Response.ok(r.view()).build();
        }
        return Response.created(URI.create("/api/v1/webhooks/" + r.view().id())).entity(r.view()).build();
    }

    @GET
    @Operation(summary = "Your webhook subscriptions", description = "Newest first; admins see every subscription.")
    public Page<WebhookView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook subscription", description = "Without its secret.")
    public WebhookView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook subscription", description = "Pending deliveries are cancelled; the delivery log is kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/ping")
    @Operation(summary = "Send a test event", description = "Queues a signed webhook.ping event for this subscription only;"
            + " follow it in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = PingView.class)))
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(service.ping(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription", description = "Newest first: status, attempts with their"
            + " HTTP status codes or errors, and when the next attempt is due.")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("status") @Parameter(description = "PENDING, DELIVERED, FAILED or CANCELLED") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.deliveries(id, status, cursor, limit);
    }
}
