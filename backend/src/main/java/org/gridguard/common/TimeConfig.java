package org.gridguard.common;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/** Time comes from an injectable Clock in the deployment's business zone, so tests can move it. */
@ApplicationScoped
public class TimeConfig {

    @ConfigProperty(name = "gridguard.zone")
    String zone;

    @Produces
    @DefaultBean
    @ApplicationScoped
    public Clock clock() {
        return Clock.system(ZoneId.of(zone));
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }
}
