/** Longest search query accepted, in characters (the API answers 400 beyond it). */
export const MAX_QUERY_LENGTH = 100;
