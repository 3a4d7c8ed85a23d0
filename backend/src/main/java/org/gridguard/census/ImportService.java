package org.gridguard.census;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaKind;
import org.gridguard.area.AreaNode;
import org.gridguard.area.AreaRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.census.CensusViews.ImportAccepted;
import org.gridguard.common.ApiProblem;
import org.gridguard.job.JobService;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;
import org.gridguard.security.Roles;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Accepts census files: checks who imports where and that the file is readable, then queues the import job. */
@ApplicationScoped
public class ImportService {

    /** Queued or running imports: per caller and in all (counted in the job table, ADR 0029). */
    @ConfigProperty(name = "gridguard.census.import-running-per-caller", defaultValue = "2")
    int runningPerCaller;
    @ConfigProperty(name = "gridguard.census.import-running-overall", defaultValue = "20")
    int runningOverall;

    @Inject
    JobService jobs;
    @Inject
    AreaRepository areas;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Caller caller;
    @Inject
    UploadRepository uploads;

    /** Leaders import for their zone (or cells), supervisors for their community. */
    AreaNode importArea(UUID areaId) {
        List<Jurisdiction.Scope> own = jurisdiction.scopes().stream()
                .filter(s -> s.role().equals(Roles.LEADER) || s.role().equals(Roles.SUPERVISOR)).toList();
        AreaNode n;
        if (areaId == null) {
            if (own.size() != 1) {
                throw ApiProblem.invalid("areaId", "say which area the file is for (your zone or community)");
            }
            n = areas.findById(own.get(0).nodeId());
        } else {
            n = areas.findByIdOptional(areaId)
                    .filter(x -> jurisdiction.coversAs(x.path, List.of(Roles.LEADER, Roles.SUPERVISOR))
                            && !jurisdiction.isGlobal())
                    .orElseThrow(() -> ApiProblem.invalid("areaId", "no such area node in your jurisdiction"));
        }
        if (n.communityId == null || n.kind == AreaKind.BUILDING) {
            throw ApiProblem.invalid("areaId", "import into one community, zone, grid cell or compound at a time");
        }
        return n;
    }

    @Transactional
    public ImportAccepted submit(FileUpload file, UUID areaId, boolean dryRun) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiProblem.invalid("file", "attach the census file as the multipart field 'file'");
        }
        AreaNode area = importArea(areaId);
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ApiProblem.invalid("file", "the upload could not be read");
        }
        // the header and the first data row: a file without one is refused now, not by a failing job (ADR 0007)
        ImportFile.Table head = ImportFile.read(content, true);
        ImportColumns.of(head.header());
        UUID uploadId = UUID.randomUUID();
        String name = file.fileName() == null ? "upload" : file.fileName();
        uploads.save(new UploadRepository.NewUpload(uploadId, caller.name(), area.communityId, area.id,
                name.length() > 200 ? name.substring(0, 200) : name, head.format().name(), head.charset(), content));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("uploadId", uploadId.toString());
        params.put("areaId", area.id.toString());
        params.put("dryRun", dryRun);
        params.put("filename", name);
        UUID jobId = jobs.submit(CensusImportJob.KIND, caller.name(), area.communityId, params,
                new JobService.Limits(runningPerCaller, runningOverall, 10));
        uploads.tieToJob(uploadId, jobId);
        return new ImportAccepted(jobId, "QUEUED", dryRun);
    }

    /** The error file of an import the caller may see (its owner, or supervisors of its community). */
    @Transactional
    public String errors(UUID jobId) {
        jobs.get(jobId, caller, jurisdiction);
        return uploads.errorsOf(jobId).orElseThrow(() -> ApiProblem.notFound("Import"))
                .orElseThrow(() -> ApiProblem.notFound("Error file (the import has not checked the rows yet)"));
    }

    /**
     * The template: the header only, its 人员类别 column naming the accepted labels in brackets (the header reader
     * ignores what follows a bracket, so the template can be filled in and uploaded as it is).
     */
    public static String template() {
        String header = ImportColumns.TEMPLATE.stream()
                .map(h -> h.equals("人员类别") ? "人员类别（可填：" + Resident.Category.accepted() + "；多个用、分隔）" : h)
                .collect(Collectors.joining(","));
        return "\uFEFF" + header + "\r\n";
    }
}
