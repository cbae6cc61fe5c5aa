/** A user-facing error: the sentence, and the code for support. Never a stack trace. */
import type { AppError } from '../../../shared/result';

export function ErrorNotice({ error }: { readonly error: AppError }) {
  return (
    <div className="error-notice" role="alert">
      <p>{error.message}</p>
      <p className="muted">Error code: {error.code}</p>
    </div>
  );
}
