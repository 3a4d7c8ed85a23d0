package org.gridguard.need;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alert the needs register raises, for the leaders of the need's cell. */
@ApplicationScoped
public class NeedAlerts implements AlertKinds {

    /** An urgent medical need still open after its limit (default 2 h): one per need. */
    public static final AlertKind NEED_URGENT = AlertKind.generic("NEED_URGENT", "red", "紧急需求未处理", "Urgent need still open");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(NEED_URGENT);
    }
}
