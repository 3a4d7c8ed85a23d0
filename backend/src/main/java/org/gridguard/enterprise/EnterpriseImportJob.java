package org.gridguard.enterprise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.census.ImportFile;
import org.gridguard.common.ApiProblem;
import org.gridguard.enterprise.EnterpriseImportRows.Good;
import org.gridguard.enterprise.EnterpriseImportRows.RowError;
import org.gridguard.job.JobHandler;

/**
 * The register sheet's job: reads the file, checks every row ({@link EnterpriseImportRows}), then upserts by credit
 * code in one transaction: a new code is created, a known one within the import's area is updated, a row equal to
 * what is registered changes nothing (re-importing a file is a no-op). A dry run checks and counts without writing.
 * A code registered outside the import's area is a refused row. Safe to run again from the start.
 */
@ApplicationScoped
public class EnterpriseImportJob implements JobHandler {

    public static final String KIND = "enterprise-import";

    @Inject
    EnterpriseRepository repo;
    @Inject
    EnterpriseService service;
    @Inject
    EntityManager em;
    @Inject
    java.time.Clock clock;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public Map<String, Object> run(Context ctx) {
        UUID importId = UUID.fromString((String) ctx.params().get("importId"));
        Object[] upload = repo.loadImport(importId);
        if (upload == null) {
            throw ApiProblem.notFound("Import");
        }
        String owner = (String) upload[0];
        EnterpriseRepository.Area home = repo.area((UUID) upload[1]);
        boolean dryRun = (Boolean) upload[3];
        ImportFile.Table t = ImportFile.read((byte[]) upload[2], false);
        EnterpriseColumns cols = EnterpriseColumns.of(t.header());
        List<RowError> errors = new ArrayList<>();
        var places = new EnterpriseImportRows.Places(home, repo.placesUnder(home.path()));
        List<Good> good = EnterpriseImportRows.check(t.rows(), cols, places, errors);
        ctx.progress(40, Map.of("phase", "checked", "rows", t.rows().size()));
        int[] counts = write(good, home, owner, dryRun, errors);
        errors.sort(java.util.Comparator.comparingInt(RowError::line));
        repo.saveErrors(importId, EnterpriseImportRows.errorsCsv(errors));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("importId", importId.toString());
        report.put("dryRun", dryRun);
        report.put("format", t.format().name());
        report.put("charset", t.charset());
        report.put("rows", t.rows().size());
        report.put("created", counts[0]);
        report.put("updated", counts[1]);
        report.put("unchanged", counts[2]);
        report.put("rejected", (int) errors.stream().mapToInt(RowError::line).distinct().count());
        report.put("errors", errors.stream().limit(100).map(e -> Map.of("line", e.line(), "column", e.column(),
                "message", e.message())).toList());
        return report;
    }

    /** Upserts the good rows (unless a dry run): counts created, updated, unchanged; a code held elsewhere is an error. */
    private int[] write(List<Good> good, EnterpriseRepository.Area home, String owner, boolean dryRun, List<RowError> errors) {
        Map<String, Enterprise> known = repo.byCreditCodes(good.stream().map(g -> g.values().creditCode()).toList());
        Map<UUID, String> paths = new java.util.HashMap<>();
        int[] counts = new int[3];
        Instant now = clock.instant();
        for (Good g : good) {
            Enterprise e = known.get(g.values().creditCode());
            if (e != null && !paths.computeIfAbsent(e.areaId, id -> repo.area(id).path()).startsWith(home.path())) {
                errors.add(new RowError(g.line(), "统一社会信用代码", "is registered already outside the import's area"));
            } else if (e == null) {
                counts[0]++;
                if (!dryRun) {
                    Enterprise n = new Enterprise();
                    n.id = UUID.randomUUID();
                    n.createdBy = owner;
                    n.createdAt = now;
                    service.apply(n, g.values(), g.area(), owner, now);
                    n.persist();
                }
            } else if (service.same(e, g.values(), g.area().id())) {
                counts[2]++;
            } else {
                counts[1]++;
                if (!dryRun) {
                    service.apply(e, g.values(), g.area(), owner, now);
                }
            }
        }
        em.flush();
        return counts;
    }
}
