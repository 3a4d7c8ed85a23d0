package org.gridguard.supply;

import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridguard.common.Idempotency;
import org.gridguard.common.Page;
import org.gridguard.common.Responses;
import org.gridguard.supply.SupplyViews.DonationIn;
import org.gridguard.supply.SupplyViews.IssueOut;
import org.gridguard.supply.SupplyViews.MovementKind;
import org.gridguard.supply.SupplyViews.MovementView;
import org.gridguard.supply.SupplyViews.PurchaseIn;
import org.gridguard.supply.SupplyViews.StocktakeIn;
import org.gridguard.supply.SupplyViews.TransferIn;
import org.gridguard.supply.SupplyViews.WriteOffIn;

/**
 * The movements ledger: stock in, out, between places, written off and counted. Append-only: a correction is a new
 * movement. Every create takes an Idempotency-Key, so a retried movement never moves stock twice.
 */
@Path("/api/v1/supplies/movements")
@Tag(name = "Supplies")
@Produces(MediaType.APPLICATION_JSON)
public class SupplyMovementResource {

    static final String BASE = "/api/v1/supplies/movements";
    static final String PDF = "application/pdf";

    @Inject
    MovementService service;
    @Inject
    LedgerService ledger;

    @GET
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "The movements ledger", description = "Newest first, over the places in your reach.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad cursor, limit or period")
    @APIResponse(responseCode = "404", description = "The place is not in your reach")
    public Page<MovementView> list(@QueryParam("placeId") UUID placeId, @QueryParam("itemId") UUID itemId,
            @QueryParam("kind") MovementKind kind, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return ledger.list(new LedgerService.Query(placeId, itemId, kind, from, to), cursor, limit);
    }

    @GET
    @Path("/export")
    @Produces({ "text/csv", LedgerService.XLSX, MediaType.APPLICATION_JSON })
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Export the ledger", description = "One row per line of each movement in your reach, with the "
            + "list's filters; format=csv (UTF-8 with BOM) or xlsx. At most 50,000 movements per export.")
    @APIResponse(responseCode = "200", description = "The download", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = LedgerService.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "An unknown format, a bad period, or too many movements")
    @APIResponse(responseCode = "404", description = "The place is not in your reach")
    public Response export(@QueryParam("placeId") UUID placeId, @QueryParam("itemId") UUID itemId,
            @QueryParam("kind") MovementKind kind, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("format") String format) {
        LedgerService.Export e = ledger.export(new LedgerService.Query(placeId, itemId, kind, from, to), format);
        return Response.ok(e.body(), e.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + e.filename() + "\"").build();
    }

    @GET
    @Path("/{id}/receipt.pdf")
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "The donor's receipt of a donation (PDF, Chinese)", description = "物资捐赠收据: receipt number, "
            + "donor, items and quantities, the place, the community and who received it.")
    @APIResponse(responseCode = "200", description = "The receipt", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such movement in your reach")
    @APIResponse(responseCode = "409", description = "The movement is not a donation")
    @APIResponse(responseCode = "503", description = "The receipt's font is not installed on this server")
    public Response receipt(@PathParam("id") UUID id) {
        return Response.ok(ledger.receipt(id), PDF).header("Content-Disposition", "inline; filename=\"receipt.pdf\"")
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "One movement, with its lines")
    @APIResponse(responseCode = "200", description = "The movement")
    @APIResponse(responseCode = "404", description = "No such movement in your reach")
    public MovementView get(@PathParam("id") UUID id) {
        return ledger.get(id);
    }

    @POST
    @Path("/donations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Receive a donation", description = "Into a place of your reach; the donor's receipt number is "
            + "generated (its PDF at /{id}/receipt.pdf).")
    @APIResponse(responseCode = "201", description = "Received (or the first result again with the same Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "400", description = "A quantity not above zero, or a fraction of a counted item")
    @APIResponse(responseCode = "404", description = "The place is not in your reach, or an item is unknown")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another donation")
    public Response donation(@Valid @NotNull DonationIn body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.donation(body, key));
    }

    @POST
    @Path("/purchases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Receive a purchase", description = "Into a place of your reach, with supplier and invoice.")
    @APIResponse(responseCode = "201", description = "Received, or replayed for the same Idempotency-Key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "400", description = "Bad quantity (not above zero, or fractional for a counted item)")
    @APIResponse(responseCode = "404", description = "Place out of reach, or item unknown")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another purchase")
    public Response purchase(@Valid @NotNull PurchaseIn body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.purchase(body, key));
    }

    @POST
    @Path("/issues")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor", "grid-leader" })
    @Operation(summary = "Issue stock out", description = "To a checkpoint, a person or a household. Never below zero: "
            + "409 names each shortfall, also when two devices issue the last items at once.")
    @APIResponse(responseCode = "201", description = "Issued; a retry with the same Idempotency-Key issues nothing more",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "400", description = "A bad quantity or a recipient missing, naming the field")
    @APIResponse(responseCode = "404", description = "The place, checkpoint or household is not in your reach, or an "
            + "item is unknown")
    @APIResponse(responseCode = "409", description = "Not enough stock (the problem's shortfalls name each item)")
    @APIResponse(responseCode = "422", description = "The key was already used for another issue")
    public Response issue(@Valid @NotNull IssueOut body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.issue(body, key));
    }

    @POST
    @Path("/transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Move stock between two places", description = "Both in your reach.")
    @APIResponse(responseCode = "201", description = "Moved; replayed for a repeated Idempotency-Key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "400", description = "The same place twice, or a bad quantity")
    @APIResponse(responseCode = "404", description = "A place is out of reach, or an item unknown")
    @APIResponse(responseCode = "409", description = "The source place holds too little")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key belongs to another transfer")
    public Response transfer(@Valid @NotNull TransferIn body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.transfer(body, key));
    }

    @POST
    @Path("/write-offs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Write stock off, with a reason", description = "Expired, damaged, lost; or a correction of an "
            + "earlier movement (correctsId).")
    @APIResponse(responseCode = "201", description = "Written off (the same answer again for a repeated key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or a bad quantity")
    @APIResponse(responseCode = "404", description = "Place or corrected movement out of reach; item unknown")
    @APIResponse(responseCode = "409", description = "More than the place holds")
    @APIResponse(responseCode = "422", description = "That Idempotency-Key went with another write-off")
    public Response writeOff(@Valid @NotNull WriteOffIn body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.writeOff(body, key));
    }

    @POST
    @Path("/stocktakes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "admin", "supervisor" })
    @Operation(summary = "Record a stocktake", description = "The quantities counted at a place; the movement records the "
            + "difference of each item from what the ledger held.")
    @APIResponse(responseCode = "201", description = "Counted (a repeated key answers the first count)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "400", description = "A negative count, or a fraction of a counted item")
    @APIResponse(responseCode = "404", description = "The place is out of your reach or an item is not in the catalogue")
    @APIResponse(responseCode = "422", description = "This key was used for a different stocktake")
    public Response stocktake(@Valid @NotNull StocktakeIn body, @HeaderParam(Idempotency.HEADER) String key) {
        return Responses.created(BASE, service.stocktake(body, key));
    }
}
