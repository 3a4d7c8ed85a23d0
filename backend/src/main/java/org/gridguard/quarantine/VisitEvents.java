package org.gridguard.quarantine;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.webhook.WebhookEventTypes;

/** The webhook events visits send (no personal data, no symptoms: ids, the order's number, the day and window). */
@ApplicationScoped
public class VisitEvents implements WebhookEventTypes {

    public static final String FEVER = "quarantine.fever";
    public static final String VISIT_MISSED = "quarantine.visit_missed";

    @Override
    public List<EventType> webhookEvents() {
        return List.of(new EventType(FEVER, "A person under a quarantine order had a fever at a visit (once per order and day)"),
                new EventType(VISIT_MISSED, "A visit window of a quarantine order closed without a visit"));
    }
}
