package org.gridguard.testing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alerts nucleic-acid rounds raise. */
@ApplicationScoped
public class TestingAlerts implements AlertKinds {

    /** A pooled tube tested positive or invalid: its members are re-tested. */
    public static final AlertKind POSITIVE_POOL = AlertKind.generic("POSITIVE_POOL", "magenta", "混检阳性", "Positive pool");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(POSITIVE_POOL);
    }
}
