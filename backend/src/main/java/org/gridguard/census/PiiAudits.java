package org.gridguard.census;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Port;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PII audit for other features: one append-only {@code pii_audit} row, by the caller, for a disclosure of
 * personal data that is not a census unmask (quarantine's release notice). Read back with the census's audit log.
 */
@Port
@ApplicationScoped
public class PiiAudits {

    @Inject
    PiiAuditRepository audits;
    @Inject
    ObjectMapper json;

    /** Records it in the caller's transaction, or in one of its own. The action must be allowed by pii_audit's check. */
    @Transactional
    public void record(String action, String subjectType, UUID subjectId, UUID communityId, List<String> fields,
            String reason, Map<String, Object> details) {
        try {
            audits.insert(action, subjectType, subjectId, communityId, fields.toArray(String[]::new), reason,
                    json.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
