package org.gridguard.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of /api/v1/webhooks. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @Schema(name = "NewWebhook")
    public record NewWebhook(
            @Schema(description = "Optional client-chosen id: registering the same id again answers the existing subscription (without its secret)") UUID id,
            @NotBlank @Size(max = 2000) @Schema(description = "Callback URL: https, public address (see the allow-list)", required = true) String url,
            @NotEmpty @Size(max = 20) @Schema(description = "Event types to receive", required = true) List<@NotNull String> events,
            @Size(max = 200) String description) {
    }

    @Schema(name = "Webhook", requiredProperties = { "id", "url", "events", "createdAt", "owner" })
    public record WebhookView(UUID id, String url, List<String> events, String description, String owner,
            OffsetDateTime createdAt) {
    }

    @Schema(name = "CreatedWebhook", requiredProperties = { "id", "url", "events", "createdAt", "owner" })
    public record CreatedWebhook(UUID id, String url, List<String> events, String description, String owner,
            OffsetDateTime createdAt,
            @Schema(description = "The signing secret: shown once, at creation only; absent on a replayed create", nullable = true) String secret) {
    }

    @Schema(name = "WebhookAttempt", requiredProperties = { "attempt", "at", "durationMs" })
    public record AttemptView(int attempt, OffsetDateTime at,
            @Schema(nullable = true, description = "HTTP status the receiver answered; absent when there was no answer") Integer statusCode,
            @Schema(nullable = true) String error, int durationMs) {
    }

    @Schema(name = "WebhookDelivery", requiredProperties = { "id", "eventId", "eventType", "status", "attempts",
            "createdAt", "attemptLog" })
    public record DeliveryView(UUID id, UUID eventId, String eventType,
            @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED", "CANCELLED" }) String status, int attempts,
            @Schema(nullable = true, description = "When the next attempt is due (PENDING only)") OffsetDateTime nextAttemptAt,
            @Schema(nullable = true) Integer lastStatusCode, @Schema(nullable = true) String lastError,
            OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime deliveredAt, List<AttemptView> attemptLog) {
    }

    @Schema(name = "WebhookPing", requiredProperties = { "eventId" })
    public record PingView(UUID eventId) {
    }
}
