/**
 * The intake pages' own stylesheet and script, at the top of each intake page body: the shared
 * frame carries only the console's, and the CSP allows nothing inline.
 */
export function IntakeAssets() {
  return (
    <>
      <link rel="stylesheet" href="/console/intake/assets/intake.css" />
      <script src="/console/intake/assets/intake.js" defer />
    </>
  );
}
