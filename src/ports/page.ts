/** Which slice of a long list to return (officer console tables, audit search). */
export interface Page {
  /** At most this many items (repositories cap it at 200). */
  limit: number;
  /** Items to skip from the start. */
  offset?: number;
}

/** One slice of a list plus the total, so a console can show "1-20 of 312". */
export interface PageResult<T> {
  items: T[];
  total: number;
}
