package io.nianbao.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on a terminal; nothing when the output is not one (a log
 * file, a pipe), where the lines printed per file are the progress.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter terminal;
    private final int total;
    private final boolean shown;
    private int done;

    ProgressBar(PrintWriter terminal, int total, boolean shown) {
        this.terminal = terminal;
        this.total = total;
        this.shown = shown && total > 0;
        draw();
    }

    void advance() {
        done++;
        draw();
    }

    /** Erases the bar, so a line can be printed where it was. */
    void clear() {
        if (shown) {
            terminal.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            terminal.flush();
        }
    }

    void done() {
        clear();
    }

    private void draw() {
        if (!shown) {
            return;
        }
        int filled = done * WIDTH / total;
        terminal.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " uploaded");
        terminal.flush();
    }
}
