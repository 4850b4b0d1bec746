/** The published catalogue changes rarely: let the web view and CDNs reuse answers for a minute. */
export const CATALOGUE_CACHE = { "Cache-Control": "public, max-age=60" };
