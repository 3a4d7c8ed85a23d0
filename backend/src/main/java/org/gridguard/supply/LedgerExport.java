package org.gridguard.supply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridguard.common.Csv;
import org.gridguard.supply.SupplyViews.LineView;
import org.gridguard.supply.SupplyViews.MovementView;

/** The ledger as a download: one row per line of a movement, as CSV (commons-csv) or XLSX (Apache POI, streamed). */
final class LedgerExport {

    static final String[] HEADER = { "时间 at", "类型 kind", "物资点 place", "调入点 to place", "物资 item", "单位 unit",
        "变动 delta", "盘点数 counted", "去向 issued to", "捐赠人 donor", "收据编号 receipt", "供应商 supplier",
        "单号 reference", "原因 reason", "备注 note", "经办人 actor", "movement id" };
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private LedgerExport() {
    }

    /** The cells of every line, quantities as numbers, the rest as text. */
    static List<Object[]> rows(List<MovementView> movements) {
        List<Object[]> out = new ArrayList<>();
        for (MovementView m : movements) {
            for (LineView l : m.lines()) {
                String place = l.placeId().equals(m.placeId()) ? m.placeName() : m.toPlaceName();
                out.add(new Object[] { AT.format(m.at()), m.kind().name(), place,
                    l.placeId().equals(m.placeId()) ? m.toPlaceName() : null, l.itemName(), l.unit(), l.delta(), l.counted(),
                    recipient(m), m.donor(), m.receiptNumber(), m.supplier(), m.reference(), m.reason(), m.note(),
                    m.actor(), m.id().toString() });
            }
        }
        return out;
    }

    static String recipient(MovementView m) {
        if (m.issuedTo() == null) {
            return null;
        }
        return switch (m.issuedTo()) {
            case PERSON -> m.toPerson();
            case CHECKPOINT -> "CHECKPOINT " + m.toCheckpointId();
            case HOUSEHOLD -> "HOUSEHOLD " + m.householdId();
            case DELIVERY_RUN -> "DELIVERY_RUN " + m.runId();
        };
    }

    static String csv(List<MovementView> movements) {
        return Csv.excel(HEADER, csv -> {
            for (Object[] r : rows(movements)) {
                csv.printRecord(r);
            }
        });
    }

    static byte[] xlsx(List<MovementView> movements) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("台账 ledger");
            cells(sheet.createRow(0), HEADER);
            int n = 1;
            for (Object[] r : rows(movements)) {
                cells(sheet.createRow(n++), r);
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("xlsx", e);
        }
    }

    private static void cells(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof BigDecimal q) {
                row.createCell(i).setCellValue(q.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }
}
