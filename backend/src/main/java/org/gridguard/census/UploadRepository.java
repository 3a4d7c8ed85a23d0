package org.gridguard.census;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The uploads of census files as the request handles them: stored, tied to their job, their error file read
 * back. (The job itself reads and writes them on a connection of its own: {@link ImportRepository}.)
 */
@ApplicationScoped
public class UploadRepository {

    /** A file as received, for the import job. */
    record NewUpload(UUID id, String owner, UUID communityId, UUID areaId, String filename, String format, String charset,
            byte[] content) {
    }

    @Inject
    EntityManager em;

    void save(NewUpload u) {
        em.createNativeQuery("""
                insert into import_upload (id, owner, community_id, area_id, filename, format, charset, content)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, u.id()).setParameter(2, u.owner()).setParameter(3, u.communityId())
                .setParameter(4, u.areaId()).setParameter(5, u.filename())
                .setParameter(6, u.format()).setParameter(7, u.charset()).setParameter(8, u.content())
                .executeUpdate();
    }

    void tieToJob(UUID uploadId, UUID jobId) {
        em.createNativeQuery("update import_upload set job_id = ?1 where id = ?2").setParameter(1, jobId)
                .setParameter(2, uploadId).executeUpdate();
    }

    /** Empty when the job has no upload; an empty value inside when its rows were not checked yet. */
    @SuppressWarnings("unchecked")
    Optional<Optional<String>> errorsOf(UUID jobId) {
        List<String> rows = em.createNativeQuery("select errors_csv from import_upload where job_id = ?1")
                .setParameter(1, jobId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(Optional.ofNullable(rows.get(0)));
    }
}
