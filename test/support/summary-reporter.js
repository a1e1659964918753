/**
 * One plain closing line, `jest: N passed, N failed, N skipped`, for tools that
 * read a run's last line. Jest's own summary may print after reporters, so with
 * JEST_SUMMARY_FILE set the line goes to that file (.ci/run prints it last).
 */
const { writeFileSync } = require("node:fs");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    if (process.env.JEST_SUMMARY_FILE) writeFileSync(process.env.JEST_SUMMARY_FILE, line);
    else process.stdout.write(line);
  }
}

module.exports = SummaryReporter;
