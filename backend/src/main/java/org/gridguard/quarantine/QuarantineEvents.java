package org.gridguard.quarantine;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.webhook.WebhookEventTypes;

/** The webhook events of quarantine orders. Payloads carry ids, numbers, kinds and dates: nothing personal. */
@ApplicationScoped
public class QuarantineEvents implements WebhookEventTypes {

    /** An order was made: the person is under home isolation, home monitoring or central isolation. */
    public static final String STARTED = "quarantine.started";
    /** An order ended: released (status RELEASED) or taken to hospital (status HOSPITAL). */
    public static final String RELEASED = "quarantine.released";

    @Override
    public List<EventType> webhookEvents() {
        return List.of(new EventType(STARTED, "A quarantine order was made: home isolation, home monitoring or central isolation"),
                new EventType(RELEASED, "A quarantine order ended: released (status RELEASED) or taken to hospital (status HOSPITAL)"));
    }
}
