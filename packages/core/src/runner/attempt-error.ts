import type {
  PaginationError,
  PaginationErrorCode,
  PaginationErrorDetails,
} from '../pagination-error.js';

/** Makes the typed error of one attempt (the runner fills in provider, request and attempt). */
export type FailAttempt = (
  code: PaginationErrorCode,
  message: string,
  details?: Partial<PaginationErrorDetails>,
) => PaginationError;
