package org.gridguard.web;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the built web app (frontend/dist) at the same origin as the API, with the SPA fallback to
 * index.html for client-side routes. Nothing under /api or /q is shadowed.
 */
@ApplicationScoped
public class WebApp {

    private static final Logger LOG = Logger.getLogger(WebApp.class);

    @ConfigProperty(name = "gridguard.web.dir")
    String dir;

    void routes(@Observes Router router) {
        Path root = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            LOG.infof("No web app at %s: serving the API only", root);
            return;
        }
        StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, root.toString())
                .setCachingEnabled(true).setIndexPage("index.html").setDefaultContentEncoding("UTF-8");
        // The app shell is revalidated on every load (hashed assets keep the static handler's long caching), so a
        // new deployment shows at the next load; the headers-end hook overrides what the static handler sets.
        router.routeWithRegex("^/(index\\.html)?$").order(9_999).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().putHeader("Cache-Control", "no-cache"));
            ctx.next();
        });
        router.routeWithRegex("^/(?!api/|q/|config\\.json).*").order(10_000).handler(files);
        // SPA fallback: any other GET that accepts HTML gets index.html (no caching, so updates show)
        router.getWithRegex("^/(?!api/|q/|config\\.json).*").order(10_001).handler(ctx -> {
            String accept = ctx.request().getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                ctx.response().putHeader("Cache-Control", "no-cache");
                ctx.response().sendFile(root.resolve("index.html").toString());
            } else {
                ctx.next();
            }
        });
        LOG.infof("Serving the web app from %s", root);
    }
}
