package org.recblend.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: text columns aligned left, numbers right, two spaces between columns. */
final class TextTable {
    private final List<String> header;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header, boolean... numeric) {
        this.header = List.copyOf(header);
        this.numeric = numeric.clone();
        if (numeric.length != header.size()) {
            throw new IllegalArgumentException("one alignment per column");
        }
    }

    TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell instanceof Long || cell instanceof Integer
                    ? String.format(java.util.Locale.ROOT, "%,d", cell) : cell.toString());
        }
        rows.add(row);
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        printRow(out, header, width);
        for (List<String> row : rows) {
            printRow(out, row, width);
        }
    }

    private void printRow(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
        }
        out.println(line.toString().stripTrailing());
    }
}
