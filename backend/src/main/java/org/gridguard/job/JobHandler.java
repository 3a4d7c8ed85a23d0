package org.gridguard.job;

import java.util.Map;
import java.util.UUID;
import org.gridguard.common.Port;

/**
 * A kind of long work (import, export, roster). Handlers must be safe to run again from the start:
 * a job whose instance died is taken over by another instance and re-run.
 */
@Port
public interface JobHandler {

    String kind();

    /** Does the work and returns the final report. Throw {@link org.gridguard.common.ApiProblem} for a clean failure. */
    Map<String, Object> run(Context ctx) throws Exception;

    interface Context {
        UUID id();

        String owner();

        UUID communityId();

        Map<String, Object> params();

        /** Records progress (0–100) and a partial report; also a heartbeat. */
        void progress(int percent, Map<String, Object> partialReport);

        /** True when the job was taken over after its instance died. */
        boolean resumed();
    }
}
