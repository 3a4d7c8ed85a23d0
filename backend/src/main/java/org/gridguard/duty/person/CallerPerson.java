package org.gridguard.duty.person;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.gridguard.security.Caller;

/** The caller's own duty person record, read once per request. */
@RequestScoped
class CallerPerson {

    @Inject
    Caller caller;
    @Inject
    PersonRepository people;

    private Optional<DutyPerson> me;

    Optional<DutyPerson> get() {
        if (me == null) {
            me = people.byUsername(caller.name());
        }
        return me;
    }
}
