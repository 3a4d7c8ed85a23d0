package org.gridguard.census;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.census.ImportChunkWriter.Timings;
import org.gridguard.census.ImportChunkWriter.Totals;
import org.gridguard.census.ImportColumns.Col;
import org.gridguard.census.ImportRepository.Upload;
import org.gridguard.census.ImportRows.RowError;
import org.gridguard.census.ImportRows.Staged;
import org.gridguard.job.JobHandler;
import org.gridguard.security.pii.PiiCipher;

/**
 * The import job. It reads and checks every row first (a file that cannot be read fails the job before anything
 * is written), writes the refused rows and the warnings (an unknown category: the row is kept, ADR 0055) to the
 * error file, then writes the good rows in chunks: COPY into a
 * temporary table and two set-based upserts (households by door, residents by ID number in the community),
 * each chunk one transaction. Safe to re-run from the start: a chunk already written changes nothing again.
 * The steps: reading the file ({@link ImportFile}, {@link ImportColumns}), checking rows ({@link ImportRows}, pure),
 * resolving places and who exists ({@link ImportRepository}), writing chunks ({@link ImportChunkWriter}).
 */
@ApplicationScoped
public class CensusImportJob implements JobHandler {

    public static final String KIND = "census-import";

    @Inject
    ImportRepository imports;
    @Inject
    ImportChunkWriter writer;
    @Inject
    PiiCipher pii;
    @Inject
    Clock clock;

    @Override
    public String kind() {
        return KIND;
    }

    /** The rows of a file checked: those to write, the refused ones (by line), and who is registered already. */
    record Checked(ImportFile.Table table, ImportColumns cols, List<Staged> writable, List<RowError> errors,
            Map<String, Boolean> existing) {
    }

    @Override
    public Map<String, Object> run(Context ctx) throws Exception {
        UUID uploadId = UUID.fromString((String) ctx.params().get("uploadId"));
        boolean dryRun = Boolean.TRUE.equals(ctx.params().get("dryRun"));
        long t0 = System.nanoTime();
        Upload up = imports.load(uploadId);
        ctx.progress(2, Map.of("phase", "reading"));
        ImportFile.Table table = ImportFile.read(up.content(), false);
        ImportColumns cols = ImportColumns.of(table.header());
        ImportRows.Areas areas = imports.places(up);
        long tRead = System.nanoTime();
        Checked checked = check(ctx, up, table, cols, areas);
        long tCheck = System.nanoTime();
        imports.saveErrors(uploadId, checked.errors());
        Map<String, Object> report = report(ctx, dryRun, checked);
        report.put("readMs", (tRead - t0) / 1_000_000);
        report.put("checkMs", (tCheck - tRead) / 1_000_000);
        if (dryRun) {
            long matching = checked.writable().stream()
                    .filter(s -> checked.existing().containsKey(HexFormat.of().formatHex(s.idHmac()))).count();
            report.put("wouldCreate", checked.writable().size() - matching);
            report.put("wouldUpdateOrKeep", matching);
            return report;
        }
        write(ctx, checked, report, tCheck);
        return report;
    }

    /** Checks every row, then refuses the residents registered outside the import area. */
    private Checked check(Context ctx, Upload up, ImportFile.Table table, ImportColumns cols, ImportRows.Areas areas)
            throws Exception {
        ctx.progress(8, Map.of("phase", "checking", "rows", table.rows().size()));
        List<Staged> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        ImportRows.Checking k = new ImportRows.Checking(cols, areas, LocalDate.now(clock), up.communityId(), pii::hmac);
        int n = table.rows().size();
        for (int i = 0; i < n; i++) {
            Staged s = ImportRows.check(table.rows().get(i), k, errors, seen);
            if (s != null) {
                good.add(s);
            }
            if (i > 0 && i % 25_000 == 0) {
                ctx.progress(8 + 20 * i / n, Map.of("phase", "checking", "rows", n, "checked", i));
            }
        }
        // a resident registered outside the import area is not the importer's to move
        Map<String, Boolean> existing = imports.existing(up, good);
        List<Staged> writable = ImportRows.writable(good, existing, errors);
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Checked(table, cols, writable, errors, existing);
    }

    private static Map<String, Object> report(Context ctx, boolean dryRun, Checked checked) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dryRun", dryRun);
        report.put("format", checked.table().format().name());
        report.put("rows", checked.table().rows().size());
        report.put("valid", checked.writable().size());
        int refusals = (int) checked.errors().stream().filter(RowError::refuses).count();
        report.put("invalid", refusals);
        report.put("warnings", checked.errors().size() - refusals);
        report.put("errorFile", "/api/v1/imports/" + ctx.id() + "/errors");
        report.put("errors", checked.errors().stream().limit(100).map(e -> new CensusViews.ImportRowProblem(e.line(),
                e.field(), e.message(), e.severity().name()).asReport()).toList());
        return report;
    }

    /** Writes the rows in chunks, and what was written to the report. */
    private void write(Context ctx, Checked checked, Map<String, Object> report, long tCheck) throws Exception {
        int n = checked.table().rows().size();
        List<Staged> writable = checked.writable();
        ctx.progress(30, Map.of("phase", "writing", "rows", n, "written", 0));
        Timings timings = new Timings();
        Totals totals = writer.writeAll(writable, checked.cols().has(Col.CATEGORIES), ctx, n, timings);
        report.put("writeMs", (System.nanoTime() - tCheck) / 1_000_000);
        report.put("writeDetailMs", timings.view());
        report.put("householdsCreated", totals.households());
        report.put("created", totals.created());
        report.put("updated", totals.updated());
        report.put("unchanged", writable.size() - totals.created() - totals.updated());
    }
}
