package org.gridguard.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every JAX-RS endpoint of the application, found by scanning the compiled classes. */
public final class EndpointInventory {

    public record Endpoint(String method, String path, String consumes) {
        public String key() {
            return method + " " + path;
        }

        /** The path with every {param} replaced by a random UUID. */
        public String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    private EndpointInventory() {
    }

    public static List<Endpoint> all() {
        List<Endpoint> out = new ArrayList<>();
        for (JavaClass jc : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gridguard")) {
            if (!jc.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> c = jc.reflect();
            String base = c.getAnnotation(Path.class).value();
            for (Method m : c.getDeclaredMethods()) {
                String http = m.isAnnotationPresent(GET.class) ? "GET"
                        : m.isAnnotationPresent(POST.class) ? "POST"
                                : m.isAnnotationPresent(PUT.class) ? "PUT"
                                        : m.isAnnotationPresent(PATCH.class) ? "PATCH"
                                                : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = base + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                Consumes consumes = m.getAnnotation(Consumes.class);
                out.add(new Endpoint(http, path.replaceAll("/+$", ""), consumes == null ? null : consumes.value()[0]));
            }
        }
        out.sort(Comparator.comparing(Endpoint::key));
        return out;
    }
}
