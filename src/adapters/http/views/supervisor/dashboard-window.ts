/** The dashboard's window as Jakarta days (inclusive) and the office subtree it covers. */
export interface DashboardWindow {
  from: string;
  to: string;
  officeId: string;
}
