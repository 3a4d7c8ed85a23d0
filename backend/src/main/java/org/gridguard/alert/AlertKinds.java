package org.gridguard.alert;

import java.util.List;

import org.gridguard.common.Port;

/**
 * The plug-in point for alert kinds: a feature that raises alerts has one {@code @ApplicationScoped} bean
 * implementing this, listing the kinds it owns (e.g. {@code temperature/TemperatureAlerts}). Nothing in the
 * alert package names a feature's kind.
 */
@Port
public interface AlertKinds {
    List<AlertKind> alertKinds();
}
