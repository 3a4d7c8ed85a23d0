package org.gridguard.alert;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.ApiProblem;

import io.quarkus.arc.All;

/** Every alert kind the features declare through {@link AlertKinds}, by code. Two kinds of one code fail startup. */
@ApplicationScoped
public class AlertKindRegistry {

    private final Map<String, AlertKind> byCode = new TreeMap<>();

    @Inject
    AlertKindRegistry(@All List<AlertKinds> sources) {
        for (AlertKinds s : sources) {
            for (AlertKind k : s.alertKinds()) {
                if (byCode.putIfAbsent(k.code(), k) != null) {
                    throw new IllegalStateException("alert kind " + k.code() + " is declared twice");
                }
            }
        }
    }

    public Collection<AlertKind> all() {
        return byCode.values();
    }

    public Optional<AlertKind> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The kind stored on an alert row; a row of a kind no longer declared keeps the generic workflow. */
    public AlertKind stored(String code) {
        return find(code).orElseGet(() -> AlertKind.generic(code, "default", code, code));
    }

    /** A kind asked for in a request: unknown codes are a 400 naming the known ones. */
    public AlertKind parameter(String name, String code) {
        return find(code).orElseThrow(() -> ApiProblem.invalid(name, "must be one of " + String.join(", ", byCode.keySet())));
    }
}
