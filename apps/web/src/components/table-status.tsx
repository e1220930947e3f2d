import type { CombinedError } from 'urql';
import { ErrorNotice } from './error-notice';
import { Loading } from './page';

/**
 * A page of table rows that is still loading or failed to load: one full-width row saying so
 * (with a retry on error), so the table keeps its headers and its place on the page.
 */
export function TableStatusBody({
  columns,
  error,
  onRetry,
}: {
  columns: number;
  error: CombinedError | undefined;
  onRetry(): void;
}) {
  return (
    <tbody>
      <tr>
        <td colSpan={columns}>{error ? <ErrorNotice error={error} onRetry={onRetry} /> : <Loading />}</td>
      </tr>
    </tbody>
  );
}
