package org.gridguard.enterprise;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.census.ImportFile;
import org.gridguard.common.ApiProblem;
import org.gridguard.enterprise.EnterpriseViews.ImportAccepted;
import org.gridguard.job.JobService;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Accepts register sheets (CSV in UTF-8 or GBK, or XLSX, read by the census import's {@link ImportFile}): checks the
 * area and the header at once, keeps the file and queues the {@link EnterpriseImportJob}.
 */
@ApplicationScoped
public class EnterpriseImportService {

    /** A sheet holds at most this many rows. */
    static final int MAX_ROWS = 5000;

    @ConfigProperty(name = "gridguard.census.import-running-per-caller", defaultValue = "2")
    int runningPerCaller;
    @ConfigProperty(name = "gridguard.census.import-running-overall", defaultValue = "20")
    int runningOverall;

    @Inject
    JobService jobs;
    @Inject
    EnterpriseRepository repo;
    @Inject
    EnterpriseService enterprises;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    java.time.Clock clock;

    @Transactional
    public ImportAccepted submit(FileUpload file, UUID areaId, boolean dryRun) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiProblem.invalid("file", "attach the register sheet as the multipart field 'file' (CSV or XLSX)");
        }
        if (areaId == null) {
            throw ApiProblem.invalid("areaId", "say which area the sheet is for (your community, a zone or a compound)");
        }
        EnterpriseRepository.Area area = enterprises.place(areaId);
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ApiProblem.invalid("file", "the upload could not be read");
        }
        ImportFile.Table t = ImportFile.read(content, false);
        EnterpriseColumns.of(t.header());
        if (t.rows().size() > MAX_ROWS) {
            throw new ApiProblem(413, "sheet-too-large", "Sheet too large", "A sheet holds at most " + MAX_ROWS
                    + " enterprises; this one has " + t.rows().size());
        }
        UUID importId = UUID.randomUUID();
        String name = file.fileName() == null ? "upload" : file.fileName();
        repo.saveImport(importId, caller.name(), area, name.length() > 200 ? name.substring(0, 200) : name, content, dryRun,
                clock.instant());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("importId", importId.toString());
        params.put("dryRun", dryRun);
        params.put("filename", name);
        UUID jobId = jobs.submit(EnterpriseImportJob.KIND, caller.name(), area.communityId(), params,
                new JobService.Limits(runningPerCaller, runningOverall, 10));
        repo.tieImportToJob(importId, jobId);
        return new ImportAccepted(jobId, importId, dryRun);
    }

    /**
     * The refused rows of an import as CSV: to its owner, or to whoever reaches its area (the community's supervisor,
     * the street's inspectors); else 404.
     */
    @Transactional
    public String errors(UUID jobId) {
        Object[] i = repo.importOfJob(jobId);
        if (i == null || !caller.name().equals(i[0]) && !jurisdiction.covers((String) i[1])) {
            throw ApiProblem.notFound("Import");
        }
        if (i[2] == null) {
            throw ApiProblem.notFound("Error file (the import has not checked the rows yet)");
        }
        return (String) i[2];
    }

    public static String template() {
        return org.gridguard.common.Csv.excel(EnterpriseColumns.TEMPLATE.toArray(String[]::new), csv -> {
        });
    }
}
