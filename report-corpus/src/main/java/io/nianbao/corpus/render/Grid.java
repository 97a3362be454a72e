package io.nianbao.corpus.render;

import io.nianbao.corpus.render.Document.Cell;
import io.nianbao.corpus.render.Document.Table;

/** A table's cells placed on its grid, spans resolved: what the DOCX and PDF renderers draw from. */
final class Grid {
    /** The cell covering one grid position; {@code top}/{@code left} say whether this is its first row/column. */
    record Slot(Cell cell, boolean top, boolean left) {
    }

    private Grid() {
    }

    /** @return rows × columns, a position no cell covers is null */
    static Slot[][] of(Table table) {
        Slot[][] grid = new Slot[table.rows().size()][table.columns()];
        for (int r = 0; r < table.rows().size(); r++) {
            int c = 0;
            for (Cell cell : table.rows().get(r)) {
                while (grid[r][c] != null) {
                    c++;
                }
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        grid[r + dr][c + dc] = new Slot(cell, dr == 0, dc == 0);
                    }
                }
                c += cell.colspan();
            }
        }
        return grid;
    }

}
