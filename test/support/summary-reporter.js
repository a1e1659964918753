/**
 * Prints one plain closing line, `jest: N passed, N failed, N skipped`, after
 * Jest's own summary, so that tools that read a run's last lines can count it.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}

module.exports = SummaryReporter;
