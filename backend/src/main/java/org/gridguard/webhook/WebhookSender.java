package org.gridguard.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs one delivery with the Vert.x HTTP client that Quarkus already runs on. It connects to the address
 * the {@link CallbackPolicy} checked ({@code RequestOptions.setServer}: no second DNS lookup, so no
 * time-of-check/time-of-use gap) while the Host header, TLS SNI and certificate name check use the URL's
 * host. Redirects are not followed, connections are not reused, timeouts are short, and only the status
 * line of the answer is read.
 */
@ApplicationScoped
public class WebhookSender {

    /** The receiver's answer: a status code, or an error when there was none. */
    public record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient client;
    private final long timeoutMs;

    @Inject
    public WebhookSender(Vertx vertx,
            @ConfigProperty(name = "gridguard.webhooks.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "gridguard.webhooks.timeout") Duration timeout) {
        this.timeoutMs = timeout.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setVerifyHost(true)
                .setForceSni(true).setConnectTimeout((int) connectTimeout.toMillis()).setMaxPoolSize(32)
                .setName("gridguard-webhooks"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Starts the POST; the future never fails (errors become an Outcome). */
    public CompletableFuture<Outcome> post(CallbackPolicy.Target target, String body, Map<String, String> headers) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setSsl(target.https())
                .setHost(target.host()).setPort(target.port()).setURI(target.pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false).setTimeout(timeoutMs);
        o.putHeader("Content-Type", "application/json");
        o.putHeader("User-Agent", "GridGuard-Webhooks/1");
        headers.forEach(o::putHeader);
        return client.request(o).compose(req -> req.send(Buffer.buffer(body))).map(resp -> {
            int status = resp.statusCode();
            resp.request().connection().close(); // the status is all we need
            return new Outcome(status, null);
        }).otherwise(e -> new Outcome(null, describe(e))).toCompletionStage().toCompletableFuture();
    }

    private static String describe(Throwable e) {
        String kind;
        if (e instanceof java.net.ConnectException) {
            kind = "connection failed";
        } else if (e instanceof java.util.concurrent.TimeoutException || e instanceof io.netty.handler.timeout.TimeoutException
                || e instanceof io.vertx.core.http.HttpClosedException) {
            kind = e instanceof io.vertx.core.http.HttpClosedException ? "connection closed" : "timed out";
        } else if (e instanceof javax.net.ssl.SSLException) {
            kind = "TLS failed";
        } else {
            kind = "request failed";
        }
        String m = e.getMessage() == null ? kind : kind + ": " + e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }
}
