/**
 * Prints which database the run used, how many tests touched it, and a plain closing line
 * ("Tests: N passed, N failed") that CI reads.
 */
export default class DbReporter {
  onRunComplete(_contexts, results) {
    const dbFiles = results.testResults.filter((r) => r.testFilePath.includes('.db.test.'));
    const dbTests = dbFiles.reduce((n, r) => n + r.numPassingTests + r.numFailingTests, 0);
    console.log(
      `\n[test-db] ${dbTests} tests in ${dbFiles.length} files ran against ${process.env.LOKET_TEST_DB ?? 'no database'}`,
    );
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(
      `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
    );
  }
}
